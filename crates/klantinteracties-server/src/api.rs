//! The API 0.9.0 routes: every collection with list, create, get, put, patch and delete, and
//! `maak-klantcontact`, all through [`Register::handle_als`] (one request, one register
//! transaction), run off the async threads. The answer's status comes from
//! [`Request::success_status`], an error's problem from the library.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method as HttpMethod, StatusCode};
use axum::response::{IntoResponse, Response};
use klantinteracties::register::{Error, Method, Register, Request};
use klantinteracties::Resource;
use serde_json::Value;

use crate::problem::ProblemResponse;
use crate::tokens::Tokens;

/// The version of the API served, answered in the `API-version` header as Open Klant does.
pub use klantinteracties::API_VERSION;

/// What every handler shares.
#[derive(Debug)]
pub struct App {
    /// The register.
    pub register: Arc<Register>,
    /// The accepted tokens.
    pub tokens: Tokens,
    /// Scheme, host and port, for absolute problem types.
    pub origin: String,
}

/// An API request as it arrived: what the register call is made from.
struct Incoming {
    method: HttpMethod,
    collection: String,
    id: Option<String>,
    query: Vec<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
}

/// `GET|POST /klantinteracties/api/v1/{collection}`.
pub async fn collection(
    State(app): State<Arc<App>>,
    method: HttpMethod,
    Path(collection): Path<String>,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = None;
    call(
        &app,
        Incoming {
            method,
            collection,
            id,
            query,
            headers,
            body,
        },
    )
    .await
}

/// `GET|PUT|PATCH|DELETE /klantinteracties/api/v1/{collection}/{uuid}`.
pub async fn object(
    State(app): State<Arc<App>>,
    method: HttpMethod,
    Path((collection, id)): Path<(String, String)>,
    Query(query): Query<Vec<(String, String)>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let id = Some(id);
    call(
        &app,
        Incoming {
            method,
            collection,
            id,
            query,
            headers,
            body,
        },
    )
    .await
}

/// `GET /health`: answers without a token.
pub async fn health() -> Response {
    json(StatusCode::OK, &serde_json::json!({"status": "ok"}))
}

async fn call(app: &App, incoming: Incoming) -> Response {
    let who = match authenticate(app, &incoming.headers) {
        Ok(who) => who,
        Err(refusal) => return refusal.into_response(),
    };
    match request(app, incoming) {
        Ok(req) if req.method.is_read() => {
            // A read takes microseconds under a shared lock: answered on the runtime's own
            // thread, without the hand-off to the blocking pool a write needs for its fsync.
            match app.register.handle_als(&who, &req) {
                Ok(value) => success(&req, &value),
                Err(e) => refusal(app, &e).into_response(),
            }
        }
        Ok(req) => {
            let register = Arc::clone(&app.register);
            let answer =
                tokio::task::spawn_blocking(move || (register.handle_als(&who, &req), req)).await;
            match answer {
                Ok((Ok(value), req)) => success(&req, &value),
                Ok((Err(e), _)) => refusal(app, &e).into_response(),
                Err(_) => server_error(app).into_response(),
            }
        }
        Err(problem) => problem.into_response(),
    }
}

/// `GET /klantinteracties/api/v1/openapi.json`: the server's OpenAPI document, without a
/// token (as Open Klant publishes its schema).
pub async fn openapi() -> Response {
    // Built once; each answer shares the bytes (a `Bytes` clone is a reference count).
    static DOCUMENT: std::sync::OnceLock<Bytes> = std::sync::OnceLock::new();
    let bytes = DOCUMENT.get_or_init(|| {
        Bytes::from(serde_json::to_vec(&crate::openapi::published()).unwrap_or_default())
    });
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        bytes.clone(),
    )
        .into_response()
}

/// The application a request's `Authorization: Token <key>` names (B8694's `who`).
fn authenticate(app: &App, headers: &HeaderMap) -> Result<String, ProblemResponse> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ProblemResponse::new(
            StatusCode::UNAUTHORIZED,
            "NotAuthenticated",
            "not_authenticated",
            "Authenticatiegegevens zijn niet opgegeven.",
            "Authenticatiegegevens zijn niet opgegeven.",
            &app.origin,
        )
        .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Token")));
    };
    let key = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Token "))
        .map(str::trim);
    match key.and_then(|k| app.tokens.name_of(k)) {
        Some(name) => Ok(name.to_owned()),
        None => Err(ProblemResponse::new(
            StatusCode::UNAUTHORIZED,
            "AuthenticationFailed",
            "authentication_failed",
            "Ongeldige authenticatiegegevens.",
            "Ongeldige token.",
            &app.origin,
        )
        .with_header(header::WWW_AUTHENTICATE, HeaderValue::from_static("Token"))),
    }
}

