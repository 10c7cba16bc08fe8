//! The layers around the routes: request ids, the access log, a caught panic as 500, load
//! shedding (503) and the timeout (504) as problem+json, and the body size limit.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Body;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{BoxError, Router};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

use crate::api::{not_found, server_error, App};
use crate::problem::ProblemResponse;
use crate::Limits;

const REQUEST_ID: &str = "x-request-id";

/// `routes` with every layer.
pub(crate) fn wrap(routes: Router, app: &Arc<App>, limits: Limits) -> Router {
    let on_error = Arc::clone(app);
    let on_panic = Arc::clone(app);
    routes
        .layer(DefaultBodyLimit::max(limits.max_body))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(move |e: BoxError| {
                    let app = Arc::clone(&on_error);
                    async move { overloaded_or_slow(&app, &e) }
                }))
                .load_shed()
                .concurrency_limit(limits.max_in_flight)
                .timeout(limits.timeout),
        )
        .layer(CatchPanicLayer::custom(
            move |_: Box<dyn std::any::Any + Send>| {
                // The panic's message may hold a value of the request: it is not logged.
                tracing::error!("a handler panicked; answered 500");
                server_error(&on_panic).into_response()
            },
        ))
        .layer(middleware::from_fn(access_log))
        .layer(PropagateRequestIdLayer::new(
            REQUEST_ID
                .parse()
                .unwrap_or_else(|_| axum::http::HeaderName::from_static(REQUEST_ID)),
        ))
        .layer(SetRequestIdLayer::new(
            axum::http::HeaderName::from_static(REQUEST_ID),
            MakeRequestUuid,
        ))
}

fn overloaded_or_slow(app: &App, e: &BoxError) -> Response {
    if e.is::<tower::timeout::error::Elapsed>() {
        tracing::warn!("a request took longer than the timeout; answered 504");
        ProblemResponse::new(
            StatusCode::GATEWAY_TIMEOUT,
            "Timeout",
            "timeout",
            "De aanvraag duurde te lang.",
            "De server kon de aanvraag niet op tijd beantwoorden.",
            &app.origin,
        )
        .into_response()
    } else if e.is::<tower::load_shed::error::Overloaded>() {
        ProblemResponse::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "ServiceUnavailable",
            "service_unavailable",
            "De server is overbelast.",
            "De server neemt nu geen aanvragen meer aan; probeer het zo opnieuw.",
            &app.origin,
        )
        .into_response()
    } else {
        server_error(app).into_response()
    }
}

/// Every route the server does not have: 404 as problem+json.
pub(crate) async fn fallback(
    axum::extract::State(app): axum::extract::State<Arc<App>>,
) -> Response {
    not_found(&app).into_response()
}

/// One log line per request: method, route template, collection, the names (never the
/// values) of the query parameters, status, time and request id. No body, no path id, no
/// query value: they may be personal data. A collection the API does not have, and a
/// parameter name that is no safe identifier (`?111222333=…`) and an extension method are the
/// client's text too, and logged as `?`.
async fn access_log(request: Request<Body>, next: Next) -> Response {
    let start = Instant::now();
    // An extension method is the client's text: only the methods of HTTP are logged by name.
    let method = match *request.method() {
        axum::http::Method::GET
        | axum::http::Method::POST
        | axum::http::Method::PUT
        | axum::http::Method::PATCH
        | axum::http::Method::DELETE
        | axum::http::Method::HEAD
        | axum::http::Method::OPTIONS
        | axum::http::Method::TRACE
        | axum::http::Method::CONNECT => request.method().as_str().to_owned(),
        _ => "?".to_owned(),
    };
    // The route without the object's id.
    let below: Vec<&str> = request
        .uri()
        .path()
        .strip_prefix(crate::API_ROOT)
        .map(|p| p.trim_matches('/').split('/').collect())
        .unwrap_or_default();
    let collection = match below.first().copied() {
        Some(c) if c.is_empty() || c == "openapi.json" => c.to_owned(),
        Some(c) if klantinteracties::Resource::from_collection(c).is_some() => c.to_owned(),
        Some(_) => "?".to_owned(),
        None => String::new(),
    };
    let route = match below.len() {
        // Outside the API (`/health`, or a path the server does not have): the path is logged
        // only when it is one of the server's own.
        0 if request.uri().path() == "/health" => "/health".to_owned(),
        0 => "?".to_owned(),
        1 => format!("{}/{{collection}}", crate::API_ROOT),
        _ => format!("{}/{{collection}}/{{id}}", crate::API_ROOT),
    };
    let parameters: Vec<String> = request
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|name| !name.is_empty())
        .map(|name| {
            if klantinteracties::rules::is_safe_name(name) {
                name.to_owned()
            } else {
                "?".to_owned()
            }
        })
        .collect();
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let response = next.run(request).await;
    tracing::info!(
        request_id = %id,
        method = %method,
        route = %route,
        collection = %collection,
        parameters = %parameters.join(","),
        status = response.status().as_u16(),
        micros = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use std::time::Duration;
    use tower::ServiceExt;

    fn app() -> Arc<App> {
        Arc::new(App {
            register: Arc::new(klantinteracties::register::Register::in_memory()),
            tokens: crate::Tokens::default(),
            origin: "http://ki.test".to_owned(),
        })
    }

    async fn status_of(routes: Router, limits: Limits, path: &str) -> (StatusCode, String) {
        let app = app();
        let response = wrap(routes, &app, limits)
            .oneshot(
                axum::http::Request::builder()
                    .uri(path)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    #[tokio::test]
    async fn a_panic_is_a_500_and_the_server_goes_on() {
        let routes = Router::new()
            .route(
                "/paniek",
                get(|| async {
                    assert!(!std::hint::black_box(true), "stuk");
                    "nooit"
                }),
            )
            .route("/goed", get(|| async { "ja" }));
        let (status, body) = status_of(routes.clone(), Limits::default(), "/paniek").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(body.contains("\"code\":\"error\""), "{body}");
        assert!(
            !body.contains("stuk"),
            "the panic's message is not answered"
        );
        let (status, _) = status_of(routes, Limits::default(), "/goed").await;
        assert_eq!(status, StatusCode::OK);
    }

    #[tokio::test]
    async fn a_request_over_the_timeout_is_a_504() {
        let routes = Router::new().route(
            "/traag",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(5)).await;
                "te laat"
            }),
        );
        let limits = Limits {
            timeout: Duration::from_millis(50),
            ..Limits::default()
        };
        let (status, body) = status_of(routes, limits, "/traag").await;
        assert_eq!(status, StatusCode::GATEWAY_TIMEOUT);
        assert!(body.contains("\"code\":\"timeout\""), "{body}");
    }
}
