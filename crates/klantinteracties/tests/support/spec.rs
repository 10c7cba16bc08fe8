//! Reads the Klantinteracties API 0.9.0 OpenAPI spec for the tests that compare the code with
//! it: from `$KLANTINTERACTIES_SPEC`, or else from `../shared` beside the repository.

use std::path::PathBuf;

use serde_json::Value;

/// The spec as a JSON value; panics with a clear message when it is missing.
pub fn spec() -> Value {
    let path = std::env::var_os("KLANTINTERACTIES_SPEC").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/reference/open-klant-api/klantinteracties-0.9.0.openapi.yaml"
            ))
        },
        PathBuf::from,
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the Klantinteracties API 0.9.0 spec is missing at {} ({e}); set \
             KLANTINTERACTIES_SPEC to the path of klantinteracties-0.9.0.openapi.yaml",
            path.display()
        )
    });
    serde_norway::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid YAML: {e}", path.display()))
}
