//! The journal's lock across processes (issue: two processes opened the same data directory,
//! both acknowledged writes, and the journal was damaged). In a file of its own: a child
//! process holds a duplicate of every descriptor open at the moment it is spawned until it
//! starts its program, so tests opening journals in parallel threads would see their own
//! locks held for that moment.

#[path = "support/register.rs"]
mod support;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use klantinteracties::register::{Error, Register};
use klantinteracties::rules::Profile;
use serde_json::json;
use support::*;

fn open(dir: &Path) -> Result<Register, Error> {
    builder(Profile::Standaard, 2).open(dir)
}

/// Two processes: the child opens the register and holds it; the parent's open is refused
/// while the child lives, a read-only open sees the child's writes, and once the child is
/// gone the register opens.
#[test]
fn a_second_process_is_refused() {
    if let Ok(dir) = std::env::var("KI_JOURNAL_LOCK_CHILD") {
        let reg = open(Path::new(&dir)).unwrap();
        reg.registreer_categorie(json!({"naam": "Van het kind"}))
            .unwrap();
        println!("geopend");
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).unwrap();
        return;
    }
    let dir = TempDir::new("slot-proces");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "a_second_process_is_refused", "--nocapture"])
        .env("KI_JOURNAL_LOCK_CHILD", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("geopend") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "the child ended early"
        );
    }
    let e = open(dir.path()).expect_err("opened while another process holds it");
    assert!(e.to_string().contains("another process"), "{e}");
    let lezer = builder(Profile::Standaard, 2)
        .open_read_only(dir.path())
        .unwrap();
    assert_eq!(lezer.inhoud().len(), 1);
    child.stdin.take().unwrap().write_all(b"klaar\n").unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(open(dir.path()).unwrap().inhoud().len(), 1);
}
