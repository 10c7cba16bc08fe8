//! The workflows' rule catalogue: the refusals of the case workflows (C-codes), which are
//! neither document nor register rules. Every workflow error of its own names one of these
//! ids as its `rule`; `docs/rules.md` lists them after the register rules.

use crate::rules::catalogue::Rule;
use crate::rules::Profile;

const BOTH: &[Profile] = &[Profile::Standaard, Profile::OpenKlant];

macro_rules! rule {
    ($id:literal, [$($code:literal),*], $source:literal, $description:literal) => {
        Rule { id: $id, description: $description, source: $source, profiles: BOTH, codes: &[$($code),*] }
    };
}

pub const WORKFLOW_NAAM: Rule = rule!(
    "workflow.naam",
    ["invalid_choice"],
    "The documented cases (C-codes)",
    "A workflow is called by the name of one of the documented cases' workflows."
);

pub const WORKFLOW_INVOER: Rule = rule!(
        "workflow.invoer",
        ["required", "unknown-field", "invalid_choice", "invalid"],
        "Architecture: workflows take API 0.9.0 JSON",
        "A workflow's input fits its input type: required properties present, no unknown ones, values of the right kind."
    );

pub const WORKFLOW_TERUGBELVERZOEK_CONTACTGEGEVENS: Rule = rule!(
        "workflow.terugbelverzoek-contactgegevens",
        ["invalid_choice"],
        "C9167 §3",
        "A call-back request needs contact details or a partij: an anonymous klant cannot be called back."
    );

pub const WORKFLOW_EMAIL_GEEN_PARTIJ: Rule = rule!(
        "workflow.email-geen-partij",
        ["invalid_choice"],
        "C1199 §4; B3485",
        "An e-mail address is no basis to know a partij: an incoming e-mail registers an anonymous or ongekende klant; a partij is linked later with F3246."
    );

pub const WORKFLOW_BRIEF_GEEN_NIEUWE_PARTIJ: Rule = rule!(
    "workflow.brief-geen-nieuwe-partij",
    ["invalid_choice"],
    "C2138; B3485",
    "A letter is no authentication: it does not register a new partij."
);

pub const WORKFLOW_MELDING_ONGEKEND: Rule = rule!(
        "workflow.melding-ongekend",
        ["invalid_choice"],
        "C4390 §2; C0359 §2",
        "A report about public space is made by an anonymous or ongekende klant; follow-up runs through the zaak."
    );

pub const WORKFLOW_PRODUCTAANVRAAG_AUTHENTICATIE: Rule = rule!(
        "workflow.productaanvraag-authenticatie",
        ["invalid_choice", "required"],
        "C9018 §2",
        "A product request needs an authenticated klant: a known partij, or a new one registered with the identificator it authenticated with."
    );

pub const WORKFLOW_VOORAF_GEAUTOMATISEERDE_ACTOR: Rule = rule!(
        "workflow.vooraf-geautomatiseerde-actor",
        ["invalid_choice", "invalid"],
        "C3155 (derived from the index title); AC-01",
        "Information asked beforehand is asked by a geautomatiseerde actor (voice menu, chat bot, e-form): its klantcontact has one, and a takeover refers to such a klantcontact."
    );

pub const WORKFLOW_VOORAF_OVERNAME_DOOR_MEDEWERKER: Rule = rule!(
    "workflow.vooraf-overname-door-medewerker",
    ["invalid_choice"],
    "C3155 (derived from the index title)",
    "The person who takes over after a pre-intake is a medewerker."
);

pub const WORKFLOW_TAAK_TE_VERWERKEN: Rule = rule!(
    "workflow.taak-te-verwerken",
    ["invalid"],
    "C6114; C2984 §4; IT-04",
    "Only a task that is te_verwerken is handled, re-routed or forwarded."
);

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
