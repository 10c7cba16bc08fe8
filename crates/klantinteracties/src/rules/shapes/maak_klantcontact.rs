//! `maak-klantcontact`: a klantcontact with its betrokkene and onderwerpobject in one call.

use super::betrokkene::BETROKKENE_BIJ_MAAK;
use super::klantcontact::KLANTCONTACT;
use super::onderwerpobject::ONDERWERPOBJECT_BIJ_MAAK;
use crate::rules::shape::{optional, required, Kind, Shape};

/// `/maak-klantcontact`.
pub static MAAK_KLANTCONTACT: Shape = Shape {
    name: "MaakKlantcontact",
    fields: &[
        required("klantcontact", Kind::Object(&KLANTCONTACT)),
        optional("betrokkene", Kind::Object(&BETROKKENE_BIJ_MAAK)),
        optional("onderwerpobject", Kind::Object(&ONDERWERPOBJECT_BIJ_MAAK)),
    ],
    checks: &[],
};
