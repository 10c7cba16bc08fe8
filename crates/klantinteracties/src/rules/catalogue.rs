//! The document rules: every rule the validator reports, with a stable id, a one-line
//! description, its source and the profiles it belongs to. The whole catalogue, with the
//! register's and the workflows' rules, is put together above them in [`crate::catalogus`],
//! which `docs/rules.md` is generated from.

use serde::Serialize;

use super::Profile;

/// One rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    /// Stable id, reported as `rule` in every violation.
    pub id: &'static str,
    /// What the rule demands, in one line.
    pub description: &'static str,
    /// Where it comes from: API 0.9.0, a VNG document code and section, an Open Klant rule.
    pub source: &'static str,
    /// The profiles that enforce it.
    pub profiles: &'static [Profile],
    /// The `code`s its violations carry.
    pub codes: &'static [&'static str],
}

const BOTH: &[Profile] = &[Profile::Standaard, Profile::OpenKlant];
const STANDAARD: &[Profile] = &[Profile::Standaard];

macro_rules! rule {
    ($id:literal, $profiles:expr, [$($code:literal),*], $source:literal, $description:literal) => {
        Rule {
            id: $id,
            description: $description,
            source: $source,
            profiles: $profiles,
            codes: &[$($code),*],
        }
    };
}

/// Every rule, grouped by subject.
pub static RULES: &[Rule] = &[
    rule!("document.json", BOTH, ["parse_error"], "API 0.9.0; ZGW error format",
        "A document is well-formed JSON."),
    rule!("document.overtredingen", BOTH, ["too_many_errors"], "klantinteracties (a bound on reports)",
        "A report lists at most 100 violations; one more says how many were left out."),
    rule!("veld.type", BOTH, ["invalid", "not_a_list"], "API 0.9.0 (OpenAPI schemas)",
        "Every value has the JSON type of its schema: an object, a list, a string, a boolean or an integer."),
    rule!("veld.verplicht", BOTH, ["required"], "API 0.9.0 (required properties)",
        "Every required property is present."),
    rule!("veld.null", BOTH, ["null"], "API 0.9.0 (nullable)",
        "Only nullable properties may be null."),
    rule!("veld.leeg", BOTH, ["blank"], "API 0.9.0; Open Klant (blank=False)",
        "A required text is not empty."),
    rule!("veld.max-lengte", BOTH, ["max_length"], "API 0.9.0 (maxLength)",
        "A text is not longer than its maxLength."),
    rule!("veld.min-lengte", BOTH, ["min_length"], "API 0.9.0 (minLength)",
        "A text is not shorter than its minLength."),
    rule!("veld.keuze", BOTH, ["invalid_choice"], "API 0.9.0 (enums)",
        "A closed list value is one of the literals of API 0.9.0."),
    rule!("veld.uuid", BOTH, ["invalid"], "API 0.9.0 (format uuid)",
        "A uuid is a valid UUID."),
    rule!("veld.url", BOTH, ["invalid"], "API 0.9.0 (format uri)",
        "A url is an absolute http(s) or ftp(s) URL."),
    rule!("veld.datum", BOTH, ["invalid"], "API 0.9.0 (format date); GWB Datum",
        "A date is written YYYY-MM-DD."),
    rule!("veld.datumtijd", BOTH, ["invalid"], "API 0.9.0 (format date-time); GWB Datumtijd",
        "A moment is written YYYY-MM-DDThh:mm[:ss[.ffffff]] with an optional offset."),
    rule!("veld.getal-bereik", BOTH, ["min_value", "max_value"], "API 0.9.0 (minimum/maximum); Open Klant R33",
        "An integer lies within its range (huisnummer 1–99999)."),
    rule!("veld.nummer", BOTH, ["invalid"], "Open Klant R25; architecture decision 4",
        "nummer and referentienummer are digits (Open Klant also allows a leading minus)."),
    rule!("veld.onbekend", STANDAARD, ["unknown-field"], "B9866 (no unspecified extension data); G-11",
        "A document holds only properties of API 0.9.0; older names get a hint (codeKanaal → kanaal)."),
    rule!("partij-identificator.hierarchie", BOTH, ["invalid"], "Open Klant R1",
        "codeRegister, codeObjecttype and codeSoortObjectId fit: brp → natuurlijk_persoon → bsn; hr → niet_natuurlijk_persoon → rsin|kvk_nummer; hr → vestiging → vestigingsnummer."),
    rule!("partij-identificator.bsn", BOTH, ["invalid"], "Open Klant R2",
        "A BSN is 9 digits and passes the 11-proef."),
    rule!("partij-identificator.rsin", BOTH, ["invalid"], "Open Klant R2",
        "An RSIN is 9 digits and passes the 11-proef."),
    rule!("partij-identificator.kvk-nummer", BOTH, ["invalid"], "Open Klant R2",
        "A KvK-nummer is 8 digits."),
    rule!("partij-identificator.vestigingsnummer", BOTH, ["invalid"], "Open Klant R2",
        "A vestigingsnummer is 12 digits."),
    rule!("partij-identificator.object-id-verplicht", STANDAARD, ["blank"], "PI-01 (GWB Identificator, objectId cardinality 1)",
        "A partij-identificator has a non-empty objectId (Open Klant accepts \"\")."),
    rule!("partij-identificator.vestiging-onder-kvk", BOTH, ["invalid"], "Open Klant R3",
        "A vestigingsnummer has a subIdentificatorVan (a kvk_nummer)."),
    rule!("partij-identificator.geen-eigen-ouder", BOTH, ["invalid"], "Open Klant R7",
        "A partij-identificator is not its own subIdentificatorVan."),
    rule!("partij.identificatoren-genest", BOTH, ["invalid"], "Open Klant R11",
        "A partij-identificator nested in a partij does not name identificeerdePartij; the partij sets it."),
    rule!("partij.identificatoren-uniek", BOTH, ["duplicated"], "Open Klant R12",
        "A uuid appears at most once in partijIdentificatoren."),
    rule!("partij.identificator-soort-uniek", BOTH, ["invalid"], "Open Klant R6",
        "A partij has at most one identificator of each codeSoortObjectId."),
    rule!("partij.voorkeurs-digitaal-adres", BOTH, ["invalid"], "Open Klant R13; PA-10",
        "voorkeursDigitaalAdres is one of the partij's digitaleAdressen."),
    rule!("partij.voorkeurs-rekeningnummer", BOTH, ["invalid"], "Open Klant R14",
        "voorkeursRekeningnummer is one of the partij's rekeningnummers."),
    rule!("partij.contactpersoon", STANDAARD, ["required"], "PA-09 (GWB Contactpersoon; CRUD werkteVoorPartij required)",
        "A contactpersoon has a contactnaam and a werkteVoorPartij."),
    rule!("taal.iso-639-2", STANDAARD, ["invalid"], "referentielijst Taal (voorbeeldvulling: ISO 639-2); KC-17",
        "taal and voorkeurstaal are ISO 639-2 codes (nld), or a code of the standard's Taal list."),
    rule!("adres.postcode", BOTH, ["invalid"], "Open Klant R33",
        "A postcode is written 1234 AB."),
    rule!("adres.nummeraanduiding-id", BOTH, ["invalid"], "Open Klant R33; B8841",
        "A nummeraanduidingId is a 16-digit BAG id."),
    rule!("adres.land", BOTH, ["invalid"], "Open Klant R33",
        "land is an ISO 3166-1 alpha-2 code in upper case (NL)."),
    rule!("emailadres", BOTH, ["invalid"], "Open Klant R19",
        "An e-mail address is valid (digitaal adres of soort email, emailadres of an actor)."),
    rule!("telefoonnummer", BOTH, ["invalid"], "Open Klant R19",
        "A telephone number matches 0[1-9]xxxxxxxx, +xxxxxxxxx… or 00xxxxxxx… and does not start with 0800, 0900, 1400 or 140."),
    rule!("digitaal-adres.referentie", BOTH, ["invalid"], "Open Klant R21",
        "referentie is a slug of at most 50 characters."),
    rule!("digitaal-adres.standaard-adres", BOTH, ["invalid"], "Open Klant R20",
        "isStandaardAdres is true only for an address with verstrektDoorPartij."),
    rule!("digitaal-adres.gekoppeld", STANDAARD, ["invalid"], "F1995 (DA-01)",
        "A digitaal adres is linked to a partij or to a betrokkene."),
    rule!("rekeningnummer.iban", BOTH, ["invalid"], "Open Klant R31",
        "An IBAN matches ^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$."),
    rule!("rekeningnummer.iban-controlegetal", STANDAARD, ["invalid"], "ISO 13616 (not checked by Open Klant)",
        "An IBAN's check digits are right (mod 97)."),
    rule!("rekeningnummer.bic", BOTH, ["invalid"], "Open Klant R31",
        "A BIC is 8 to 11 characters without spaces."),
    rule!("rekeningnummer.bic-iso9362", STANDAARD, ["invalid"], "ISO 9362",
        "A BIC is 4 letters bank, 2 letters country, 2 characters location and optionally 3 characters branch, upper case."),
    rule!("vertegenwoordiging.niet-zichzelf", BOTH, ["invalid"], "Open Klant R18; VT-01",
        "A partij does not represent itself."),
    rule!("categorie-relatie.datumvolgorde", STANDAARD, ["invalid"], "GWB (geldigheid); not checked by Open Klant (R29)",
        "eindDatum is not before beginDatum."),
    rule!("klantcontact.geen-verdere-actie-bij-gelukt", BOTH, ["no-further-action-when-contact-succesful"], "Open Klant R22",
        "verdereActieOndernomen and indicatieContactGelukt are not both true."),
    rule!("onderwerpobject.volledig", STANDAARD, ["required", "invalid"], "OB-01 (GWB Onderwerpobject; F9322)",
        "An onderwerpobject belongs to a klantcontact and names an object or an earlier klantcontact."),
    rule!("bijlage.volledig", STANDAARD, ["required"], "BL-01 (GWB Bijlage; F1975)",
        "A bijlage belongs to a klantcontact and identifies an object in another register."),
    rule!("actor.identificatie", STANDAARD, ["required"], "AC-04 (GWB Medewerker, GeautomatiseerdeActor)",
        "A medewerker has functie, emailadres and telefoonnummer; a geautomatiseerde actor has a functie."),
    rule!("interne-taak.een-toewijzing", BOTH, ["invalid"], "Open Klant R26",
        "A new interne taak names exactly one of toegewezenAanActor (deprecated) and toegewezenAanActoren."),
    rule!("interne-taak.afgehandeld-alleen-verwerkt", BOTH, ["invalid"], "Open Klant R27; IT-04",
        "afgehandeldOp is set only when the status is verwerkt."),
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
