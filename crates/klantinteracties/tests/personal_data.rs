//! Issue 14, item 9: a message names the field, the rule and what was wrong, never the value;
//! the Debug of anything holding personal data redacts it.
//!
//! Documents full of recognisable personal values (a BSN, an IBAN, an e-mail address, a phone
//! number, a name, a postcode, a BAG id, …) are fed through every field of every resource's
//! shape (as values of the right and the wrong type, too long, as choices, as unknown field
//! names and metadata keys), through `rules::validate` in both profiles and every direction,
//! through `Register::handle` (create, patch, replace, get, list with query parameters), the
//! workflows and the typed parse; every Display, Debug and problem+json of what comes back,
//! and the Debug of the typed inputs and of a register holding the values, must be free of
//! them.

#[path = "support/register.rs"]
mod support;

use klantinteracties::model::{
    BagId, Bsn, DigitaalAdresInput, Emailadres, Iban, PartijInput, Postcode, RekeningnummerInput,
    Telefoonnummer,
};
use klantinteracties::register::parameters::query_parameters;
use klantinteracties::register::{Error, Method, Register, Request, Zoekvraag};
use klantinteracties::rules::shape::{Kind, Shape};
use klantinteracties::rules::{self, Options, Profile, Report};
use klantinteracties::workflows::{voer_uit, WORKFLOWS};
use klantinteracties::Resource;
use serde_json::{json, Map, Value};
use support::{medewerker, r, register_in, uid};

const BSN: &str = "111222333";
/// Fails the 11-proef.
const BSN_FOUT: &str = "111222334";
const IBAN: &str = "NL91ABNA0417164300";
/// Right pattern, wrong check digits.
const IBAN_CONTROLEGETAL: &str = "NL92ABNA0417164300";
/// Wrong pattern.
const IBAN_PATROON: &str = "N191ABNA0417164300";
const EMAIL: &str = "jan.jansen@example.nl";
const EMAIL_FOUT: &str = "jan.jansen@example";
const TELEFOON: &str = "0612345678";
const TELEFOON_FOUT: &str = "06123456789";
const NAAM: &str = "Jan Jansen";
/// Without the space the API asks for.
const POSTCODE: &str = "1234AB";
const BAG: &str = "0363200000123456";
/// Fifteen digits: not a BAG id.
const BAG_FOUT: &str = "036320000012345";
/// A BIC with a space, and one in lower case (the ISO 9362 check of `standaard`).
const BIC_SPATIE: &str = "JANS NL2A";
const BIC_KLEIN: &str = "jansnl2a";

/// Every personal value the documents hold; none may come back in a message.
const WAARDEN: &[&str] = &[
    BSN,
    BSN_FOUT,
    IBAN,
    IBAN_CONTROLEGETAL,
    IBAN_PATROON,
    EMAIL,
    EMAIL_FOUT,
    TELEFOON,
    TELEFOON_FOUT,
    NAAM,
    POSTCODE,
    BAG,
    BAG_FOUT,
    BIC_SPATIE,
    BIC_KLEIN,
];

/// What was seen, and where a value came back: each leak by where it was found and the text
/// around it with the values masked, so that one echoing message is listed once.
#[derive(Default)]
struct Toets {
    gezien: usize,
    lekken: std::collections::BTreeMap<String, usize>,
}

/// `tekst` with every personal value replaced by `<…>`.
fn gemaskeerd(tekst: &str) -> String {
    let mut out = tekst.to_owned();
    // Longest first: a value may contain another.
    let mut waarden = WAARDEN.to_vec();
    waarden.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for w in waarden {
        out = out.replace(w, "<…>");
    }
    out
}

impl Toets {
    fn tekst(&mut self, waar: &str, tekst: &str) {
        self.gezien += 1;
        let Some(at) = WAARDEN.iter().filter_map(|w| tekst.find(w)).min() else {
            return;
        };
        // The text around the first value (a 10 MB echo need not be repeated here).
        let mut begin = at.saturating_sub(120);
        while !tekst.is_char_boundary(begin) {
            begin -= 1;
        }
        let mut eind = (at + 160).min(tekst.len());
        while !tekst.is_char_boundary(eind) {
            eind += 1;
        }
        let fragment = gemaskeerd(&tekst[begin..eind]);
        *self
            .lekken
            .entry(format!("{waar}: …{fragment}…"))
            .or_default() += 1;
    }

