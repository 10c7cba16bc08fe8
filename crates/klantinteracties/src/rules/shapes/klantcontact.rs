//! Klantcontact (`/klantcontacten`): one contact about one onderwerp (KC-05), with the
//! channel, language and content; `verdereActieOndernomen` and `indicatieContactGelukt` are
//! not both true (Open Klant R22), metadata values are short texts (R23).

use serde_json::{Map, Value};

use super::common::{
    derived_refs, is_true, text, text_checked, text_not_blank, url, DATUMTIJD, NUMMER, URL, UUID,
};
use super::{actor, betrokkene, bijlage, interne_taak, onderwerpobject};
use crate::rules::catalogue::KLANTCONTACT_GEEN_VERDERE_ACTIE_BIJ_GELUKT;
use crate::rules::shape::{nullable, optional, read_only, required, Check, Kind, Shape, Text, Use};
use crate::rules::walk::Ctx;

fn geen_verdere_actie_bij_gelukt(m: &Map<String, Value>, ctx: &mut Ctx<'_>) {
    if is_true(m, "indicatieContactGelukt") && is_true(m, "verdereActieOndernomen") {
        ctx.report_object(
            "no-further-action-when-contact-succesful",
            &KLANTCONTACT_GEEN_VERDERE_ACTIE_BIJ_GELUKT,
            "Als het contact gelukt is kan er geen verdere actie zijn ondernomen",
        );
    }
}

/// `taal` is required and, in the `standaard` profile, ISO 639-2.
const TAAL_VERPLICHT: Kind = Kind::Text(Text {
    max: Some(3),
    min: None,
    blank: false,
    check: Some(super::common::taal),
});

/// The expanded relations of a klantcontact.
pub static KLANTCONTACT_EXPAND: Shape = Shape {
    name: "ExpandKlantcontact._expand",
    fields: &[
        optional(
            "hadBetrokkenen",
            Kind::List(&Kind::Object(&betrokkene::BETROKKENE)),
        ),
        optional(
            "leiddeTotInterneTaken",
            Kind::List(&Kind::Object(&interne_taak::INTERNE_TAAK)),
        ),
        optional(
            "gingOverOnderwerpobjecten",
            Kind::List(&Kind::Object(&onderwerpobject::ONDERWERPOBJECT)),
        ),
        optional(
            "omvatteBijlagen",
            Kind::List(&Kind::Object(&bijlage::BIJLAGE)),
        ),
    ],
    checks: &[],
};

/// `/klantcontacten`.
pub static KLANTCONTACT: Shape = Shape {
    name: "Klantcontact",
    fields: &[
        UUID,
        URL,
        derived_refs("gingOverOnderwerpobjecten"),
        read_only(
            "hadBetrokkenActoren",
            Kind::List(&Kind::Object(&actor::ACTOR)),
        ),
        derived_refs("omvatteBijlagen"),
        derived_refs("hadBetrokkenen"),
        derived_refs("leiddeTotInterneTaken"),
        nullable("nummer", NUMMER),
        nullable("referentienummer", NUMMER),
        required("kanaal", text_not_blank(50)),
        required("onderwerp", text_not_blank(200)),
        optional("inhoud", text(1000)),
        optional("reactie", text(4000)),
        nullable("indicatieContactGelukt", Kind::Bool),
        optional("hoofdOnderwerpType", text_checked(Some(200), true, url)),
        optional("verdereActieOndernomen", Kind::Bool),
        required("taal", TAAL_VERPLICHT),
        required("vertrouwelijk", Kind::Bool),
        optional("plaatsgevondenOp", DATUMTIJD),
        optional(
            "metadata",
            Kind::Map(Text {
                max: Some(255),
                min: None,
                blank: true,
                check: None,
            }),
        ),
        optional("_expand", Kind::Object(&KLANTCONTACT_EXPAND)).input(Use::ReadOnly),
    ],
    checks: &[Check {
        run: geen_verdere_actie_bij_gelukt,
    }],
};
