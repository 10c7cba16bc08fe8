//! One entry point for every register call, addressed the way API 0.9.0 addresses it: a
//! method, a collection, an optional `{uuid}`, a body and query parameters. The conformance
//! runner, the command line and the Python binding use it to reach any function by name; a
//! Rust caller uses the typed methods instead.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::error::{encoding, report};
use super::zoeken::percent_encode;
use super::{Error, KlantcontactRegistratie, Lezer, Page, Register, Transactie, Zoekvraag};
use crate::register::regels::ZOEKEN_PARAMETER;
use crate::rules::catalogue::{DOCUMENT_JSON, VELD_TYPE};
use crate::Resource;

/// The methods of API 0.9.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// `POST /{resource}`.
    Create,
    /// `PUT /{resource}/{uuid}`.
    Replace,
    /// `PATCH /{resource}/{uuid}`.
    Patch,
    /// `DELETE /{resource}/{uuid}`.
    Delete,
    /// `GET /{resource}/{uuid}`.
    Get,
    /// `GET /{resource}?…`.
    List,
}

impl Method {
    /// Whether the method addresses one object by its `{uuid}`.
    pub fn needs_uuid(self) -> bool {
        matches!(self, Self::Replace | Self::Patch | Self::Delete | Self::Get)
    }

    /// Whether the method only reads (`get`, `list`).
    pub fn is_read(self) -> bool {
        matches!(self, Self::Get | Self::List)
    }

    /// Whether the method takes a body.
    pub fn needs_body(self) -> bool {
        matches!(self, Self::Create | Self::Replace | Self::Patch)
    }

    /// The HTTP method.
    pub fn http(self) -> &'static str {
        match self {
            Self::Create => "POST",
            Self::Replace => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
            Self::Get | Self::List => "GET",
        }
    }
}

/// One call of [`OPERATIES`](super::OPERATIES): the Rust method `naam` is `method` on `resource`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operatie {
    /// The method's name on [`Register`] and [`Transactie`] (`registreer_partij`).
    pub naam: &'static str,
    /// What it does.
    pub method: Method,
    /// On which collection.
    pub resource: Resource,
}

/// A register call. Its `Debug` shows the call and the names of its query parameters, never
/// the body's or the parameters' values (they may be personal data).
#[derive(Clone, PartialEq)]
pub struct Request {
    /// What to do.
    pub method: Method,
    /// On which collection.
    pub resource: Resource,
    /// The object, for the methods that address one.
    pub uuid: Option<Uuid>,
    /// The body of a create or update. A create on `klantcontacten` whose body has a
    /// `klantcontact` property is the whole registration of F2173
    /// ([`KlantcontactRegistratie`]): the klantcontact with its actoren, betrokkenen,
    /// onderwerpobjecten, bijlagen and interne taken in one call.
    pub body: Option<Value>,
    /// Query parameters: filters, `page`, `pageSize`, `expand`; `cascade=true` on a delete of
    /// an onderwerpobject.
    pub query: Vec<(String, String)>,
}

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("resource", &self.resource)
            .field("uuid", &self.uuid)
            .field("body", &self.body.as_ref().map(|_| "<redacted>"))
            .field(
                "query",
                &self
                    .query
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Request {
    /// The HTTP status of a successful answer, as API 0.9.0 (and Open Klant) gives it: 201
    /// for a create, 204 (no body) for a delete, except that a delete of an onderwerpobject
    /// with `cascade=true` answers 200 with `{"behouden": [...]}`; 200 otherwise.
    pub fn success_status(&self) -> u16 {
        match self.method {
            Method::Create => 201,
            Method::Delete if self.cascade() => 200,
            Method::Delete => 204,
            _ => 200,
        }
    }

    /// Whether this is a delete of an onderwerpobject with its unreferenced klantcontacten
    /// (`?cascade=true`).
    pub(crate) fn cascade(&self) -> bool {
        self.resource == Resource::Onderwerpobjecten
            && self
                .query
                .iter()
                .any(|(k, v)| k == "cascade" && v == "true")
    }

    /// A call without body or query.
    pub fn new(method: Method, resource: Resource) -> Self {
        Self {
            method,
            resource,
            uuid: None,
            body: None,
            query: Vec::new(),
        }
    }
}

impl Register {
    /// Runs one call; the answer is the API 0.9.0 response body (`null` for a delete, except
    /// the cascade delete of an onderwerpobject; see [`Request::success_status`]). A read
    /// runs under the read lock, a write as a transaction of its own.
    pub fn handle(&self, req: &Request) -> Result<Value, Error> {
        self.handle_als(&self.ctx.who, req)
    }

    /// [`Register::handle`], a write recorded in the audit log as made by `who` (B8694): the
    /// application a server authenticated.
    pub fn handle_als(&self, who: &str, req: &Request) -> Result<Value, Error> {
        if req.method.is_read() {
            self.lees(|l| l.handle(req))
        } else {
            self.transactie_als(who, |tx| tx.handle(req))
        }
    }
}

impl Lezer<'_> {
    /// Runs one reading call (`get` or `list`); a writing call is refused.
    pub fn handle(&self, req: &Request) -> Result<Value, Error> {
        super::collecties::lees(self, req)
    }
}

