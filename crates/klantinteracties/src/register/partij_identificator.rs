//! Partij-identificatoren: BSN, KvK-nummer, vestigingsnummer or RSIN of a partij (F6257
//! registreer, F5817 zoek, F1582 vraag op, F8226 wijzig). Open Klant R3–R9: unique globally
//! (scoped by `subIdentificatorVan`) and one per soort per partij; a vestigingsnummer hangs
//! under a kvk_nummer; no self-reference; a parent with children keeps its soort and cannot
//! be deleted (PROTECT).

use uuid::Uuid;

use super::collection::Collection;
use super::index::{MultiIndex, Op};
use super::lezen::Lezer;
use super::schrijven::{ref_id, Checks};
use super::transactie::Transactie;
use super::zoeken::Filter;
use super::Error;
use crate::model::{
    CodeSoortObjectId, PartijIdentificator, PartijIdentificatorId, PartijIdentificatorInput,
    PartijInput,
};
use crate::register::regels::{
    REGISTER_IDENTIFICATOR_PER_PARTIJ, REGISTER_IDENTIFICATOR_UNIEK,
    REGISTER_SUB_IDENTIFICATOR_BESCHERMD, REGISTER_SUB_IDENTIFICATOR_SOORT,
    REGISTER_SUB_IDENTIFICATOR_ZELF, REGISTER_VESTIGING_ONDER_KVK,
};
use crate::Resource;

/// A filter on this collection's records.
type F = Filter<PartijIdentificatorInput>;

const FILTERS: &[F] = &[
    F::choice(
        "partijIdentificatorCodeObjecttype",
        &["natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging"],
        |_, _, r, v| PartijIdentificatorInput::veld(r, "codeObjecttype") == v,
    ),
    F::choice(
        "partijIdentificatorCodeSoortObjectId",
        &["bsn", "kvk_nummer", "rsin", "vestigingsnummer"],
        |_, _, r, v| PartijIdentificatorInput::veld(r, "codeSoortObjectId") == v,
    ),
    F::text("partijIdentificatorObjectId", |_, _, r, v| {
        PartijIdentificatorInput::veld(r, "objectId") == v
    })
    .via_tekst(|l| &l.ix::<PartijIdentificatorInput>().object_id),
    F::choice(
        "partijIdentificatorCodeRegister",
        &["brp", "hr"],
        |_, _, r, v| PartijIdentificatorInput::veld(r, "codeRegister") == v,
    ),
    F::text("anderePartijIdentificator", |_, _, r, v| {
        r.andere_partij_identificator.as_deref() == Some(v)
    }),
];

/// Checks an identificator about to be stored as `r` (replacing `old`). `path` prefixes the
/// names in errors (`partijIdentificatoren.0.` when nested in a partij).
/// The indexes of this collection.
#[derive(Debug, Default)]
pub(crate) struct Ix {
    /// partij → its partij-identificatoren.
    pub(crate) partij: MultiIndex<Uuid>,
    /// `partijIdentificator.objectId` → partij-identificatoren.
    pub(crate) object_id: MultiIndex<String>,
    /// partij-identificator → its sub-identificatoren.
    pub(crate) sub: MultiIndex<Uuid>,
}

impl Collection for PartijIdentificatorInput {
    type Id = PartijIdentificatorId;
    type Input = Self;
    type Ix = Ix;
    type Response = PartijIdentificator;
    const FILTERS: &'static [Filter<Self>] = FILTERS;

    fn index(ix: &mut Ix, op: Op, id: Uuid, r: &PartijIdentificatorInput) {
        if let Some(p) = ref_id(r.identificeerde_partij.as_ref()) {
            ix.partij.apply(op, p, id);
        }
        ix.object_id
            .apply(op, r.partij_identificator.object_id.clone(), id);
        if let Some(s) = ref_id(r.sub_identificator_van.as_ref()) {
            ix.sub.apply(op, s, id);
        }
    }

    fn present(
        l: &Lezer<'_>,
        id: Uuid,
        r: &PartijIdentificatorInput,
        _: Option<&[String]>,
    ) -> PartijIdentificator {
        PartijIdentificator::uit_invoer(
            r,
            l.basis(),
            Some(PartijIdentificatorId(id)),
            l.url(Resource::PartijIdentificatoren, id),
        )
    }

