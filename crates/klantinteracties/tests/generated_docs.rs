//! Generated documentation is never stale: `docs/rules.md` and `docs/schemas/*.json` must be
//! what the code generates now. Regenerate with `scripts/generate-docs`.

use std::path::PathBuf;

use klantinteracties::{schema, Resource};

fn docs() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs"))
}

const HINT: &str = "is stale: run `scripts/generate-docs` and commit the result";

#[test]
fn rules_md_is_current() {
    let path = docs().join("rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == klantinteracties::catalogus::markdown(),
        "{} {HINT}",
        path.display()
    );
}

#[test]
fn json_schemas_are_current() {
    let dir = docs().join("schemas");
    let mut expected_files = Vec::new();
    for &resource in Resource::ALL {
        for response in [false, true] {
            let name = schema::file_name(resource, response);
            let path = dir.join(&name);
            let on_disk: serde_json::Value = std::fs::read_to_string(&path)
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or_default();
            assert!(
                on_disk == schema::json_schema(resource, response),
                "{} {HINT}",
                path.display()
            );
            expected_files.push(name);
        }
    }
    let mut present: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    present.sort();
    expected_files.sort();
    assert_eq!(
        present, expected_files,
        "docs/schemas holds other files than generated ones; {HINT}"
    );
}
