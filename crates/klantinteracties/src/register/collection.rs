//! The [`Collection`] trait: what one resource of API 0.9.0 declares (its stored record, its
//! input and response shapes, filters, indexes, checks, how it presents a record and what its
//! delete does to others), and the frame every collection shares: read one, search, create,
//! replace, patch and delete, each as one register call. The Dutch methods
//! (`registreer_partij`, `zoek_partij`, …) are generated from the table in
//! [`super::collecties`] and call this frame.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use super::body::{as_json, IntoBody};
use super::collecties::{AnyRecord, Indexes, Tables};
use super::index::Op;
use super::lezen::{gevraagd, Lezer};
use super::table::Table;
use super::transactie::Transactie;
use super::zoeken::{Filter, Page, Zoekvraag};
use super::Error;
use crate::Resource;

/// A stored record type: its resource, model name, table and indexes. The table of
/// collections implements it for each row.
pub(crate) trait Stored:
    Sized + Clone + Serialize + DeserializeOwned + Send + Sync + 'static
{
    /// The resource.
    const RESOURCE: Resource;
    /// Its model's name, as Open Klant's messages name it (`Partij`: "Partij object bestaat
    /// niet.").
    const MODEL: &'static str;
    /// The F-code and Dutch name of its create (`registreer_partij`), as the audit log names
    /// the call.
    const REGISTREER: (Option<&'static str>, &'static str);
    /// Its table.
    fn table(t: &Tables) -> &Table<Self>;
    /// As [`AnyRecord`].
    fn wrap(rec: Arc<Self>) -> AnyRecord;
    /// Its collection's indexes.
    fn indexes(ix: &Indexes) -> &<Self as Collection>::Ix
    where
        Self: Collection;
}

/// A stored object with its id, as a search for records answers it.
pub(crate) type Bewaard<C> = (<C as Collection>::Id, Arc<C>);

/// One resource of the register. Implemented once per resource, in its own module; the
/// defaults are the plain behaviour, a collection overrides what it does differently.
pub(crate) trait Collection: Stored {
    /// The typed id (`PartijId`).
    type Id: Copy + From<Uuid> + Into<Uuid>;
    /// The document a create or update is typed as (the register's document rules hold for
    /// it first).
    type Input: DeserializeOwned;
    /// The object as the API answers it.
    type Response: Serialize;
    /// Its indexes (exact-match look-ups, kept in step with every write by
    /// [`Collection::index`]); `()` when it has none.
    type Ix: Default + std::fmt::Debug;

    /// The relations `expand` may name (API 0.9.0).
    const EXPAND: &'static [&'static str] = &[];
    /// The search filters.
    const FILTERS: &'static [Filter<Self>];
    /// The order of a search, newest first by this key, then by creation; `None`: by
    /// creation only.
    const ORDER: Option<fn(&Self) -> i64> = None;

    /// Adds (or removes) the record's keys to (from) the indexes; nothing for a collection
    /// without indexes.
    fn index(ix: &mut Self::Ix, op: Op, id: Uuid, rec: &Self) {
        let _ = (ix, op, id, rec);
    }

    /// The record as the API answers it; `expand` is the relations asked for, `None` when the
    /// answer carries no `_expand`.
    fn present(l: &Lezer<'_>, id: Uuid, rec: &Self, expand: Option<&[String]>) -> Self::Response;

    /// The register's checks of a create (`old` is `None`) or update, and what it writes to
    /// other objects; returns the record to store. `pad` is where the object sits in the
    /// request (`partijIdentificatoren.0.`, empty for the body itself): the prefix of the
    /// paths of its violations. A collection that overrides
    /// [`Collection::create`], [`Collection::replace`] and [`Collection::patch`] (partijen,
    /// which write their nested lists around the record) need not give it.
    fn build(
        tx: &mut Transactie<'_>,
        id: Uuid,
        input: Self::Input,
        old: Option<&Self>,
        _: &str,
    ) -> Result<Self, Error> {
        let _ = (tx, id, input, old);
        Err(Error::Internal(format!(
            "/{} writes its objects itself",
            Self::RESOURCE.collection()
        )))
    }

    /// Creates an object from a request body that sits at `pad` in the caller's request
    /// (`klantcontact.`, empty for a body of its own), where its violations are named; returns
    /// its id.
    fn create(tx: &mut Transactie<'_>, body: Value, pad: &str) -> Result<Uuid, Error> {
        tx.maak(body, pad, |tx, id, i| Self::build(tx, id, i, None, pad))
    }

    /// Replaces object `id` (`PUT`).
    fn replace(tx: &mut Transactie<'_>, id: Uuid, body: Value) -> Result<(), Error> {
        tx.vervang(id, body, as_json, |tx, id, i, old| {
            Self::build(tx, id, i, Some(old), "")
        })
    }

    /// Changes object `id` partially (`PATCH`).
    fn patch(tx: &mut Transactie<'_>, id: Uuid, patch: &Value) -> Result<(), Error> {
        tx.wijzig_deels(id, patch, as_json, |tx, id, i, old| {
            Self::build(tx, id, i, Some(old), "")
        })
    }

    /// Deletes object `id`, which exists, with what that does to others.
    fn delete(tx: &mut Transactie<'_>, id: Uuid) -> Result<(), Error> {
        tx.wis::<Self>(id);
        Ok(())
    }
}

