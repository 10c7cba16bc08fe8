//! The workflows' rule catalogue: the refusals of the case workflows (C-codes), which are
//! neither document nor register rules. Every workflow error of its own names one of these
//! ids as its `rule`; `docs/rules.md` lists them after the register rules.

use crate::rules::catalogue::Rule;
use crate::rules::Profile;

const BOTH: &[Profile] = &[Profile::Standaard, Profile::OpenKlant];

crate::regel::regels! {
    WORKFLOW_NAAM: "workflow.naam", BOTH, ["invalid_choice"], "The documented cases (C-codes)",
        "A workflow is called by the name of one of the documented cases' workflows.";
    WORKFLOW_INVOER: "workflow.invoer", BOTH, ["required", "unknown-field", "invalid_choice", "invalid"], "Architecture: workflows take API 0.9.0 JSON",
        "A workflow's input fits its input type: required properties present, no unknown ones, values of the right kind.";
    WORKFLOW_TERUGBELVERZOEK_CONTACTGEGEVENS: "workflow.terugbelverzoek-contactgegevens", BOTH, ["invalid_choice"], "C9167 §3",
        "A call-back request needs contact details or a partij: an anonymous klant cannot be called back.";
    WORKFLOW_EMAIL_GEEN_PARTIJ: "workflow.email-geen-partij", BOTH, ["invalid_choice"], "C1199 §4; B3485",
        "An e-mail address is no basis to know a partij: an incoming e-mail registers an anonymous or ongekende klant; a partij is linked later with F3246.";
    WORKFLOW_BRIEF_GEEN_NIEUWE_PARTIJ: "workflow.brief-geen-nieuwe-partij", BOTH, ["invalid_choice"], "C2138; B3485",
        "A letter is no authentication: it does not register a new partij.";
    WORKFLOW_MELDING_ONGEKEND: "workflow.melding-ongekend", BOTH, ["invalid_choice"], "C4390 §2; C0359 §2",
        "A report about public space is made by an anonymous or ongekende klant; follow-up runs through the zaak.";
    WORKFLOW_PRODUCTAANVRAAG_AUTHENTICATIE: "workflow.productaanvraag-authenticatie", BOTH, ["invalid_choice", "required"], "C9018 §2",
        "A product request needs an authenticated klant: a known partij, or a new one registered with the identificator it authenticated with.";
    WORKFLOW_VOORAF_GEAUTOMATISEERDE_ACTOR: "workflow.vooraf-geautomatiseerde-actor", BOTH, ["invalid_choice", "invalid"], "C3155 (derived from the index title); AC-01",
        "Information asked beforehand is asked by a geautomatiseerde actor (voice menu, chat bot, e-form): its klantcontact has one, and a takeover refers to such a klantcontact.";
    WORKFLOW_VOORAF_OVERNAME_DOOR_MEDEWERKER: "workflow.vooraf-overname-door-medewerker", BOTH, ["invalid_choice"], "C3155 (derived from the index title)",
        "The person who takes over after a pre-intake is a medewerker.";
    WORKFLOW_TAAK_TE_VERWERKEN: "workflow.taak-te-verwerken", BOTH, ["invalid"], "C6114; C2984 §4; IT-04",
        "Only a task that is te_verwerken is handled, re-routed or forwarded.";
}

/// Every workflow rule.
pub static RULES: &[Rule] = &[
    WORKFLOW_NAAM,
    WORKFLOW_INVOER,
    WORKFLOW_TERUGBELVERZOEK_CONTACTGEGEVENS,
    WORKFLOW_EMAIL_GEEN_PARTIJ,
    WORKFLOW_BRIEF_GEEN_NIEUWE_PARTIJ,
    WORKFLOW_MELDING_ONGEKEND,
    WORKFLOW_PRODUCTAANVRAAG_AUTHENTICATIE,
    WORKFLOW_VOORAF_GEAUTOMATISEERDE_ACTOR,
    WORKFLOW_VOORAF_OVERNAME_DOOR_MEDEWERKER,
    WORKFLOW_TAAK_TE_VERWERKEN,
];
