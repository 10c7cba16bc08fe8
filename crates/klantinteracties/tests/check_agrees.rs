//! Whatever validation accepts, the model types hold: for every resource, both profiles and
//! both directions, a document that `validate_value` passes is typed by `parse_value` (the
//! step every register write takes) and by serde into the response type, without a refusal
//! of its own. Otherwise `check` would say yes and the register no (issue: `metadata` numbers
//! in the open-klant profile).
//!
//! Documents are generated from the shapes themselves: every field is absent, `null`, or a
//! value from a pool for its kind that holds mostly valid values (a valid BSN, IBAN, phone
//! number, date for the fields whose format is checked) and the values a lenient reader might
//! take: numbers where text is expected, floats where integers are, `""`, upper-case and
//! braced UUIDs, empty and large maps.

use klantinteracties::model::{
    Actor, ActorInput, ActorKlantcontact, ActorKlantcontactInput, Betrokkene, BetrokkeneInput,
    Bijlage, BijlageInput, Categorie, CategorieInput, CategorieRelatie, CategorieRelatieInput,
    DigitaalAdres, DigitaalAdresInput, InterneTaak, InterneTaakInput, Klantcontact,
    KlantcontactInput, MaakKlantcontact, MaakKlantcontactInput, Onderwerpobject,
    OnderwerpobjectInput, Partij, PartijIdentificator, PartijIdentificatorInput, PartijInput,
    Rekeningnummer, RekeningnummerInput, Vertegenwoordigden, VertegenwoordigdenInput,
};
use klantinteracties::rules::shape::{Kind, Shape, Use};
use klantinteracties::rules::{parse_value, validate_value, Options, Profile, Report};
use klantinteracties::Resource;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRng, TestRunner};
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

/// Generated documents per resource, profile and direction.
const CASES: u32 = 192;
/// Below this depth, optional nested objects are left out (the `_expand` trees are deep).
const MAX_DEPTH: u32 = 4;

/// Valid values for the text fields whose format is checked, by field name, so that a
/// generated document often passes; the generic pool adds what may or may not.
fn named_pool(name: &str) -> &'static [&'static str] {
    match name {
        "objectId" => &["296648875", "123456782", "12345678", "000012345678"],
        "adres" => &["info@example.nl", "0612345678", "+31612345678", "iets"],
        "iban" => &["NL91ABNA0417164300", "NL20INGB0001234567"],
        "bic" => &["ABNANL2A", "INGBNL2AXXX"],
        "postcode" => &["1234 AB", "9999 ZZ"],
        "nummeraanduidingId" => &["0363200000123456"],
        "land" => &["NL", "BE"],
        "taal" | "voorkeurstaal" => &["nld", "dut", "eng"],
        "emailadres" => &["a@b.nl"],
        "telefoonnummer" | "faxnummer" => &["0612345678", "0201234567"],
        "referentie" => &["portaalvoorkeur", "a-b_c"],
        "nummer" | "referentienummer" => &["1", "0000000042"],
        "plaatsgevondenOp" | "afgehandeldOp" | "toegewezenOp" => {
            &["2024-01-24T10:34:16Z", "2024-01-24T10:34:16+01:00"]
        }
        "verificatieDatum" | "beginDatum" | "eindDatum" => &["2024-01-24"],
        "hoofdOnderwerpType" | "url" => &["https://example.nl/a/b"],
        "codeObjecttype" => &["natuurlijk_persoon", "niet_natuurlijk_persoon", "zgw-Zaak"],
        "codeSoortObjectId" => &["bsn", "kvk_nummer", "identificatie"],
        "codeRegister" => &["brp", "hr", "openzaak"],
        _ => &[],
    }
}

/// Text that may or may not be accepted.
fn loose_text() -> BoxedStrategy<Value> {
    prop_oneof![
        300 => "[a-z]{1,3}".prop_map(Value::String),
        10 => Just(json!("")),
        1 => Just(json!(12)),
        1 => Just(json!(1.5)),
        1 => Just(json!(true)),
        1 => Just(json!("x".repeat(300))),
    ]
    .boxed()
}

fn uuid_value() -> BoxedStrategy<Value> {
    any::<u128>()
        .prop_flat_map(|n| {
            let u = uuid::Uuid::from_u128(n);
            prop_oneof![
                100 => Just(json!(u.hyphenated().to_string())),
                1 => Just(json!(u.hyphenated().to_string().to_uppercase())),
                1 => Just(json!(u.simple().to_string())),
                1 => Just(json!(u.braced().to_string())),
                1 => Just(json!(u.urn().to_string())),
                1 => Just(json!(12)),
            ]
        })
        .boxed()
}

