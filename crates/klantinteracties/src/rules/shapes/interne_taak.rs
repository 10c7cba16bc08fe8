//! InterneTaak (`/internetaken`): follow-up of a klantcontact assigned to actors (F2120,
//! IT-01 … IT-04). Exactly one of `toegewezenAanActor` (deprecated) and
//! `toegewezenAanActoren` (Open Klant R26); `afgehandeldOp` only when `verwerkt` (R27).

use serde_json::{Map, Value};

use super::common::{
    is_set, reference, str_of, text, text_not_blank, DATUMTIJD, NUMMER, REF, REFS, URL, UUID,
};
use crate::rules::catalogue::{
    INTERNE_TAAK_AFGEHANDELD_ALLEEN_VERWERKT, INTERNE_TAAK_EEN_TOEWIJZING,
};
use crate::rules::shape::{nullable, optional, read_only, required, Check, Kind, Shape};
use crate::rules::walk::Ctx;

/// `StatusEnum` (Taakstatus).
pub const STATUS: &[&str] = &["te_verwerken", "verwerkt"];

fn een_toewijzing(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if ctx.response {
        return; // a response shows both: the first actor and the list
    }
    match (m.contains_key("toegewezenAanActor"), m.contains_key("toegewezenAanActoren")) {
        (false, false) if !ctx.partial => ctx.report_object(
            "invalid",
            &INTERNE_TAAK_EEN_TOEWIJZING,
            "`toegewezen_aan_actor` of `toegewezen_aan_actoren` is required (mag niet beiden gebruiken).",
        ),
        (true, true) => ctx.report_object(
            "invalid",
            &INTERNE_TAAK_EEN_TOEWIJZING,
            "`toegewezen_aan_actor` en `toegewezen_aan_actoren` mag niet beiden gebruikt worden.",
        ),
        _ => {}
    }
}

fn afgehandeld_alleen_verwerkt(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if is_set(m, "afgehandeldOp") && str_of(m, "status").is_some_and(|s| s != "verwerkt") {
        ctx.report_at(
            "afgehandeldOp",
            "invalid",
            &INTERNE_TAAK_AFGEHANDELD_ALLEEN_VERWERKT,
            "De Internetaak kan geen afgehandeld op datum bevatten als de status niet op 'verwerkt' staat.",
        );
    }
}

/// `/internetaken`.
pub static INTERNE_TAAK: Shape = Shape {
    name: "InterneTaak",
    fields: &[
        UUID,
        URL,
        nullable("nummer", NUMMER),
        nullable("referentienummer", NUMMER),
        required("gevraagdeHandeling", text_not_blank(200)),
        reference("aanleidinggevendKlantcontact"),
        optional("toegewezenAanActor", REF),
        optional("toegewezenAanActoren", REFS),
        optional("toelichting", text(1000)),
        required("status", Kind::Enum(STATUS)),
        read_only("toegewezenOp", DATUMTIJD),
        nullable("afgehandeldOp", DATUMTIJD),
    ],
    checks: &[
        Check {
            run: een_toewijzing,
        },
        Check {
            run: afgehandeld_alleen_verwerkt,
        },
    ],
};
