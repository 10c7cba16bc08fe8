//! Answers with problem+json, as the library renders its errors and as Open Klant words the
//! server's own refusals (401, 404, 405, 413, 415, 500, 503, 504), with an absolute `type`
//! and an `instance` per answer.

use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use klantinteracties::rules::Problem;
use serde_json::{Map, Value};

/// The media type of a problem.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem answer, ready to send.
#[derive(Debug, Clone)]
pub struct ProblemResponse {
    status: StatusCode,
    body: Value,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl ProblemResponse {
    /// The library's problem, with `type` made absolute under `origin`.
    pub fn from_problem(problem: &Problem, origin: &str) -> Self {
        let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::BAD_REQUEST);
        let mut body = Map::new();
        body.insert("type".into(), absolute(origin, &problem.kind).into());
        body.insert("code".into(), problem.code.clone().into());
        body.insert("title".into(), problem.title.clone().into());
        body.insert("status".into(), problem.status.into());
        body.insert("detail".into(), problem.detail.clone().into());
        body.insert("instance".into(), instance().into());
        if !problem.invalid_params.is_empty() {
            body.insert(
                "invalidParams".into(),
                serde_json::to_value(&problem.invalid_params).unwrap_or_default(),
            );
        }
        Self {
            status,
            body: Value::Object(body),
            headers: Vec::new(),
        }
    }

    /// The same answer with one more header (`WWW-Authenticate` on a 401, `Allow` on a 405).
    #[must_use]
    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// A problem of the server itself: `kind` names its type (`NotAuthenticated`).
    pub fn new(
        status: StatusCode,
        kind: &str,
        code: &str,
        title: &str,
        detail: &str,
        origin: &str,
    ) -> Self {
        let problem = Problem {
            kind: format!("/ref/fouten/{kind}/"),
            code: code.to_owned(),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: detail.to_owned(),
            invalid_params: Vec::new(),
        };
        Self::from_problem(&problem, origin)
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl IntoResponse for ProblemResponse {
    fn into_response(self) -> Response {
        let bytes = serde_json::to_vec(&self.body).unwrap_or_default();
        let mut response = (self.status, bytes).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        for (name, value) in self.headers {
            headers.insert(name, value);
        }
        response
    }
}

fn absolute(origin: &str, kind: &str) -> String {
    if kind.starts_with('/') {
        format!("{}{kind}", origin.trim_end_matches('/'))
    } else {
        kind.to_owned()
    }
}

fn instance() -> String {
    format!("urn:uuid:{}", uuid::Uuid::new_v4())
}

/// The scheme, host and port of a URL (`http://host:8000` of
/// `http://host:8000/klantinteracties/api/v1`).
pub fn origin_of(base_url: &str) -> String {
    let after_scheme = base_url.find("://").map_or(0, |i| i + 3);
    match base_url[after_scheme..].find('/') {
        Some(i) => base_url[..after_scheme + i].to_owned(),
        None => base_url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_origin_of_an_api_root() {
        assert_eq!(
            origin_of("http://127.0.0.1:8000/klantinteracties/api/v1"),
            "http://127.0.0.1:8000"
        );
        assert_eq!(origin_of("https://ki.example.nl"), "https://ki.example.nl");
    }
}
