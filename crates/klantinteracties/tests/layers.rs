//! The library's layers depend one way (`docs/architecture.md`): `model` ← `rules` ←
//! `register` ← `workflows` ← `catalogus`. This test reads the sources and fails when a layer
//! names a layer above it (`crate::register` inside `rules/`, say), so the direction cannot
//! erode unnoticed. Comments are not code and are skipped.

use std::path::{Path, PathBuf};

/// Each layer and the top-level modules its code may name (`crate::<name>`). `regel` (what a
/// rule and a profile are), `Resource` and `resource` (the list of collections) and
/// `progress` are below every layer.
const LAYERS: &[(&str, &[&str])] = &[
    ("regel.rs", &["regel"]),
    ("model", &["regel", "model", "Resource", "resource"]),
    (
        "rules",
        &["regel", "model", "rules", "Resource", "resource"],
    ),
    (
        "register",
        &[
            "regel", "model", "rules", "register", "progress", "Resource", "resource",
        ],
    ),
    (
        "workflows",
        &[
            "regel",
            "model",
            "rules",
            "register",
            "workflows",
            "Resource",
            "resource",
        ],
    ),
    (
        "catalogus.rs",
        &["regel", "rules", "register", "workflows", "catalogus"],
    ),
];

fn sources(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .expect("a source directory")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        for e in entries {
            sources(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_owned());
    }
}

