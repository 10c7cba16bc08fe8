//! Interne taken: follow-up promised after a klantcontact (F2120 registreer, F3839 zoek,
//! F2771 vraag op, F5241 wijzig). Decision 5: `toegewezenOp` is stamped on creation;
//! `afgehandeldOp` is stamped when the status becomes `verwerkt` and cleared when it returns
//! to `te_verwerken` (Open Klant `InterneTaak.save`). Standaard profile: at least one actor
//! (decision 6), and newly assigned actors must be active (AC-02, B8694).

use chrono::SecondsFormat;
use serde_json::Value;
use uuid::Uuid;

use super::body::as_json;
use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::record::InterneTaakRecord;
use super::schrijven::{filled, Checks};
use super::tabel::register_reads;
use super::transactie::Transactie;
use super::zoeken::{icontains, id, Filter, Page, Zoekvraag};
use super::Error;
use crate::model::{
    ActorId, ActorInput, Datumtijd, InterneTaak, InterneTaakId, InterneTaakInput,
    KlantcontactInput, Nullable, Taakstatus, Verwijzing,
};
use crate::register::regels::{REGISTER_ACTOR_ACTIEF, REGISTER_NUMMER_UNIEK, REGISTER_TAAK_ACTOR};
use crate::rules::Profile;
use crate::Resource;

fn kc_veld(l: &Lezer<'_>, r: &InterneTaakRecord, referentie: bool, v: &str) -> bool {
    l.opt::<KlantcontactInput>(r.taak.aanleidinggevend_klantcontact.uuid.0)
        .and_then(|k| {
            if referentie {
                filled(k.referentienummer.as_ref()).map(str::to_owned)
            } else {
                filled(k.nummer.as_ref()).map(str::to_owned)
            }
        })
        .is_some_and(|n| n == v)
}

/// A filter on this collection's records.
type F = Filter<InterneTaakRecord>;

const FILTERS: &[F] = &[
    F::text("nummer", |_, _, r, v| {
        filled(r.taak.nummer.as_ref()) == Some(v)
    })
    .via_tekst(|l| &l.ix::<InterneTaakRecord>().nummer),
    F::text("referentienummer", |_, _, r, v| {
        filled(r.taak.referentienummer.as_ref()) == Some(v)
    })
    .via_tekst(|l| &l.ix::<InterneTaakRecord>().referentienummer),
    F::choice("status", &["te_verwerken", "verwerkt"], |_, _, r, v| {
        r.taak.status.as_str() == v
    }),
    F::datetime("toegewezenOp", |_, _, r, v| {
        Datumtijd::parse(v).is_ok_and(|d| d.utc() == r.toegewezen_op.utc())
    }),
    F::text("actoren__naam", |l, _, r, v| {
        r.actoren().iter().any(|a| {
            l.opt::<ActorInput>(*a)
                .is_some_and(|a| icontains(&a.basis().naam, v))
        })
    }),
    F::uuid("klantcontact__uuid", |_, _, r, v| {
        r.taak.aanleidinggevend_klantcontact.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<InterneTaakRecord>().klantcontact),
    F::text("klantcontact__nummer", |l, _, r, v| kc_veld(l, r, false, v)),
    F::text("klantcontact__referentienummer", |l, _, r, v| {
        kc_veld(l, r, true, v)
    }),
    F::uuid("toegewezenAanActor__uuid", |_, _, r, v| {
        r.actoren().contains(&id(v))
    })
    .via(|l| &l.ix::<InterneTaakRecord>().actor),
    F::url("toegewezenAanActor__url", |_, _, r, v| {
        r.actoren().contains(&id(v))
    })
    .via(|l| &l.ix::<InterneTaakRecord>().actor),
    F::uuid("aanleidinggevendKlantcontact__uuid", |_, _, r, v| {
        r.taak.aanleidinggevend_klantcontact.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<InterneTaakRecord>().klantcontact),
    F::url("aanleidinggevendKlantcontact__url", |_, _, r, v| {
        r.taak.aanleidinggevend_klantcontact.uuid.0 == id(v)
    })
    .via(|l| &l.ix::<InterneTaakRecord>().klantcontact),
];

impl Lezer<'_> {
    /// F3839 Zoek interne taken, returning the stored records (no response shaping).
    pub fn zoek_interne_taak_records(
        &self,
        q: &Zoekvraag,
    ) -> Result<Page<(InterneTaakId, std::sync::Arc<InterneTaakRecord>)>, Error> {
        self.zoek_records::<InterneTaakRecord>(q)
    }
}

fn nu(tx: &Transactie<'_>) -> Datumtijd {
    Datumtijd::parse(&tx.now().to_rfc3339_opts(SecondsFormat::Micros, true))
        .unwrap_or_else(|_| unreachable!("RFC 3339 is a valid Datumtijd"))
}

/// Checks and completes a task (new, or replacing `old`).
pub(crate) fn build(
    tx: &Transactie<'_>,
    id: Uuid,
    mut t: InterneTaakInput,
    old: Option<&InterneTaakRecord>,
    pad: &str,
) -> Result<InterneTaakRecord, Error> {
    if let Some(a) = t.toegewezen_aan_actor.take() {
        t.toegewezen_aan_actoren = Some(vec![a]);
    }
    let actoren: Vec<Uuid> = t
        .toegewezen_aan_actoren
        .iter()
        .flatten()
        .map(|a| a.uuid.0)
        .collect();
    let l = tx.lezer();
    let mut c = Checks::at(pad);
    c.bestaat::<KlantcontactInput>(
        l,
        "aanleidinggevendKlantcontact",
        t.aanleidinggevend_klantcontact.uuid.0,
    );
    let before = old.map(InterneTaakRecord::actoren).unwrap_or_default();
    for (i, a) in actoren.iter().enumerate() {
        let name = format!("toegewezenAanActoren.{i}");
        match l.opt::<ActorInput>(*a) {
            None => c.reference(&name, false, "Actor"),
            Some(actor) => {
                if tx.profile() == Profile::Standaard
                    && !ActorInput::actief(actor)
                    && !before.contains(a)
                {
                    c.push(
                        &format!("{name}.uuid"),
                        "invalid",
                        "Een interne taak kan alleen aan een actieve actor (indicatieActief) worden toegewezen.",
                        &REGISTER_ACTOR_ACTIEF,
                    );
                }
            }
        }
    }
    if tx.profile() == Profile::Standaard && actoren.is_empty() {
        c.push(
            "toegewezenAanActoren",
            "required",
            "Een interne taak is aan minimaal één actor toegewezen.",
            &REGISTER_TAAK_ACTOR,
        );
    }
    c.invalid()?;
    let mut u = Checks::at(pad);
    for (field, value, ix) in [
        (
            "nummer",
            filled(t.nummer.as_ref()),
            &l.ix::<InterneTaakRecord>().nummer,
        ),
        (
            "referentienummer",
            filled(t.referentienummer.as_ref()),
            &l.ix::<InterneTaakRecord>().referentienummer,
        ),
    ] {
        if value.is_some_and(|v| ix.get(v).iter().any(|o| *o != id)) {
            u.push(
                field,
                "unique",
                format!("Er bestaat al een interne taak met eenzelfde {field}."),
                &REGISTER_NUMMER_UNIEK,
            );
        }
    }
    u.conflict()?;
    match t.status {
        Taakstatus::Verwerkt => {
            if t.afgehandeld_op.as_ref().is_none_or(Option::is_none) {
                t.afgehandeld_op = Nullable(Some(Some(
                    old.and_then(|o| o.taak.afgehandeld_op.0.clone().flatten())
                        .unwrap_or_else(|| nu(tx)),
                )));
            }
        }
        Taakstatus::TeVerwerken => t.afgehandeld_op = Nullable::NULL,
    }
    Ok(InterneTaakRecord {
        taak: t,
        toegewezen_op: old.map_or_else(|| nu(tx), |o| o.toegewezen_op.clone()),
    })
}

/// The base of a PATCH: the stored task, without what the patch's own choices replace.
fn patch_base(patch: &Value) -> impl FnOnce(&InterneTaakRecord) -> Result<Value, Error> + '_ {
    move |r| {
        let mut v = as_json(&r.taak)?;
        if let Value::Object(m) = &mut v {
            if patch.get("toegewezenAanActor").is_some() {
                m.remove("toegewezenAanActoren");
            }
            if patch.get("status").and_then(Value::as_str) == Some("te_verwerken")
                && patch.get("afgehandeldOp").is_none()
            {
                m.remove("afgehandeldOp");
            }
        }
        Ok(v)
    }
}

