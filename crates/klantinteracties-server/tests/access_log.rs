//! The access log and the answers keep personal values out (issue 14, item 9). In a test
//! binary of its own: it listens to the log with a thread's own subscriber, and tests running
//! beside it without one could leave tracing's callsites cached as not interested.

use std::sync::Arc;

use klantinteracties::rules::Profile;
use serde_json::{json, Value};

mod support;
use support::*;

/// A log writer that keeps what is written, for the test of the access log.
#[derive(Clone, Default)]
struct Log(Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Issue 14, item 9: neither an answer nor the access log repeats a personal value the
/// request carried: in the path, the query, the method or the body.
#[tokio::test]
async fn no_answer_or_log_line_repeats_a_personal_value() {
    const WAARDEN: &[&str] = &[
        "111222333",
        "jan.jansen",
        "Jan Jansen",
        "NL92ABNA0417164300",
    ];
    let log = Log::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt()
        .json()
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let app = app(Profile::Standaard);
    let requests: Vec<(&str, &str, Option<Value>)> = vec![
        ("GET", "/partijen/111222333", None),
        ("GET", "/partijen/jan.jansen%40example.nl", None),
        ("DELETE", "/partijen/Jan%20Jansen", None),
        ("GET", "/jan.jansen%40example.nl", None),
        ("GET", "/jan.jansen%40example.nl/111222333", None),
        (
            "GET",
            "/partijen?111222333=1&jan.jansen%40example.nl=2",
            None,
        ),
        (
            "GET",
            "/partijen?partijIdentificator__objectId=111222333",
            None,
        ),
        (
            "GET",
            "/klantcontacten?plaatsgevondenOp=111222333&expand=Jan%20Jansen",
            None,
        ),
        ("JANSEN111222333", "/partijen", None),
        (
            "POST",
            "/partijen",
            Some(json!({"111222333": "Jan Jansen", "soortPartij": "Jan Jansen"})),
        ),
        (
            "POST",
            "/rekeningnummers",
            Some(json!({"iban": "NL92ABNA0417164300", "bic": "Jan Jansen"})),
        ),
        (
            "POST",
            "/digitaleadressen",
            Some(json!({"adres": "jan.jansen@", "soortDigitaalAdres": "email"})),
        ),
    ];
    for (method, path, body) in requests {
        let answer = call(&app, method, path, body).await;
        let text = answer.body.to_string();
        for w in WAARDEN {
            assert!(!text.contains(w), "{method} {path}: {w} in {text}");
        }
    }
    let logged = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    assert!(
        logged.contains("\"route\""),
        "the access log was captured: {logged}"
    );
    for w in WAARDEN {
        assert!(!logged.contains(w), "{w} in the log: {logged}");
    }
}