impl Transactie<'_> {
    /// Runs one call inside this transaction (one savepoint: when it fails, nothing it wrote
    /// remains); reads see the transaction's own writes.
    pub fn handle(&mut self, req: &Request) -> Result<Value, Error> {
        if req.method.is_read() {
            return super::collecties::lees(&self.lezer(), req);
        }
        match (req.method, req.resource) {
            (Method::Create, Resource::Klantcontacten)
                if req
                    .body
                    .as_ref()
                    .is_some_and(|b| b.get("klantcontact").is_some()) =>
            {
                let registratie: KlantcontactRegistratie = serde_json::from_value(body(req)?)
                    .map_err(|e| {
                        Error::Invalid(report(
                            "nonFieldErrors",
                            "invalid",
                            format!(
                                "De registratie past niet in het gevraagde type: {}",
                                crate::rules::serde_reason(&e)
                            ),
                            &VELD_TYPE,
                        ))
                    })?;
                json(self.registreer_klantcontact(registratie))
            }
            (Method::Create, Resource::MaakKlantcontact) => {
                json(self.maak_klantcontact(body(req)?))
            }
            (Method::Delete, Resource::Onderwerpobjecten) => {
                let cascade = req.cascade();
                let kept = self.verwijder_onderwerpobject(uuid(req)?.into(), cascade)?;
                // Only a cascade answers with a body (the klantcontacten kept).
                if cascade {
                    json(Ok(kept))
                } else {
                    Ok(Value::Null)
                }
            }
            _ => super::collecties::schrijf(self, req),
        }
    }
}

/// A page as API 0.9.0 answers a search: `{count, next, previous, results}`, where `next`
/// and `previous` are the URLs of the neighbouring pages, or `null`. The links are made as
/// Open Klant (DRF) makes them: the request's query with `page` replaced, the parameters
/// sorted by name, and no `page` at all for the first page.
pub(crate) fn pagina<T: Serialize>(
    lezer: &Lezer<'_>,
    req: &Request,
    page: Result<Page<T>, Error>,
) -> Result<Value, Error> {
    let page = page?;
    let link = |n: usize| {
        let mut pairs: Vec<(&str, String)> = req
            .query
            .iter()
            .filter(|(k, _)| k != "page")
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        if n > 1 {
            pairs.push(("page", n.to_string()));
        }
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        let query: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        let mut url = format!("{}/{}", lezer.ctx.base_url, req.resource.collection());
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query.join("&"));
        }
        url
    };
    let mut m = serde_json::Map::new();
    m.insert("count".to_owned(), page.count.into());
    m.insert(
        "next".to_owned(),
        page.has_next().then(|| link(page.page + 1)).into(),
    );
    m.insert(
        "previous".to_owned(),
        page.has_previous().then(|| link(page.page - 1)).into(),
    );
    m.insert(
        "results".to_owned(),
        serde_json::to_value(&page.results).map_err(|e| encoding("a page of results", &e))?,
    );
    Ok(Value::Object(m))
}

impl Request {
    /// The `{uuid}` of a path as the request's object: a segment that is not a UUID names
    /// no object, which is [`Error::NoSuchId`] (404), as Open Klant answers
    /// `GET /partijen/geen-uuid`.
    pub fn with_path_id(mut self, segment: &str) -> Result<Self, Error> {
        let id = Uuid::parse_str(segment).map_err(|_| Error::NoSuchId {
            resource: self.resource,
        })?;
        self.uuid = Some(id);
        Ok(self)
    }
}

pub(crate) fn uuid(req: &Request) -> Result<Uuid, Error> {
    req.uuid
        .ok_or_else(|| Error::Query(report("uuid", "required", "Geen uuid.", &ZOEKEN_PARAMETER)))
}

pub(crate) fn body(req: &Request) -> Result<Value, Error> {
    req.body.clone().ok_or_else(|| {
        Error::Invalid(report(
            "nonFieldErrors",
            "required",
            "Deze aanroep vraagt een body.",
            &DOCUMENT_JSON,
        ))
    })
}

pub(crate) fn query(req: &Request) -> Result<Zoekvraag, Error> {
    Zoekvraag::from_pairs(req.query.iter().cloned())
}

pub(crate) fn json<T: Serialize>(r: Result<T, Error>) -> Result<Value, Error> {
    r.and_then(|v| serde_json::to_value(v).map_err(|e| encoding("an answer", &e)))
}

pub(crate) fn unsupported(req: &Request) -> Error {
    Error::Query(report(
        "nonFieldErrors",
        "method_not_allowed",
        format!(
            "{} /{} wordt niet ondersteund.",
            req.method.http(),
            req.resource.collection()
        ),
        &ZOEKEN_PARAMETER,
    ))
}
