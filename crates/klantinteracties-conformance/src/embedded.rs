//! The embedded register as a target: every call goes to [`Register::handle`], every
//! workflow to the library's case workflows, in a fresh in-memory register per scenario with
//! a stepping clock and seeded ids, so runs are reproducible.

use std::fmt::Write as _;

use chrono::{DateTime, TimeDelta, Utc};
use klantinteracties::register::{Error, Method, Register, Request, SeededIds, SteppingClock};
use klantinteracties::rules::{self, Options, Profile};
use serde_json::Value;

use crate::exchange::Exchange;
use crate::target::{Body, Call, Response, Target, TargetError};

/// The first reading of the clock in every scenario: after every date the documents use.
pub const START: &str = "2024-06-01T12:00:00Z";

/// The embedded register in one profile.
#[derive(Debug)]
pub struct EmbeddedTarget {
    name: String,
    profile: Profile,
    register: Register,
    exchanges: Vec<Exchange>,
}

impl EmbeddedTarget {
    /// The target `embedded` (profile `standaard`) or `embedded-open-klant`.
    pub fn new(profile: Profile) -> Self {
        let name = match profile {
            Profile::Standaard => "embedded",
            Profile::OpenKlant => "embedded-open-klant",
        };
        Self {
            name: name.to_owned(),
            profile,
            register: fresh(profile),
            exchanges: Vec::new(),
        }
    }

    /// The target by name, if it is an embedded one.
    pub fn by_name(name: &str) -> Option<Self> {
        match name {
            "embedded" => Some(Self::new(Profile::Standaard)),
            "embedded-open-klant" => Some(Self::new(Profile::OpenKlant)),
            _ => None,
        }
    }

    /// The register of the running scenario (for end-state snapshots and inspection).
    pub fn register(&self) -> &Register {
        &self.register
    }
}

fn fresh(profile: Profile) -> Register {
    let start: DateTime<Utc> = START.parse().unwrap_or_default();
    Register::builder()
        .profile(profile)
        .clock(SteppingClock::new(start, TimeDelta::seconds(1)))
        .ids(SeededIds::new(0x4b49))
        .who("conformance")
        .in_memory()
}

impl Target for EmbeddedTarget {
    fn name(&self) -> &str {
        &self.name
    }

    fn profile(&self) -> &str {
        self.profile.as_str()
    }

    fn supports_workflows(&self) -> bool {
        true
    }

    fn reset(&mut self) -> Result<(), TargetError> {
        self.register = fresh(self.profile);
        Ok(())
    }

    fn call(&mut self, call: &Call) -> Result<Response, TargetError> {
        let started = std::time::Instant::now();
        let response = self.answer(call);
        self.exchanges
            .push(exchange(call, &response, started.elapsed()));
        Ok(response)
    }

    fn take_exchanges(&mut self) -> Vec<Exchange> {
        std::mem::take(&mut self.exchanges)
    }
}

/// The call as an exchange: `embedded:/partijen/{uuid}?…`, the method the HTTP API would use.
fn exchange(call: &Call, response: &Response, took: std::time::Duration) -> Exchange {
    let (method, url, body) = match call {
        Call::Api {
            method,
            resource,
            uuid,
            body,
            query,
            ..
        } => {
            let mut url = format!("embedded:/{}", resource.collection());
            if let Some(u) = uuid {
                let _ = write!(url, "/{u}");
            }
            for (i, (k, v)) in query.iter().enumerate() {
                let _ = write!(url, "{}{k}={v}", if i == 0 { '?' } else { '&' });
            }
            let verb = match method {
                Method::Create => "POST",
                Method::Replace => "PUT",
                Method::Patch => "PATCH",
                Method::Delete => "DELETE",
                Method::Get | Method::List => "GET",
            };
            let body = body.as_ref().map(|b| match b {
                Body::Json(v) => v.to_string(),
                Body::Raw(t) => t.clone(),
            });
            (verb.to_owned(), url, body)
        }
        Call::Workflow { name, input } => (
            "WORKFLOW".to_owned(),
            format!("embedded:workflow/{name}"),
            Some(input.to_string()),
        ),
    };
    Exchange {
        method,
        url,
        request_headers: Vec::new(),
        request_body: body,
        status: response.status,
        response_headers: Vec::new(),
        response_body: (!response.body.is_null()).then(|| response.body.to_string()),
        duration_ms: took.as_secs_f64() * 1000.0,
        note: None,
    }
}

impl EmbeddedTarget {
    fn answer(&mut self, call: &Call) -> Response {
        match call {
            Call::Api {
                method,
                resource,
                uuid,
                body,
                query,
                ..
            } => {
                let body = match body {
                    None => None,
                    Some(Body::Json(v)) => Some(v.clone()),
                    Some(Body::Raw(text)) => {
                        if let Ok(v) = serde_json::from_str::<Value>(text) {
                            Some(v)
                        } else {
                            // Not JSON: the validator's parse report, as an API would answer.
                            let report = rules::validate(
                                *resource,
                                text.as_bytes(),
                                Options::input(self.profile),
                            );
                            return problem(&Error::Invalid(report));
                        }
                    }
                };
                let request = Request {
                    method: *method,
                    resource: *resource,
                    uuid: *uuid,
                    body,
                    query: query.clone(),
                };
                match self.register.handle(&request) {
                    Ok(body) => Response {
                        status: request.success_status(),
                        body,
                    },
                    Err(e) => problem(&e),
                }
            }
            Call::Workflow { name, input } => {
                match klantinteracties::workflows::voer_uit(&self.register, name, input) {
                    Ok(body) => Response { status: 200, body },
                    Err(e) => problem(&e),
                }
            }
        }
    }
}

fn problem(e: &Error) -> Response {
    let p = e.problem();
    Response {
        status: p.status,
        body: serde_json::to_value(&p).unwrap_or(Value::Null),
    }
}
