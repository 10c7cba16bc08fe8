//! What the workflows share: the task and zaak inputs, registering a klantcontact with its
//! parts (F2173) under the input's own paths, registering a reply to an earlier klantcontact
//! (decision 8 of the brief, C9708), and taking up and closing an interne taak (F5241).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use uuid::Uuid;

use super::invoer::{object, REGEL};
use super::uitkomst::Verzameling;
use crate::model::{
    ActorId, BetrokkeneId, DigitaalAdresInput, InterneTaak, InterneTaakId, KlantcontactId,
    PartijId, PartijInput, Taakstatus, Verwijzing,
};
use crate::register::regels::REGISTER_VERWIJZING;
use crate::register::{Error, InterneTaakRecord, KlantcontactRegistratie, Plaatsen, Transactie};
use crate::rules::{Report, Violation};
use crate::workflows::regels::WORKFLOW_TAAK_TE_VERWERKEN;

/// `codeObjecttype` of the onderwerpobject that names a zaak (decision 7, as KISS does).
pub const ZAAK_OBJECTTYPE: &str = "zgw-Zaak";
/// `codeRegister` of the onderwerpobject that names a zaak.
pub const ZAAK_REGISTER: &str = "openzaak";
/// `codeSoortObjectId` of the onderwerpobject that names a zaak: its `identificatie`.
pub const ZAAK_SOORT_OBJECT_ID: &str = "identificatie";

/// A new interne taak (F2120) as a workflow input: the writable fields of API 0.9.0 that the
/// caller chooses. The workflow fills in `aanleidinggevendKlantcontact` and `status`
/// (`te_verwerken`), and a `gevraagdeHandeling` from the case document when none is given.
#[derive(Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Taak {
    /// What is asked (max 200); defaults per workflow, e.g. "Terugbellen" (C9167).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gevraagde_handeling: Option<String>,
    /// The actoren the task is assigned to: an organisatorische eenheid or medewerkers (at
    /// least one, active).
    pub toegewezen_aan_actoren: Vec<Verwijzing<ActorId>>,
    /// Explanation for the colleague, in addition to the klantcontact (max 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toelichting: Option<String>,
    /// Referentienummer (digits, max 10, unique).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referentienummer: Option<String>,
}

crate::model::verhuld::verhulde_debug!(Taak {
    gevraagde_handeling: verhuld,
    toegewezen_aan_actoren,
    toelichting: verhuld,
    referentienummer
});

impl Taak {
    /// The F2120 body without `aanleidinggevendKlantcontact`.
    pub(crate) fn body(&self, handeling: &str, toelichting: Option<&str>) -> Value {
        let mut m = Map::new();
        m.insert(
            "gevraagdeHandeling".to_owned(),
            Value::from(self.gevraagde_handeling.as_deref().unwrap_or(handeling)),
        );
        m.insert(
            "toegewezenAanActoren".to_owned(),
            json!(self.toegewezen_aan_actoren),
        );
        if let Some(t) = self.toelichting.as_deref().or(toelichting) {
            m.insert("toelichting".to_owned(), Value::from(t));
        }
        if let Some(r) = &self.referentienummer {
            m.insert("referentienummer".to_owned(), Value::from(r.as_str()));
        }
        m.insert("status".to_owned(), Value::from("te_verwerken"));
        Value::Object(m)
    }
}

/// A zaak in the Zaakregistratiecomponent (ZGW, outside this register), named by its
/// `identificatie`. It is recorded as an onderwerpobject of a klantcontact (decision 7):
/// `{codeObjecttype: zgw-Zaak, codeRegister: openzaak, codeSoortObjectId: identificatie,
/// objectId: <identificatie>}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Zaak {
    /// The zaak's `identificatie` (max 200), e.g. `ZAAK-2024-0000123`.
    pub identificatie: String,
}

/// The longest zaak `identificatie`: the `objectId` of the onderwerpobjectidentificator it
/// becomes (API 0.9.0, maxLength 200).
const ZAAK_IDENTIFICATIE_MAX: usize = 200;

