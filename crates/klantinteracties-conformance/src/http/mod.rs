//! The HTTP target: any implementation of API 0.9.0, reached over HTTP with a blocking client
//! and described by a [target file](TargetFile).
//!
//! It maps documented uuids to the ones the server assigns (module `ids`), sends F2173's whole
//! registration as the documented sequence of POSTs with compensation (module `registratie`),
//! keeps scenarios apart on a shared server (each judged on what it wrote, which is deleted
//! afterwards) or empties the server with the target's reset command, and records every
//! exchange with the credential redacted.

mod auth;
mod ids;
mod registratie;
pub mod target_file;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use klantinteracties::register::Method;
use klantinteracties::Resource;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;

use crate::exchange::{Exchange, REDACTED};
use crate::target::{Body, Call, Description, Leftovers, Response, Target, TargetError};
pub use target_file::{Authentication, ClientUuids, Registration, TargetFile, TargetFileError};

use auth::Credential;
use ids::IdMap;

/// RFC 3986's unreserved characters stay as they are in a query.
const QUERY: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// An implementation of API 0.9.0 over HTTP.
#[derive(Debug)]
pub struct HttpTarget {
    file: TargetFile,
    base: String,
    agent: ureq::Agent,
    credential: Credential,
    ids: IdMap,
    /// Every object a scenario created, oldest first: deleted newest first afterwards.
    created: Vec<(Resource, String)>,
    /// The uuids of every object the running scenario wrote.
    owned: HashSet<String>,
    exchanges: Vec<Exchange>,
}

/// One request as the target sends it.
pub(crate) struct Outgoing<'a> {
    pub method: Method,
    pub resource: Resource,
    pub uuid: Option<String>,
    pub query: &'a [(String, String)],
    pub body: Option<&'a Body>,
    pub note: Option<String>,
}

