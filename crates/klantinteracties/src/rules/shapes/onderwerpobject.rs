//! Onderwerpobject (`/onderwerpobjecten`): what a klantcontact was about, an object in another
//! register or an earlier klantcontact (OB-01, OB-02). In the `standaard` profile it belongs
//! to a klantcontact and names its subject.

use serde_json::{Map, Value};

use super::common::{has_content, is_set, IDENTIFICATOR, REF, URL, UUID};
use crate::rules::catalogue::ONDERWERPOBJECT_VOLLEDIG;
use crate::rules::shape::{nullable, read_only, Check, Kind, Shape};
use crate::rules::walk::Ctx;

fn volledig(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if !ctx.profile.is_standaard() || ctx.partial {
        return; // a PATCH may leave out what is already stored
    }
    if !is_set(m, "klantcontact") {
        ctx.report_at(
            "klantcontact",
            "required",
            &ONDERWERPOBJECT_VOLLEDIG,
            "Een onderwerpobject hoort bij een klantcontact.",
        );
    }
    verwijst(m, ctx);
}

fn verwijst(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if ctx.profile.is_standaard()
        && !ctx.partial
        && !is_set(m, "wasKlantcontact")
        && !has_content(m, "onderwerpobjectidentificator")
    {
        ctx.report_object(
            "invalid",
            &ONDERWERPOBJECT_VOLLEDIG,
            "Een onderwerpobject verwijst naar een object (`onderwerpobjectidentificator`) of naar een eerder klantcontact (`wasKlantcontact`).",
        );
    }
}

/// `/onderwerpobjecten`.
pub static ONDERWERPOBJECT: Shape = Shape {
    name: "Onderwerpobject",
    fields: &[
        UUID,
        URL,
        nullable("klantcontact", REF),
        nullable("wasKlantcontact", REF),
        nullable("onderwerpobjectidentificator", Kind::Object(&IDENTIFICATOR)),
    ],
    checks: &[Check { run: volledig }],
};

/// The onderwerpobject of `maak-klantcontact` (`OnderwerpobjectKlantcontactReadOnly`): its
/// `klantcontact` is the one made in the same call.
pub static ONDERWERPOBJECT_BIJ_MAAK: Shape = Shape {
    name: "OnderwerpobjectKlantcontactReadOnly",
    fields: &[
        UUID,
        URL,
        read_only("klantcontact", REF).or_null(),
        nullable("wasKlantcontact", REF),
        nullable("onderwerpobjectidentificator", Kind::Object(&IDENTIFICATOR)),
    ],
    checks: &[Check { run: verwijst }],
};
