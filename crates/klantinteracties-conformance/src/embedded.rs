//! The embedded register as a target: every call goes to [`Register::handle`], every
//! workflow to the library's case workflows, in a fresh in-memory register per scenario with
//! a stepping clock and seeded ids, so runs are reproducible.

use chrono::{DateTime, TimeDelta, Utc};
use klantinteracties::register::{Error, Register, Request, SeededIds, SteppingClock};
use klantinteracties::rules::{self, Options, Profile};
use serde_json::Value;

use crate::target::{Body, Call, Response, Target, TargetError};

/// The first reading of the clock in every scenario: after every date the documents use.
pub const START: &str = "2024-06-01T12:00:00Z";

/// The embedded register in one profile.
#[derive(Debug)]
pub struct EmbeddedTarget {
    name: String,
    profile: Profile,
    register: Register,
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
                            return Ok(problem(&Error::Invalid(report)));
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
                Ok(match self.register.handle(&request) {
                    Ok(body) => Response {
                        status: request.success_status(),
                        body,
                    },
                    Err(e) => problem(&e),
                })
            }
            Call::Workflow { name, input } => Ok(
                match klantinteracties::workflows::voer_uit(&self.register, name, input) {
                    Ok(body) => Response { status: 200, body },
                    Err(e) => problem(&e),
                },
            ),
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