impl HttpTarget {
    /// The target a file describes; its secrets are read from the environment now.
    pub fn new(file: TargetFile) -> Result<Self, String> {
        file.check()?;
        let credential = Credential::from(&file.authentication)?;
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs_f64(file.timeouts.connect_seconds)))
            .timeout_global(Some(Duration::from_secs_f64(file.timeouts.request_seconds)))
            .user_agent(concat!(
                "klantinteracties-conformance/",
                env!("CARGO_PKG_VERSION")
            ))
            .build();
        Ok(Self {
            base: file.base_url.trim_end_matches('/').to_owned(),
            file,
            agent: config.into(),
            credential,
            ids: IdMap::default(),
            created: Vec::new(),
            owned: HashSet::new(),
            exchanges: Vec::new(),
        })
    }

    /// The same target authenticating with `Authorization: Token <token>` given in code (the
    /// Python binding's `token=`); a reproducing `curl` names `$KLANTINTERACTIES_TOKEN`.
    #[must_use]
    pub fn with_token(mut self, token: &str) -> Self {
        self.credential = Credential::Header(format!("Token {token}"));
        self.file.authentication = Authentication::Token {
            token_env: "KLANTINTERACTIES_TOKEN".to_owned(),
        };
        self
    }

    /// The target file it was made from.
    pub fn file(&self) -> &TargetFile {
        &self.file
    }

    /// Whether another party's data may be on the server (no reset command).
    fn shared(&self) -> bool {
        self.file.reset.is_none()
    }

    fn url(&self, resource: Resource, uuid: Option<&str>, query: &[(String, String)]) -> String {
        let mut url = format!("{}/{}", self.base, resource.collection());
        if let Some(u) = uuid {
            url.push('/');
            url.push_str(u);
        }
        for (i, (k, v)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&utf8_percent_encode(k, QUERY).to_string());
            url.push('=');
            url.push_str(&utf8_percent_encode(v, QUERY).to_string());
        }
        url
    }

    /// Sends one request (documented uuids localised), records the exchange, and keeps track
    /// of what was created.
    pub(crate) fn send(&mut self, out: &Outgoing<'_>) -> Result<Response, TargetError> {
        let uuid = out.uuid.as_deref().map(|u| self.ids.text(u));
        let query: Vec<(String, String)> = out
            .query
            .iter()
            .map(|(k, v)| (k.clone(), self.ids.text(v)))
            .collect();
        let (documented, body_text) = match out.body {
            None => (None, None),
            Some(Body::Json(v)) => {
                let documented = v.get("uuid").and_then(Value::as_str).map(str::to_owned);
                let mut sent = self.ids.value(v);
                if out.method == Method::Create && self.file.client_uuids == ClientUuids::Omit {
                    if let Value::Object(m) = &mut sent {
                        if documented
                            .as_deref()
                            .is_some_and(|u| uuid::Uuid::parse_str(u).is_ok())
                        {
                            m.remove("uuid");
                        }
                    }
                }
                (documented, Some(sent.to_string()))
            }
            Some(Body::Raw(text)) => (None, Some(text.clone())),
        };
        let url = self.url(out.resource, uuid.as_deref(), &query);
        let method = match out.method {
            Method::Create => "POST",
            Method::Replace => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Get | Method::List => "GET",
        };
        let mut headers: Vec<(String, String)> = vec![("Accept".into(), "application/json".into())];
        if body_text.is_some() {
            headers.push(("Content-Type".into(), "application/json".into()));
        }
        for (k, v) in &self.file.headers {
            headers.push((k.clone(), v.clone()));
        }
        let mut request = ureq::http::Request::builder().method(method).uri(&url);
        for (k, v) in &headers {
            request = request.header(k, v);
        }
        let credential = self.credential.header();
        if let Some(c) = &credential {
            request = request.header("Authorization", c);
        }
        let mut recorded_headers: Vec<(String, String)> = headers
            .iter()
            .map(|(k, v)| {
                if self.file.headers.contains_key(k) {
                    (k.clone(), REDACTED.to_owned())
                } else {
                    (k.clone(), v.clone())
                }
            })
            .collect();
        if let Some(c) = &credential {
            let scheme = c.split(' ').next().unwrap_or_default();
            recorded_headers.push(("Authorization".into(), format!("{scheme} {REDACTED}")));
        }
        let started = Instant::now();
        let request = request
            .body(body_text.clone().unwrap_or_default())
            .map_err(|e| TargetError::Failure(format!("{method} {url}: {e}")))?;
        let result = self.agent.run(request);
        let mut exchange = Exchange {
            method: method.to_owned(),
            url: url.clone(),
            request_headers: recorded_headers,
            request_body: body_text,
            status: 0,
            response_headers: Vec::new(),
            response_body: None,
            duration_ms: 0.0,
            note: out.note.clone(),
        };
        let mut response = match result {
            Ok(r) => r,
            Err(e) => {
                exchange.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
                exchange.response_body = Some(e.to_string());
                self.exchanges.push(exchange);
                return Err(TargetError::Failure(format!("{method} {url}: {e}")));
            }
        };
        let status = response.status().as_u16();
        let response_headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("<not text>").to_owned()))
            .collect();
        let text = response
            .body_mut()
            .read_to_string()
            .map_err(|e| TargetError::Failure(format!("{method} {url}: the answer: {e}")))?;
        exchange.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        exchange.status = status;
        exchange.response_headers = response_headers;
        let body = if text.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| Value::String(text.clone()))
        };
        exchange.response_body = (!text.is_empty()).then_some(text);
        self.exchanges.push(exchange);
        let response = Response { status, body };
        if response.is_success() && !out.method.is_read() {
            self.track(
                out.method,
                out.resource,
                documented.as_deref(),
                &response.body,
            );
        }
        Ok(response)
    }

    /// After a successful write: the documented uuid's mapping, what was created, what the
    /// scenario owns.
    fn track(
        &mut self,
        method: Method,
        resource: Resource,
        documented: Option<&str>,
        body: &Value,
    ) {
        let assigned = body.get("uuid").and_then(Value::as_str).map(str::to_owned);
        if method == Method::Create {
            if let (Some(d), Some(a)) = (documented, &assigned) {
                self.ids.insert(d, a);
            }
            match &assigned {
                Some(a) => self.created.push((resource, a.clone())),
                // F2173's whole registration in one call: everything it made.
                None => self.created.extend(registratie::created_in(body)),
            }
        }
        let mut found = Vec::new();
        ids::uuids_in(body, &mut found);
        self.owned.extend(found);
    }

    fn forget(&mut self) {
        self.ids.clear();
        self.created.clear();
        self.owned.clear();
    }

    /// Deletes `(resource, uuid)` pairs newest first, a second time for those refused the
    /// first time (a reference not yet gone); what is still there afterwards is left over.
    pub(crate) fn delete_all(&mut self, objects: &[(Resource, String)], note: &str) -> Vec<String> {
        let mut pending: Vec<(Resource, String)> = objects.iter().rev().cloned().collect();
        for _ in 0..2 {
            let mut refused = Vec::new();
            for (resource, uuid) in pending {
                let out = Outgoing {
                    method: Method::Delete,
                    resource,
                    uuid: Some(uuid.clone()),
                    query: &[],
                    body: None,
                    note: Some(note.to_owned()),
                };
                match self.send(&out) {
                    Ok(r) if r.is_success() || r.status == 404 => {}
                    _ => refused.push((resource, uuid)),
                }
            }
            pending = refused;
            if pending.is_empty() {
                break;
            }
        }
        pending
            .into_iter()
            .map(|(r, u)| format!("{}/{u}", r.collection()))
            .collect()
    }
}

