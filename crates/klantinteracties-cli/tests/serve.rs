//! `klantinteracties serve` as a process: it answers over TCP, a second server cannot open the
//! same data directory, SIGTERM stops it with exit 0, and what it acknowledged is in the
//! journal afterwards.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn start(port: u16, data: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_klantinteracties"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}"), "--data"])
        .arg(data)
        .env("KLANTINTERACTIES_TOKEN", "proef-sleutel")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the server starts")
}

/// One HTTP/1.1 request; the status and the body.
fn http(port: u16, method: &str, path: &str, body: Option<&str>) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let body = body.unwrap_or("");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token proef-sleutel\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    let status = answer.split(' ').nth(1)?.parse().ok()?;
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("").to_owned();
    Some((status, body))
}

fn wait_until_up(port: u16) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if http(port, "GET", "/health", None).is_some_and(|(s, _)| s == 200) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the server did not come up");
}

fn terminate(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
}

#[test]
fn serve_answers_holds_its_directory_and_stops_on_sigterm() {
    let data = std::env::temp_dir().join(format!("klantinteracties-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let port = free_port();
    let mut server = start(port, &data);
    wait_until_up(port);

    let (status, body) = http(
        port,
        "POST",
        "/klantinteracties/api/v1/partijen",
        Some(r#"{"soortPartij": "persoon", "indicatieActief": true}"#),
    )
    .expect("an answer");
    assert_eq!(status, 201, "{body}");
    let (status, body) = http(port, "GET", "/klantinteracties/api/v1/partijen", None).unwrap();
    assert_eq!(status, 200);
    assert!(body.contains("\"count\":1"), "{body}");

    // A second server on the same directory is refused, and says why.
    let second = start(free_port(), &data)
        .wait_with_output()
        .expect("the second server ends");
    assert!(!second.status.success());
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("open in another process"), "{stderr}");

    terminate(&server);
    let exit = server.wait().expect("the server ends");
    assert!(exit.success(), "SIGTERM ends with 0: {exit:?}");

    // What it acknowledged is in the journal.
    let out = Command::new(env!("CARGO_BIN_EXE_klantinteracties"))
        .args(["inspect", "--data"])
        .arg(&data)
        .output()
        .expect("inspect runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("partijen") && l.contains('1')),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn serve_without_tokens_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_klantinteracties"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env_remove("KLANTINTERACTIES_TOKEN")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("KLANTINTERACTIES_TOKEN"));
}