fn kind_value(
    name: &'static str,
    kind: &'static Kind,
    response: bool,
    depth: u32,
) -> BoxedStrategy<Value> {
    match kind {
        Kind::Text(_) => {
            let named = named_pool(name);
            if named.is_empty() {
                loose_text()
            } else {
                prop_oneof![
                    100 => proptest::sample::select(named).prop_map(|s| json!(s)),
                    1 => loose_text(),
                ]
                .boxed()
            }
        }
        Kind::Bool => prop_oneof![
            100 => any::<bool>().prop_map(Value::Bool),
            1 => Just(json!("true")),
            1 => Just(json!(0)),
        ]
        .boxed(),
        Kind::Int { min, max } => {
            let (min, max) = (*min, *max);
            prop_oneof![
                100 => (min..=max).prop_map(|n| json!(n)),
                1 => Just(json!(min - 1)),
                1 => Just(json!(12.0)),
                1 => Just(json!(1e2)),
                1 => Just(json!("12")),
            ]
            .boxed()
        }
        Kind::Enum(choices) => prop_oneof![
            100 => proptest::sample::select(*choices).prop_map(|s| json!(s)),
            1 => Just(json!("geen_keuze")),
            1 => Just(json!("")),
        ]
        .boxed(),
        Kind::Uuid => uuid_value(),
        Kind::Uri { .. } => prop_oneof![
            100 => Just(json!("https://example.nl/a/b")),
            1 => Just(json!("geen url")),
            1 => Just(json!("")),
        ]
        .boxed(),
        Kind::Object(shape) => object(shape, response, depth + 1),
        Kind::List(item) => {
            let item = kind_value(name, item, response, depth + 1);
            prop_oneof![
                10 => Just(json!([])),
                20 => proptest::collection::vec(item, 1..3).prop_map(Value::Array),
                1 => Just(json!([null])),
            ]
            .boxed()
        }
        Kind::Map(_) => prop_oneof![
            10 => Just(json!({})),
            10 => Just(json!({"zaak": "Z-1"})),
            10 => Just(json!({"zaak": 12})),
            1 => Just(json!({"bedrag": 12.5})),
            1 => Just(json!({"vlag": true})),
            1 => Just(json!({"leeg": null})),
            1 => Just(json!({"lang": "x".repeat(256)})),
        ]
        .boxed(),
        Kind::Variant { variants, .. } => {
            let options: Vec<BoxedStrategy<Value>> = variants
                .iter()
                .map(|(_, shape)| object(shape, response, depth + 1))
                .collect();
            proptest::strategy::Union::new(options).boxed()
        }
    }
}

/// A document of `shape`: each field absent, `null` or a value of its kind. A shape with a
/// variant field (`partijIdentificatie` by `soortPartij`) gets a matching discriminator most
/// of the time.
fn object(shape: &'static Shape, response: bool, depth: u32) -> BoxedStrategy<Value> {
    let variant = shape.fields.iter().find_map(|f| match f.kind {
        Kind::Variant {
            discriminator,
            variants,
        } => Some((f.name, discriminator, variants)),
        _ => None,
    });
    match variant {
        None => fields(shape, response, depth, None),
        Some((field, discriminator, variants)) => (0..variants.len())
            .prop_flat_map(move |i| {
                fields(
                    shape,
                    response,
                    depth,
                    Some((field, discriminator, variants[i])),
                )
            })
            .boxed(),
    }
}

/// The chosen variant: the variant field, its discriminator, and the value and shape chosen.
type Chosen = (&'static str, &'static str, (&'static str, &'static Shape));

/// Valid values of fields whose validity depends on other fields, which the generator does
/// not know: left out or `null` mostly, else one whole valid value.
fn dependent(name: &str) -> Option<BoxedStrategy<Value>> {
    let groups = || {
        proptest::sample::select(vec![
            json!({"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn",
                   "objectId": "296648875", "codeRegister": "brp"}),
            json!({"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "kvk_nummer",
                   "objectId": "12345678", "codeRegister": "hr"}),
            json!({"codeObjecttype": "niet_natuurlijk_persoon", "codeSoortObjectId": "rsin",
                   "objectId": "123456782", "codeRegister": "hr"}),
        ])
        .boxed()
    };
    match name {
        // Register, objecttype, soort and objectId must agree (R1, R2).
        "partijIdentificator" => Some(groups()),
        _ => None,
    }
}