    #[allow(clippy::many_single_char_names)]
    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        mut r: Self::Input,
        old: Option<&Self>,
        path: &str,
    ) -> Result<Self, Error> {
        r.uuid = None;
        let l = tx.lezer();
        let mut c = Checks::at(path);
        let partij = ref_id(r.identificeerde_partij.as_ref());
        if let Some(p) = partij {
            c.bestaat::<PartijInput>(l, "identificeerdePartij", p);
        }
        let sub = ref_id(r.sub_identificator_van.as_ref());
        let soort = r.partij_identificator.code_soort_object_id;
        if sub == Some(id) {
            c.push(
                "subIdentificatorVan",
                "invalid",
                "Een `Partijidentificator` kan geen `subIdentificatorVan` zijn van zichzelf.",
                &REGISTER_SUB_IDENTIFICATOR_ZELF,
            );
        } else if let Some(s) = sub {
            match l.opt::<PartijIdentificatorInput>(s) {
                None => c.reference("subIdentificatorVan", false, "PartijIdentificator"),
                Some(parent) => {
                    if soort == CodeSoortObjectId::Vestigingsnummer
                        && parent.partij_identificator.code_soort_object_id
                            != CodeSoortObjectId::KvkNummer
                    {
                        c.push(
                            "subIdentificatorVan",
                            "invalid",
                            "Het is alleen mogelijk om een subIdentifierVan te selecteren met codeSoortObjectId = `kvk_nummer`.",
                            &REGISTER_VESTIGING_ONDER_KVK,
                        );
                    }
                }
            }
        } else if soort == CodeSoortObjectId::Vestigingsnummer {
            c.push(
                "subIdentificatorVan",
                "invalid",
                "Voor een PartijIdentificator met codeSoortObjectId = `vestigingsnummer` is het verplicht om een `sub_identifier_van` met codeSoortObjectId = `kvk_nummer` te kiezen.",
                &REGISTER_VESTIGING_ONDER_KVK,
            );
        }
        if let Some(old) = old {
            if old.partij_identificator.code_soort_object_id != soort
                && !l.ix::<PartijIdentificatorInput>().sub.get(&id).is_empty()
            {
                c.push(
                    "partijIdentificator.codeSoortObjectId",
                    "invalid",
                    "Het is niet mogelijk om de codeSoortObjectId van deze PartijIdentificator te wijzigen, omdat er andere PartijIdentificatoren aan gekoppeld zijn.",
                    &REGISTER_SUB_IDENTIFICATOR_SOORT,
                );
            }
        }
        c.invalid()?;
        let mut uniek = Checks::at(path);
        if let Some(p) = partij {
            let dubbel = l
                .ix::<PartijIdentificatorInput>()
                .partij
                .get(&p)
                .iter()
                .any(|o| {
                    *o != id
                        && l.opt::<PartijIdentificatorInput>(*o)
                            .is_some_and(|o| o.partij_identificator.code_soort_object_id == soort)
                });
            if dubbel {
                uniek.push(
                    "partijIdentificator.codeSoortObjectId",
                    "unique",
                    "`CodeSoortObjectId` moet uniek zijn voor de Partij.",
                    &REGISTER_IDENTIFICATOR_PER_PARTIJ,
                );
            }
        }
        let g = &r.partij_identificator;
        let globaal = l
            .ix::<PartijIdentificatorInput>()
            .object_id
            .get(&g.object_id)
            .iter()
            .any(|o| {
                *o != id
                    && l.opt::<PartijIdentificatorInput>(*o).is_some_and(|o| {
                        o.partij_identificator == *g
                            && ref_id(o.sub_identificator_van.as_ref()) == sub
                    })
            });
        if globaal {
            uniek.push(
                "partijIdentificator",
                "unique",
                "`PartijIdentificator` moet uniek zijn, er bestaat er al een met deze gegevenscombinatie.",
                &REGISTER_IDENTIFICATOR_UNIEK,
            );
        }
        uniek.conflict()?;
        Ok(r)
    }

    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        PartijIdentificatorInput::beschermd(tx, id, &[], "")?;
        tx.wis::<Self>(id);
        Ok(())
    }
}

/// What other collections ask of the partij-identificatoren: their fields, the partijen they
/// identify, and whether one may go (R9).
impl PartijIdentificatorInput {
    /// One field of the identificator group, by its API name.
    pub(crate) fn veld<'a>(r: &'a PartijIdentificatorInput, veld: &str) -> &'a str {
        let g = &r.partij_identificator;
        match veld {
            "codeObjecttype" => g.code_objecttype.as_str(),
            "codeSoortObjectId" => g.code_soort_object_id.as_str(),
            "codeRegister" => g.code_register.as_str(),
            _ => g.object_id.as_str(),
        }
    }

    /// Whether partij `p` has an identificator whose `veld` is `v`.
    pub(crate) fn identificeert(l: &Lezer<'_>, p: Uuid, veld_: &str, v: &str) -> bool {
        l.ix::<PartijIdentificatorInput>()
            .partij
            .get(&p)
            .iter()
            .any(|i| {
                l.opt::<PartijIdentificatorInput>(*i)
                    .is_some_and(|r| PartijIdentificatorInput::veld(r, veld_) == v)
            })
    }

    /// The partijen identified by an identificator with this `objectId` (indexed).
    pub(crate) fn partijen_met_object_id(l: &Lezer<'_>, v: &str) -> Vec<Uuid> {
        l.ix::<PartijIdentificatorInput>()
            .object_id
            .get(v)
            .iter()
            .filter_map(|i| l.opt::<PartijIdentificatorInput>(*i))
            .filter_map(|r| ref_id(r.identificeerde_partij.as_ref()))
            .collect()
    }

    /// R9: an identificator with sub-identificatoren cannot be deleted (PROTECT), unless every
    /// child is in `mee` (deleted in the same operation; standaard profile).
    pub(crate) fn beschermd(
        tx: &Transactie<'_>,
        id: Uuid,
        mee: &[Uuid],
        path: &str,
    ) -> Result<(), Error> {
        if tx
            .ix::<PartijIdentificatorInput>()
            .sub
            .get(&id)
            .iter()
            .any(|c| !mee.contains(c))
        {
            return Err(Error::protected(
                if path.is_empty() { "nonFieldErrors" } else { path },
                "invalid",
                "Deze PartijIdentificator kan niet worden verwijderd, omdat er andere PartijIdentificatoren (subIdentificatorVan) naar verwijzen.",
                &REGISTER_SUB_IDENTIFICATOR_BESCHERMD,
            ));
        }
        Ok(())
    }
}