    fn report(&mut self, waar: &str, report: &Report) {
        for v in &report.violations {
            self.tekst(
                &format!("{waar} [{} {}]", v.rule, v.code),
                &format!("name={} reason={}", v.name, v.reason),
            );
        }
        self.tekst(&format!("{waar} (Display)"), &report.to_string());
        self.tekst(&format!("{waar} (Debug)"), &format!("{report:?}"));
        self.tekst(
            &format!("{waar} (problem)"),
            &serde_json::to_string(&report.problem()).unwrap(),
        );
    }

    fn error(&mut self, waar: &str, e: &Error) {
        if let Some(report) = e.report() {
            self.report(waar, report);
        }
        self.tekst(&format!("{waar} (Display)"), &e.to_string());
        self.tekst(&format!("{waar} (Debug)"), &format!("{e:?}"));
        self.tekst(
            &format!("{waar} (problem)"),
            &serde_json::to_string(&e.problem()).unwrap(),
        );
    }

    fn uitkomst<T>(&mut self, waar: &str, uitkomst: &Result<T, Error>) {
        if let Err(e) = uitkomst {
            self.error(waar, e);
        }
    }

    fn klaar(self, minimaal: usize) {
        assert!(
            self.gezien >= minimaal,
            "only {} texts checked, expected at least {minimaal}",
            self.gezien
        );
        assert!(
            self.lekken.is_empty(),
            "{} texts echo a personal value, in {} ways (of {} texts checked):\n{}",
            self.lekken.values().sum::<usize>(),
            self.lekken.len(),
            self.gezien,
            self.lekken
                .iter()
                .take(2000)
                .map(|(k, n)| format!("{n:>6} × {k}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// The values a field is given: each personal value as text, one as a number, and texts too
/// long for any field.
fn invullingen() -> Vec<Value> {
    let mut out: Vec<Value> = WAARDEN.iter().map(|w| json!(w)).collect();
    out.push(json!(111_222_333));
    out.push(json!(NAAM.repeat(120)));
    out.push(json!(format!("{EMAIL} ").repeat(60)));
    out
}

/// A document of `shape` with every field set to `waarde`; enums take choice `keuze` (modulo
/// their length) when `keuze` is given, else `waarde` too, so that both the choice and the
/// rules that need a valid choice are reached. Variant groups follow their discriminator; the
/// document also has unknown fields named by personal values.
fn vul(shape: &Shape, waarde: &Value, keuze: Option<usize>) -> Value {
    vul_tot(shape, waarde, keuze, 0)
}

/// [`vul`] at nesting `diepte`: the shapes of `_expand` refer to each other, so the filling
/// stops at a depth no request body reaches.
fn vul_tot(shape: &Shape, waarde: &Value, keuze: Option<usize>, diepte: usize) -> Value {
    if diepte > 4 {
        return waarde.clone();
    }
    let mut m = Map::new();
    for f in shape.fields {
        if matches!(f.kind, Kind::Variant { .. }) {
            continue;
        }
        m.insert(f.name.to_owned(), soort(&f.kind, waarde, keuze, diepte));
    }
    for f in shape.fields {
        if let Kind::Variant {
            discriminator,
            variants,
        } = f.kind
        {
            let gekozen = m
                .get(discriminator)
                .and_then(Value::as_str)
                .and_then(|d| variants.iter().find(|(n, _)| *n == d))
                .map_or(variants[0].1, |(_, s)| *s);
            m.insert(
                f.name.to_owned(),
                vul_tot(gekozen, waarde, keuze, diepte + 1),
            );
        }
    }
    // A value as a field name; one that looks like an identifier (`jansnl2a`) is not
    // told apart from a field name, and is repeated by design (`rules::is_safe_name`).
    if let Some(s) = waarde.as_str().filter(|s| !rules::is_safe_name(s)) {
        m.insert(s.chars().take(200).collect(), waarde.clone());
    }
    m.insert(BSN.to_owned(), json!(NAAM));
    m.insert(EMAIL.to_owned(), json!(BSN));
    Value::Object(m)
}

fn soort(kind: &Kind, waarde: &Value, keuze: Option<usize>, diepte: usize) -> Value {
    match kind {
        Kind::Enum(choices) => match keuze {
            Some(i) => json!(choices[i % choices.len()]),
            None => waarde.clone(),
        },
        Kind::Object(shape) => vul_tot(shape, waarde, keuze, diepte + 1),
        Kind::List(item) => json!([soort(item, waarde, keuze, diepte + 1), waarde]),
        Kind::Map(_) => {
            let mut m = Map::new();
            m.insert("zaak".to_owned(), waarde.clone());
            m.insert(BSN.to_owned(), waarde.clone());
            m.insert(EMAIL.to_owned(), json!(1));
            m.insert(NAAM.to_owned(), json!([NAAM]));
            Value::Object(m)
        }
        Kind::Variant { variants, .. } => vul_tot(variants[0].1, waarde, keuze, diepte + 1),
        _ => waarde.clone(),
    }
}

/// Every document of `resource` the test feeds in.
fn documenten(resource: Resource) -> Vec<Value> {
    let shape = resource.shape();
    let mut out = Vec::new();
    for waarde in invullingen() {
        for keuze in [None, Some(0), Some(1), Some(2)] {
            out.push(vul(shape, &waarde, keuze));
        }
        // The value where a document or a group is expected.
        out.push(waarde.clone());
        out.push(json!([waarde]));
    }
    out.extend(gerichte_documenten(resource));
    out
}

/// Documents aimed at the rules that look at a value: the 11-proef, IBAN, BIC, postcode, BAG
/// id, e-mail address and phone number, each inside an otherwise valid document.
fn gerichte_documenten(resource: Resource) -> Vec<Value> {
    let groep = |soort: &str, object_id: &str| {
        let (objecttype, register) = match soort {
            "bsn" => ("natuurlijk_persoon", "brp"),
            "vestigingsnummer" => ("vestiging", "hr"),
            _ => ("niet_natuurlijk_persoon", "hr"),
        };
        json!({"codeObjecttype": objecttype, "codeSoortObjectId": soort,
               "objectId": object_id, "codeRegister": register})
    };
    let adres = |postcode: &str, bag: &str| {
        json!({"nummeraanduidingId": bag, "postcode": postcode, "straatnaam": NAAM,
               "huisnummer": 0, "land": "nl"})
    };
    let mut out = Vec::new();
    for id in [BSN, BSN_FOUT, TELEFOON, BAG, IBAN] {
        for soort in ["bsn", "rsin", "kvk_nummer", "vestigingsnummer"] {
            match resource {
                Resource::Partijen => out.push(json!({
                    "soortPartij": "persoon", "indicatieActief": true,
                    "partijIdentificatoren": [{"partijIdentificator": groep(soort, id),
                                               "anderePartijIdentificator": NAAM}],
                    "partijIdentificatie": {"contactnaam": {"voornaam": NAAM}},
                    "bezoekadres": adres(POSTCODE, BAG_FOUT),
                    "correspondentieadres": adres(BAG, BAG),
                    "voorkeurstaal": NAAM,
                })),
                Resource::PartijIdentificatoren => out.push(json!({
                    "identificeerdePartij": r(uuid::Uuid::nil()),
                    "partijIdentificator": groep(soort, id),
                })),
                _ => {}
            }
        }
    }
    match resource {
        Resource::Rekeningnummers => {
            for iban in [IBAN, IBAN_CONTROLEGETAL, IBAN_PATROON, BSN, EMAIL, BAG] {
                for bic in [BIC_SPATIE, BIC_KLEIN, BSN, TELEFOON] {
                    out.push(json!({"iban": iban, "bic": bic}));
                }
            }
        }
        Resource::DigitaleAdressen => {
            for adres in [EMAIL, EMAIL_FOUT, TELEFOON, TELEFOON_FOUT, BSN, NAAM] {
                for soort in ["email", "telefoonnummer", "overig", NAAM] {
                    out.push(json!({"adres": adres, "soortDigitaalAdres": soort,
                                    "referentie": NAAM, "omschrijving": EMAIL}));
                }
            }
        }
        Resource::Betrokkenen => {
            for (postcode, bag) in [(POSTCODE, BAG), (BAG, BAG_FOUT), (NAAM, EMAIL)] {
                out.push(json!({"hadKlantcontact": r(uuid::Uuid::nil()), "rol": NAAM,
                                "initiator": true, "bezoekadres": adres(postcode, bag),
                                "correspondentieadres": adres(bag, postcode),
                                "contactnaam": {"voornaam": NAAM}, "organisatienaam": EMAIL}));
            }
        }
        Resource::Actoren => {
            for soort in [
                "medewerker",
                "organisatorische_eenheid",
                "geautomatiseerde_actor",
            ] {
                out.push(
                    json!({"naam": NAAM, "soortActor": soort, "indicatieActief": true,
                    "actorIdentificatie": {"functie": NAAM, "emailadres": EMAIL_FOUT,
                                           "telefoonnummer": TELEFOON_FOUT,
                                           "omschrijving": BSN, "faxnummer": BSN}}),
                );
            }
        }
        _ => {}
    }
    out
}

/// Every direction a document is checked in.
fn opties() -> Vec<Options> {
    [Profile::Standaard, Profile::OpenKlant]
        .into_iter()
        .flat_map(|p| [Options::input(p), Options::partial(p), Options::response(p)])
        .collect()
}

#[test]
fn no_rule_repeats_a_personal_value() {
    let mut t = Toets::default();
    for resource in Resource::ALL {
        for doc in documenten(*resource) {
            let bytes = serde_json::to_vec(&doc).unwrap();
            for options in opties() {
                let waar = format!("validate {resource:?}");
                t.report(&waar, &rules::validate(*resource, &bytes, options));
            }
        }
    }
    t.klaar(10_000);
}

#[test]
fn malformed_json_is_reported_without_its_text() {
    let mut t = Toets::default();
    let teksten = [
        format!("{{\"adres\": \"{EMAIL}\""),
        format!("{{\"adres\": {EMAIL}}}"),
        format!("{{\"{BSN}\": {NAAM}}}"),
        format!("{{\"iban\": \"{IBAN}\" \"bic\": 1}}"),
        format!("[\"{TELEFOON}\", \u{1}\"{POSTCODE}\"]"),
        format!("\"{BAG}\\x\""),
        format!("{{\"naam\": \"{NAAM}\"}} {BSN}"),
        format!("{}{{\"{BSN}\": 1}}{}", "[".repeat(40), "]".repeat(40)),
        format!("{{\"a\": 1e999999, \"{EMAIL}\": 2}}"),
    ];
    for tekst in &teksten {
        for resource in Resource::ALL {
            for options in opties() {
                let waar = format!("validate {resource:?} malformed");
                t.report(
                    &waar,
                    &rules::validate(*resource, tekst.as_bytes(), options),
                );
            }
            if let Err(report) = rules::parse_json(tekst.as_bytes()) {
                t.report("parse_json", &report);
            }
        }
    }
    t.klaar(100);
}

/// The typed parse: a document that passes validation but does not fit the type (or one of
/// the other direction) is refused without quoting serde.
#[test]
fn the_typed_parse_does_not_quote_serde() {
    let mut t = Toets::default();
    for resource in Resource::ALL {
        for doc in documenten(*resource) {
            for options in opties() {
                let waar = format!("parse {resource:?}");
                if let Err(report) =
                    rules::parse_value::<PartijInput>(*resource, doc.clone(), options)
                {
                    t.report(&waar, &report);
                }
                if let Err(report) =
                    rules::parse_value::<RekeningnummerInput>(*resource, doc.clone(), options)
                {
                    t.report(&waar, &report);
                }
            }
        }
    }
    t.klaar(1000);
}

/// A register with one object of most resources, holding the personal values.
fn gevuld(profile: Profile) -> (Register, Vec<(Resource, uuid::Uuid)>) {
    let reg = register_in(profile);
    let partij = uid(&reg
        .registreer_partij(json!({
            "soortPartij": "persoon", "indicatieActief": true,
            "partijIdentificatoren": [{"partijIdentificator": support::bsn_group(BSN)}],
            "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"}},
            "bezoekadres": {"nummeraanduidingId": BAG, "postcode": "1234 AB"},
        }))
        .unwrap());
    reg.registreer_digitaal_adres(support::email(partij, EMAIL))
        .unwrap();
    reg.registreer_digitaal_adres(json!({"verstrektDoorPartij": r(partij), "adres": TELEFOON,
                                         "soortDigitaalAdres": "telefoonnummer"}))
        .unwrap();
    reg.registreer_rekeningnummer(json!({"partij": r(partij), "iban": IBAN}))
        .unwrap();
    let actor = uid(&reg.registreer_actor(medewerker(NAAM)).unwrap());
    reg.registreer_klantcontact(support::registratie(actor, Some(partij)))
        .unwrap();
    reg.registreer_categorie(json!({"naam": "categorie"}))
        .unwrap();
    let objecten = reg
        .inhoud()
        .into_iter()
        .map(|(id, rec)| (rec.resource(), id))
        .collect();
    (reg, objecten)
}

#[test]
fn no_register_call_repeats_a_personal_value() {
    let mut t = Toets::default();
    for profile in [Profile::Standaard, Profile::OpenKlant] {
        let (reg, objecten) = gevuld(profile);
        for resource in Resource::ALL {
            let bestaand = objecten
                .iter()
                .find(|(r, _)| r == resource)
                .map(|(_, id)| *id);
            for doc in documenten(*resource) {
                for method in [Method::Create, Method::Patch, Method::Replace] {
                    let mut req = Request::new(method, *resource);
                    req.body = Some(doc.clone());
                    if method != Method::Create {
                        req.uuid = Some(bestaand.unwrap_or_else(uuid::Uuid::nil));
                    }
                    let waar = format!("handle {method:?} {resource:?}");
                    t.uitkomst(&waar, &reg.handle(&req));
                }
            }
            // Search parameters: every filter with every value, and unknown names.
            let mut query: Vec<(String, String)> = Vec::new();
            for p in query_parameters(*resource) {
                for w in WAARDEN {
                    query.push((p.name.to_owned(), (*w).to_owned()));
                }
            }
            for w in WAARDEN {
                if !rules::is_safe_name(w) {
                    query.push(((*w).to_owned(), (*w).to_owned()));
                }
                query.push(("expand".to_owned(), (*w).to_owned()));
            }
            for pair in &query {
                let mut req = Request::new(Method::List, *resource);
                req.query = vec![pair.clone()];
                let waar = format!("list {resource:?}");
                t.uitkomst(&waar, &reg.handle(&req));
                // A page number is repeated (`pagina 3 bestaat niet`): not one of the values.
                req.query.push(("page".to_owned(), NAAM.to_owned()));
                t.uitkomst(&waar, &reg.handle(&req));
            }
            let mut req = Request::new(Method::List, *resource);
            req.query.clone_from(&query);
            t.uitkomst(&format!("list {resource:?} all"), &reg.handle(&req));
            // A get with expand, and a path id that is no uuid.
            let mut req = Request::new(Method::Get, *resource);
            req.uuid = Some(bestaand.unwrap_or_else(uuid::Uuid::nil));
            req.query = vec![("expand".to_owned(), EMAIL.to_owned())];
            t.uitkomst(&format!("get {resource:?}"), &reg.handle(&req));
            for segment in [BSN.to_owned(), EMAIL.to_owned(), NAAM.repeat(100_000)] {
                if let Err(e) = Request::new(Method::Get, *resource).with_path_id(&segment) {
                    t.error(&format!("path id {resource:?}"), &e);
                }
            }
        }
        // The query parsers of the library.
        let q = format!("{BSN}={EMAIL}&page={TELEFOON}&pageSize={NAAM}&expand={IBAN}");
        match Zoekvraag::from_query(&q) {
            Ok(z) => t.tekst("Zoekvraag Debug", &format!("{z:?}")),
            Err(e) => t.error("Zoekvraag::from_query", &e),
        }
        // Deletes of objects that others refer to.
        for (resource, id) in &objecten {
            let mut req = Request::new(Method::Delete, *resource);
            req.uuid = Some(*id);
            let waar = format!("delete {resource:?}");
            t.uitkomst(&waar, &reg.handle(&req));
        }
        t.tekst("Register Debug", &format!("{reg:?}"));
    }
    t.klaar(10_000);
}

#[test]
fn no_workflow_error_repeats_a_personal_value() {
    let mut t = Toets::default();
    let (reg, _) = gevuld(Profile::Standaard);
    for w in WORKFLOWS {
        for waarde in invullingen() {
            let invoeren = [
                waarde.clone(),
                json!({"klant": waarde}),
                json!({"klant": {"soort": waarde}}),
                json!({"klant": {"soort": "ongekend", "contactnaam": waarde}}),
                json!({"klant": {"soort": "ongekend", "rol": waarde}}),
                json!({"klant": {"soort": "ongekend", "digitaleAdressen": [waarde]}}),
                json!({"klant": {"soort": "nieuw", "partij": {"soortPartij": waarde}}}),
                json!({"klant": {"soort": "gekend", "partij": {"uuid": waarde}}}),
                json!({"klant": {"soort": "anoniem"}, "vraag": waarde, "antwoord": [waarde]}),
                json!({BSN: waarde, EMAIL: {NAAM: waarde}}),
                json!({"klant": {"soort": "anoniem", BSN: waarde}}),
                json!({"medewerker": waarde, "kanaal": waarde, "onderwerp": [waarde],
                       "zaak": {"identificatie": [waarde]}, "taak": {"status": waarde}}),
            ];
            for invoer in &invoeren {
                t.uitkomst(
                    &format!("workflow {}", w.naam),
                    &voer_uit(&reg, w.naam, invoer),
                );
            }
        }
    }
    t.klaar(1000);
}

/// The Debug of a typed input holding personal data shows its shape, not the values.
#[test]
fn debug_of_typed_inputs_redacts_personal_data() {
    let mut t = Toets::default();
    let partij: PartijInput = rules::parse(
        Resource::Partijen,
        json!({
            "soortPartij": "persoon", "indicatieActief": true,
            "partijIdentificatoren": [{"partijIdentificator": support::bsn_group(BSN),
                                       "anderePartijIdentificator": TELEFOON}],
            "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen",
                                                    "voorletters": "J."}},
            "bezoekadres": {"nummeraanduidingId": BAG, "postcode": "1234 AB",
                            "straatnaam": NAAM, "huisnummer": 12, "stad": NAAM,
                            "adresregel1": EMAIL, "land": "NL"},
            "interneNotitie": format!("belt vaak, BSN {BSN}"),
        })
        .to_string()
        .as_bytes(),
        Options::default(),
    )
    .unwrap();
    let debug = format!("{partij:?}");
    assert!(debug.contains("Persoon"), "{debug}");
    t.tekst("PartijInput Debug", &debug);
    t.tekst("PartijInput Debug (alternate)", &format!("{partij:#?}"));
    for soort in ["contactpersoon", "organisatie"] {
        let partij: PartijInput = rules::parse(
            Resource::Partijen,
            json!({"soortPartij": soort, "indicatieActief": true,
                   "partijIdentificatie": {"naam": NAAM,
                       "contactnaam": {"voornaam": NAAM}}})
            .to_string()
            .as_bytes(),
            Options::input(Profile::OpenKlant),
        )
        .unwrap();
        t.tekst("PartijInput Debug", &format!("{partij:?}"));
    }
    for (adres, soort) in [
        (EMAIL, "email"),
        (TELEFOON, "telefoonnummer"),
        (NAAM, "overig"),
    ] {
        let da: DigitaalAdresInput = rules::parse(
            Resource::DigitaleAdressen,
            json!({"adres": adres, "soortDigitaalAdres": soort, "omschrijving": NAAM,
                   "verstrektDoorPartij": r(uuid::Uuid::nil())})
            .to_string()
            .as_bytes(),
            Options::default(),
        )
        .unwrap();
        t.tekst("DigitaalAdresInput Debug", &format!("{da:?}"));
        t.tekst(
            "GetyptAdres Debug",
            &format!("{:?}", da.getypt_adres().unwrap()),
        );
    }
    let rn: RekeningnummerInput = rules::parse(
        Resource::Rekeningnummers,
        json!({"iban": IBAN, "bic": "ABNANL2A"})
            .to_string()
            .as_bytes(),
        Options::default(),
    )
    .unwrap();
    t.tekst("RekeningnummerInput Debug", &format!("{rn:?}"));
    // The input of a workflow holds API bodies as JSON.
    let klant: klantinteracties::workflows::Klant = serde_json::from_value(json!({
        "soort": "ongekend", "contactnaam": {"voornaam": NAAM},
        "bezoekadres": {"postcode": POSTCODE, "nummeraanduidingId": BAG},
        "organisatienaam": NAAM,
        "digitaleAdressen": [{"adres": EMAIL, "soortDigitaalAdres": "email"}],
    }))
    .unwrap();
    t.tekst("Klant Debug", &format!("{klant:?}"));
    let vraag: klantinteracties::workflows::Terugbelverzoek = serde_json::from_value(json!({
        "klantcontact": {"onderwerp": NAAM, "inhoud": format!("bel {TELEFOON}")},
        "actor": r(uuid::Uuid::nil()),
        "klant": {"soort": "nieuw", "partij": {"partijIdentificatoren": [
            {"partijIdentificator": support::bsn_group(BSN)}]}},
        "taak": {"gevraagdeHandeling": format!("bel {TELEFOON}"), "toelichting": EMAIL,
                 "toegewezenAanActoren": [r(uuid::Uuid::nil())]},
    }))
    .unwrap();
    t.tekst("Terugbelverzoek Debug", &format!("{vraag:?}"));
    // The value types themselves.
    t.tekst("Bsn", &format!("{:?}", Bsn::parse(BSN).unwrap()));
    t.tekst("Iban", &format!("{:?}", Iban::parse(IBAN).unwrap()));
    t.tekst(
        "Emailadres",
        &format!("{:?}", Emailadres::parse(EMAIL).unwrap()),
    );
    t.tekst(
        "Telefoonnummer",
        &format!("{:?}", Telefoonnummer::parse(TELEFOON).unwrap()),
    );
    t.tekst("BagId", &format!("{:?}", BagId::parse(BAG).unwrap()));
    // … while serde and Display, which the API answers are made of, keep the value.
    assert_eq!(Bsn::parse(BSN).unwrap().to_string(), BSN);
    assert_eq!(serde_json::to_value(&rn).unwrap()["iban"], IBAN);
    t.klaar(10);
    let postcode = Postcode::parse("1234 AB").unwrap();
    assert!(!format!("{postcode:?}").contains("1234"), "{postcode:?}");
}

/// The F2173 registration through `Register::handle` (its body is read with serde in
/// `register/request.rs`).
#[test]
fn the_klantcontact_registration_does_not_quote_serde() {
    let mut t = Toets::default();
    let (reg, _) = gevuld(Profile::Standaard);
    for waarde in invullingen() {
        for body in [
            json!({"klantcontact": waarde, "actoren": waarde}),
            json!({"klantcontact": {}, "betrokkenen": waarde}),
            json!({"klantcontact": {}, "actoren": [waarde]}),
            json!({"klantcontact": {}, "onderwerpobjecten": {"a": waarde}}),
        ] {
            let mut req = Request::new(Method::Create, Resource::Klantcontacten);
            req.body = Some(body);
            t.uitkomst("registratie", &reg.handle(&req));
        }
    }
    t.klaar(10);
}

/// An unknown workflow name (named in `workflows/mod.rs`).
#[test]
fn an_unknown_workflow_is_not_named_back() {
    let mut t = Toets::default();
    let (reg, _) = gevuld(Profile::Standaard);
    for w in WAARDEN {
        t.uitkomst("workflow name", &voer_uit(&reg, w, &json!({})));
    }
    t.klaar(10);
}