impl Target for HttpTarget {
    fn name(&self) -> &str {
        &self.file.name
    }

    fn profile(&self) -> &str {
        &self.file.profile
    }

    fn reset(&mut self) -> Result<(), TargetError> {
        self.forget();
        if let Some(command) = &self.file.reset {
            let status = std::process::Command::new(&command[0])
                .args(&command[1..])
                .stdout(std::process::Stdio::null())
                .status()
                .map_err(|e| TargetError::Failure(format!("reset command: {e}")))?;
            if !status.success() {
                return Err(TargetError::Failure(format!(
                    "reset command ended with {status}"
                )));
            }
        }
        Ok(())
    }

    fn call(&mut self, call: &Call) -> Result<Response, TargetError> {
        match call {
            Call::Workflow { name, .. } => Err(TargetError::Unsupported(format!(
                "workflow `{name}`: case workflows have no HTTP form"
            ))),
            Call::Api {
                method,
                resource,
                uuid,
                body,
                query,
                ..
            } => {
                if let (Method::Create, Resource::Klantcontacten, Some(Body::Json(v))) =
                    (method, resource, body)
                {
                    if v.get("klantcontact").is_some()
                        && self.file.registration == Registration::Sequence
                    {
                        return registratie::sequence(self, v);
                    }
                }
                self.send(&Outgoing {
                    method: *method,
                    resource: *resource,
                    uuid: uuid.map(|u| u.to_string()),
                    query,
                    body: body.as_ref(),
                    note: None,
                })
            }
        }
    }

    fn describe(&self) -> Description {
        Description {
            name: self.file.name.clone(),
            kind: "http".to_owned(),
            profile: self.file.profile.clone(),
            api_version: self.file.api_version.clone(),
            base_url: Some(self.base.clone()),
            authentication: Some(self.file.authentication.kind().to_owned()),
            isolation: if self.shared() {
                "cleanup".to_owned()
            } else {
                "reset command".to_owned()
            },
            registration: match self.file.registration {
                Registration::Sequence => "sequence".to_owned(),
                Registration::OneCall => "one call".to_owned(),
            },
            extra_headers: self.file.headers.keys().cloned().collect(),
        }
    }

    fn take_exchanges(&mut self) -> Vec<Exchange> {
        std::mem::take(&mut self.exchanges)
    }

    fn localise(&self, value: &Value) -> Value {
        self.ids.value(value)
    }

    fn owned(&self) -> Option<&HashSet<String>> {
        self.shared().then_some(&self.owned)
    }

    fn cleanup(&mut self) -> Result<Leftovers, TargetError> {
        if !self.shared() {
            return Ok(Leftovers::default());
        }
        let created = std::mem::take(&mut self.created);
        let objects = self.delete_all(&created, "cleanup");
        self.forget();
        Ok(Leftovers { objects })
    }

    fn credential_hint(&self) -> Option<String> {
        match &self.file.authentication {
            Authentication::None => None,
            Authentication::Token { token_env } => Some(format!("Token ${token_env}")),
            Authentication::Bearer { token_env } => Some(format!("Bearer ${token_env}")),
            // A JWT is made per request: the reader signs one with the same client id.
            Authentication::ZgwJwt { .. } => Some("Bearer $KLANTINTERACTIES_JWT".to_owned()),
        }
    }
}
