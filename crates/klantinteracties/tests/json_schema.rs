//! The JSON Schemas derived from the model have the spec's structure.

use klantinteracties::model::{
    Actor, Adres, Kanaal, Klantcontact, OpenCode, Partij, PartijInput, SoortPartij,
};
use serde_json::{json, Value};

fn schema<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).expect("schema serializes")
}

#[test]
fn partij_is_one_of_by_soort_partij() {
    for s in [schema::<Partij>(), schema::<PartijInput>()] {
        let variants = s["oneOf"].as_array().expect("oneOf");
        let soorten: Vec<Value> = variants
            .iter()
            .map(|v| v["properties"]["soortPartij"]["const"].clone())
            .collect();
        let expected: Vec<Value> = SoortPartij::ALL.iter().map(|s| json!(s.as_str())).collect();
        assert_eq!(soorten, expected);
    }
    let actor = schema::<Actor>();
    assert_eq!(actor["oneOf"].as_array().map(Vec::len), Some(3));
}

#[test]
fn presence_is_expressed_in_the_schema() {
    let adres = schema::<Adres>();
    let props = &adres["properties"];
    // Optional, not nullable: a plain string schema, not required, rendered as "" when
    // unset (the default).
    assert_eq!(
        props["straatnaam"],
        json!({ "type": "string", "description": "Straatnaam (max 255).", "default": "" })
    );
    assert_eq!(props["huisnummer"]["default"], Value::Null);
    // Optional nullable.
    assert_eq!(props["huisnummer"]["type"], json!(["integer", "null"]));
    // OfLeeg: "" or the value.
    assert_eq!(props["postcode"]["anyOf"][0], json!({ "const": "" }));
    assert!(adres.get("required").is_none());

    let kc = schema::<Klantcontact>();
    let required: Vec<&str> = kc["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for field in [
        "uuid",
        "url",
        "kanaal",
        "onderwerp",
        "taal",
        "vertrouwelijk",
        "hadBetrokkenen",
    ] {
        assert!(required.contains(&field), "{field} required");
    }
    assert!(!required.contains(&"plaatsgevondenOp"));
}

#[test]
fn open_codes_keep_unknown_values() {
    let known: OpenCode<Kanaal> = serde_json::from_value(json!("telefoon")).expect("known");
    assert_eq!(known, OpenCode::Known(Kanaal::Telefoon));
    let other: OpenCode<Kanaal> = serde_json::from_value(json!("Telefoon")).expect("other");
    assert_eq!(other, OpenCode::Other("Telefoon".to_owned()));
    assert_eq!(
        serde_json::to_value(&other).expect("serializes"),
        json!("Telefoon")
    );
}

#[test]
fn typed_numbers_follow_their_soort() {
    use klantinteracties::model::{PartijIdentificatorGroep, PartijNummer};
    let groep: PartijIdentificatorGroep = serde_json::from_value(json!({
        "codeObjecttype": "niet_natuurlijk_persoon",
        "codeSoortObjectId": "kvk_nummer",
        "objectId": "12345678",
        "codeRegister": "hr"
    }))
    .expect("groep");
    let nummer = groep.nummer().expect("valid number");
    assert!(matches!(nummer, PartijNummer::KvkNummer(ref k) if k.as_str() == "12345678"));
    assert_eq!(
        serde_json::to_value(&nummer).expect("serializes"),
        json!({ "codeSoortObjectId": "kvk_nummer", "objectId": "12345678" })
    );
}