/// The register call an HTTP request stands for.
fn request(app: &App, incoming: Incoming) -> Result<Request, ProblemResponse> {
    let Incoming {
        method: http,
        collection,
        id,
        query,
        headers,
        body,
    } = incoming;
    let http = &http;
    let Some(resource) = Resource::from_collection(&collection) else {
        return Err(not_found(app));
    };
    let method = match (http.as_str(), id.is_some(), resource) {
        ("POST", false, _) => Method::Create,
        (_, _, Resource::MaakKlantcontact) => {
            return Err(method_not_allowed(app, http, "POST"));
        }
        ("GET", false, _) => Method::List,
        ("GET", true, _) => Method::Get,
        ("PUT", true, _) => Method::Replace,
        ("PATCH", true, _) => Method::Patch,
        ("DELETE", true, _) => Method::Delete,
        (_, false, _) => return Err(method_not_allowed(app, http, "GET, POST")),
        (_, true, _) => {
            return Err(method_not_allowed(app, http, "GET, PUT, PATCH, DELETE"));
        }
    };
    let mut req = Request::new(method, resource);
    if let Some(id) = &id {
        req = req.with_path_id(id).map_err(|e| refusal(app, &e))?;
    }
    req.query = query;
    if method.needs_body() {
        let bytes = body.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ProblemResponse::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "RequestEntityTooLarge",
                    "request_entity_too_large",
                    "De aanvraag is te groot.",
                    "De body van de aanvraag is groter dan de server aanneemt.",
                    &app.origin,
                )
            } else {
                server_error(app)
            }
        })?;
        if let Some(media) = headers.get(header::CONTENT_TYPE) {
            let media = media.to_str().unwrap_or_default();
            let essence = media.split(';').next().unwrap_or_default().trim();
            if essence != "application/json" && !essence.ends_with("+json") {
                return Err(ProblemResponse::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "UnsupportedMediaType",
                    "unsupported_media_type",
                    "Ongeldige media type in aanvraag.",
                    "De body moet JSON zijn (application/json).",
                    &app.origin,
                ));
            }
        }
        let value = klantinteracties::rules::parse_json(&bytes)
            .map_err(|report| refusal(app, &Error::Invalid(report)))?;
        req.body = Some(value);
    }
    Ok(req)
}

fn success(req: &Request, value: &Value) -> Response {
    let status = StatusCode::from_u16(req.success_status()).unwrap_or(StatusCode::OK);
    if status == StatusCode::NO_CONTENT {
        let mut response = status.into_response();
        api_version(&mut response);
        return response;
    }
    let mut response = json(status, value);
    if status == StatusCode::CREATED {
        if let Some(url) = value
            .get("url")
            .and_then(Value::as_str)
            .and_then(|u| HeaderValue::from_str(u).ok())
        {
            response.headers_mut().insert(header::LOCATION, url);
        }
    }
    response
}

fn json(status: StatusCode, value: &Value) -> Response {
    let bytes = serde_json::to_vec(value).unwrap_or_default();
    let mut response = (status, bytes).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    api_version(&mut response);
    response
}

fn api_version(response: &mut Response) {
    response
        .headers_mut()
        .insert("API-version", HeaderValue::from_static(API_VERSION));
}

/// A refusal of the register, rendered as the library renders it. A storage failure is
/// logged by kind only.
pub(crate) fn refusal(app: &App, e: &Error) -> ProblemResponse {
    if matches!(e, Error::Storage(_) | Error::Internal(_)) {
        tracing::error!(kind = e.kind(), "the register could not complete a call");
    }
    ProblemResponse::from_problem(&e.problem(), &app.origin)
}

pub(crate) fn not_found(app: &App) -> ProblemResponse {
    ProblemResponse::new(
        StatusCode::NOT_FOUND,
        "NotFound",
        "not_found",
        "Niet gevonden.",
        "Niet gevonden.",
        &app.origin,
    )
}

fn method_not_allowed(app: &App, http: &HttpMethod, allow: &'static str) -> ProblemResponse {
    // As Open Klant words it for the methods of HTTP; an extension method is the client's
    // text, and not repeated.
    let standard = [
        HttpMethod::GET,
        HttpMethod::POST,
        HttpMethod::PUT,
        HttpMethod::PATCH,
        HttpMethod::DELETE,
        HttpMethod::HEAD,
        HttpMethod::OPTIONS,
        HttpMethod::TRACE,
        HttpMethod::CONNECT,
    ];
    let detail = if standard.contains(http) {
        format!("Methode \"{http}\" niet toegestaan.")
    } else {
        "Methode niet toegestaan.".to_owned()
    };
    ProblemResponse::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        "method_not_allowed",
        "Methode niet toegestaan.",
        &detail,
        &app.origin,
    )
    .with_header(header::ALLOW, HeaderValue::from_static(allow))
}

pub(crate) fn server_error(app: &App) -> ProblemResponse {
    ProblemResponse::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "APIException",
        "error",
        "Er is een serverfout opgetreden.",
        "Er is een serverfout opgetreden.",
        &app.origin,
    )
}
