//! The full problem+json of representative invalid documents, as snapshots: names, codes,
//! Dutch reasons and rule ids together, so that a change to any of them is seen in review.

use klantinteracties::rules::{validate, Options, Profile};
use klantinteracties::Resource;

fn problem(resource: Resource, doc: &str, options: Options) -> serde_json::Value {
    let report = validate(resource, doc.as_bytes(), options);
    assert!(!report.is_valid(), "{resource}: expected violations");
    serde_json::to_value(report.problem()).expect("problem serializes")
}

macro_rules! snapshot {
    ($name:ident, $resource:expr, $doc:expr) => {
        snapshot!($name, $resource, $doc, Options::default());
    };
    ($name:ident, $resource:expr, $doc:expr, $options:expr) => {
        #[test]
        fn $name() {
            insta::assert_json_snapshot!(problem($resource, $doc, $options));
        }
    };
}

snapshot!(
    malformed_json,
    Resource::Partijen,
    r#"{"soortPartij": "persoon", "indicatieActief": tru"#
);
snapshot!(
    top_level_list,
    Resource::Klantcontacten,
    r#"[{"kanaal": "telefoon"}]"#
);
snapshot!(
    partij_with_bad_identificatoren,
    Resource::Partijen,
    r#"{"soortPartij": "persoon", "indicatieActief": true,
        "partijIdentificatoren": [
          {"partijIdentificator": {"codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn", "objectId": "123456789", "codeRegister": "brp"}},
          {"partijIdentificator": {"codeObjecttype": "vestiging", "codeSoortObjectId": "vestigingsnummer", "objectId": "1234", "codeRegister": "brp"}}
        ]}"#
);
snapshot!(
    klantcontact_with_old_names,
    Resource::Klantcontacten,
    r#"{"codeKanaal": "Telefoon", "onderwerp": "Vraag over de afvalkalender", "codeTaal": "Nederlands", "vertrouwelijk": false,
        "indicatieContactGelukt": true, "verdereActieOndernomen": true}"#
);
snapshot!(
    klantcontact_wrong_types,
    Resource::Klantcontacten,
    r#"{"kanaal": 3, "onderwerp": ["afval"], "taal": "nld", "vertrouwelijk": "nee", "metadata": {"bron": 12, "lang": "x"}}"#
);
snapshot!(
    digitaal_adres_telefoon_0900,
    Resource::DigitaleAdressen,
    r#"{"adres": "0900-1234567", "soortDigitaalAdres": "telefoonnummer", "isStandaardAdres": true,
        "verstrektDoorBetrokkene": {"uuid": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
        "omschrijving": "Mobiel nummer van de aanvrager, alleen overdag bereikbaar", "referentie": "mobiel nummer"}"#
);
snapshot!(
    rekeningnummer_checksum,
    Resource::Rekeningnummers,
    r#"{"iban": "NL92ABNA0417164300", "bic": "abna nl2a"}"#
);
snapshot!(
    betrokkene_addresses,
    Resource::Betrokkenen,
    r#"{"hadKlantcontact": {"uuid": "not-a-uuid"}, "rol": "Klant", "initiator": true,
        "bezoekadres": {"postcode": "1234ab", "huisnummer": 0, "land": "nl", "nummeraanduidingId": "0518"},
        "correspondentieadres": {"adresregel1": "Dennenstraat 35", "land": "003"}}"#
);
snapshot!(
    interne_taak_both_assignments,
    Resource::Internetaken,
    r#"{"aanleidinggevendKlantcontact": {"uuid": "0f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"},
        "toegewezenAanActor": {"uuid": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
        "toegewezenAanActoren": [{"uuid": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}],
        "gevraagdeHandeling": "Terugbellen", "status": "te_verwerken", "verwerktOp": "2023-12-15T09:17:20.912Z",
        "afgehandeldOp": "2023-12-15T09:17:20.912Z"}"#
);
snapshot!(
    actor_medewerker_incomplete,
    Resource::Actoren,
    r#"{"naam": "", "soortActor": "medewerker", "actorIdentificatie": {"functie": "KCC", "telefoonnummer": "0340-232221"}}"#
);
snapshot!(
    maak_klantcontact_nested,
    Resource::MaakKlantcontact,
    r#"{"klantcontact": {"kanaal": "", "onderwerp": "Terugbelverzoek", "taal": "nld"},
        "betrokkene": {"rol": "klant", "initiator": "ja", "contactnaam": {"voorletters": "ABCDEFGHIJK"}},
        "onderwerpobject": {}}"#
);
snapshot!(
    partij_open_klant_profile,
    Resource::Partijen,
    r#"{"soortPartij": "organisatie", "indicatieActief": true, "voorkeurstaal": "xx", "onbekendVeld": 1,
        "digitaleAdressen": [{"uuid": "0f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b"}],
        "voorkeursDigitaalAdres": {"uuid": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"}}"#,
    Options::input(Profile::OpenKlant)
);
snapshot!(
    vertegenwoordiging_zichzelf_response,
    Resource::Vertegenwoordigingen,
    r#"{"uuid": "0f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b",
        "vertegenwoordigendePartij": {"uuid": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "url": "https://openklant.example.nl/klantinteracties/api/v1/partijen/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"},
        "vertegenwoordigdePartij": {"uuid": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}}"#,
    Options::response(Profile::Standaard)
);