impl Zaak {
    /// The onderwerpobject body (without `klantcontact`), after checking the identificatie at
    /// `pad`: filled in, and no longer than the `objectId` it becomes.
    pub(crate) fn onderwerpobject(&self, pad: &str) -> Result<Value, Error> {
        let naam = format!("{pad}.identificatie");
        if self.identificatie.trim().is_empty() {
            return Err(Error::invalid(
                &naam,
                "blank",
                "Dit veld mag niet leeg zijn.",
                REGEL,
            ));
        }
        if self.identificatie.chars().count() > ZAAK_IDENTIFICATIE_MAX {
            return Err(Error::Invalid(Report {
                violations: vec![crate::rules::te_lang(&naam, ZAAK_IDENTIFICATIE_MAX)],
            }));
        }
        Ok(json!({"onderwerpobjectidentificator": {
            "objectId": self.identificatie,
            "codeObjecttype": ZAAK_OBJECTTYPE,
            "codeRegister": ZAAK_REGISTER,
            "codeSoortObjectId": ZAAK_SOORT_OBJECT_ID,
        }}))
    }
}

/// A body from the input at `pad` without the fields the workflow fills in itself (`eigen`,
/// e.g. `wasBijlageVanKlantcontact`): the input may not set them (`invalid` at `pad.<veld>`).
pub(crate) fn zonder_eigen(
    body: &Value,
    pad: &str,
    eigen: &[&str],
) -> Result<Map<String, Value>, Error> {
    let m = object(body, pad)?;
    let violations: Vec<Violation> = eigen
        .iter()
        .filter(|veld| m.contains_key(**veld))
        .map(|veld| Violation {
            name: format!("{pad}.{veld}"),
            code: "invalid".to_owned(),
            reason: "Dit veld vult de workflow zelf in.".to_owned(),
            rule: REGEL.id.to_owned(),
        })
        .collect();
    if violations.is_empty() {
        Ok(m.clone())
    } else {
        Err(Error::Invalid(Report { violations }))
    }
}

/// `{"uuid": id}`.
pub(crate) fn verwijzing(id: impl Into<Uuid>) -> Value {
    json!({ "uuid": id.into() })
}

/// A klantcontact with its parts, each with the place in the input (`klant`, `bijlagen.0`)
/// where the register names its violations.
#[derive(Debug)]
pub(crate) struct Contact<'a> {
    /// Where `klantcontact` and `actor` are in the input (`""` or `antwoord.`).
    basis: String,
    /// The F2173 klantcontact body.
    klantcontact: &'a Value,
    /// The actor that registers it.
    actor: &'a Verwijzing<ActorId>,
    /// The betrokkene body (without `hadKlantcontact`), and its place.
    pub(crate) betrokkene: Option<(Value, String)>,
    /// Onderwerpobject bodies (without `klantcontact`), and their places.
    pub(crate) onderwerpobjecten: Vec<(Value, String)>,
    /// Bijlage bodies as the input gave them (the workflow adds `wasBijlageVanKlantcontact`),
    /// and their places.
    pub(crate) bijlagen: Vec<(&'a Value, String)>,
    /// Interne taak bodies (without `aanleidinggevendKlantcontact`), and their places.
    pub(crate) taken: Vec<(Value, String)>,
}

impl<'a> Contact<'a> {
    /// A contact at the top of the input: `klantcontact` and `actor`.
    pub(crate) fn nieuw(klantcontact: &'a Value, actor: &'a Verwijzing<ActorId>) -> Self {
        Self::onder("", klantcontact, actor)
    }

    /// A contact whose `klantcontact` and `actor` are at `pad` (`antwoord.`).
    pub(crate) fn onder(
        pad: &str,
        klantcontact: &'a Value,
        actor: &'a Verwijzing<ActorId>,
    ) -> Self {
        Self {
            basis: pad.to_owned(),
            klantcontact,
            actor,
            betrokkene: None,
            onderwerpobjecten: Vec::new(),
            bijlagen: Vec::new(),
            taken: Vec::new(),
        }
    }

    /// Adds the bijlagen of the list at `pad` (`bijlagen`).
    pub(crate) fn met_bijlagen(mut self, bijlagen: &'a [Value], pad: &str) -> Self {
        self.bijlagen.extend(
            bijlagen
                .iter()
                .enumerate()
                .map(|(i, b)| (b, format!("{pad}.{i}"))),
        );
        self
    }

    /// Adds the zaak as onderwerpobject (decision 7).
    pub(crate) fn met_zaak(mut self, zaak: &Zaak, pad: &str) -> Result<Self, Error> {
        self.onderwerpobjecten
            .push((zaak.onderwerpobject(pad)?, pad.to_owned()));
        Ok(self)
    }

