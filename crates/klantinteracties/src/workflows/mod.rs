//! The documented cases (C-codes) of the standard as atomic domain operations over the
//! embedded register (architecture §8).
//!
//! Each workflow is a method of [`Transactie`] (composable: it runs as one savepoint, so a
//! failure undoes only its own writes) and a function of the same name that runs it in a
//! transaction of its own on a [`Register`] (a failure leaves the register unchanged). Inputs
//! are camelCase JSON with the embedded bodies in API 0.9.0 shape; the [`Klant`] enum says who
//! the klant is and [`Taak`] describes a new interne taak, alike in every workflow. The
//! outcome is an [`Uitkomst`]: nothing registered (with the reason, KC-11) or every object
//! registered or changed, in its 0.9.0 response shape. One workflow only reads
//! ([`toon_klantbeeld`], C4161): it returns a [`Klantbeeld`] and, on a [`Register`], takes the
//! read lock instead of a transaction.
//!
//! Two cases have no document of their own, only a code and title in the case index: C4161
//! and C3155 are derived from the information model, the F-functions and the uitgangspunten,
//! and their `bron` says so ([`AFGELEID`]).
//!
//! [`WORKFLOWS`] lists them with case code, title and source document; [`voer_uit`] runs one
//! by name on JSON input (for the conformance runner) and [`input_schema`] describes its input.
//!
//! ```
//! use klantinteracties::register::Register;
//! use klantinteracties::workflows::{voer_uit, Uitkomst};
//! use serde_json::json;
//!
//! let register = Register::in_memory();
//! let uitkomst = voer_uit(&register, "beantwoord_vraag_direct", &json!({
//!     "klantcontact": {"kanaal": "telefoon", "onderwerp": "Afvalinzameling rond kerst",
//!                      "taal": "nld", "vertrouwelijk": false},
//!     "actor": {"uuid": "49b22823-2465-4b7e-9bae-cbc7cddcfda4"},
//!     "klant": {"soort": "anoniem"}
//! })).unwrap();
//! assert_eq!(uitkomst["uitkomst"], "niets_geregistreerd");
//! assert!(register.inhoud().is_empty());
//! ```

mod gemeenschappelijk;
mod inkomend;
mod invoer;
mod klant;
mod klantbeeld;
mod melding;
mod productaanvraag;
pub mod regels;
mod routering;
mod taakafhandeling;
mod terugbellen;
mod terugbelverzoek;
mod uitkomst;
mod vooraf;
mod vraag;

use schemars::{generate::SchemaSettings, JsonSchema, Schema};
use serde::Serialize;
use serde_json::Value;

use crate::regel::Rule;
use crate::register::{Error, Register, Transactie};
use crate::workflows::regels::WORKFLOW_NAAM;

pub use gemeenschappelijk::{Taak, Zaak, ZAAK_OBJECTTYPE, ZAAK_REGISTER, ZAAK_SOORT_OBJECT_ID};
pub use inkomend::{
    registreer_appgesprek, registreer_brief, registreer_email, Appgesprek, Brief, Email,
    LEZEN_EN_BEPALEN,
};
pub use klant::{Contactgegevens, GekendeKlant, Klant, NieuweKlant};
pub use klantbeeld::{
    toon_klantbeeld, Beeld, GezochteIdentificator, Klantbeeld, Klantbeeldvraag, Klantcontactbeeld,
};
pub use melding::{
    meld_openbare_ruimte_bij_bestaande_zaak, meld_openbare_ruimte_met_nieuwe_zaak,
    MeldingOpenbareRuimte,
};
pub use productaanvraag::{vraag_product_aan, Productaanvraag, ZAAK_AANMAKEN};
pub use routering::{
    routeer_taak_terug, stuur_taak_door, Herroutering, OPNIEUW_ROUTEREN, TOELICHTING_DOOR,
    TOELICHTING_TERUG,
};
pub use taakafhandeling::{
    beantwoord_taak, maak_zaak_bij_taak, Antwoordcontact, TaakAntwoord, ZaakBijTaak, OPVOLGEN,
};
pub use terugbellen::{bel_terug, bel_terug_met_zaak, Terugbellen, TerugbellenMetZaak};
pub use terugbelverzoek::{registreer_terugbelverzoek, Terugbelverzoek, TERUGBELLEN};
pub use uitkomst::{Registratie, Uitkomst};
pub use vooraf::{
    neem_vooraf_uitgevraagd_over, sla_vooraf_uitgevraagde_informatie_op, Afloop, Overname,
    VoorafUitgevraagd, Vraag,
};
pub use vraag::{
    beantwoord_na_doorverbinden, beantwoord_vraag_direct, verbind_door, AntwoordNaDoorverbinden,
    Klantvraag,
};

