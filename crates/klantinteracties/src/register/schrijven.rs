//! Helpers the write methods share: request bodies, validation, PATCH merging, reference and
//! uniqueness checks.

use serde::de::DeserializeOwned;
use serde_json::Value;
use uuid::Uuid;

use super::error::violation;
use super::transactie::Transactie;
use super::Error;
use crate::regel::Rule;
use crate::register::regels::{REGISTER_UUID_UNIEK, REGISTER_VERWIJZING};
use crate::rules::catalogue::VELD_UUID;
use crate::rules::{self, Options, Report, Violation};
use crate::Resource;

/// Collects cross-object violations of one call.
#[derive(Debug, Default)]
pub(crate) struct Checks {
    pub(crate) violations: Vec<Violation>,
    /// Where the checked object sits in the request (`klantcontact.`, with its dot; empty for
    /// a body of its own): the start of every name.
    pad: String,
}

impl Checks {
    /// Checks of an object that sits at `pad` in the request.
    pub(crate) fn at(pad: &str) -> Self {
        Self {
            violations: Vec::new(),
            pad: pad.to_owned(),
        }
    }

    /// A violation at `name`, below the checked object's path.
    pub(crate) fn push(&mut self, name: &str, code: &str, reason: impl Into<String>, rule: &Rule) {
        let name = format!("{}{name}", self.pad);
        self.violations.push(violation(&name, code, reason, rule));
    }

    /// A reference that must resolve (R32: "`<Model>` object bestaat niet.").
    pub(crate) fn reference(&mut self, name: &str, exists: bool, model: &str) {
        if !exists {
            self.push(
                &format!("{name}.uuid"),
                "invalid",
                format!("{model} object bestaat niet."),
                &REGISTER_VERWIJZING,
            );
        }
    }

    /// A reference at `name` to object `id` of collection `C`, which must exist (R32).
    pub(crate) fn bestaat<C: Stored>(&mut self, l: Lezer<'_>, name: &str, id: Uuid) {
        self.reference(name, l.bestaat::<C>(id), C::MODEL);
    }

    /// `Ok` when nothing was found, else an `Invalid` error.
    pub(crate) fn invalid(self) -> Result<(), Error> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(Report {
                violations: self.violations,
            }))
        }
    }

    /// `Ok` when nothing was found, else a `Conflict` error.
    pub(crate) fn conflict(self) -> Result<(), Error> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(Error::Conflict(Report {
                violations: self.violations,
            }))
        }
    }
}

/// The top-level merge of a PATCH: sent properties replace stored ones, the rest stay.
pub(crate) fn merge(mut stored: Value, patch: &Value) -> Value {
    if let (Value::Object(s), Value::Object(p)) = (&mut stored, patch) {
        for (k, v) in p {
            s.insert(k.clone(), v.clone());
        }
    }
    stored
}

impl Transactie<'_> {
    /// Checks a create or full-update body with the document rules and types it.
    pub(crate) fn parse<T: DeserializeOwned>(
        &self,
        resource: Resource,
        body: Value,
    ) -> Result<T, Error> {
        self.parse_at(resource, body, "")
    }

    /// [`Transactie::parse`] for a body that sits at `pad` in the caller's request
    /// (`klantcontact.`, with its dot): its violations are named from there.
    pub(crate) fn parse_at<T: DeserializeOwned>(
        &self,
        resource: Resource,
        body: Value,
        pad: &str,
    ) -> Result<T, Error> {
        rules::parse_value_at(resource, body, Options::input(self.ctx.profile), pad)
            .map_err(Error::Invalid)
    }

    /// Checks a PATCH body, merges it over the stored object and types the result, which must
    /// satisfy the document rules as a whole.
    pub(crate) fn parse_patch<T: DeserializeOwned>(
        &self,
        resource: Resource,
        stored: Value,
        patch: &Value,
    ) -> Result<T, Error> {
        let report = rules::validate_value(resource, patch, Options::partial(self.ctx.profile));
        if !report.is_valid() {
            return Err(Error::Invalid(report));
        }
        self.parse(resource, merge(stored, patch))
    }

    /// The id of a new object: the caller's `uuid` if the body has one (idempotent creation,
    /// decision 4), else a new one from the id source.
    /// `pad` is where the body sits in the request (see [`Transactie::parse_at`]).
    pub(crate) fn id_for_create(
        &self,
        body: &Value,
        pad: &str,
        exists: impl Fn(&Uuid) -> bool,
    ) -> Result<Uuid, Error> {
        match body.get("uuid") {
            None | Some(Value::Null) => Ok(self.new_id()),
            Some(Value::String(s)) => {
                let id = Uuid::parse_str(s).map_err(|_| {
                    Error::invalid(
                        &format!("{pad}uuid"),
                        "invalid",
                        "Voer een geldige UUID in.",
                        &VELD_UUID,
                    )
                })?;
                if exists(&id) {
                    return Err(Error::conflict(
                        &format!("{pad}uuid"),
                        "unique",
                        "Er bestaat al een object met deze uuid.",
                        &REGISTER_UUID_UNIEK,
                    ));
                }
                Ok(id)
            }
            Some(_) => Err(Error::invalid(
                "uuid",
                "invalid",
                "Voer een geldige UUID in.",
                &VELD_UUID,
            )),
        }
    }
}

/// The non-empty value of an optional-nullable text.
pub(crate) fn filled(v: Option<&Option<String>>) -> Option<&str> {
    v.and_then(Option::as_deref).filter(|s| !s.is_empty())
}

/// The id of an optional-nullable reference.
pub(crate) fn ref_id<I: Copy + Into<Uuid>>(
    v: Option<&Option<crate::model::Verwijzing<I>>>,
) -> Option<Uuid> {
    v.and_then(Option::as_ref).map(|r| r.uuid.into())
}

