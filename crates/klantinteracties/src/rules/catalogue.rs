//! The document rules: every rule the validator reports, with a stable id, a one-line
//! description, its source and the profiles it belongs to. The whole catalogue, with the
//! register's and the workflows' rules, is put together above them in [`crate::catalogus`],
//! which `docs/rules.md` is generated from.

use super::Profile;

pub use crate::regel::Rule;

// Each rule is a typed value (declared with `regels!`), named where its violation is reported;
// its description is its documentation. The rules the model's value types check are in
// `model::regels`.

const BOTH: &[Profile] = &[Profile::Standaard, Profile::OpenKlant];
const STANDAARD: &[Profile] = &[Profile::Standaard];

crate::regel::regels! {
    DOCUMENT_JSON: "document.json", BOTH, ["parse_error"], "API 0.9.0; ZGW error format",
        "A document is well-formed JSON.";
    DOCUMENT_OVERTREDINGEN: "document.overtredingen", BOTH, ["too_many_errors"], "klantinteracties (a bound on reports)",
        "A report lists at most 100 violations; one more says how many were left out.";
    VELD_TYPE: "veld.type", BOTH, ["invalid", "not_a_list"], "API 0.9.0 (OpenAPI schemas)",
        "Every value has the JSON type of its schema: an object, a list, a string, a boolean or an integer.";
    VELD_VERPLICHT: "veld.verplicht", BOTH, ["required"], "API 0.9.0 (required properties)",
        "Every required property is present.";
    VELD_NULL: "veld.null", BOTH, ["null"], "API 0.9.0 (nullable)",
        "Only nullable properties may be null.";
    VELD_LEEG: "veld.leeg", BOTH, ["blank"], "API 0.9.0; Open Klant (blank=False)",
        "A required text is not empty.";
    VELD_MAX_LENGTE: "veld.max-lengte", BOTH, ["max_length"], "API 0.9.0 (maxLength)",
        "A text is not longer than its maxLength.";
    VELD_MIN_LENGTE: "veld.min-lengte", BOTH, ["min_length"], "API 0.9.0 (minLength)",
        "A text is not shorter than its minLength.";
    VELD_KEUZE: "veld.keuze", BOTH, ["invalid_choice"], "API 0.9.0 (enums)",
        "A closed list value is one of the literals of API 0.9.0.";
    VELD_UUID: "veld.uuid", BOTH, ["invalid"], "API 0.9.0 (format uuid)",
        "A uuid is a valid UUID.";
    VELD_URL: "veld.url", BOTH, ["invalid"], "API 0.9.0 (format uri)",
        "A url is an absolute http(s) or ftp(s) URL.";
    VELD_GETAL_BEREIK: "veld.getal-bereik", BOTH, ["min_value", "max_value"], "API 0.9.0 (minimum/maximum); Open Klant R33",
        "An integer lies within its range (huisnummer 1–99999).";
    VELD_NUMMER: "veld.nummer", BOTH, ["invalid"], "Open Klant R25; architecture decision 4",
        "nummer and referentienummer are digits (Open Klant also allows a leading minus).";
    VELD_ONBEKEND: "veld.onbekend", STANDAARD, ["unknown-field"], "B9866 (no unspecified extension data); G-11",
        "A document holds only properties of API 0.9.0; older names get a hint (codeKanaal → kanaal).";
    PARTIJ_IDENTIFICATOR_HIERARCHIE: "partij-identificator.hierarchie", BOTH, ["invalid"], "Open Klant R1",
        "codeRegister, codeObjecttype and codeSoortObjectId fit: brp → natuurlijk_persoon → bsn; hr → niet_natuurlijk_persoon → rsin|kvk_nummer; hr → vestiging → vestigingsnummer.";
    PARTIJ_IDENTIFICATOR_OBJECT_ID_VERPLICHT: "partij-identificator.object-id-verplicht", STANDAARD, ["blank"], "PI-01 (GWB Identificator, objectId cardinality 1)",
        "A partij-identificator has a non-empty objectId (Open Klant accepts \"\").";
    PARTIJ_IDENTIFICATOR_VESTIGING_ONDER_KVK: "partij-identificator.vestiging-onder-kvk", BOTH, ["invalid"], "Open Klant R3",
        "A vestigingsnummer has a subIdentificatorVan (a kvk_nummer).";
    PARTIJ_IDENTIFICATOR_GEEN_EIGEN_OUDER: "partij-identificator.geen-eigen-ouder", BOTH, ["invalid"], "Open Klant R7",
        "A partij-identificator is not its own subIdentificatorVan.";
    PARTIJ_IDENTIFICATOREN_GENEST: "partij.identificatoren-genest", BOTH, ["invalid"], "Open Klant R11",
        "A partij-identificator nested in a partij does not name identificeerdePartij; the partij sets it.";
    PARTIJ_IDENTIFICATOREN_UNIEK: "partij.identificatoren-uniek", BOTH, ["duplicated"], "Open Klant R12",
        "A uuid appears at most once in partijIdentificatoren.";
    PARTIJ_IDENTIFICATOR_SOORT_UNIEK: "partij.identificator-soort-uniek", BOTH, ["invalid"], "Open Klant R6",
        "A partij has at most one identificator of each codeSoortObjectId.";
    PARTIJ_VOORKEURS_DIGITAAL_ADRES: "partij.voorkeurs-digitaal-adres", BOTH, ["invalid"], "Open Klant R13; PA-10",
        "voorkeursDigitaalAdres is one of the partij's digitaleAdressen.";
    PARTIJ_VOORKEURS_REKENINGNUMMER: "partij.voorkeurs-rekeningnummer", BOTH, ["invalid"], "Open Klant R14",
        "voorkeursRekeningnummer is one of the partij's rekeningnummers.";
    PARTIJ_CONTACTPERSOON: "partij.contactpersoon", STANDAARD, ["required"], "PA-09 (GWB Contactpersoon; CRUD werkteVoorPartij required)",
        "A contactpersoon has a contactnaam and a werkteVoorPartij.";
    DIGITAAL_ADRES_STANDAARD_ADRES: "digitaal-adres.standaard-adres", BOTH, ["invalid"], "Open Klant R20",
        "isStandaardAdres is true only for an address with verstrektDoorPartij.";
    DIGITAAL_ADRES_GEKOPPELD: "digitaal-adres.gekoppeld", STANDAARD, ["invalid"], "F1995 (DA-01)",
        "A digitaal adres is linked to a partij or to a betrokkene.";
    VERTEGENWOORDIGING_NIET_ZICHZELF: "vertegenwoordiging.niet-zichzelf", BOTH, ["invalid"], "Open Klant R18; VT-01",
        "A partij does not represent itself.";
    CATEGORIE_RELATIE_DATUMVOLGORDE: "categorie-relatie.datumvolgorde", STANDAARD, ["invalid"], "GWB (geldigheid); not checked by Open Klant (R29)",
        "eindDatum is not before beginDatum.";
    KLANTCONTACT_GEEN_VERDERE_ACTIE_BIJ_GELUKT: "klantcontact.geen-verdere-actie-bij-gelukt", BOTH, ["no-further-action-when-contact-succesful"], "Open Klant R22",
        "verdereActieOndernomen and indicatieContactGelukt are not both true.";
    ONDERWERPOBJECT_VOLLEDIG: "onderwerpobject.volledig", STANDAARD, ["required", "invalid"], "OB-01 (GWB Onderwerpobject; F9322)",
        "An onderwerpobject belongs to a klantcontact and names an object or an earlier klantcontact.";
    BIJLAGE_VOLLEDIG: "bijlage.volledig", STANDAARD, ["required"], "BL-01 (GWB Bijlage; F1975)",
        "A bijlage belongs to a klantcontact and identifies an object in another register.";
    ACTOR_IDENTIFICATIE: "actor.identificatie", STANDAARD, ["required"], "AC-04 (GWB Medewerker, GeautomatiseerdeActor)",
        "A medewerker has functie, emailadres and telefoonnummer; a geautomatiseerde actor has a functie.";
    INTERNE_TAAK_EEN_TOEWIJZING: "interne-taak.een-toewijzing", BOTH, ["invalid"], "Open Klant R26",
        "A new interne taak names exactly one of toegewezenAanActor (deprecated) and toegewezenAanActoren.";
    INTERNE_TAAK_AFGEHANDELD_ALLEEN_VERWERKT: "interne-taak.afgehandeld-alleen-verwerkt", BOTH, ["invalid"], "Open Klant R27; IT-04",
        "afgehandeldOp is set only when the status is verwerkt.";
}