/// Makes a workflow implementation (`fn(&mut Transactie, &Input) -> Result<Uitkomst, Error>`)
/// into a [`crate::register::Transactie`] method (one savepoint) and a function on a
/// [`Register`] (one transaction), both named `$naam` and documented alike.
macro_rules! workflow {
    ($(#[$m:meta])* $naam:ident($invoer:ty) => $uitvoering:path;) => {
        impl Transactie<'_> {
            $(#[$m])*
            ///
            /// Runs as one savepoint of this transaction: when it fails, nothing it wrote
            /// remains.
            pub fn $naam(&mut self, invoer: &$invoer) -> Result<Uitkomst, Error> {
                self.call(None, stringify!($naam), |tx| $uitvoering(tx, invoer))
            }
        }

        $(#[$m])*
        ///
        /// Runs in a transaction of its own: when it fails, the register is unchanged.
        pub fn $naam(register: &Register, invoer: &$invoer) -> Result<Uitkomst, Error> {
            register.transactie(|tx| tx.$naam(invoer))
        }
    };
}
pub(crate) use workflow;

/// A workflow in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WorkflowInfo {
    /// The function name, as [`voer_uit`] takes it (`registreer_terugbelverzoek`).
    pub naam: &'static str,
    /// The case code (`C9167`).
    pub casus: &'static str,
    /// The case's Dutch title, as its artefact gives it.
    pub titel: &'static str,
    /// The case document in the VNG repository (`docs/achtergronddocumentatie/…`), or, for a
    /// case the index names without a document, [`AFGELEID`].
    pub bron: &'static str,
    /// Whether the workflow only reads (it runs under the read lock and returns its own
    /// output, not an [`Uitkomst`]).
    pub leest: bool,
}

/// The `bron` of a workflow whose case has no document: the case index (`cases.md`) names it
/// by code and title only, and the workflow is derived from the information model, the
/// F-functions and the uitgangspunten (C4161, C3155).
pub const AFGELEID: &str = "cases.md (alleen code en titel; afgeleid, geen artefact)";

/// The rule id of an unknown workflow name.
const ONBEKEND: &Rule = &WORKFLOW_NAAM;

macro_rules! catalogus {
    (
        schrijven { $( $naam:ident($invoer:ty), $casus:literal, $titel:literal, $bron:expr; )+ }
        lezen { $( $lnaam:ident($linvoer:ty) -> $luitvoer:ty, $lcasus:literal, $ltitel:literal, $lbron:expr; )+ }
    ) => {
        /// Every workflow, in the order of the standard's case list (the reading ones last).
        pub const WORKFLOWS: &[WorkflowInfo] = &[
            $( WorkflowInfo { naam: stringify!($naam), casus: $casus, titel: $titel, bron: $bron, leest: false }, )+
            $( WorkflowInfo { naam: stringify!($lnaam), casus: $lcasus, titel: $ltitel, bron: $lbron, leest: true }, )+
        ];

        fn uitvoeren(tx: &mut Transactie<'_>, naam: &str, input: &Value) -> Option<Result<Value, Error>> {
            match naam {
                $( stringify!($naam) => Some(invoer::lees::<$invoer>(input).and_then(|i| tx.$naam(&i)).and_then(|u| json(&u))), )+
                $( stringify!($lnaam) => Some(invoer::lees::<$linvoer>(input).and_then(|i| tx.$lnaam(&i)).and_then(|u| json(&u))), )+
                _ => None,
            }
        }

        /// A reading workflow by name under the register's read lock; `None` for any other.
        fn lezen(register: &Register, naam: &str, input: &Value) -> Option<Result<Value, Error>> {
            match naam {
                $( stringify!($lnaam) => Some(invoer::lees::<$linvoer>(input).and_then(|i| $lnaam(register, &i)).and_then(|u| json(&u))), )+
                _ => None,
            }
        }

        /// The JSON Schema (draft 2020-12) of the input of the workflow `naam`, or `None` for
        /// an unknown name.
        pub fn input_schema(naam: &str) -> Option<Schema> {
            match naam {
                $( stringify!($naam) => Some(schema_van::<$invoer>(naam, "input")), )+
                $( stringify!($lnaam) => Some(schema_van::<$linvoer>(naam, "input")), )+
                _ => None,
            }
        }

        /// The JSON Schema (draft 2020-12) of the output of the workflow `naam` (an
        /// [`Uitkomst`] for every workflow that registers), or `None` for an unknown name.
        pub fn output_schema(naam: &str) -> Option<Schema> {
            match naam {
                $( stringify!($naam) => Some(schema_van::<Uitkomst>(naam, "output")), )+
                $( stringify!($lnaam) => Some(schema_van::<$luitvoer>(naam, "output")), )+
                _ => None,
            }
        }
    };
}

/// A workflow's output as JSON.
fn json<T: Serialize>(uitkomst: &T) -> Result<Value, Error> {
    serde_json::to_value(uitkomst).map_err(|e| {
        Error::Internal(format!(
            "cannot turn a workflow's outcome into JSON: {}",
            crate::rules::serde_reason(&e)
        ))
    })
}

catalogus! {
    schrijven {
    beantwoord_vraag_direct(Klantvraag), "C0992",
        "Klant belt KCC met een vraag die direct beantwoord kan worden.",
        "achtergronddocumentatie/artefacten/0992.md";
    verbind_door(Klantvraag), "C0534",
        "Klant belt KCC met een vraag die, na doorverbinden, direct door een collega beantwoord kan worden",
        "achtergronddocumentatie/artefacten/0534.md";
    beantwoord_na_doorverbinden(AntwoordNaDoorverbinden), "C0534",
        "Klant belt KCC met een vraag die, na doorverbinden, direct door een collega beantwoord kan worden",
        "achtergronddocumentatie/artefacten/0534.md";
    registreer_terugbelverzoek(Terugbelverzoek), "C9167",
        "Klant belt KCC met een vraag die niet direct beantwoord kan worden en maakt een terugbelverzoek.",
        "achtergronddocumentatie/artefacten/9167.md";
    bel_terug(Terugbellen), "C2984",
        "Medewerker belt op verzoek van KCC klant terug.",
        "achtergronddocumentatie/artefacten/2984.md";
    bel_terug_met_zaak(TerugbellenMetZaak), "C9761",
        "Medewerker belt op verzoek van KCC klant terug. Tijdens het gesprek blijkt dat dingen uitgezocht moeten worden. Hiervoor wordt een zaak aangemaakt.",
        "achtergronddocumentatie/artefacten/9761.md";
    registreer_email(Email), "C1199",
        "Klant mailt een vraag naar de gemeente.",
        "achtergronddocumentatie/artefacten/1199.md";
    registreer_brief(Brief), "C2138",
        "Klant stuurt een brief naar de gemeente die beantwoord kan worden door KCC.",
        "achtergronddocumentatie/artefacten/2138.md";
    registreer_appgesprek(Appgesprek), "C9853",
        "Klant appt een vraag naar de gemeente die beantwoord kan worden door KCC.",
        "achtergronddocumentatie/artefacten/9853.md";
    meld_openbare_ruimte_met_nieuwe_zaak(MeldingOpenbareRuimte), "C4390",
        "Klant belt KCC met melding openbare ruimte. Hiervoor wordt direct een zaak aangemaakt.",
        "achtergronddocumentatie/artefacten/4390.md";
    meld_openbare_ruimte_bij_bestaande_zaak(MeldingOpenbareRuimte), "C0359",
        "Klant belt KCC met melding openbare ruimte. Hiervoor bestaat reeds een zaak.",
        "achtergronddocumentatie/artefacten/0359.md";
    vraag_product_aan(Productaanvraag), "C9018",
        "Klant belt KCC om een product aan te vragen.",
        "achtergronddocumentatie/artefacten/9018.md";
    routeer_taak_terug(Herroutering), "C6114",
        "Verkeerde routering vanuit KCC",
        "achtergronddocumentatie/artefacten/6114.md";
    stuur_taak_door(Herroutering), "C6114",
        "Verkeerde routering vanuit KCC",
        "achtergronddocumentatie/artefacten/6114.md";
    maak_zaak_bij_taak(ZaakBijTaak), "C2716",
        "Medewerker maakt een zaak aan naar aanleiding van een interne taak.",
        "achtergronddocumentatie/artefacten/2716.md";
    beantwoord_taak(TaakAntwoord), "C9708",
        "Medewerker beantwoordt een vraag naar aanleiding van een interne taak.",
        "achtergronddocumentatie/artefacten/9708.md";
    sla_vooraf_uitgevraagde_informatie_op(VoorafUitgevraagd), "C3155",
        "Vooraf uitgevraagde informatie opslaan.",
        AFGELEID;
    neem_vooraf_uitgevraagd_over(Overname), "C3155",
        "Vooraf uitgevraagde informatie opslaan.",
        AFGELEID;
    }
    lezen {
    toon_klantbeeld(Klantbeeldvraag) -> Klantbeeld, "C4161",
        "Klant belt KCC en wordt geauthenticeerd en is reeds bekend, klantbeeld wordt getoond.",
        AFGELEID;
    }
}

/// The catalogue entry of the workflow `naam`.
pub fn info(naam: &str) -> Option<&'static WorkflowInfo> {
    WORKFLOWS.iter().find(|w| w.naam == naam)
}

