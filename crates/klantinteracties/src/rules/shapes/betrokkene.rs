//! Betrokkene (`/betrokkenen`): who took part in a klantcontact, with the contact details for
//! its follow-up (BK-01 … BK-04).

use super::common::{derived_refs, reference, text, ADRES, CONTACTNAAM, REF, URL, UUID};
use super::digitaal_adres;
use crate::rules::shape::{nullable, optional, read_only, required, Field, Kind, Shape, Use};

/// `RolEnum` (Klantcontactrol).
pub const ROL: &[&str] = &["vertegenwoordiger", "klant"];

/// The expanded relations of a betrokkene.
pub static BETROKKENE_EXPAND: Shape = Shape {
    name: "ExpandBetrokkene._expand",
    fields: &[optional(
        "digitaleAdressen",
        Kind::List(&Kind::Object(&digitaal_adres::DIGITAAL_ADRES)),
    )],
    checks: &[],
};

const WAS_PARTIJ: Field = nullable("wasPartij", REF);
const REST: [Field; 7] = [
    nullable("bezoekadres", Kind::Object(&ADRES)),
    nullable("correspondentieadres", Kind::Object(&ADRES)),
    nullable("contactnaam", Kind::Object(&CONTACTNAAM)),
    read_only("volledigeNaam", text(usize::MAX)),
    required("rol", Kind::Enum(ROL)),
    optional("organisatienaam", text(200)),
    required("initiator", Kind::Bool),
];

/// `/betrokkenen`.
pub static BETROKKENE: Shape = Shape {
    name: "Betrokkene",
    fields: &[
        UUID,
        URL,
        WAS_PARTIJ,
        reference("hadKlantcontact"),
        derived_refs("digitaleAdressen"),
        REST[0],
        REST[1],
        REST[2],
        REST[3],
        REST[4],
        REST[5],
        REST[6],
        optional("_expand", Kind::Object(&BETROKKENE_EXPAND)).input(Use::ReadOnly),
    ],
    checks: &[],
};

/// The betrokkene of `maak-klantcontact` (`BetrokkeneKlantcontactReadOnly`): its
/// `hadKlantcontact` is the klantcontact made in the same call.
pub static BETROKKENE_BIJ_MAAK: Shape = Shape {
    name: "BetrokkeneKlantcontactReadOnly",
    fields: &[
        UUID,
        URL,
        WAS_PARTIJ,
        read_only("hadKlantcontact", REF),
        derived_refs("digitaleAdressen"),
        REST[0],
        REST[1],
        REST[2],
        REST[3],
        REST[4],
        REST[5],
        REST[6],
    ],
    checks: &[],
};
