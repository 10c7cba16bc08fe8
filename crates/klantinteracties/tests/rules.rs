//! Table-driven rule tests: for every rule of the catalogue at least one document that is
//! accepted and one that is rejected with the expected `name`, `code` and `rule`, in every
//! profile the rule belongs to; in the other profile the rule must stay silent.

use klantinteracties::rules::catalogue::{self, RULES};
use klantinteracties::rules::{validate, validate_value, Options, Profile, Report};
use klantinteracties::Resource;
use serde_json::{json, Value};

const U1: &str = "0f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const U2: &str = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const U3: &str = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";

/// A document of `resource` that is valid in both profiles.
fn base(resource: Resource) -> Value {
    match resource {
        Resource::Partijen => json!({
            "soortPartij": "persoon", "indicatieActief": true,
            "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"}}
        }),
        Resource::PartijIdentificatoren => json!({
            "identificeerdePartij": {"uuid": U1},
            "partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn",
                                    "objectId": "123456782", "codeRegister": "brp"}
        }),
        Resource::DigitaleAdressen => json!({
            "verstrektDoorPartij": {"uuid": U1}, "adres": "jan@example.nl", "soortDigitaalAdres": "email"
        }),
        Resource::Rekeningnummers => {
            json!({"partij": {"uuid": U1}, "iban": "NL91ABNA0417164300", "bic": "ABNANL2A"})
        }
        Resource::Vertegenwoordigingen => json!({
            "vertegenwoordigendePartij": {"uuid": U1}, "vertegenwoordigdePartij": {"uuid": U2}
        }),
        Resource::Categorieen => json!({"naam": "Ondernemer"}),
        Resource::CategorieRelaties => json!({
            "partij": {"uuid": U1}, "categorie": {"uuid": U2}, "beginDatum": "2024-01-01", "eindDatum": "2024-12-31"
        }),
        Resource::Klantcontacten => json!({
            "kanaal": "telefoon", "onderwerp": "Vraag over afval", "taal": "nld", "vertrouwelijk": false
        }),
        Resource::Betrokkenen => {
            json!({"hadKlantcontact": {"uuid": U1}, "rol": "klant", "initiator": true})
        }
        Resource::Actorklantcontacten => {
            json!({"actor": {"uuid": U1}, "klantcontact": {"uuid": U2}})
        }
        Resource::Onderwerpobjecten => json!({
            "klantcontact": {"uuid": U1},
            "onderwerpobjectidentificator": {"objectId": "ZAAK-2024-0001", "codeObjecttype": "zgw-Zaak",
                                             "codeRegister": "openzaak", "codeSoortObjectId": "identificatie"}
        }),
        Resource::Bijlagen => json!({
            "wasBijlageVanKlantcontact": {"uuid": U1},
            "bijlageidentificator": {"objectId": U2, "codeObjecttype": "informatieobject",
                                     "codeRegister": "openzaak", "codeSoortObjectId": "uuid"}
        }),
        Resource::Actoren => json!({
            "naam": "Jan de Medewerker", "soortActor": "medewerker",
            "actorIdentificatie": {"functie": "KCC-medewerker", "emailadres": "jan@gemeente.nl",
                                   "telefoonnummer": "0201234567"}
        }),
        Resource::Internetaken => json!({
            "aanleidinggevendKlantcontact": {"uuid": U1}, "toegewezenAanActoren": [{"uuid": U2}],
            "gevraagdeHandeling": "Terugbellen", "status": "te_verwerken"
        }),
        Resource::MaakKlantcontact => json!({
            "klantcontact": base(Resource::Klantcontacten),
            "betrokkene": {"rol": "klant", "initiator": true},
            "onderwerpobject": {"wasKlantcontact": {"uuid": U1}}
        }),
    }
}