/// The top-level modules `line` names as `crate::<name>`.
fn named(line: &str) -> Vec<&str> {
    line.match_indices("crate::")
        .map(|(i, _)| {
            let rest = &line[i + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn every_layer_names_only_itself_and_the_layers_below() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    for (layer, allowed) in LAYERS {
        let mut files = Vec::new();
        sources(&src.join(layer), &mut files);
        assert!(!files.is_empty(), "no sources for {layer}");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a readable source");
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for name in named(line) {
                    if !allowed.contains(&name) {
                        wrong.push(format!(
                            "{}:{}: {layer} names crate::{name}",
                            file.strip_prefix(&src).unwrap_or(&file).display(),
                            n + 1
                        ));
                    }
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "layers named upward:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_sees_a_reference_upward() {
    assert_eq!(named("use crate::register::Error;"), ["register"]);
    assert_eq!(
        named("let x = crate::rules::is_safe_name(k) && crate::model::Bsn::parse(s);"),
        ["rules", "model"]
    );
    assert!(named("let crate_name = 1;").is_empty());
}

/// The modules of `register/` that implement a collection (`impl Collection for`).
fn collection_modules(register: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(register, &mut files);
    files
        .into_iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(&f).expect("a readable source");
            let stem = f.file_stem()?.to_str()?.to_owned();
            text.contains("impl Collection for").then_some((stem, text))
        })
        .collect()
}

/// The collection modules `line` names as `super::<name>` (or inside `super::{…}`).
fn names_module<'a>(line: &str, modules: &'a [(String, String)]) -> Vec<&'a str> {
    let Some(at) = line.find("super::") else {
        return Vec::new();
    };
    let rest = &line[at + "super::".len()..];
    modules
        .iter()
        .map(|(m, _)| m.as_str())
        .filter(|m| {
            rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .any(|w| w == *m)
        })
        .collect()
}

/// Issue 15, item 2: a collection reaches another only through the table (its record type
/// and the `Collection` trait), never by importing the other's module, so the collection
/// modules of `register/` cannot import each other in a circle.
#[test]
fn no_collection_module_imports_another() {
    let register = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/register");
    let modules = collection_modules(&register);
    assert!(modules.len() >= 14, "found {} collections", modules.len());
    let mut wrong = Vec::new();
    for (module, text) in &modules {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for other in names_module(line, &modules) {
                if other != module {
                    wrong.push(format!("register/{module}.rs:{}: names {other}", n + 1));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "collections import each other:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_module_check_sees_an_import() {
    let modules = vec![
        ("partij".to_owned(), String::new()),
        ("betrokkene".to_owned(), String::new()),
    ];
    assert_eq!(
        names_module("use super::{betrokkene, Error};", &modules),
        ["betrokkene"]
    );
    assert_eq!(
        names_module("super::partij::wis(tx);", &modules),
        ["partij"]
    );
    assert!(names_module("use super::zoeken::{id, Filter};", &modules).is_empty());
}

/// Issue 15, item 7: the collections, the invariant check and the workflows reach stored
/// records and indexes only through the storage seam (`Lezer::{haal, opt, bestaat, ix,
/// tabel}` and the writes of `Transactie`), never through the state's fields, so that
/// another store can stand behind that seam without touching them.
#[test]
fn only_the_storage_seam_touches_the_state() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let register = src.join("register");
    let mut files: Vec<PathBuf> = collection_modules(&register)
        .into_iter()
        .map(|(m, _)| register.join(format!("{m}.rs")))
        .collect();
    files.push(register.join("invarianten.rs"));
    sources(&src.join("workflows"), &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable source");
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            let touches = code
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .any(|w| w.split('.').skip(1).any(|part| part == "state"));
            if touches {
                wrong.push(format!(
                    "{}:{}",
                    file.strip_prefix(&src).unwrap_or(&file).display(),
                    n + 1
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the state reached past the seam:\n{}",
        wrong.join("\n")
    );
}

/// The modules of `register/` (its top-level files) that `text` names, by `super::<module>`,
/// `super::{<module>, …}` or `crate::register::<module>`.
fn module_edges(text: &str, modules: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for marker in ["super::", "crate::register::"] {
            for (at, _) in line.match_indices(marker) {
                let rest = &line[at + marker.len()..];
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    Some(list) => list
                        .split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(|n| n.trim().split("::").next().unwrap_or(""))
                        .collect(),
                    None => vec![rest
                        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or("")],
                };
                for n in names {
                    if modules.iter().any(|m| m == n) && !out.iter().any(|o: &String| o == n) {
                        out.push(n.to_owned());
                    }
                }
            }
        }
    }
    out
}

/// A cycle in `graph`, if there is one (depth-first search).
fn cycle(graph: &[(String, Vec<String>)]) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &[(String, Vec<String>)],
        done: &mut Vec<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut c = path[at..].to_vec();
            c.push(node.to_owned());
            return Some(c);
        }
        if done.iter().any(|d| d == node) {
            return None;
        }
        path.push(node.to_owned());
        let next = graph
            .iter()
            .find(|(n, _)| n == node)
            .map(|(_, e)| e.clone())
            .unwrap_or_default();
        for n in next {
            if let Some(c) = visit(&n, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.push(node.to_owned());
        None
    }
    let mut done = Vec::new();
    graph
        .iter()
        .find_map(|(n, _)| visit(n, graph, &mut done, &mut Vec::new()))
}

/// Issue 15, item 2: no import cycles inside `register/`. The table of collections
/// (`collecties.rs`, generated by `tabel.rs`) composes everything and is named by the state it
/// generates, so an edge into it does not count; every other module depends one way.
#[test]
fn register_modules_import_each_other_one_way() {
    let register = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/register");
    let mut files = Vec::new();
    sources(&register, &mut files);
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| f.parent() == Some(register.as_path()))
        .collect();
    let modules: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_stem()?.to_str().map(str::to_owned))
        .chain(["storage".to_owned()])
        .collect();
    let graph: Vec<(String, Vec<String>)> = files
        .iter()
        .filter_map(|f| {
            let name = f.file_stem()?.to_str()?.to_owned();
            let text = std::fs::read_to_string(f).expect("a readable source");
            let edges = module_edges(&text, &modules)
                .into_iter()
                .filter(|m| *m != name && m != "collecties" && m != "tabel")
                .collect();
            Some((name, edges))
        })
        .collect();
    assert_eq!(cycle(&graph), None, "an import cycle in register/");
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let g = |edges: &[(&str, &[&str])]| -> Vec<(String, Vec<String>)> {
        edges
            .iter()
            .map(|(n, e)| ((*n).to_owned(), e.iter().map(|s| (*s).to_owned()).collect()))
            .collect()
    };
    assert!(cycle(&g(&[("a", &["b"]), ("b", &["c"]), ("c", &["a"])])).is_some());
    assert_eq!(cycle(&g(&[("a", &["b"]), ("b", &["c"]), ("c", &[])])), None);
    let modules = vec!["lezen".to_owned(), "state".to_owned()];
    assert_eq!(
        module_edges("use super::{lezen::Lezer, state::State};", &modules),
        ["lezen", "state"]
    );
}
