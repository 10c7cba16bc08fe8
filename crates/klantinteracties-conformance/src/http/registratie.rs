//! F2173 Registreer klantcontact over plain API 0.9.0: the whole registration (klantcontact,
//! actoren, betrokkenen, onderwerpobjecten, bijlagen, interne taken) as the documented
//! sequence of POSTs. API 0.9.0 has no transaction across calls, so when a later POST is
//! refused, the objects already created are deleted newest first (the compensation B8786
//! describes), and the answer is the refusal, its `invalidParams` named as the one-call
//! registration names them (`betrokkenen.0.contactnaam`).

use klantinteracties::register::Method;
use klantinteracties::Resource;
use serde_json::{json, Map, Value};

use super::{HttpTarget, Outgoing};
use crate::target::{Body, Response, TargetError};

/// One part of the registration: where its members are in the body, where they go, and the
/// property that names the klantcontact.
struct Part {
    key: &'static str,
    answer: &'static str,
    resource: Resource,
    link: &'static str,
}

const PARTS: &[Part] = &[
    Part {
        key: "actoren",
        answer: "actorklantcontacten",
        resource: Resource::Actorklantcontacten,
        link: "klantcontact",
    },
    Part {
        key: "betrokkenen",
        answer: "betrokkenen",
        resource: Resource::Betrokkenen,
        link: "hadKlantcontact",
    },
    Part {
        key: "onderwerpobjecten",
        answer: "onderwerpobjecten",
        resource: Resource::Onderwerpobjecten,
        link: "klantcontact",
    },
    Part {
        key: "bijlagen",
        answer: "bijlagen",
        resource: Resource::Bijlagen,
        link: "wasBijlageVanKlantcontact",
    },
    Part {
        key: "interneTaken",
        answer: "interneTaken",
        resource: Resource::Internetaken,
        link: "aanleidinggevendKlantcontact",
    },
];

/// The objects a registration's answer (`{klantcontact, actorklantcontacten, betrokkenen,
/// …}`) names, the klantcontact first.
pub(crate) fn created_in(answer: &Value) -> Vec<(Resource, String)> {
    let uuid = |v: &Value| v.get("uuid").and_then(Value::as_str).map(str::to_owned);
    let mut out: Vec<(Resource, String)> = answer
        .get("klantcontact")
        .and_then(uuid)
        .map(|u| (Resource::Klantcontacten, u))
        .into_iter()
        .collect();
    for part in PARTS {
        for member in answer
            .get(part.answer)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(u) = uuid(member) {
                out.push((part.resource, u));
            }
        }
    }
    out
}

/// Sends the registration in `body` as a sequence of POSTs.
pub(crate) fn sequence(t: &mut HttpTarget, body: &Value) -> Result<Response, TargetError> {
    let empty = Vec::new();
    let members = |key: &str| body.get(key).and_then(Value::as_array).unwrap_or(&empty);
    let total = 1 + PARTS.iter().map(|p| members(p.key).len()).sum::<usize>();
    let mut n = 0;
    let mut note = |what: &str| {
        n += 1;
        format!("F2173 as a sequence: POST {n} of {total} ({what})")
    };
    let mut made: Vec<(Resource, String)> = Vec::new();
    let klantcontact = Body::Json(body.get("klantcontact").cloned().unwrap_or(Value::Null));
    let first = t.send(&Outgoing {
        method: Method::Create,
        resource: Resource::Klantcontacten,
        uuid: None,
        query: &[],
        body: Some(&klantcontact),
        note: Some(note("klantcontact")),
    })?;
    if !first.is_success() {
        return Ok(refused(first, "klantcontact.", 0, &[]));
    }
    let Some(kc) = first
        .body
        .get("uuid")
        .and_then(Value::as_str)
        .map(str::to_owned)
    else {
        return Err(TargetError::Failure(
            "POST /klantcontacten answered without a uuid".to_owned(),
        ));
    };
    made.push((Resource::Klantcontacten, kc.clone()));
    let mut answer = Map::new();
    for part in PARTS {
        let mut created = Vec::new();
        for (i, member) in members(part.key).iter().enumerate() {
            let mut m = if part.key == "actoren" {
                json!({ "actor": { "uuid": member.get("uuid").cloned().unwrap_or(Value::Null) } })
            } else {
                member.clone()
            };
            if let Value::Object(o) = &mut m {
                o.insert(part.link.to_owned(), json!({ "uuid": kc }));
            }
            let prefix = format!("{}.{i}.", part.key);
            let r = t.send(&Outgoing {
                method: Method::Create,
                resource: part.resource,
                uuid: None,
                query: &[],
                body: Some(&Body::Json(m)),
                note: Some(note(prefix.trim_end_matches('.'))),
            })?;
            if !r.is_success() {
                let count = made.len();
                let left = t.delete_all(&made, "F2173 compensation: undo the registration");
                let left = check_gone(t, &made, left);
                return Ok(refused(r, &prefix, count, &left));
            }
            if let Some(u) = r.body.get("uuid").and_then(Value::as_str) {
                made.push((part.resource, u.to_owned()));
            }
            created.push(r.body);
        }
        answer.insert(part.answer.to_owned(), Value::Array(created));
    }
    // The klantcontact as it is now, with everything linked to it.
    let now = t.send(&Outgoing {
        method: Method::Get,
        resource: Resource::Klantcontacten,
        uuid: Some(kc),
        query: &[],
        body: None,
        note: Some("F2173 as a sequence: the klantcontact as registered".to_owned()),
    })?;
    let mut out = Map::new();
    out.insert("klantcontact".to_owned(), now.body);
    out.extend(answer);
    Ok(Response {
        status: 201,
        body: Value::Object(out),
    })
}

/// Whether the compensated objects are gone: a GET of each must find nothing.
fn check_gone(
    t: &mut HttpTarget,
    made: &[(Resource, String)],
    mut left: Vec<String>,
) -> Vec<String> {
    for (resource, uuid) in made {
        let key = format!("{}/{uuid}", resource.collection());
        if left.contains(&key) {
            continue;
        }
        let r = t.send(&Outgoing {
            method: Method::Get,
            resource: *resource,
            uuid: Some(uuid.clone()),
            query: &[],
            body: None,
            note: Some("F2173 compensation: check that nothing is left".to_owned()),
        });
        if !matches!(r, Ok(ref r) if r.status == 404) {
            left.push(key);
        }
    }
    left
}

/// The refusal of one POST as the refusal of the whole registration: its `invalidParams`
/// prefixed with the member's place, and what the compensation did.
fn refused(mut r: Response, prefix: &str, compensated: usize, left: &[String]) -> Response {
    if let Some(Value::Array(params)) = r.body.get_mut("invalidParams") {
        for p in params {
            if let Some(Value::String(name)) = p.get_mut("name") {
                *name = format!("{prefix}{name}");
            }
        }
    }
    if compensated > 0 {
        let outcome = if left.is_empty() {
            format!("{compensated} objects deleted, nothing left behind")
        } else {
            format!(
                "{compensated} objects to delete, left behind: {}",
                left.join(", ")
            )
        };
        if let Value::Object(m) = &mut r.body {
            m.insert(
                "compensation".to_owned(),
                json!({ "outcome": outcome, "leftBehind": left }),
            );
        }
    }
    r
}