/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// actor → interne taken assigned to it.
    pub(crate) actor: MultiIndex<Uuid>,
    /// klantcontact → interne taken it gave rise to.
    pub(crate) klantcontact: MultiIndex<Uuid>,
    /// interne taak `nummer` → taken.
    pub(crate) nummer: MultiIndex<String>,
    /// interne taak `referentienummer` → taken.
    pub(crate) referentienummer: MultiIndex<String>,
}

impl Collection for InterneTaakRecord {
    type Id = InterneTaakId;
    type Input = InterneTaakInput;
    type Ix = Ix;
    type Response = InterneTaak;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &InterneTaakRecord) {
        for a in r.actoren() {
            ix.actor.apply(op, a, id);
        }
        ix.klantcontact
            .apply(op, r.taak.aanleidinggevend_klantcontact.uuid.0, id);
        if let Some(n) = filled(r.taak.nummer.as_ref()) {
            ix.nummer.apply(op, n.to_owned(), id);
        }
        if let Some(n) = filled(r.taak.referentienummer.as_ref()) {
            ix.referentienummer.apply(op, n.to_owned(), id);
        }
    }

    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &InterneTaakRecord,
        _: Option<&[String]>,
    ) -> InterneTaak {
        let t = &r.taak;
        let actoren: Vec<Verwijzing<ActorId>> = l.verwijzingen(&r.actoren());
        InterneTaak::uit_invoer(
            t,
            l.basis(),
            InterneTaakId(id),
            l.url(Resource::Internetaken, id),
            actoren.first().cloned(),
            Some(actoren),
            r.toegewezen_op.clone(),
        )
    }

    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        input: Self::Input,
        old: Option<&Self>,
        pad: &str,
    ) -> Result<Self, Error> {
        build(tx, id, input, old, pad)
    }

    fn replace(tx: &mut Transactie<'_>, id: Uuid, body: Value) -> Result<(), Error> {
        let base = patch_base(&body);
        tx.vervang(id, body.clone(), base, |tx, id, i, old| {
            build(tx, id, i, Some(old), "")
        })
    }

    fn patch(tx: &mut Transactie<'_>, id: Uuid, patch: &Value) -> Result<(), Error> {
        tx.wijzig_deels(id, patch, patch_base(patch), |tx, id, i, old| {
            build(tx, id, i, Some(old), "")
        })
    }
}

register_reads! {
    /// The search, returning stored records.
    fn zoek_interne_taak_records(q: &Zoekvraag) -> Page<(InterneTaakId, std::sync::Arc<InterneTaakRecord>)>;
}
