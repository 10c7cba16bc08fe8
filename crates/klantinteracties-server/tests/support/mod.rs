//! What the server's integration tests share: an app over an in-memory register, and a
//! request through the whole router, answered as status, headers and JSON body.
// Each test binary uses its own part of these helpers.
#![allow(dead_code)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use klantinteracties::register::Register;
use klantinteracties::rules::Profile;
use klantinteracties_server::{router, App, Limits, Tokens};
use serde_json::Value;
use tower::ServiceExt;

pub const ROOT: &str = "http://ki.test/klantinteracties/api/v1";

pub fn app(profile: Profile) -> Arc<App> {
    Arc::new(App {
        register: Arc::new(
            Register::builder()
                .profile(profile)
                .base_url(ROOT)
                .in_memory(),
        ),
        tokens: Tokens::parse("kiss: sleutel-kiss\nformulieren: sleutel-of").expect("tokens"),
        origin: "http://ki.test".to_owned(),
    })
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Value,
}

pub async fn send(
    app: &Arc<App>,
    limits: Limits,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answer {
    send_to(router(app, limits), method, path, token, body).await
}

pub async fn send_to(
    server: axum::Router,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Answer {
    let mut request = Request::builder()
        .method(method)
        .uri(format!("/klantinteracties/api/v1{path}"));
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Token {token}"));
    }
    let request = match body {
        Some(b) => request
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(serde_json::to_vec(&b).expect("json"))),
        None => request.body(Body::empty()),
    }
    .expect("a request");
    let response = server.oneshot(request).await.expect("an answer");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).expect("a JSON answer")
    };
    Answer {
        status,
        headers,
        body,
    }
}

pub async fn call(app: &Arc<App>, method: &str, path: &str, body: Option<Value>) -> Answer {
    send(
        app,
        Limits::default(),
        method,
        path,
        Some("sleutel-kiss"),
        body,
    )
    .await
}
