//! The HTTP target against `klantinteracties serve`'s router on a real loopback port: the
//! whole suite gives the embedded register's verdicts in both profiles (workflow scenarios
//! not applicable); documented uuids follow the ids a server assigns; a refused registration
//! is compensated; a shared server is judged on each scenario's own objects and left as it
//! was; a value taken by someone else blocks rather than fails.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::{to_bytes, Body as AxumBody};
use axum::extract::Request;
use axum::middleware::{self, Next};
use klantinteracties::register::{Method, Register};
use klantinteracties::rules::Profile;
use klantinteracties::Resource;
use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::http::target_file::Timeouts;
use klantinteracties_conformance::http::{Authentication, HttpTarget, Registration, TargetFile};
use klantinteracties_conformance::run::{run, RunReport, Status, Verdict};
use klantinteracties_conformance::suite::Suite;
use klantinteracties_conformance::target::{Body, Call, Target};
use klantinteracties_server::{router, App, Limits, Tokens};
use serde_json::{json, Value};

const TOKEN_ENV: &str = "KLANTINTERACTIES_CONFORMANCE_TEST_TOKEN";
const TOKEN: &str = "conformance-test-sleutel";

/// A server on a free loopback port; with `own_ids`, it ignores the `uuid` of a POST body and
/// assigns its own, as Open Klant does.
fn server(profile: Profile, own_ids: bool) -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            let addr: SocketAddr = listener.local_addr().expect("addr");
            let root = format!("http://{addr}/klantinteracties/api/v1");
            let app = Arc::new(App {
                register: Arc::new(
                    Register::builder()
                        .profile(profile)
                        .base_url(&root)
                        .in_memory(),
                ),
                tokens: Tokens::parse(&format!("conformance: {TOKEN}")).expect("tokens"),
                origin: format!("http://{addr}"),
            });
            let mut app_router = router(&app, Limits::default());
            if own_ids {
                app_router = app_router.layer(middleware::from_fn(drop_uuid));
            }
            tx.send(root).expect("send");
            axum::serve(listener, app_router).await.expect("serve");
        });
    });
    rx.recv().expect("the server starts")
}

/// Removes `uuid` from the body of a POST.
async fn drop_uuid(request: Request, next: Next) -> axum::response::Response {
    if request.method() != axum::http::Method::POST {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = to_bytes(body, 1 << 20).await.unwrap_or_default();
    let bytes = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(mut m)) => {
            m.remove("uuid");
            serde_json::to_vec(&Value::Object(m)).unwrap_or_default()
        }
        _ => bytes.to_vec(),
    };
    next.run(Request::from_parts(parts, AxumBody::from(bytes)))
        .await
}

fn target(name: &str, base_url: String, profile: &str, registration: Registration) -> HttpTarget {
    std::env::set_var(TOKEN_ENV, TOKEN);
    HttpTarget::new(TargetFile {
        name: name.to_owned(),
        base_url,
        profile: profile.to_owned(),
        api_version: "0.9.0".to_owned(),
        authentication: Authentication::Token {
            token_env: TOKEN_ENV.to_owned(),
        },
        timeouts: Timeouts::default(),
        headers: BTreeMap::new(),
        reset: None,
        registration,
        client_uuids: klantinteracties_conformance::http::ClientUuids::Send,
        expectations: None,
    })
    .expect("the target")
}

fn suite() -> Suite {
    Suite::load(Suite::default_root()).expect("the suite loads")
}

fn verdicts(report: &RunReport) -> BTreeMap<String, Verdict> {
    report
        .results
        .iter()
        .map(|r| (r.id.clone(), r.verdict))
        .collect()
}