/// Every document rule, grouped by subject: the catalogue order of `docs/rules.md`.
pub static RULES: &[Rule] = &[
    DOCUMENT_JSON,
    DOCUMENT_OVERTREDINGEN,
    VELD_TYPE,
    VELD_VERPLICHT,
    VELD_NULL,
    VELD_LEEG,
    VELD_MAX_LENGTE,
    VELD_MIN_LENGTE,
    VELD_KEUZE,
    VELD_UUID,
    VELD_URL,
    crate::model::regels::VELD_DATUM,
    crate::model::regels::VELD_DATUMTIJD,
    VELD_GETAL_BEREIK,
    VELD_NUMMER,
    VELD_ONBEKEND,
    PARTIJ_IDENTIFICATOR_HIERARCHIE,
    crate::model::regels::PARTIJ_IDENTIFICATOR_BSN,
    crate::model::regels::PARTIJ_IDENTIFICATOR_RSIN,
    crate::model::regels::PARTIJ_IDENTIFICATOR_KVK_NUMMER,
    crate::model::regels::PARTIJ_IDENTIFICATOR_VESTIGINGSNUMMER,
    PARTIJ_IDENTIFICATOR_OBJECT_ID_VERPLICHT,
    PARTIJ_IDENTIFICATOR_VESTIGING_ONDER_KVK,
    PARTIJ_IDENTIFICATOR_GEEN_EIGEN_OUDER,
    PARTIJ_IDENTIFICATOREN_GENEST,
    PARTIJ_IDENTIFICATOREN_UNIEK,
    PARTIJ_IDENTIFICATOR_SOORT_UNIEK,
    PARTIJ_VOORKEURS_DIGITAAL_ADRES,
    PARTIJ_VOORKEURS_REKENINGNUMMER,
    PARTIJ_CONTACTPERSOON,
    crate::model::regels::TAAL_ISO_639_2,
    crate::model::regels::ADRES_POSTCODE,
    crate::model::regels::ADRES_NUMMERAANDUIDING_ID,
    crate::model::regels::ADRES_LAND,
    crate::model::regels::EMAILADRES,
    crate::model::regels::TELEFOONNUMMER,
    crate::model::regels::DIGITAAL_ADRES_REFERENTIE,
    DIGITAAL_ADRES_STANDAARD_ADRES,
    DIGITAAL_ADRES_GEKOPPELD,
    crate::model::regels::REKENINGNUMMER_IBAN,
    crate::model::regels::REKENINGNUMMER_IBAN_CONTROLEGETAL,
    crate::model::regels::REKENINGNUMMER_BIC,
    crate::model::regels::REKENINGNUMMER_BIC_ISO9362,
    VERTEGENWOORDIGING_NIET_ZICHZELF,
    CATEGORIE_RELATIE_DATUMVOLGORDE,
    KLANTCONTACT_GEEN_VERDERE_ACTIE_BIJ_GELUKT,
    ONDERWERPOBJECT_VOLLEDIG,
    BIJLAGE_VOLLEDIG,
    ACTOR_IDENTIFICATIE,
    INTERNE_TAAK_EEN_TOEWIJZING,
    INTERNE_TAAK_AFGEHANDELD_ALLEEN_VERWERKT,
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
