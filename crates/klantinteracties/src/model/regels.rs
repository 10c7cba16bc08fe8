//! The rules the model's value types check themselves (a BSN's 11-proef, an IBAN's check
//! digits, a postcode, a date): defined here, where [`super::WaardeFout`] reports them, and
//! listed in the catalogue (`rules::catalogue::RULES`) in their place.

use crate::regel::Profile;

const BOTH: &[Profile] = &[Profile::Standaard, Profile::OpenKlant];
const STANDAARD: &[Profile] = &[Profile::Standaard];

crate::regel::regels! {
    VELD_DATUM: "veld.datum", BOTH, ["invalid"], "API 0.9.0 (format date); GWB Datum",
        "A date is written YYYY-MM-DD.";
    VELD_DATUMTIJD: "veld.datumtijd", BOTH, ["invalid"], "API 0.9.0 (format date-time); GWB Datumtijd",
        "A moment is written YYYY-MM-DDThh:mm[:ss[.ffffff]] with an optional offset.";
    PARTIJ_IDENTIFICATOR_BSN: "partij-identificator.bsn", BOTH, ["invalid"], "Open Klant R2",
        "A BSN is 9 digits and passes the 11-proef.";
    PARTIJ_IDENTIFICATOR_RSIN: "partij-identificator.rsin", BOTH, ["invalid"], "Open Klant R2",
        "An RSIN is 9 digits and passes the 11-proef.";
    PARTIJ_IDENTIFICATOR_KVK_NUMMER: "partij-identificator.kvk-nummer", BOTH, ["invalid"], "Open Klant R2",
        "A KvK-nummer is 8 digits.";
    PARTIJ_IDENTIFICATOR_VESTIGINGSNUMMER: "partij-identificator.vestigingsnummer", BOTH, ["invalid"], "Open Klant R2",
        "A vestigingsnummer is 12 digits.";
    ADRES_POSTCODE: "adres.postcode", BOTH, ["invalid"], "Open Klant R33",
        "A postcode is written 1234 AB.";
    ADRES_NUMMERAANDUIDING_ID: "adres.nummeraanduiding-id", BOTH, ["invalid"], "Open Klant R33; B8841",
        "A nummeraanduidingId is a 16-digit BAG id.";
    ADRES_LAND: "adres.land", BOTH, ["invalid"], "Open Klant R33",
        "land is an ISO 3166-1 alpha-2 code in upper case (NL).";
    DIGITAAL_ADRES_REFERENTIE: "digitaal-adres.referentie", BOTH, ["invalid"], "Open Klant R21",
        "referentie is a slug of at most 50 characters.";
    REKENINGNUMMER_IBAN: "rekeningnummer.iban", BOTH, ["invalid"], "Open Klant R31",
        "An IBAN matches ^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$.";
    REKENINGNUMMER_IBAN_CONTROLEGETAL: "rekeningnummer.iban-controlegetal", STANDAARD, ["invalid"], "ISO 13616 (not checked by Open Klant)",
        "An IBAN's check digits are right (mod 97).";
    REKENINGNUMMER_BIC: "rekeningnummer.bic", BOTH, ["invalid"], "Open Klant R31",
        "A BIC is 8 to 11 characters without spaces.";
    TELEFOONNUMMER: "telefoonnummer", BOTH, ["invalid"], "Open Klant R19",
        "A telephone number matches 0[1-9]xxxxxxxx, +xxxxxxxxx… or 00xxxxxxx… and does not start with 0800, 0900, 1400 or 140.";
    EMAILADRES: "emailadres", BOTH, ["invalid"], "Open Klant R19",
        "An e-mail address is valid (digitaal adres of soort email, emailadres of an actor).";
    REKENINGNUMMER_BIC_ISO9362: "rekeningnummer.bic-iso9362", STANDAARD, ["invalid"], "ISO 9362",
        "A BIC is 4 letters bank, 2 letters country, 2 characters location and optionally 3 characters branch, upper case.";
    TAAL_ISO_639_2: "taal.iso-639-2", STANDAARD, ["invalid"], "referentielijst Taal (voorbeeldvulling: ISO 639-2); KC-17",
        "taal and voorkeurstaal are ISO 639-2 codes (nld), or a code of the standard's Taal list.";
}
