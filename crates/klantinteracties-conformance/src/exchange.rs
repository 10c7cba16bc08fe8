//! One request and its answer, as a report shows it: what was sent (the token redacted), what
//! came back, how long it took, and a `curl` line that sends the same request again.

use serde::{Deserialize, Serialize};

/// The value shown instead of a secret.
pub const REDACTED: &str = "<redacted>";

/// One HTTP exchange (or, for the embedded register, the call it stands for).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Exchange {
    /// `GET`, `POST`, …; `WORKFLOW` for a case workflow of the embedded register.
    pub method: String,
    /// The full URL, query included (`embedded:/partijen/…` for the embedded register).
    pub url: String,
    /// Request headers as sent, credentials replaced by [`REDACTED`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub request_headers: Vec<(String, String)>,
    /// The request body as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_body: Option<String>,
    /// The answer's status; 0 when no answer came (the connection failed).
    pub status: u16,
    /// Response headers as received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub response_headers: Vec<(String, String)>,
    /// The response body as received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_body: Option<String>,
    /// Milliseconds from sending to the whole answer.
    pub duration_ms: f64,
    /// Why the harness made this call when the scenario did not name it: one POST of a
    /// registration sent as a sequence, a compensating delete, a cleanup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Exchange {
    /// A `curl` command that sends this request again. Credentials come from `credential_env`
    /// (e.g. `Token $KLANTINTERACTIES_TOKEN`), never from the record; `None` for a call that is
    /// no HTTP request.
    pub fn curl(&self, credential: Option<&str>) -> Option<String> {
        if !self.url.starts_with("http") {
            return None;
        }
        let mut parts = vec![
            "curl".to_owned(),
            "-sS".to_owned(),
            "-X".to_owned(),
            self.method.clone(),
            quote(&self.url),
        ];
        for (name, value) in &self.request_headers {
            let value = if value.contains(REDACTED) {
                match credential {
                    // Double quotes: the shell expands the variable.
                    Some(c) => {
                        parts.push("-H".to_owned());
                        parts.push(format!("\"{name}: {c}\""));
                        continue;
                    }
                    None => continue,
                }
            } else {
                value.clone()
            };
            parts.push("-H".to_owned());
            parts.push(quote(&format!("{name}: {value}")));
        }
        if let Some(body) = &self.request_body {
            parts.push("--data-raw".to_owned());
            parts.push(quote(body));
        }
        Some(parts.join(" "))
    }
}

/// `s` in single quotes for a POSIX shell.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_names_the_credential_by_variable_and_quotes_the_body() {
        let e = Exchange {
            method: "POST".into(),
            url: "http://127.0.0.1:8000/klantinteracties/api/v1/partijen".into(),
            request_headers: vec![
                ("Authorization".into(), format!("Token {REDACTED}")),
                ("Content-Type".into(), "application/json".into()),
            ],
            request_body: Some(r#"{"naam":"'t Hof"}"#.into()),
            status: 201,
            response_headers: vec![],
            response_body: None,
            duration_ms: 1.0,
            note: None,
        };
        let curl = e.curl(Some("Token $KLANTINTERACTIES_TOKEN")).unwrap();
        assert_eq!(
            curl,
            "curl -sS -X POST 'http://127.0.0.1:8000/klantinteracties/api/v1/partijen' \
             -H \"Authorization: Token $KLANTINTERACTIES_TOKEN\" \
             -H 'Content-Type: application/json' --data-raw '{\"naam\":\"'\\''t Hof\"}'"
        );
        assert!(!curl.contains(REDACTED));
        let embedded = Exchange {
            url: "embedded:/partijen".into(),
            ..e
        };
        assert_eq!(embedded.curl(None), None);
    }
}
