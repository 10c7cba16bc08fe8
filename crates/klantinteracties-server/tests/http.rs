//! The API over HTTP, through the server's router with every layer: authentication, the
//! answers and statuses of the library, problems for the server's own refusals, the audit
//! log's `who`, the body limit and load shedding.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use klantinteracties::rules::Profile;
use klantinteracties_server::{router, Limits};
use serde_json::{json, Value};
use tower::ServiceExt;

mod support;
use support::*;

fn problem(a: &Answer, status: u16, code: &str) {
    assert_eq!(a.status.as_u16(), status, "{}", a.body);
    assert_eq!(
        a.headers[header::CONTENT_TYPE],
        "application/problem+json",
        "{}",
        a.body
    );
    assert_eq!(a.body["status"], status);
    assert_eq!(a.body["code"], code);
    assert!(a.body["type"]
        .as_str()
        .unwrap()
        .starts_with("http://ki.test/ref/fouten/"));
    assert!(a.body["instance"]
        .as_str()
        .unwrap()
        .starts_with("urn:uuid:"));
}

#[tokio::test]
async fn only_health_answers_without_a_token() {
    let app = app(Profile::Standaard);
    let health = Request::builder()
        .uri("/health")
        .body(Body::empty())
        .unwrap();
    let r = router(&app, Limits::default())
        .oneshot(health)
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let none = send(&app, Limits::default(), "GET", "/partijen", None, None).await;
    problem(&none, 401, "not_authenticated");
    let document = send(&app, Limits::default(), "GET", "/openapi.json", None, None).await;
    assert_eq!(
        document.status,
        StatusCode::OK,
        "the document needs no token"
    );
    assert_eq!(document.body["openapi"], "3.1.0");
    assert!(document.body["paths"]["/partijen/{uuid}"]["patch"].is_object());
    let wrong = send(
        &app,
        Limits::default(),
        "GET",
        "/partijen",
        Some("fout"),
        None,
    )
    .await;
    problem(&wrong, 401, "authentication_failed");
    assert_eq!(none.headers[header::WWW_AUTHENTICATE], "Token");
    assert_eq!(wrong.headers[header::WWW_AUTHENTICATE], "Token");
    let ok = call(&app, "GET", "/partijen", None).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.headers["API-version"], "0.9.0");
    assert!(ok.headers.contains_key("x-request-id"));
}

