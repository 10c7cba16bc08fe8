//! Writes the generated files of the suite: `conformance/schema/*.json` and `docs/cases.md`.
//! Run by `scripts/generate-docs`.

use std::path::Path;

use klantinteracties_conformance::suite::Suite;
use klantinteracties_conformance::{docs, schema};

fn main() {
    let root = Suite::default_root();
    let dir = root.join("schema");
    std::fs::create_dir_all(&dir).expect("create conformance/schema");
    for (name, value) in schema::schemas() {
        let text = serde_json::to_string_pretty(&value).expect("schema serializes") + "\n";
        std::fs::write(dir.join(name), text).expect("write schema");
    }
    let suite = match Suite::load(&root) {
        Ok(suite) => suite,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    };
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cases.md");
    std::fs::write(cases, docs::cases_markdown(&suite)).expect("write docs/cases.md");
}