impl Lezer<'_> {
    /// Reads one object of collection `C`.
    pub(crate) fn vraag_op<C: Collection>(
        &self,
        id: Uuid,
        expand: &[String],
    ) -> Result<C::Response, Error> {
        Self::check_expand(C::EXPAND, expand)?;
        Ok(C::present(self, id, self.haal::<C>(id)?, gevraagd(expand)))
    }

    /// Object `id` of `C` as the API returns it, if it exists, with the relations asked for
    /// in `expand` (a related object in a response or an `_expand`).
    pub(crate) fn toon<C: Collection>(
        &self,
        id: Uuid,
        expand: Option<&[String]>,
    ) -> Option<C::Response> {
        self.opt::<C>(id).map(|r| C::present(self, id, r, expand))
    }

    /// Objects `ids` of `C` as the API returns them, in order (see [`Lezer::toon`]).
    pub(crate) fn toon_alle<C: Collection>(
        &self,
        ids: &[Uuid],
        expand: Option<&[String]>,
    ) -> Vec<C::Response> {
        ids.iter()
            .filter_map(|id| self.toon::<C>(*id, expand))
            .collect()
    }

    /// Searches collection `C`.
    pub(crate) fn zoek_in<C: Collection>(&self, q: &Zoekvraag) -> Result<Page<C::Response>, Error> {
        Self::check_expand(C::EXPAND, &q.expand)?;
        self.zoek(
            C::table(&self.state.t),
            C::FILTERS,
            q,
            C::ORDER.as_ref().map(|o| o as &dyn Fn(&C) -> i64),
            |id, r| C::present(self, id, r, Some(&q.expand)),
        )
    }

    /// Searches collection `C`, returning the stored records (no response shaping): the
    /// fastest way to read many objects.
    pub(crate) fn zoek_records<C: Collection>(
        &self,
        q: &Zoekvraag,
    ) -> Result<Page<Bewaard<C>>, Error> {
        self.zoek(
            C::table(&self.state.t),
            C::FILTERS,
            q,
            C::ORDER.as_ref().map(|o| o as &dyn Fn(&C) -> i64),
            |id, r| (C::Id::from(id), r.clone()),
        )
    }
}

impl Transactie<'_> {
    /// A create on collection `C` as one register call (the one its table row names),
    /// answering the stored object. `pad` is where the body sits in the caller's request (a
    /// workflow's input), empty for a body of its own: its violations are named from there.
    pub(crate) fn registreer<C: Collection>(
        &mut self,
        body: impl IntoBody,
        pad: &str,
    ) -> Result<C::Response, Error> {
        let (fcode, operation) = C::REGISTREER;
        self.call(fcode, operation, |tx| {
            let id = C::create(tx, body.into_body()?, pad)?;
            tx.lezer().vraag_op::<C>(id, &[])
        })
    }

    /// A replacement (`PUT`) in collection `C` as one register call.
    pub(crate) fn vervang_in<C: Collection>(
        &mut self,
        fcode: Option<&'static str>,
        operation: &'static str,
        id: Uuid,
        body: impl IntoBody,
    ) -> Result<C::Response, Error> {
        self.call(fcode, operation, |tx| {
            C::replace(tx, id, body.into_body()?)?;
            tx.lezer().vraag_op::<C>(id, &[])
        })
    }

    /// A partial update (`PATCH`) in collection `C` as one register call.
    pub(crate) fn wijzig_in<C: Collection>(
        &mut self,
        fcode: Option<&'static str>,
        operation: &'static str,
        id: Uuid,
        patch: &Value,
    ) -> Result<C::Response, Error> {
        self.call(fcode, operation, |tx| {
            C::patch(tx, id, patch)?;
            tx.lezer().vraag_op::<C>(id, &[])
        })
    }

    /// A delete in collection `C` as one register call; an unknown id is not found.
    pub(crate) fn verwijder_uit<C: Collection>(
        &mut self,
        operation: &'static str,
        id: Uuid,
    ) -> Result<(), Error> {
        self.call(None, operation, |tx| {
            tx.haal::<C>(id)?;
            C::delete(tx, id)
        })
    }
}