#[tokio::test]
async fn every_method_of_a_collection() {
    let app = app(Profile::OpenKlant);
    let created = call(
        &app,
        "POST",
        "/partijen",
        Some(json!({"soortPartij": "persoon", "indicatieActief": true})),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let url = created.body["url"].as_str().unwrap().to_owned();
    assert_eq!(created.headers[header::LOCATION], url.as_str());
    assert!(url.starts_with(ROOT));
    assert_eq!(created.body["interneNotitie"], "", "a complete answer");
    let path = url.trim_start_matches(ROOT).to_owned();

    let got = call(&app, "GET", &path, None).await;
    assert_eq!(got.status, StatusCode::OK);
    assert_eq!(got.body, created.body);
    let patched = call(
        &app,
        "PATCH",
        &path,
        Some(json!({"interneNotitie": "Belt vaak"})),
    )
    .await;
    assert_eq!(patched.body["interneNotitie"], "Belt vaak");
    let put = call(
        &app,
        "PUT",
        &path,
        Some(json!({"soortPartij": "persoon", "indicatieActief": false})),
    )
    .await;
    assert_eq!(put.status, StatusCode::OK);
    assert_eq!(put.body["indicatieActief"], false);
    let list = call(&app, "GET", "/partijen?indicatieActief=false", None).await;
    assert_eq!(list.body["count"], 1);
    assert!(list.body["results"][0]["_expand"].is_object());
    problem(
        &call(&app, "GET", "/partijen?page=2", None).await,
        404,
        "not_found",
    );
    problem(
        &call(&app, "GET", "/partijen?soortPartij=bedrijf", None).await,
        400,
        "invalid",
    );
    let deleted = call(&app, "DELETE", &path, None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert_eq!(deleted.body, Value::Null);
    problem(&call(&app, "GET", &path, None).await, 404, "not_found");
    problem(
        &call(&app, "GET", "/partijen/geen-uuid", None).await,
        404,
        "not_found",
    );
}

#[tokio::test]
async fn maak_klantcontact_and_the_audit_logs_who() {
    let app = app(Profile::OpenKlant);
    let made = send(
        &app,
        Limits::default(),
        "POST",
        "/maak-klantcontact",
        Some("sleutel-of"),
        Some(
            json!({"klantcontact": {"kanaal": "telefoon", "onderwerp": "Afval", "taal": "nld",
                                     "vertrouwelijk": false},
                    "betrokkene": {"rol": "klant", "initiator": true}}),
        ),
    )
    .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    assert_eq!(made.body["onderwerpobject"], Value::Null);
    let log = app.register.audit_log().unwrap();
    assert!(!log.is_empty());
    assert!(
        log.iter().all(|r| r.who == "formulieren"),
        "the token's name"
    );
    let get_maak = call(&app, "GET", "/maak-klantcontact", None).await;
    problem(&get_maak, 405, "method_not_allowed");
    assert_eq!(get_maak.headers[header::ALLOW], "POST");
    let put_list = call(&app, "PUT", "/partijen", Some(json!({}))).await;
    problem(&put_list, 405, "method_not_allowed");
    assert_eq!(put_list.headers[header::ALLOW], "GET, POST");
}

#[tokio::test]
async fn refusals_are_problems_with_the_librarys_invalid_params() {
    let app = app(Profile::Standaard);
    let refused = call(
        &app,
        "POST",
        "/partijen",
        Some(json!({"indicatieActief": true})),
    )
    .await;
    problem(&refused, 400, "invalid");
    assert!(refused.body["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "soortPartij" && p["code"] == "required"));
    problem(
        &call(&app, "GET", "/bestaat-niet", None).await,
        404,
        "not_found",
    );

    // Not JSON, and not said to be JSON.
    let raw = |content_type: &'static str, body: &'static str| {
        Request::builder()
            .method("POST")
            .uri("/klantinteracties/api/v1/partijen")
            .header(header::AUTHORIZATION, "Token sleutel-kiss")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap()
    };
    for (content_type, body, status, code) in [
        ("application/json", "{kapot", 400, "invalid"),
        ("text/plain", "{}", 415, "unsupported_media_type"),
    ] {
        let r = router(&app, Limits::default())
            .oneshot(raw(content_type, body))
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), status);
        let bytes = r.into_body().collect().await.unwrap().to_bytes();
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["code"], code, "{v}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let app = app(Profile::Standaard);
    let limits = Limits {
        max_body: 64,
        ..Limits::default()
    };
    let big = json!({"soortPartij": "persoon", "indicatieActief": true,
                     "interneNotitie": "x".repeat(200)});
    let r = send(
        &app,
        limits,
        "POST",
        "/partijen",
        Some("sleutel-kiss"),
        Some(big),
    )
    .await;
    problem(&r, 413, "request_entity_too_large");
    assert_eq!(
        app.register
            .aantallen()
            .iter()
            .map(|(_, n)| n)
            .sum::<usize>(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_beyond_the_concurrency_limit_are_shed_with_503() {
    let app = app(Profile::Standaard);
    let limits = Limits {
        max_in_flight: 1,
        ..Limits::default()
    };
    // Hold the register's write lock, so that a request waits inside the server.
    let register = Arc::clone(&app.register);
    let (held, release) = (
        std::sync::mpsc::channel::<()>(),
        std::sync::mpsc::channel::<()>(),
    );
    let (held_tx, held_rx) = held;
    let (release_tx, release_rx) = release;
    let holder = std::thread::spawn(move || {
        register
            .transactie(|_| {
                held_tx.send(()).ok();
                release_rx.recv_timeout(Duration::from_secs(10)).ok();
                Ok::<(), klantinteracties::register::Error>(())
            })
            .ok();
    });
    held_rx.recv().unwrap();
    // One server: its concurrency limit is shared by the two requests.
    let server = router(&app, limits);
    let first = {
        let server = server.clone();
        tokio::spawn(async move {
            send_to(server, "GET", "/partijen", Some("sleutel-kiss"), None).await
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    let shed = send_to(server, "GET", "/partijen", Some("sleutel-kiss"), None).await;
    problem(&shed, 503, "service_unavailable");
    release_tx.send(()).unwrap();
    holder.join().unwrap();
    assert_eq!(first.await.unwrap().status, StatusCode::OK);
}