/// Applies `patch` to `doc`: objects merge recursively, `"$delete"` removes a key, anything
/// else (including null) replaces.
fn merge(doc: &mut Value, patch: &Value) {
    match (doc, patch) {
        (Value::Object(d), Value::Object(p)) => {
            for (k, v) in p {
                if v == "$delete" {
                    d.remove(k);
                } else if v.is_object() && d.get(k).is_some_and(Value::is_object) {
                    merge(d.get_mut(k).unwrap(), v);
                } else {
                    d.insert(k.clone(), v.clone());
                }
            }
        }
        (d, p) => *d = p.clone(),
    }
}

struct Case {
    rule: &'static str,
    resource: Resource,
    response: bool,
    valid: Value,
    invalid: Invalid,
    name: &'static str,
    code: &'static str,
}

enum Invalid {
    Patch(Value),
    Raw(&'static str),
}

fn case(
    rule: &'static str,
    resource: Resource,
    valid: Value,
    invalid: Value,
    name: &'static str,
    code: &'static str,
) -> Case {
    Case {
        rule,
        resource,
        response: false,
        valid,
        invalid: Invalid::Patch(invalid),
        name,
        code,
    }
}

fn groep(objecttype: &str, soort: &str, id: &str, register: &str) -> Value {
    json!({"partijIdentificator": {"codeObjecttype": objecttype, "codeSoortObjectId": soort, "objectId": id, "codeRegister": register}})
}

fn cases() -> Vec<Case> {
    use Resource::*;
    let long = |n: usize| "x".repeat(n);
    let mut vestiging = groep("vestiging", "vestigingsnummer", "123456789012", "hr");
    vestiging["subIdentificatorVan"] = json!({"uuid": U2});
    let mut vestiging_kort = vestiging.clone();
    vestiging_kort["partijIdentificator"]["objectId"] = json!("12345");
    let mut eigen_ouder_ok = groep("niet_natuurlijk_persoon", "kvk_nummer", "12345678", "hr");
    eigen_ouder_ok["uuid"] = json!(U1);
    let mut eigen_ouder = eigen_ouder_ok.clone();
    eigen_ouder["subIdentificatorVan"] = json!({"uuid": U1});
    let bsn = groep("natuurlijk_persoon", "bsn", "123456782", "brp")["partijIdentificator"].clone();
    vec![
        Case {
            rule: "document.json",
            resource: Klantcontacten,
            response: false,
            valid: json!({}),
            invalid: Invalid::Raw("{\"kanaal\": \"telefoon\","),
            name: "nonFieldErrors",
            code: "parse_error",
        },
        case(
            "document.overtredingen",
            Partijen,
            json!({}),
            json!({"digitaleAdressen": vec![json!({}); 101]}),
            "nonFieldErrors",
            "too_many_errors",
        ),
        case(
            "veld.type",
            Klantcontacten,
            json!({"vertrouwelijk": true}),
            json!({"vertrouwelijk": "ja"}),
            "vertrouwelijk",
            "invalid",
        ),
        case(
            "veld.type",
            Klantcontacten,
            json!({"onderwerp": "5"}),
            json!({"onderwerp": 5}),
            "onderwerp",
            "invalid",
        ),
        case(
            "veld.type",
            Internetaken,
            json!({}),
            json!({"toegewezenAanActoren": {"uuid": U2}}),
            "toegewezenAanActoren",
            "not_a_list",
        ),
        case(
            "veld.type",
            Partijen,
            json!({}),
            json!({"bezoekadres": ["Straat 1"]}),
            "bezoekadres",
            "invalid",
        ),
        case(
            "veld.verplicht",
            Klantcontacten,
            json!({}),
            json!({"kanaal": "$delete"}),
            "kanaal",
            "required",
        ),
        case(
            "veld.verplicht",
            PartijIdentificatoren,
            json!({}),
            json!({"partijIdentificator": {"objectId": "$delete"}}),
            "partijIdentificator.objectId",
            "required",
        ),
        case(
            "veld.null",
            Klantcontacten,
            json!({"indicatieContactGelukt": null}),
            json!({"kanaal": null}),
            "kanaal",
            "null",
        ),
        case(
            "veld.leeg",
            Klantcontacten,
            json!({"inhoud": ""}),
            json!({"onderwerp": ""}),
            "onderwerp",
            "blank",
        ),
        case(
            "veld.max-lengte",
            DigitaleAdressen,
            json!({"omschrijving": long(40)}),
            json!({"omschrijving": long(41)}),
            "omschrijving",
            "max_length",
        ),
        case(
            "veld.min-lengte",
            Rekeningnummers,
            json!({"bic": "ABNANL2AXXX"}),
            json!({"bic": "ABNANL"}),
            "bic",
            "min_length",
        ),
        case(
            "veld.min-lengte",
            Partijen,
            json!({"bezoekadres": {"land": "BE"}}),
            json!({"bezoekadres": {"land": "B"}}),
            "bezoekadres.land",
            "min_length",
        ),
        case(
            "veld.keuze",
            Partijen,
            json!({"soortPartij": "persoon"}),
            json!({"soortPartij": "bedrijf"}),
            "soortPartij",
            "invalid_choice",
        ),
        case(
            "veld.keuze",
            PartijIdentificatoren,
            json!({}),
            json!({"partijIdentificator": {"codeRegister": ""}}),
            "partijIdentificator.codeRegister",
            "invalid_choice",
        ),
        case(
            "veld.uuid",
            Betrokkenen,
            json!({"hadKlantcontact": {"uuid": U3}}),
            json!({"hadKlantcontact": {"uuid": "123"}}),
            "hadKlantcontact.uuid",
            "invalid",
        ),
        case(
            "veld.url",
            Klantcontacten,
            json!({"hoofdOnderwerpType": "https://example.org/onderwerpen/afval"}),
            json!({"hoofdOnderwerpType": "afval"}),
            "hoofdOnderwerpType",
            "invalid",
        ),
        case(
            "veld.datum",
            DigitaleAdressen,
            json!({"verificatieDatum": "2024-01-24"}),
            json!({"verificatieDatum": "24-01-2024"}),
            "verificatieDatum",
            "invalid",
        ),
        case(
            "veld.datumtijd",
            Klantcontacten,
            json!({"plaatsgevondenOp": "2024-01-24T10:34:16+01:00"}),
            json!({"plaatsgevondenOp": "20240124T10:34:16"}),
            "plaatsgevondenOp",
            "invalid",
        ),
        case(
            "veld.getal-bereik",
            Partijen,
            json!({"bezoekadres": {"huisnummer": 99999}}),
            json!({"bezoekadres": {"huisnummer": 0}}),
            "bezoekadres.huisnummer",
            "min_value",
        ),
        case(
            "veld.getal-bereik",
            Partijen,
            json!({"bezoekadres": {"huisnummer": 1}}),
            json!({"bezoekadres": {"huisnummer": 100_000}}),
            "bezoekadres.huisnummer",
            "max_value",
        ),
        case(
            "veld.nummer",
            Klantcontacten,
            json!({"referentienummer": "0000012345"}),
            json!({"referentienummer": "AB12"}),
            "referentienummer",
            "invalid",
        ),
        case(
            "veld.onbekend",
            Klantcontacten,
            json!({"kanaal": "e-mail"}),
            json!({"codeKanaal": "e-mail"}),
            "codeKanaal",
            "unknown-field",
        ),
        case(
            "partij-identificator.hierarchie",
            PartijIdentificatoren,
            json!({}),
            json!({"partijIdentificator": {"codeObjecttype": "vestiging"}}),
            "partijIdentificator.codeObjecttype",
            "invalid",
        ),
        case(
            "partij-identificator.hierarchie",
            PartijIdentificatoren,
            json!({}),
            json!({"partijIdentificator": {"codeSoortObjectId": "rsin"}}),
            "partijIdentificator.codeSoortObjectId",
            "invalid",
        ),
        case(
            "partij-identificator.bsn",
            PartijIdentificatoren,
            json!({"partijIdentificator": {"objectId": "296648875"}}),
            json!({"partijIdentificator": {"objectId": "123456789"}}),
            "partijIdentificator.objectId",
            "invalid",
        ),
        case(
            "partij-identificator.rsin",
            PartijIdentificatoren,
            groep("niet_natuurlijk_persoon", "rsin", "024325818", "hr"),
            groep("niet_natuurlijk_persoon", "rsin", "024325819", "hr"),
            "partijIdentificator.objectId",
            "invalid",
        ),
        case(
            "partij-identificator.kvk-nummer",
            PartijIdentificatoren,
            groep("niet_natuurlijk_persoon", "kvk_nummer", "12345678", "hr"),
            groep("niet_natuurlijk_persoon", "kvk_nummer", "1234567", "hr"),
            "partijIdentificator.objectId",
            "invalid",
        ),
        case(
            "partij-identificator.vestigingsnummer",
            PartijIdentificatoren,
            vestiging.clone(),
            vestiging_kort,
            "partijIdentificator.objectId",
            "invalid",
        ),
        case(
            "partij-identificator.object-id-verplicht",
            PartijIdentificatoren,
            json!({}),
            json!({"partijIdentificator": {"objectId": ""}}),
            "partijIdentificator.objectId",
            "blank",
        ),
        case(
            "partij-identificator.vestiging-onder-kvk",
            PartijIdentificatoren,
            vestiging.clone(),
            json!({"partijIdentificator": vestiging["partijIdentificator"].clone(), "subIdentificatorVan": null}),
            "subIdentificatorVan",
            "invalid",
        ),
        case(
            "partij-identificator.geen-eigen-ouder",
            PartijIdentificatoren,
            eigen_ouder_ok,
            eigen_ouder,
            "subIdentificatorVan",
            "invalid",
        ),
        case(
            "partij.identificatoren-genest",
            Partijen,
            json!({"partijIdentificatoren": [{"partijIdentificator": bsn}]}),
            json!({"partijIdentificatoren": [{"identificeerdePartij": {"uuid": U1}, "partijIdentificator": bsn}]}),
            "partijIdentificatoren.0.identificeerdePartij",
            "invalid",
        ),
        case(
            "partij.identificatoren-uniek",
            Partijen,
            json!({"partijIdentificatoren": [{"uuid": U1, "partijIdentificator": bsn}]}),
            json!({"partijIdentificatoren": [{"uuid": U1, "partijIdentificator": bsn}, {"uuid": U1, "partijIdentificator": groep("niet_natuurlijk_persoon", "kvk_nummer", "12345678", "hr")["partijIdentificator"]}]}),
            "partijIdentificatoren.1.uuid",
            "duplicated",
        ),
        case(
            "partij.identificator-soort-uniek",
            Partijen,
            json!({"partijIdentificatoren": [{"partijIdentificator": bsn}]}),
            json!({"partijIdentificatoren": [{"partijIdentificator": bsn}, {"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "296648875", "codeRegister": "brp"}}]}),
            "nonFieldErrors",
            "invalid",
        ),
        case(
            "partij.voorkeurs-digitaal-adres",
            Partijen,
            json!({"digitaleAdressen": [{"uuid": U1}], "voorkeursDigitaalAdres": {"uuid": U1}}),
            json!({"digitaleAdressen": [{"uuid": U1}], "voorkeursDigitaalAdres": {"uuid": U3}}),
            "voorkeursDigitaalAdres",
            "invalid",
        ),
        case(
            "partij.voorkeurs-digitaal-adres",
            Partijen,
            json!({}),
            json!({"digitaleAdressen": [], "voorkeursDigitaalAdres": {"uuid": U3}}),
            "voorkeursDigitaalAdres",
            "invalid",
        ),
        case(
            "partij.voorkeurs-rekeningnummer",
            Partijen,
            json!({"rekeningnummers": [{"uuid": U2}], "voorkeursRekeningnummer": {"uuid": U2}}),
            json!({"rekeningnummers": [{"uuid": U2}], "voorkeursRekeningnummer": {"uuid": U3}}),
            "voorkeursRekeningnummer",
            "invalid",
        ),
        case(
            "partij.contactpersoon",
            Partijen,
            json!({"soortPartij": "contactpersoon", "partijIdentificatie": {"werkteVoorPartij": {"uuid": U2}, "contactnaam": {"achternaam": "Jansen"}}}),
            json!({"soortPartij": "contactpersoon", "partijIdentificatie": {"contactnaam": {"achternaam": "Jansen"}}}),
            "partijIdentificatie.werkteVoorPartij",
            "required",
        ),
        case(
            "taal.iso-639-2",
            Klantcontacten,
            json!({"taal": "fry"}),
            json!({"taal": "xx"}),
            "taal",
            "invalid",
        ),
        case(
            "taal.iso-639-2",
            Partijen,
            json!({"voorkeurstaal": "dut"}),
            json!({"voorkeurstaal": "NL"}),
            "voorkeurstaal",
            "invalid",
        ),
        case(
            "adres.postcode",
            Partijen,
            json!({"bezoekadres": {"postcode": "1234 AB"}}),
            json!({"bezoekadres": {"postcode": "1234AB"}}),
            "bezoekadres.postcode",
            "invalid",
        ),
        case(
            "adres.nummeraanduiding-id",
            Betrokkenen,
            json!({"correspondentieadres": {"nummeraanduidingId": "0518200000637599"}}),
            json!({"correspondentieadres": {"nummeraanduidingId": "123"}}),
            "correspondentieadres.nummeraanduidingId",
            "invalid",
        ),
        case(
            "adres.land",
            Partijen,
            json!({"correspondentieadres": {"land": "NL"}}),
            json!({"correspondentieadres": {"land": "nl"}}),
            "correspondentieadres.land",
            "invalid",
        ),
        case(
            "emailadres",
            DigitaleAdressen,
            json!({"adres": "j.jansen@example.nl"}),
            json!({"adres": "j.jansen"}),
            "adres",
            "invalid",
        ),
        case(
            "emailadres",
            Actoren,
            json!({}),
            json!({"actorIdentificatie": {"emailadres": "jan@"}}),
            "actorIdentificatie.emailadres",
            "invalid",
        ),
        case(
            "telefoonnummer",
            DigitaleAdressen,
            json!({"soortDigitaalAdres": "telefoonnummer", "adres": "0612345678"}),
            json!({"soortDigitaalAdres": "telefoonnummer", "adres": "0800123456"}),
            "adres",
            "invalid",
        ),
        case(
            "telefoonnummer",
            Actoren,
            json!({}),
            json!({"actorIdentificatie": {"telefoonnummer": "12345"}}),
            "actorIdentificatie.telefoonnummer",
            "invalid",
        ),
        case(
            "digitaal-adres.referentie",
            DigitaleAdressen,
            json!({"referentie": "prive-mail_1"}),
            json!({"referentie": "prive mail"}),
            "referentie",
            "invalid",
        ),
        case(
            "digitaal-adres.standaard-adres",
            DigitaleAdressen,
            json!({"isStandaardAdres": true}),
            json!({"isStandaardAdres": true, "verstrektDoorPartij": null, "verstrektDoorBetrokkene": {"uuid": U2}}),
            "isStandaardAdres",
            "invalid",
        ),
        case(
            "digitaal-adres.gekoppeld",
            DigitaleAdressen,
            json!({"verstrektDoorPartij": "$delete", "verstrektDoorBetrokkene": {"uuid": U2}}),
            json!({"verstrektDoorPartij": "$delete"}),
            "nonFieldErrors",
            "invalid",
        ),
        case(
            "rekeningnummer.iban",
            Rekeningnummers,
            json!({"iban": "DE89370400440532013000"}),
            json!({"iban": "NL91 ABNA 0417 1643 00"}),
            "iban",
            "invalid",
        ),
        case(
            "rekeningnummer.iban-controlegetal",
            Rekeningnummers,
            json!({"iban": "NL91ABNA0417164300"}),
            json!({"iban": "NL92ABNA0417164300"}),
            "iban",
            "invalid",
        ),
        case(
            "rekeningnummer.bic",
            Rekeningnummers,
            json!({"bic": "RABONL2U"}),
            json!({"bic": "RABO NL2U"}),
            "bic",
            "invalid",
        ),
        case(
            "rekeningnummer.bic-iso9362",
            Rekeningnummers,
            json!({"bic": "INGBNL2A"}),
            json!({"bic": "ingbnl2a"}),
            "bic",
            "invalid",
        ),
        case(
            "vertegenwoordiging.niet-zichzelf",
            Vertegenwoordigingen,
            json!({}),
            json!({"vertegenwoordigdePartij": {"uuid": U1}}),
            "vertegenwoordigdePartij",
            "invalid",
        ),
        case(
            "categorie-relatie.datumvolgorde",
            CategorieRelaties,
            json!({"eindDatum": "2024-01-01"}),
            json!({"eindDatum": "2023-12-31"}),
            "eindDatum",
            "invalid",
        ),
        case(
            "klantcontact.geen-verdere-actie-bij-gelukt",
            Klantcontacten,
            json!({"indicatieContactGelukt": true, "verdereActieOndernomen": false}),
            json!({"indicatieContactGelukt": true, "verdereActieOndernomen": true}),
            "nonFieldErrors",
            "no-further-action-when-contact-succesful",
        ),
        case(
            "onderwerpobject.volledig",
            Onderwerpobjecten,
            json!({}),
            json!({"klantcontact": "$delete"}),
            "klantcontact",
            "required",
        ),
        case(
            "onderwerpobject.volledig",
            Onderwerpobjecten,
            json!({"onderwerpobjectidentificator": null, "wasKlantcontact": {"uuid": U2}}),
            json!({"onderwerpobjectidentificator": null}),
            "nonFieldErrors",
            "invalid",
        ),
        case(
            "bijlage.volledig",
            Bijlagen,
            json!({}),
            json!({"bijlageidentificator": "$delete"}),
            "bijlageidentificator",
            "required",
        ),
        case(
            "actor.identificatie",
            Actoren,
            json!({}),
            json!({"actorIdentificatie": {"emailadres": "$delete"}}),
            "actorIdentificatie.emailadres",
            "required",
        ),
        case(
            "actor.identificatie",
            Actoren,
            json!({"soortActor": "organisatorische_eenheid", "actorIdentificatie": "$delete"}),
            json!({"soortActor": "geautomatiseerde_actor", "actorIdentificatie": "$delete"}),
            "actorIdentificatie",
            "required",
        ),
        case(
            "interne-taak.een-toewijzing",
            Internetaken,
            json!({"toegewezenAanActoren": "$delete", "toegewezenAanActor": {"uuid": U2}}),
            json!({"toegewezenAanActor": {"uuid": U2}}),
            "nonFieldErrors",
            "invalid",
        ),
        case(
            "interne-taak.een-toewijzing",
            Internetaken,
            json!({}),
            json!({"toegewezenAanActoren": "$delete"}),
            "nonFieldErrors",
            "invalid",
        ),
        case(
            "interne-taak.afgehandeld-alleen-verwerkt",
            Internetaken,
            json!({"status": "verwerkt", "afgehandeldOp": "2024-01-24T10:34:16Z"}),
            json!({"afgehandeldOp": "2024-01-24T10:34:16Z"}),
            "afgehandeldOp",
            "invalid",
        ),
    ]
}

fn run(case: &Case, profile: Profile) -> (Report, Report) {
    let options = Options {
        profile,
        response: case.response,
        partial: false,
    };
    let mut valid = base(case.resource);
    merge(&mut valid, &case.valid);
    let valid_report = validate_value(case.resource, &valid, options);
    let invalid_report = match &case.invalid {
        Invalid::Patch(p) => {
            let mut doc = base(case.resource);
            merge(&mut doc, p);
            validate_value(case.resource, &doc, options)
        }
        Invalid::Raw(raw) => validate(case.resource, raw.as_bytes(), options),
    };
    (valid_report, invalid_report)
}

#[test]
fn base_documents_are_valid_in_both_profiles() {
    for &resource in Resource::ALL {
        for &profile in Profile::ALL {
            let report = validate_value(resource, &base(resource), Options::input(profile));
            assert!(report.is_valid(), "{resource} in {profile}: {report}");
        }
    }
}

#[test]
fn every_rule_accepts_and_rejects_with_name_and_code() {
    for case in cases() {
        let rule = catalogue::rule(case.rule)
            .unwrap_or_else(|| panic!("{} not in the catalogue", case.rule));
        for &profile in Profile::ALL {
            let (valid, invalid) = run(&case, profile);
            assert!(
                valid.is_valid(),
                "{} ({profile}): valid document rejected: {valid}",
                case.rule
            );
            let hit = invalid
                .violations
                .iter()
                .any(|v| v.name == case.name && v.code == case.code && v.rule == case.rule);
            if rule.profiles.contains(&profile) {
                assert!(
                    hit,
                    "{} ({profile}): expected {} {} in: {invalid}",
                    case.rule, case.name, case.code
                );
                assert!(
                    rule.codes.contains(&case.code),
                    "{}: code {} not listed in the catalogue",
                    case.rule,
                    case.code
                );
            } else {
                assert!(
                    invalid.violations.iter().all(|v| v.rule != case.rule),
                    "{} must not apply in {profile}: {invalid}",
                    case.rule
                );
            }
        }
    }
}

#[test]
fn every_catalogued_rule_has_a_case() {
    let covered: Vec<&str> = cases().iter().map(|c| c.rule).collect();
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !covered.contains(id))
        .collect();
    assert!(missing.is_empty(), "rules without a test case: {missing:?}");
}

#[test]
fn every_reported_rule_is_catalogued() {
    for case in cases() {
        for &profile in Profile::ALL {
            let (_, invalid) = run(&case, profile);
            for v in invalid.violations {
                assert!(
                    catalogue::rule(&v.rule).is_some(),
                    "{} reported unknown rule {}",
                    case.rule,
                    v.rule
                );
            }
        }
    }
}

/// A document checked where it sits in a larger one (a workflow's `klantcontact`) names its
/// violations from there, and is valid or not exactly as on its own.
#[test]
fn a_document_at_a_path_names_its_violations_from_there() {
    use klantinteracties::rules::validate_value_at;
    let options = Options::input(Profile::Standaard);
    let goed = base(Resource::Klantcontacten);
    assert!(
        validate_value_at(Resource::Klantcontacten, &goed, options, "klantcontact.").is_valid()
    );

    let mut fout = goed.clone();
    fout["onderwerp"] = Value::from("x".repeat(201));
    let los = validate_value(Resource::Klantcontacten, &fout, options);
    let daar = validate_value_at(
        Resource::Klantcontacten,
        &fout,
        options,
        "antwoord.klantcontact.",
    );
    assert_eq!(los.violations.len(), daar.violations.len());
    for (l, d) in los.violations.iter().zip(&daar.violations) {
        assert_eq!(d.name, format!("antwoord.klantcontact.{}", l.name));
        assert_eq!((&d.code, &d.rule), (&l.code, &l.rule));
    }
    assert!(daar
        .violations
        .iter()
        .any(|v| v.name == "antwoord.klantcontact.onderwerp"
            && v.code == "max_length"
            && v.rule == "veld.max-lengte"));

    // The document itself not an object: `nonFieldErrors` below its place.
    let geen = validate_value_at(
        Resource::Klantcontacten,
        &json!([]),
        options,
        "klantcontact.",
    );
    assert_eq!(geen.violations[0].name, "klantcontact.nonFieldErrors");
    assert_eq!(geen.violations[0].code, "invalid");
}