/// Every scenario over HTTP has the embedded verdict, but workflow scenarios, which do not
/// apply; and every object a scenario made is gone afterwards.
fn same_as_embedded(profile: Profile, registration: Registration) {
    let suite = suite();
    let mut embedded = EmbeddedTarget::new(profile);
    let expectations = suite.expectations(embedded.name()).unwrap_or_default();
    let reference = run(&suite, &mut embedded, &expectations, None);
    let base = server(profile, false);
    let mut http = target("serve", base, profile.as_str(), registration);
    let report = run(&suite, &mut http, &expectations, None);
    let (want, got) = (verdicts(&reference), verdicts(&report));
    assert_eq!(want.len(), got.len(), "the same scenarios run");
    let workflows: std::collections::HashSet<String> = suite
        .scenarios(true)
        .iter()
        .filter(|s| s.needs_workflows())
        .map(klantinteracties_conformance::suite::Scenario::id)
        .collect();
    let mut differences = Vec::new();
    for r in &report.results {
        let expected = if workflows.contains(&r.id) {
            Verdict::NotApplicable
        } else {
            want[&r.id]
        };
        if r.verdict != expected {
            differences.push(format!(
                "{}: {:?}, embedded {:?}: {}",
                r.id,
                r.verdict,
                expected,
                r.message.as_deref().unwrap_or_default()
            ));
        }
        assert!(
            r.leftovers.is_empty(),
            "{}: left behind {:?}",
            r.id,
            r.leftovers
        );
    }
    assert!(
        differences.is_empty(),
        "{} differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
    assert!(
        report.count(Verdict::NotApplicable) > 0,
        "workflow scenarios are reported"
    );
    for resource in [
        Resource::Partijen,
        Resource::Klantcontacten,
        Resource::Actoren,
    ] {
        let left =
            klantinteracties_conformance::run::list_all(&mut http, resource, &[]).expect("list");
        assert!(
            left.is_empty(),
            "{} left on the server: {}",
            resource.collection(),
            left.len()
        );
    }
}

#[test]
fn the_suite_over_http_in_the_standaard_profile_matches_the_embedded_register() {
    same_as_embedded(Profile::Standaard, Registration::OneCall);
}

#[test]
fn the_suite_over_http_in_the_open_klant_profile_matches_the_embedded_register() {
    same_as_embedded(Profile::OpenKlant, Registration::Sequence);
}

#[test]
fn documented_uuids_follow_the_ids_the_server_assigns() {
    let suite = suite();
    let base = server(Profile::Standaard, true);
    let mut http = target("own-ids", base, "standaard", Registration::OneCall);
    let expectations = suite.expectations("embedded").unwrap_or_default();
    let report = run(&suite, &mut http, &expectations, Some("C9167*"));
    assert!(!report.results.is_empty());
    assert!(
        report.passed(),
        "{:?}",
        report
            .results
            .iter()
            .map(|r| (&r.id, r.verdict, &r.message))
            .collect::<Vec<_>>()
    );
    assert!(report.results.iter().any(|r| r.status == Status::Passed));
    // The server really chose other ids: the documented actor uuid is not on it.
    let exchanges: Vec<_> = report
        .results
        .iter()
        .flat_map(|r| &r.trace)
        .flat_map(|s| &s.exchanges)
        .collect();
    let created = exchanges
        .iter()
        .find(|e| e.method == "POST" && e.url.ends_with("/actoren"))
        .expect("an actor was created");
    let body: Value = serde_json::from_str(created.response_body.as_deref().unwrap()).unwrap();
    assert_ne!(body["uuid"], "49b22823-2465-4b7e-9bae-cbc7cddcfda4");
    let later = exchanges
        .iter()
        .find(|e| e.method == "POST" && e.url.ends_with("/klantcontacten") && e.status == 201)
        .expect("a klantcontact was registered with the actor");
    assert!(later
        .request_body
        .as_deref()
        .unwrap()
        .contains(body["uuid"].as_str().unwrap()));
}

#[test]
fn a_refused_registration_is_compensated_and_named_as_one() {
    let base = server(Profile::OpenKlant, false);
    let mut http = target("saga", base, "open-klant", Registration::Sequence);
    let actor = http
        .call(&Call::Api {
            function: None,
            method: Method::Create,
            resource: Resource::Actoren,
            uuid: None,
            body: Some(Body::Json(json!({"naam": "KCC", "soortActor": "medewerker", "indicatieActief": true,
                "actorIdentificatie": {"functie": "kcc", "emailadres": "kcc@example.nl", "telefoonnummer": "0201234567"}}))),
            query: Vec::new(),
        })
        .expect("the actor");
    assert_eq!(actor.status, 201);
    let registration = json!({
        "klantcontact": {"kanaal": "telefoon", "onderwerp": "vraag", "taal": "nld", "vertrouwelijk": false,
                          "indicatieContactGelukt": true, "inhoud": "-"},
        "actoren": [{"uuid": actor.body["uuid"]}],
        "betrokkenen": [{"rol": "klant", "initiator": true, "contactnaam": {"voornaam": "x".repeat(300)}}]
    });
    let answer = http
        .call(&Call::Api {
            function: Some("F2173".into()),
            method: Method::Create,
            resource: Resource::Klantcontacten,
            uuid: None,
            body: Some(Body::Json(registration)),
            query: Vec::new(),
        })
        .expect("an answer");
    assert_eq!(answer.status, 400, "{}", answer.body);
    let names: Vec<&str> = answer.body["invalidParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| n.starts_with("betrokkenen.0.")),
        "{names:?}"
    );
    assert_eq!(
        answer.body["compensation"]["outcome"],
        "2 objects deleted, nothing left behind"
    );
    let notes: Vec<String> = http
        .take_exchanges()
        .into_iter()
        .filter_map(|e| e.note)
        .collect();
    assert!(
        notes.iter().any(|n| n.starts_with("F2173 compensation")),
        "{notes:?}"
    );
    for resource in [
        Resource::Klantcontacten,
        Resource::Actorklantcontacten,
        Resource::Betrokkenen,
    ] {
        let left =
            klantinteracties_conformance::run::list_all(&mut http, resource, &[]).expect("list");
        assert!(
            left.is_empty(),
            "{} left: {}",
            resource.collection(),
            left.len()
        );
    }
}

#[test]
fn a_shared_server_is_judged_on_each_scenarios_own_objects_and_left_as_it_was() {
    let suite = suite();
    let base = server(Profile::Standaard, false);
    let mut http = target("shared", base, "standaard", Registration::OneCall);
    // Someone else's data: a partij with the BSN that C0992/B documents.
    let foreign = http
        .call(&Call::Api {
            function: None,
            method: Method::Create,
            resource: Resource::Partijen,
            uuid: None,
            body: Some(Body::Json(json!({"soortPartij": "persoon", "indicatieActief": true,
                "partijIdentificatie": {"contactnaam": {"voornaam": "Ander", "achternaam": "Iemand"}},
                "partijIdentificatoren": [{"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon",
                  "codeSoortObjectId": "bsn", "objectId": "999990019", "codeRegister": "brp"}}]}))),
            query: Vec::new(),
        })
        .expect("foreign data");
    assert_eq!(foreign.status, 201, "{}", foreign.body);
    let expectations = suite.expectations("embedded").unwrap_or_default();
    // Searches find the foreign partij too, but are judged on the scenario's own.
    let first = run(
        &suite,
        &mut http,
        &expectations,
        Some("rules/register-zoeken/*"),
    );
    let text = klantinteracties_conformance::report::render(
        &first,
        klantinteracties_conformance::report::Format::Text,
    );
    for r in &first.results {
        if r.group == "zoeken.pagina" {
            // A paged search cannot be cut to the scenario's objects: with the foreign partij
            // matching, it cannot be judged.
            assert!(
                matches!(r.verdict, Verdict::Blocked | Verdict::Pass),
                "{}: {:?}\n{text}",
                r.id,
                r.verdict
            );
        } else {
            assert_eq!(r.verdict, Verdict::Pass, "{}\n{text}", r.id);
        }
    }
    assert!(first.count(Verdict::Blocked) > 0, "{text}");
    // Again, against the same server: nothing of the first run is in the way.
    let again = run(
        &suite,
        &mut http,
        &expectations,
        Some("rules/register-zoeken/*"),
    );
    assert_eq!(verdicts(&first), verdicts(&again));
    // The documented BSN is taken by the foreign partij: blocked, not failed.
    let blocked = run(&suite, &mut http, &expectations, Some("C0992/B"));
    assert_eq!(
        blocked.results[0].verdict,
        Verdict::Blocked,
        "{:?}",
        blocked.results[0].message
    );
    assert!(blocked.results[0]
        .message
        .as_deref()
        .unwrap()
        .contains("already taken"));
    assert!(!blocked.passed());
    let partijen = klantinteracties_conformance::run::list_all(&mut http, Resource::Partijen, &[])
        .expect("list");
    assert_eq!(partijen.len(), 1, "only the foreign partij is left");
    assert_eq!(partijen[0]["uuid"], foreign.body["uuid"]);
}