/// Fields that are left out: their validity depends on other fields (a preference must be in
/// the list of the same document, R13/R14; `afgehandeldOp` needs status `verwerkt`, R27;
/// `verdereActieOndernomen` not with `indicatieContactGelukt`, R22) or they may not be sent
/// in a nested identificator (R11).
fn left_out(name: &str) -> bool {
    matches!(
        name,
        "voorkeursDigitaalAdres"
            | "voorkeursRekeningnummer"
            | "identificeerdePartij"
            | "afgehandeldOp"
            | "verdereActieOndernomen"
    )
}

/// A digitaal adres whose `adres` suits its `soortDigitaalAdres` (R19).
fn adres_for(soort: &Value) -> BoxedStrategy<Value> {
    let pool: &'static [&'static str] = match soort.as_str() {
        Some("email") => &["info@example.nl"],
        Some("telefoonnummer") => &["0612345678", "+31612345678"],
        _ => &["iets", "@twitter"],
    };
    proptest::sample::select(pool)
        .prop_map(|a| json!(a))
        .boxed()
}

fn fields(
    shape: &'static Shape,
    response: bool,
    depth: u32,
    chosen: Option<Chosen>,
) -> BoxedStrategy<Value> {
    let fields: Vec<BoxedStrategy<Option<(String, Value)>>> = shape
        .fields
        .iter()
        .map(|f| {
            let usage = if response { f.response } else { f.input };
            let name = f.name.to_owned();
            let nested = matches!(
                f.kind,
                Kind::Object(_) | Kind::List(_) | Kind::Variant { .. }
            );
            let expand_below_top = f.name == "_expand" && depth > 0;
            if (depth >= MAX_DEPTH && usage != Use::Required && nested)
                || left_out(f.name)
                || expand_below_top
            {
                return Just(None).boxed();
            }
            let value = match chosen {
                Some((_, discriminator, (d, _))) if f.name == discriminator => prop_oneof![
                    20 => Just(json!(d)),
                    1 => kind_value(f.name, &f.kind, response, depth),
                ]
                .boxed(),
                Some((variant, _, (_, s))) if f.name == variant => object(s, response, depth + 1),
                _ => dependent(f.name)
                    .unwrap_or_else(|| kind_value(f.name, &f.kind, response, depth)),
            };
            let n1 = name.clone();
            let n2 = name;
            let absent = if usage == Use::Required { 1 } else { 12 };
            let null = u32::from(f.nullable) * 3;
            prop_oneof![
                absent => Just(None),
                null => Just(Some((n1, Value::Null))),
                40 => value.prop_map(move |v| Some((n2.clone(), v))),
            ]
            .boxed()
        })
        .collect();
    let with_adres = shape.field("soortDigitaalAdres").is_some() && shape.field("adres").is_some();
    fields
        .prop_flat_map(move |fs| {
            let doc: Map<String, Value> = fs.into_iter().flatten().collect();
            match doc.get("soortDigitaalAdres") {
                Some(soort) if with_adres && doc.contains_key("adres") => adres_for(soort)
                    .prop_map(move |a| {
                        let mut doc = doc.clone();
                        doc.insert("adres".to_owned(), a);
                        Value::Object(doc)
                    })
                    .boxed(),
                _ => Just(Value::Object(doc)).boxed(),
            }
        })
        .boxed()
}

type Typed = fn(&Value, Options) -> Result<(), String>;

/// Typing of an input document, exactly as the register does it.
fn input<T: DeserializeOwned>(
    resource: Resource,
) -> impl Fn(&Value, Options) -> Result<(), String> {
    move |doc, options| {
        parse_value::<T>(resource, doc.clone(), options)
            .map(|_| ())
            .map_err(|r: Report| format!("{:?}", r.violations))
    }
}

