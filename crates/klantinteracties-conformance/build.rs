//! Generates one `#[test]` per scenario and target (`tests/scenarios.rs` includes them), so a
//! failing case variant or rule test is named by `cargo test`, the way jsonschema-rs runs
//! JSON-Schema-Test-Suite. The ids are computed as `Suite::scenarios` computes them.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../conformance");
    println!("cargo::rerun-if-changed={}", root.join("cases").display());
    println!("cargo::rerun-if-changed={}", root.join("rules").display());
    println!(
        "cargo::rerun-if-changed={}",
        root.join("expectations").display()
    );
    write_embedded_suite(&root);
    let mut ids = Vec::new();
    for (stem, file) in json_files(&root.join("cases")) {
        let case = file
            .get("case")
            .and_then(Value::as_str)
            .unwrap_or(&stem)
            .to_owned();
        for v in file
            .get("variants")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = v.get("name").and_then(Value::as_str).unwrap_or("-");
            let id = if name == "-" {
                case.clone()
            } else {
                format!("{case}/{name}")
            };
            let workflow = v
                .get("viaWorkflow")
                .and_then(Value::as_array)
                .is_some_and(|s| !s.is_empty());
            ids.push((id.clone(), Vec::new()));
            if workflow {
                ids.push((format!("{id}@workflow"), Vec::new()));
            }
        }
    }
    for (stem, file) in json_files(&root.join("rules")) {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for g in file
            .get("groups")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let rule = g
                .get("rule")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            for t in g
                .get("tests")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let n = counts.entry(rule.clone()).or_default();
                *n += 1;
                // A test meant for some profiles only (`Scenario::is_for`).
                let profiles: Vec<String> = t
                    .get("profiles")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.as_str().map(str::to_owned))
                    .collect();
                ids.push((format!("rules/{stem}/{rule}/{n}"), profiles));
            }
        }
    }
    let mut out = String::new();
    for (target, module, profile) in [
        ("embedded", "embedded", "standaard"),
        ("embedded-open-klant", "open_klant", "open-klant"),
    ] {
        let _ = writeln!(out, "mod {module} {{\n    use super::scenario;\n");
        let mut seen = HashMap::new();
        for (id, profiles) in &ids {
            if !profiles.is_empty() && !profiles.iter().any(|p| p == profile) {
                continue;
            }
            let mut name = ident(id);
            let count = seen.entry(name.clone()).or_insert(0usize);
            *count += 1;
            if *count > 1 {
                let _ = write!(name, "_{count}");
            }
            let _ = writeln!(
                out,
                "    #[test]\n    fn {name}() {{\n        scenario({target:?}, {id:?});\n    }}\n"
            );
        }
        out.push_str("}\n\n");
    }
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("scenario_tests.rs");
    std::fs::write(dest, out).unwrap_or_else(|e| panic!("cannot write the generated tests: {e}"));
}

/// Writes `embedded_suite.rs`: every file of the suite, included as text, so that
/// `Suite::embedded` works where the folder is not at hand (an installed binary or wheel).
fn write_embedded_suite(root: &Path) {
    let mut out = String::from("/// Every file of the suite: (path below `conformance/`, text).\n");
    out.push_str("pub(crate) const FILES: &[(&str, &str)] = &[\n");
    for dir in ["cases", "rules", "expectations"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            let full = p.canonicalize().unwrap_or(p.clone());
            let _ = writeln!(
                out,
                "    ({:?}, include_str!({:?})),",
                format!("{dir}/{name}"),
                full.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_suite.rs");
    std::fs::write(dest, out).unwrap_or_else(|e| panic!("cannot write the embedded suite: {e}"));
}

/// A snake-case test name for a scenario id: `C9167/A@workflow` → `c9167_a_workflow`.
fn ident(id: &str) -> String {
    let mut name = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('_') {
            name.push('_');
        }
    }
    name.trim_end_matches('_').to_owned()
}

fn json_files(dir: &Path) -> Vec<(String, Value)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            // A file that does not parse gets no tests here; `tests/files.rs` reports it.
            let value = std::fs::read_to_string(&p)
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())?;
            Some((stem, value))
        })
        .collect()
}