    /// F2173 in one call, each part created at its place in the input; records what was
    /// made. The actor-klantcontact sits where `actor` is: its `actor` is the input's.
    pub(crate) fn registreer(
        self,
        tx: &mut Transactie<'_>,
        v: &mut Verzameling,
    ) -> Result<(KlantcontactId, Option<BetrokkeneId>), Error> {
        let mut bijlagen = Vec::new();
        for (b, pad) in self.bijlagen {
            let eigen = zonder_eigen(b, &pad, &["wasBijlageVanKlantcontact"])?;
            bijlagen.push((Value::Object(eigen), pad));
        }
        let (bijlagen, bijlage_plaatsen) = met_plaatsen(bijlagen);
        let (betrokkenen, betrokkene_plaatsen) = met_plaatsen(self.betrokkene);
        let (onderwerpobjecten, onderwerp_plaatsen) = met_plaatsen(self.onderwerpobjecten);
        let (taken, taak_plaatsen) = met_plaatsen(self.taken);
        let plaatsen = Plaatsen {
            klantcontact: format!("{}klantcontact.", self.basis),
            actoren: vec![self.basis],
            betrokkenen: betrokkene_plaatsen,
            onderwerpobjecten: onderwerp_plaatsen,
            bijlagen: bijlage_plaatsen,
            interne_taken: taak_plaatsen,
        };
        let dossier = tx.registreer_klantcontact_op(
            KlantcontactRegistratie {
                klantcontact: self.klantcontact.clone(),
                actoren: vec![self.actor.clone()],
                betrokkenen,
                onderwerpobjecten,
                bijlagen,
                interne_taken: taken,
            },
            &plaatsen,
        )?;
        v.dossier(&dossier);
        Ok((
            dossier.klantcontact.uuid,
            dossier.betrokkenen.first().map(|b| b.uuid),
        ))
    }
}

/// Bodies apart from their places, each place as F2173 takes it (`klant` → `klant.`).
fn met_plaatsen(delen: impl IntoIterator<Item = (Value, String)>) -> (Vec<Value>, Vec<String>) {
    delen
        .into_iter()
        .map(|(body, pad)| (body, format!("{pad}.")))
        .unzip()
}

/// F1995: a digitaal adres from the input at `pad`, linked by the workflow (`koppelingen`:
/// `verstrektDoorBetrokkene`, `verstrektDoorPartij`); the input may set neither.
pub(crate) fn registreer_adres(
    tx: &mut Transactie<'_>,
    body: &Value,
    pad: &str,
    koppelingen: &[(&str, Option<Uuid>)],
    v: &mut Verzameling,
) -> Result<(), Error> {
    let velden: Vec<&str> = koppelingen.iter().map(|(veld, _)| *veld).collect();
    let mut body = zonder_eigen(body, pad, &velden)?;
    for (veld, id) in koppelingen {
        if let Some(id) = id {
            body.insert((*veld).to_owned(), verwijzing(*id));
        }
    }
    let adres = tx.registreer::<DigitaalAdresInput>(Value::Object(body), &format!("{pad}."))?;
    v.digitale_adressen.push(adres.uuid);
    Ok(())
}

/// The partij the input names at `pad`, which must exist (R32, as the register would say of
/// the betrokkene's `wasPartij` it becomes).
pub(crate) fn bestaande_partij(
    tx: &Transactie<'_>,
    partij: &Verwijzing<PartijId>,
    pad: &str,
) -> Result<(), Error> {
    if tx.bestaat::<PartijInput>(partij.uuid.0) {
        return Ok(());
    }
    Err(Error::invalid(
        &format!("{pad}.uuid"),
        "invalid",
        "Partij object bestaat niet.",
        &REGISTER_VERWIJZING,
    ))
}

/// The interne taak named at `taak` (`{uuid}`), which must exist and still be `te_verwerken`
/// (a task that is `verwerkt` is not taken up again).
pub(crate) fn open_taak(
    tx: &Transactie<'_>,
    taak: &Verwijzing<InterneTaakId>,
) -> Result<InterneTaak, Error> {
    let t = tx.vraag_interne_taak_op(taak.uuid).map_err(|e| match e {
        Error::NotFound { .. } => Error::invalid(
            "taak.uuid",
            "invalid",
            "InterneTaak object bestaat niet.",
            &REGISTER_VERWIJZING,
        ),
        other => other,
    })?;
    if t.status == Taakstatus::Verwerkt {
        return Err(Error::invalid(
            "taak.uuid",
            "invalid",
            "Deze interne taak is al verwerkt; alleen een taak die te verwerken is kan worden afgehandeld.",
            &WORKFLOW_TAAK_TE_VERWERKEN,
        ));
    }
    Ok(t)
}

