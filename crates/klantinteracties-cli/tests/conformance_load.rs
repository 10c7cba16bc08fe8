//! `klantinteracties conformance` refuses a suite or an expectations file that does not load
//! before it runs anything: exit 2, nothing on stdout, one line on stderr naming the file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_klantinteracties"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

/// Exit 2, nothing on stdout and one line on stderr, which is returned.
fn refused(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.trim_end().lines().count(), 1, "stderr: {err}");
    err
}

/// A suite folder written by a test, removed when the test ends.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "klantinteracties-cli-suite-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.0.join(file);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        std::fs::write(path, text).expect("the file is written");
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn arg(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temp path")
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const CASE: &str = r#"{
  "case": "C0001", "title": "Een casus", "source": {"document": "test"},
  "variants": [{"name": "-", "title": "-", "steps": [
    {"title": "Een partij", "function": "F7554", "body": {"soortPartij": "persoon"}}
  ]}]
}"#;

const RULES: &str = r#"{
  "description": "Partijen",
  "groups": [{"rule": "veld.max-lengte", "description": "een test", "function": "F7554",
    "tests": [
      {"description": "kort", "valid": true, "body": {}},
      {"description": "lang", "valid": false, "body": {},
       "invalidParams": [{"name": "x", "code": "max_length"}]}
    ]}]
}"#;

#[test]
fn a_suite_without_rules_exits_2_naming_the_folder() {
    let f = Folder::new("no-rules");
    f.write("cases/C0001.json", CASE);
    let err = refused(&run(&["conformance", "--suite", f.arg()]));
    assert!(err.contains(f.arg()), "{err}");
    assert!(
        err.contains(&f.path().join("rules").display().to_string()),
        "{err}"
    );
}

#[test]
fn expectations_for_another_target_exit_2_naming_the_file() {
    let f = Folder::new("expectations");
    f.write("cases/C0001.json", CASE);
    f.write("rules/partijen.json", RULES);
    f.write(
        "expectations/embedded.json",
        r#"{"target": "serve", "deviations": []}"#,
    );
    let err = refused(&run(&["conformance", "--suite", f.arg()]));
    let file = f.path().join("expectations").join("embedded.json");
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(
        err.contains("`serve`") && err.contains("`embedded`"),
        "{err}"
    );
}

#[test]
fn an_unknown_workflow_exits_2_naming_the_file_and_step() {
    let f = Folder::new("workflow");
    f.write(
        "cases/C0001.json",
        &CASE.replace(r#""function": "F7554""#, r#""workflow": "bestaat_niet""#),
    );
    f.write("rules/partijen.json", RULES);
    let err = refused(&run(&["conformance", "--suite", f.arg()]));
    assert!(
        err.contains("cases/C0001.json: case C0001, variant -, step 1 `Een partij`"),
        "{err}"
    );
}