use std::sync::Arc;

use super::collection::Collection;
use super::collection::Stored;
use super::lezen::Lezer;

impl Transactie<'_> {
    /// The indexes of collection `C`, as this transaction has left them.
    pub(crate) fn ix<C: Collection>(&self) -> &C::Ix {
        C::indexes(&self.state.ix)
    }

    /// The stored object, or not found.
    pub(crate) fn haal<R: Stored>(&self, id: Uuid) -> Result<Arc<R>, Error> {
        R::table(&self.state.t)
            .get(&id)
            .cloned()
            .ok_or(Error::NotFound {
                resource: R::RESOURCE,
                id,
            })
    }

    /// Whether the object exists.
    pub(crate) fn bestaat<R: Stored>(&self, id: Uuid) -> bool {
        R::table(&self.state.t).contains(&id)
    }

    /// Stores (creates or replaces) an object.
    pub(crate) fn zet<R: Stored>(&mut self, id: Uuid, rec: R) {
        self.write(R::RESOURCE, id, Some(R::wrap(Arc::new(rec))));
    }

    /// Deletes an object (if it exists).
    pub(crate) fn wis<R: Stored>(&mut self, id: Uuid) {
        if self.bestaat::<R>(id) {
            self.write(R::RESOURCE, id, None);
        }
    }

    /// Create: id, document rules, then `build` (cross-object rules, nested writes), then store.
    pub(crate) fn maak<I: DeserializeOwned, R: Stored>(
        &mut self,
        body: Value,
        pad: &str,
        build: impl FnOnce(&mut Self, Uuid, I) -> Result<R, Error>,
    ) -> Result<Uuid, Error> {
        let id = self.id_for_create(&body, pad, |id| R::table(&self.state.t).contains(id))?;
        let input: I = self.parse_at(R::RESOURCE, body, pad)?;
        let rec = build(self, id, input)?;
        self.zet(id, rec);
        Ok(id)
    }

    /// Replacement (PUT): the object must exist; `build` sees the old version. The body is
    /// checked as a whole document (required properties present). In the `standaard`
    /// profile it replaces the object; in the `open-klant` profile, as in Open Klant (DRF),
    /// a property the body leaves out keeps its stored value (`stored` gives the base, as
    /// for a PATCH).
    pub(crate) fn vervang<I: DeserializeOwned, R: Stored>(
        &mut self,
        id: Uuid,
        body: Value,
        stored: impl FnOnce(&R) -> Result<Value, Error>,
        build: impl FnOnce(&mut Self, Uuid, I, &R) -> Result<R, Error>,
    ) -> Result<(), Error> {
        let old = self.haal::<R>(id)?;
        let body = self.put_body(R::RESOURCE, body, || stored(&old))?;
        let input: I = self.parse(R::RESOURCE, body)?;
        let rec = build(self, id, input, &old)?;
        self.zet(id, rec);
        Ok(())
    }

    /// The document a PUT stands for: the body itself in the `standaard` profile; in the
    /// `open-klant` profile the body, checked on its own, over what is stored (Open Klant
    /// keeps what a PUT leaves out).
    pub(crate) fn put_body(
        &self,
        resource: Resource,
        body: Value,
        stored: impl FnOnce() -> Result<Value, Error>,
    ) -> Result<Value, Error> {
        if self.ctx.profile.is_standaard() {
            return Ok(body);
        }
        self.check_whole(resource, &body)?;
        Ok(merge(stored()?, &body))
    }

    /// Checks a create or replace body as a whole document, without typing it.
    pub(crate) fn check_whole(&self, resource: Resource, body: &Value) -> Result<(), Error> {
        let report = rules::validate_value(resource, body, Options::input(self.ctx.profile));
        if report.is_valid() {
            Ok(())
        } else {
            Err(Error::Invalid(report))
        }
    }

    /// Partial update (PATCH): absent properties stay as stored.
    pub(crate) fn wijzig_deels<I: DeserializeOwned, R: Stored>(
        &mut self,
        id: Uuid,
        patch: &Value,
        stored: impl FnOnce(&R) -> Result<Value, Error>,
        build: impl FnOnce(&mut Self, Uuid, I, &R) -> Result<R, Error>,
    ) -> Result<(), Error> {
        let old = self.haal::<R>(id)?;
        let input: I = self.parse_patch(R::RESOURCE, stored(&old)?, patch)?;
        let rec = build(self, id, input, &old)?;
        self.zet(id, rec);
        Ok(())
    }
}

impl<'a> Lezer<'a> {
    /// The indexes of collection `C`.
    pub(crate) fn ix<C: Collection>(&self) -> &'a C::Ix {
        C::indexes(&self.state.ix)
    }

    /// The table of collection `C`.
    pub(crate) fn tabel<C: Stored>(&self) -> &'a super::table::Table<C> {
        C::table(&self.state.t)
    }

    /// The stored object, or not found.
    pub(crate) fn haal<R: Stored>(&self, id: Uuid) -> Result<&'a Arc<R>, Error> {
        R::table(&self.state.t).get(&id).ok_or(Error::NotFound {
            resource: R::RESOURCE,
            id,
        })
    }

    /// The stored object, if it exists.
    pub(crate) fn opt<R: Stored>(&self, id: Uuid) -> Option<&'a Arc<R>> {
        R::table(&self.state.t).get(&id)
    }

    /// Whether the object exists.
    pub(crate) fn bestaat<R: Stored>(&self, id: Uuid) -> bool {
        R::table(&self.state.t).contains(&id)
    }
}