/// Runs the workflow `naam` on JSON `input` in a transaction of its own and returns its
/// [`Uitkomst`] as JSON. An input that does not fit is an [`Error::Invalid`] naming the path
/// and code (`required`, `unknown-field`, `invalid_choice`, `invalid`, …), an unknown name an
/// [`Error::Invalid`] at `workflow` (`invalid_choice`); any error leaves the register
/// unchanged.
pub fn voer_uit(register: &Register, naam: &str, input: &Value) -> Result<Value, Error> {
    // A workflow that only reads takes the read lock: it waits for no reader.
    lezen(register, naam, input)
        .unwrap_or_else(|| register.transactie(|tx| voer_uit_in(tx, naam, input)))
}

/// [`voer_uit`] inside an open transaction, as one savepoint of it: when it fails, nothing it
/// wrote remains and the transaction goes on.
pub fn voer_uit_in(tx: &mut Transactie<'_>, naam: &str, input: &Value) -> Result<Value, Error> {
    match uitvoeren(tx, naam, input) {
        Some(uitkomst) => uitkomst,
        None => Err(Error::invalid(
            "workflow",
            "invalid_choice",
            format!(
                "Onbekende workflow; bekend zijn: {}.",
                WORKFLOWS
                    .iter()
                    .map(|w| w.naam)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ONBEKEND,
        )),
    }
}

/// The JSON Schema (draft 2020-12) of an [`Uitkomst`], the output of every workflow.
pub fn uitkomst_schema() -> Schema {
    schema_van::<Uitkomst>("uitkomst", "output")
}

fn schema_van<T: JsonSchema>(naam: &str, soort: &str) -> Schema {
    let mut schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>();
    schema.insert(
        "$id".to_owned(),
        Value::String(format!("klantinteracties:workflow:{naam}:{soort}")),
    );
    schema
}