/// F5241: the task becomes `verwerkt` (the register stamps `afgehandeldOp`), with a new
/// `toelichting` when one is given.
pub(crate) fn sluit_taak(
    tx: &mut Transactie<'_>,
    taak: InterneTaakId,
    toelichting: Option<&str>,
    v: &mut Verzameling,
) -> Result<(), Error> {
    let mut patch = json!({ "status": "verwerkt" });
    if let Some(t) = toelichting {
        patch["toelichting"] = Value::from(t);
    }
    tx.wijzig_interne_taak_deels(taak, &patch)?;
    v.afgesloten_taak = Some(taak);
    Ok(())
}

/// F2120 for a task at `pad` of the input on the klantcontact `aanleiding`.
pub(crate) fn registreer_taak(
    tx: &mut Transactie<'_>,
    body: Value,
    aanleiding: KlantcontactId,
    pad: &str,
    v: &mut Verzameling,
) -> Result<(), Error> {
    let mut body = body;
    body["aanleidinggevendKlantcontact"] = verwijzing(aanleiding);
    let taak = tx.registreer::<InterneTaakRecord>(body, &format!("{pad}."))?;
    v.interne_taken.push(taak.uuid);
    Ok(())
}

/// A reply to an earlier klantcontact (decision 8 of the brief, C9708 §4–5): a new klantcontact
/// by `actor`, with a copy of the question's first betrokkene (`initiator` false) and an
/// onderwerpobject `wasKlantcontact` → the question; plus a zaak as further onderwerpobject
/// (C9761) when given.
#[derive(Debug)]
pub(crate) struct Antwoord<'a> {
    /// Where `klantcontact`, `actor` and `bijlagen` are in the input (`""` or `antwoord.`).
    pub(crate) pad: &'a str,
    pub(crate) actor: &'a Verwijzing<ActorId>,
    pub(crate) klantcontact: &'a Value,
    pub(crate) bijlagen: &'a [Value],
    pub(crate) zaak: Option<&'a Zaak>,
}

impl Antwoord<'_> {
    /// Registers the reply to `vraag`.
    pub(crate) fn registreer(
        self,
        tx: &mut Transactie<'_>,
        vraag: KlantcontactId,
        v: &mut Verzameling,
    ) -> Result<KlantcontactId, Error> {
        let mut contact = Contact::onder(self.pad, self.klantcontact, self.actor)
            .met_bijlagen(self.bijlagen, &format!("{}bijlagen", self.pad));
        contact.betrokkene = kopie_betrokkene(tx, vraag, false)?.map(|b| (b, "taak".to_owned()));
        contact.onderwerpobjecten.push((
            json!({ "wasKlantcontact": verwijzing(vraag) }),
            "taak".to_owned(),
        ));
        if let Some(z) = self.zaak {
            contact = contact.met_zaak(z, "zaak")?;
        }
        Ok(contact.registreer(tx, v)?.0)
    }
}

/// The first betrokkene of `klantcontact` as a new betrokkene body: the same partij, rol,
/// contactnaam, addresses and organisatienaam, with `initiator` as given (false for a reply
/// the gemeente sends, true when the klant's own contact goes on, C3155). Its digitale
/// adressen stay with the original (they remain reachable through it).
pub(crate) fn kopie_betrokkene(
    tx: &Transactie<'_>,
    klantcontact: KlantcontactId,
    initiator: bool,
) -> Result<Option<Value>, Error> {
    let kc = tx.vraag_klantcontact_op(klantcontact, &[])?;
    let Some(eerste) = kc.had_betrokkenen.first() else {
        return Ok(None);
    };
    let b = serde_json::to_value(tx.vraag_betrokkene_op(eerste.uuid, &[])?).map_err(|e| {
        Error::Internal(format!(
            "cannot turn a betrokkene into JSON: {}",
            crate::rules::serde_reason(&e)
        ))
    })?;
    let mut kopie = Map::new();
    for veld in [
        "rol",
        "contactnaam",
        "bezoekadres",
        "correspondentieadres",
        "organisatienaam",
    ] {
        if let Some(w) = b.get(veld).filter(|w| !w.is_null()) {
            kopie.insert(veld.to_owned(), w.clone());
        }
    }
    if let Some(p) = b.get("wasPartij").and_then(|p| p.get("uuid")) {
        kopie.insert("wasPartij".to_owned(), json!({ "uuid": p }));
    }
    kopie.insert("initiator".to_owned(), Value::Bool(initiator));
    Ok(Some(Value::Object(kopie)))
}
