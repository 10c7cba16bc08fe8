//! The rules the model's value types check themselves (a BSN's 11-proef, an IBAN's check
//! digits, a postcode, a date): defined here, where [`super::WaardeFout`] reports them, and
//! listed in the catalogue (`rules::catalogue::RULES`) in their place.

use crate::regel::{Profile, Rule};

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

pub const VELD_DATUM: Rule = rule!(
    "veld.datum",
    BOTH,
    ["invalid"],
    "API 0.9.0 (format date); GWB Datum",
    "A date is written YYYY-MM-DD."
);

pub const VELD_DATUMTIJD: Rule = rule!(
    "veld.datumtijd",
    BOTH,
    ["invalid"],
    "API 0.9.0 (format date-time); GWB Datumtijd",
    "A moment is written YYYY-MM-DDThh:mm[:ss[.ffffff]] with an optional offset."
);

pub const PARTIJ_IDENTIFICATOR_BSN: Rule = rule!(
    "partij-identificator.bsn",
    BOTH,
    ["invalid"],
    "Open Klant R2",
    "A BSN is 9 digits and passes the 11-proef."
);

pub const PARTIJ_IDENTIFICATOR_RSIN: Rule = rule!(
    "partij-identificator.rsin",
    BOTH,
    ["invalid"],
    "Open Klant R2",
    "An RSIN is 9 digits and passes the 11-proef."
);

pub const PARTIJ_IDENTIFICATOR_KVK_NUMMER: Rule = rule!(
    "partij-identificator.kvk-nummer",
    BOTH,
    ["invalid"],
    "Open Klant R2",
    "A KvK-nummer is 8 digits."
);

pub const PARTIJ_IDENTIFICATOR_VESTIGINGSNUMMER: Rule = rule!(
    "partij-identificator.vestigingsnummer",
    BOTH,
    ["invalid"],
    "Open Klant R2",
    "A vestigingsnummer is 12 digits."
);

pub const ADRES_POSTCODE: Rule = rule!(
    "adres.postcode",
    BOTH,
    ["invalid"],
    "Open Klant R33",
    "A postcode is written 1234 AB."
);

pub const ADRES_NUMMERAANDUIDING_ID: Rule = rule!(
    "adres.nummeraanduiding-id",
    BOTH,
    ["invalid"],
    "Open Klant R33; B8841",
    "A nummeraanduidingId is a 16-digit BAG id."
);

pub const ADRES_LAND: Rule = rule!(
    "adres.land",
    BOTH,
    ["invalid"],
    "Open Klant R33",
    "land is an ISO 3166-1 alpha-2 code in upper case (NL)."
);

pub const DIGITAAL_ADRES_REFERENTIE: Rule = rule!(
    "digitaal-adres.referentie",
    BOTH,
    ["invalid"],
    "Open Klant R21",
    "referentie is a slug of at most 50 characters."
);

pub const REKENINGNUMMER_IBAN: Rule = rule!(
    "rekeningnummer.iban",
    BOTH,
    ["invalid"],
    "Open Klant R31",
    "An IBAN matches ^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$."
);

pub const REKENINGNUMMER_IBAN_CONTROLEGETAL: Rule = rule!(
    "rekeningnummer.iban-controlegetal",
    STANDAARD,
    ["invalid"],
    "ISO 13616 (not checked by Open Klant)",
    "An IBAN's check digits are right (mod 97)."
);

pub const REKENINGNUMMER_BIC: Rule = rule!(
    "rekeningnummer.bic",
    BOTH,
    ["invalid"],
    "Open Klant R31",
    "A BIC is 8 to 11 characters without spaces."
);

pub const TELEFOONNUMMER: Rule = rule!("telefoonnummer", BOTH, ["invalid"], "Open Klant R19",
        "A telephone number matches 0[1-9]xxxxxxxx, +xxxxxxxxx… or 00xxxxxxx… and does not start with 0800, 0900, 1400 or 140.");

pub const EMAILADRES: Rule = rule!(
    "emailadres",
    BOTH,
    ["invalid"],
    "Open Klant R19",
    "An e-mail address is valid (digitaal adres of soort email, emailadres of an actor)."
);

pub const REKENINGNUMMER_BIC_ISO9362: Rule = rule!("rekeningnummer.bic-iso9362", STANDAARD, ["invalid"], "ISO 9362",
        "A BIC is 4 letters bank, 2 letters country, 2 characters location and optionally 3 characters branch, upper case.");

pub const TAAL_ISO_639_2: Rule = rule!(
    "taal.iso-639-2",
    STANDAARD,
    ["invalid"],
    "referentielijst Taal (voorbeeldvulling: ISO 639-2); KC-17",
    "taal and voorkeurstaal are ISO 639-2 codes (nld), or a code of the standard's Taal list."
);
