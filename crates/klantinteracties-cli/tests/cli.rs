//! The command line contract: exit codes, stdout and stderr, as scripts rely on them.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_klantinteracties"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(text) = stdin {
            // A usage error ends the program before it reads its input: a closed pipe is fine.
            match input.write_all(text.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
                _ => {}
            }
        }
    }
    child.wait_with_output().expect("the binary ends")
}

fn temp_file(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("klantinteracties-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("temp file");
    path
}

const VALID_KLANTCONTACT: &str = r#"{"kanaal": "telefoon", "onderwerp": "Afvalkalender", "taal": "nld", "vertrouwelijk": false}"#;

#[test]
fn valid_document_exits_0_with_nothing_on_stdout() {
    let path = temp_file("kc.json", VALID_KLANTCONTACT);
    let out = run(
        &["validate", "klantcontacten", path.to_str().unwrap()],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_document_exits_1_with_problem_json() {
    let out = run(
        &["validate", "klantcontacten", "-"],
        Some(
            r#"{"codeKanaal": "telefoon", "onderwerp": "", "taal": "nld", "vertrouwelijk": false}"#,
        ),
    );
    assert_eq!(out.status.code(), Some(1));
    let problem: serde_json::Value = serde_json::from_slice(&out.stdout).expect("problem+json");
    assert_eq!(problem["status"], 400);
    assert_eq!(problem["code"], "invalid");
    assert_eq!(problem["type"], "/ref/fouten/ValidationError/");
    let params = problem["invalidParams"].as_array().expect("invalidParams");
    let pairs: Vec<(String, String)> = params
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_owned(),
                p["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        pairs.contains(&("kanaal".into(), "required".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("onderwerp".into(), "blank".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("codeKanaal".into(), "unknown-field".into())),
        "{pairs:?}"
    );
    assert!(params
        .iter()
        .all(|p| p["rule"].is_string() && p["reason"].is_string()));
}

#[test]
fn stdin_without_file_argument() {
    let out = run(&["validate", "klantcontacten"], Some(VALID_KLANTCONTACT));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn profile_open_klant_ignores_unknown_fields() {
    let doc = r#"{"kanaal": "telefoon", "onderwerp": "x", "taal": "xx", "vertrouwelijk": false, "codeKanaal": "t"}"#;
    assert_eq!(
        run(&["validate", "klantcontacten"], Some(doc))
            .status
            .code(),
        Some(1)
    );
    let out = run(
        &["validate", "klantcontacten", "--profile", "open-klant"],
        Some(doc),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn response_and_partial_modes() {
    assert_eq!(
        run(
            &["validate", "categorieen", "--response"],
            Some(r#"{"naam": "x"}"#)
        )
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        run(
            &["validate", "klantcontacten", "--partial"],
            Some(r#"{"onderwerp": "x"}"#)
        )
        .status
        .code(),
        Some(0)
    );
    assert_eq!(
        run(
            &["validate", "klantcontacten"],
            Some(r#"{"onderwerp": "x"}"#)
        )
        .status
        .code(),
        Some(1)
    );
}

#[test]
fn malformed_json_is_a_violation_not_a_crash() {
    let out = run(&["validate", "partijen"], Some("{\"soortPartij\": "));
    assert_eq!(out.status.code(), Some(1));
    let problem: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(problem["invalidParams"][0]["code"], "parse_error");
}

fn one_line_on_stderr(out: &Output) {
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "stderr: {err}");
}

#[test]
fn unknown_resource_exits_2() {
    let out = run(&["validate", "klanten"], Some("{}"));
    one_line_on_stderr(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("klanten"));
}

#[test]
fn unreadable_file_exits_2() {
    let out = run(&["validate", "partijen", "/nonexistent/partij.json"], None);
    one_line_on_stderr(&out);
}

#[test]
fn usage_errors_exit_2() {
    one_line_on_stderr(&run(&["validate"], None));
    one_line_on_stderr(&run(
        &["validate", "partijen", "--profile", "streng"],
        Some("{}"),
    ));
    one_line_on_stderr(&run(&["valideer"], None));
    one_line_on_stderr(&run(
        &["validate", "partijen", "--response", "--partial"],
        Some("{}"),
    ));
}

#[test]
fn schema_prints_json_schema() {
    let out = run(&["schema", "partijen"], None);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "partijen (create body)");
    let out = run(&["schema", "internetaken", "--response"], None);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["properties"]["toegewezenOp"].is_object());
    one_line_on_stderr(&run(&["schema", "zaken"], None));
}

#[test]
fn rules_in_three_formats() {
    let out = run(&["rules", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0));
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Every rule: document, register and workflow rules.
    assert_eq!(
        rules.as_array().unwrap().len(),
        klantinteracties::catalogus::alle().count()
    );
    assert!(rules
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "workflow.taak-te-verwerken"));
    let text = String::from_utf8(run(&["rules"], None).stdout).unwrap();
    assert!(text.contains("partij-identificator.bsn"));
    assert!(text.contains("register.identificator-uniek"));
    let md = String::from_utf8(run(&["rules", "--format", "markdown"], None).stdout).unwrap();
    assert_eq!(md, klantinteracties::catalogus::markdown());
}

#[test]
fn generate_then_inspect() {
    let dir = fresh_dir("ki-cli-generate");
    let d = dir.to_str().unwrap();
    let out = run(
        &[
            "generate",
            "--data",
            d,
            "--partijen",
            "40",
            "--klantcontacten",
            "60",
            "--seed",
            "5",
        ],
        None,
    );
    succeeded(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("partijen                 40"), "{text}");
    assert!(text.contains("klantcontacten           60"), "{text}");
    assert!(text.contains("tijd:"), "{text}");
    let out = run(&["inspect", "--data", d], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("internetaken             15"), "{text}");
    assert!(text.contains("invarianten: alle gelden"), "{text}");
    assert!(text.contains("journaal:"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
    one_line_on_stderr(&run(&["inspect", "--data", &format!("{d}-absent")], None));
}

/// Issue: the CLI panicked (exit 101, a backtrace) when standard output was full or closed,
/// and died by SIGXFSZ without a word past the file-size limit.
#[test]
fn output_that_cannot_be_written_exits_2_with_one_line() {
    let bin = env!("CARGO_BIN_EXE_klantinteracties");
    let full = Command::new(bin)
        .args(["rules"])
        .stdout(std::fs::File::create("/dev/full").expect("/dev/full"))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    one_line_on_stderr(&full);
    assert!(String::from_utf8_lossy(&full.stderr).contains("standard output"));
    // Standard output closed after the first bytes, as `| head -1` does (the OpenAPI
    // document is larger than a pipe's buffer).
    let mut child = Command::new(bin)
        .args(["openapi"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let closed = child.wait_with_output().unwrap();
    one_line_on_stderr(&closed);
    // Past the file-size limit (`ulimit -f 1`: 512 bytes).
    let dir = std::env::temp_dir().join(format!("ki-cli-fsize-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let limited = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 1 && exec '{bin}' rules --format markdown > '{}'",
            dir.join("rules.md").display()
        ))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    one_line_on_stderr(&limited);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue: a second writer opened the same data directory; `inspect` wrote to the journal.
/// Now a second writer is refused with one line, and `inspect` reads beside the writer.
#[test]
fn a_second_writer_is_refused_and_inspect_reads_beside_it() {
    let dir = fresh_dir("ki-cli-lock");
    let d = dir.to_str().unwrap();
    generate_small(d);
    // A writer in another process: `serve` on the directory.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut serve = Command::new(env!("CARGO_BIN_EXE_klantinteracties"))
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--data",
            d,
        ])
        .env("KLANTINTERACTIES_TOKEN", "cli-lock-test-token")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "serve did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let before = std::fs::read(dir.join("journal.log")).unwrap();
    let second = run(
        &[
            "generate",
            "--data",
            d,
            "--partijen",
            "1",
            "--klantcontacten",
            "1",
        ],
        None,
    );
    let inspect = run(&["inspect", "--data", d], None);
    let _ = serve.kill();
    let _ = serve.wait();
    assert_eq!(second.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&second.stderr).contains("another process"));
    assert_eq!(
        inspect.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&inspect.stderr)
    );
    assert!(String::from_utf8_lossy(&inspect.stdout).contains("partijen                 5"));
    assert!(std::fs::read(dir.join("journal.log")).unwrap() == before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue: a flipped bit in the last frame was cut off silently, even by `inspect`. Now
/// `inspect` refuses and changes nothing; `repair` cuts, keeping the bytes in a side file.
#[test]
fn a_damaged_journal_is_refused_by_inspect_and_cut_by_repair() {
    let dir = fresh_dir("ki-cli-repair");
    let d = dir.to_str().unwrap();
    generate_small(d);
    let journal = dir.join("journal.log");
    let mut bytes = std::fs::read(&journal).unwrap();
    let n = bytes.len();
    bytes[n - 3] ^= 0x10;
    std::fs::write(&journal, &bytes).unwrap();
    let inspect = run(&["inspect", "--data", d], None);
    one_line_on_stderr(&inspect);
    assert!(String::from_utf8_lossy(&inspect.stderr).contains("repair"));
    assert!(std::fs::read(&journal).unwrap() == bytes);
    let repair = run(&["repair", "--data", d], None);
    assert_eq!(repair.status.code(), Some(0));
    let kept: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("journal.log.cut-at-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    let side = std::fs::read(kept[0].path()).unwrap();
    let now = std::fs::read(&journal).unwrap();
    assert_eq!([now.as_slice(), side.as_slice()].concat(), bytes);
    assert_eq!(run(&["inspect", "--data", d], None).status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue: `generate` on a directory that already held data always failed with a uniqueness
/// conflict, although its help says data is added.
#[test]
fn generate_twice_adds_to_the_register() {
    let dir = fresh_dir("ki-cli-generate-twice");
    let d = dir.to_str().unwrap();
    let args = [
        "generate",
        "--data",
        d,
        "--partijen",
        "30",
        "--klantcontacten",
        "20",
    ];
    for _ in 0..2 {
        let out = run(&args, None);
        succeeded(&out);
    }
    let out = run(&["inspect", "--data", d], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("partijen                 60"), "{text}");
    assert!(text.contains("klantcontacten           40"), "{text}");
    assert!(text.contains("invarianten: alle gelden"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Asserts exit 0, showing standard error when not.
fn succeeded(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `generate` of five partijen and five klantcontacten into `dir`, which must succeed.
fn generate_small(dir: &str) {
    let out = run(
        &[
            "generate",
            "--data",
            dir,
            "--partijen",
            "5",
            "--klantcontacten",
            "5",
        ],
        None,
    );
    succeeded(&out);
}

/// An empty directory of this test process under the system's temporary directory.
fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Issue: a read-only journal could not be inspected. The data directory and its files are
/// made read-only, and `inspect` runs as a user who cannot write them: this user when it is
/// not root, else `nobody` (through util-linux's `setpriv`), as root may write anything.
#[test]
fn inspect_reads_a_journal_it_may_not_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = fresh_dir("ki-cli-read-only");
    let d = dir.to_str().unwrap();
    generate_small(d);
    let mode = |path: &std::path::Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the data directory")
        .map(|e| e.expect("an entry").path())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("journal.log")),
        "{files:?}"
    );
    for f in &files {
        mode(f, 0o444);
    }
    mode(&dir, 0o555);
    // SAFETY: geteuid has no preconditions and cannot fail.
    let root = unsafe { libc::geteuid() } == 0;
    let as_reader = |args: &[&str]| {
        let bin = env!("CARGO_BIN_EXE_klantinteracties");
        let mut cmd = if root {
            let mut c = Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups", bin]);
            c
        } else {
            Command::new(bin)
        };
        cmd.args(args)
            .output()
            .expect("the binary starts (as root, through setpriv from util-linux)")
    };
    let inspect = as_reader(&["inspect", "--data", d]);
    let text = String::from_utf8_lossy(&inspect.stdout);
    assert_eq!(
        inspect.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&inspect.stderr)
    );
    assert!(text.contains("partijen                 5"), "{text}");
    // The same user cannot write there: the test really ran without write access.
    let write = as_reader(&[
        "generate",
        "--data",
        d,
        "--partijen",
        "1",
        "--klantcontacten",
        "0",
    ]);
    assert_eq!(write.status.code(), Some(2));
    one_line_on_stderr(&write);
    mode(&dir, 0o755);
    let _ = std::fs::remove_dir_all(&dir);
}