/// Typing of a response document into the response type.
fn response<T: DeserializeOwned>(doc: &Value, _: Options) -> Result<(), String> {
    serde_json::from_value::<T>(doc.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

macro_rules! typed {
    ($res:expr, $input:ty, $response:ty) => {
        (
            $res,
            Box::new(input::<$input>($res)) as Box<dyn Fn(&Value, Options) -> Result<(), String>>,
            response::<$response> as Typed,
        )
    };
}

#[allow(clippy::type_complexity)]
fn table() -> Vec<(
    Resource,
    Box<dyn Fn(&Value, Options) -> Result<(), String>>,
    Typed,
)> {
    use Resource as R;
    vec![
        typed!(R::Partijen, PartijInput, Partij),
        typed!(
            R::PartijIdentificatoren,
            PartijIdentificatorInput,
            PartijIdentificator
        ),
        typed!(R::DigitaleAdressen, DigitaalAdresInput, DigitaalAdres),
        typed!(R::Rekeningnummers, RekeningnummerInput, Rekeningnummer),
        typed!(
            R::Vertegenwoordigingen,
            VertegenwoordigdenInput,
            Vertegenwoordigden
        ),
        typed!(R::Categorieen, CategorieInput, Categorie),
        typed!(
            R::CategorieRelaties,
            CategorieRelatieInput,
            CategorieRelatie
        ),
        typed!(R::Klantcontacten, KlantcontactInput, Klantcontact),
        typed!(R::Betrokkenen, BetrokkeneInput, Betrokkene),
        typed!(
            R::Actorklantcontacten,
            ActorKlantcontactInput,
            ActorKlantcontact
        ),
        typed!(R::Onderwerpobjecten, OnderwerpobjectInput, Onderwerpobject),
        typed!(R::Bijlagen, BijlageInput, Bijlage),
        typed!(R::Actoren, ActorInput, Actor),
        typed!(R::Internetaken, InterneTaakInput, InterneTaak),
        typed!(R::MaakKlantcontact, MaakKlantcontactInput, MaakKlantcontact),
    ]
}

#[test]
fn every_table_entry_is_a_resource() {
    let resources: Vec<Resource> = table().iter().map(|(r, _, _)| *r).collect();
    assert_eq!(resources, Resource::ALL);
}

/// Runs the property for every resource, profile and direction; returns the disagreements
/// (resource, profile, direction, document, error) found, at most one per combination.
fn disagreements() -> Vec<String> {
    let mut found = Vec::new();
    for (resource, typed_input, typed_response) in table() {
        for profile in [Profile::Standaard, Profile::OpenKlant] {
            for is_response in [false, true] {
                let options = if is_response {
                    Options::response(profile)
                } else {
                    Options::input(profile)
                };
                // A fixed seed: the same documents on every run, so CI repeats exactly.
                let config = Config {
                    cases: CASES,
                    failure_persistence: None,
                    ..Config::default()
                };
                let rng = TestRng::deterministic_rng(config.rng_algorithm);
                let mut runner = TestRunner::new_with_rng(config, rng);
                let strategy = object(resource.shape(), is_response, 0);
                let accepted = std::cell::Cell::new(0u32);
                let result = runner.run(&strategy, |doc| {
                    if !validate_value(resource, &doc, options).is_valid() {
                        return Ok(());
                    }
                    accepted.set(accepted.get() + 1);
                    let typed = if is_response {
                        typed_response(&doc, options)
                    } else {
                        typed_input(&doc, options)
                    };
                    typed.map_err(TestCaseError::fail)
                });
                let direction = if is_response { "response" } else { "input" };
                if let Err(e) = result {
                    found.push(format!("{resource} ({profile:?}, {direction}): {e}"));
                } else if accepted.get() < CASES / 32 {
                    // A property over documents that are all refused would prove nothing.
                    found.push(format!(
                        "{resource} ({profile:?}, {direction}): only {} of {CASES} generated \
                         documents were valid",
                        accepted.get()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn what_validation_accepts_the_types_hold() {
    let found = disagreements();
    assert!(found.is_empty(), "{}", found.join("\n\n"));
}

/// The case the property was written for: a number in `metadata` is accepted by the
/// open-klant profile and stored as text, as Open Klant stores it (R23).
#[test]
fn a_metadata_number_is_typed_as_text_in_the_open_klant_profile() {
    let doc = json!({"kanaal": "telefoon", "onderwerp": "Afval", "taal": "nld",
                     "vertrouwelijk": false, "metadata": {"zaak": 12, "bedrag": 12.5}});
    let typed: KlantcontactInput = parse_value(
        Resource::Klantcontacten,
        doc.clone(),
        Options::input(Profile::OpenKlant),
    )
    .expect("accepted and typed");
    let metadata = typed.metadata.expect("metadata");
    assert_eq!(metadata["zaak"], "12");
    assert_eq!(metadata["bedrag"], "12.5");
    let refused = parse_value::<KlantcontactInput>(
        Resource::Klantcontacten,
        doc,
        Options::input(Profile::Standaard),
    )
    .expect_err("standaard wants text");
    assert!(refused
        .violations
        .iter()
        .any(|v| v.name == "metadata.zaak" && v.code == "invalid"));
}
