//! A transaction: every register call runs in one, and [`super::Register::transactie`]
//! groups several. Each write goes straight to the state and is remembered with the object's
//! state before; a failed call rolls back to where it started, a failed transaction to where
//! the transaction started (B8786: the sagas of the HTTP API become unnecessary).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::audit::{Action, AuditRecord};
use super::lezen::Lezer;
use super::state::State;
use super::AnyRecord;
use super::{Context, Error};
use crate::rules::Profile;
use crate::Resource;

/// One remembered write.
#[derive(Debug)]
pub(crate) struct Write {
    pub(crate) fcode: Option<&'static str>,
    pub(crate) operation: &'static str,
    pub(crate) resource: Resource,
    pub(crate) id: Uuid,
    pub(crate) before: Option<(u64, AnyRecord)>,
    pub(crate) after: Option<AnyRecord>,
}

/// An open transaction: the register's write methods, plus its read methods (which see the
/// transaction's own writes). Obtained from [`super::Register::transactie`].
#[derive(Debug)]
pub struct Transactie<'a> {
    pub(crate) state: &'a mut State,
    pub(crate) ctx: &'a Context,
    pub(crate) who: &'a str,
    pub(crate) now: DateTime<Utc>,
    pub(crate) writes: Vec<Write>,
    call: Option<(Option<&'static str>, &'static str)>,
}

impl<'a> Transactie<'a> {
    pub(crate) fn new(state: &'a mut State, ctx: &'a Context, who: &'a str) -> Self {
        let now = ctx.clock.now();
        Self {
            state,
            ctx,
            who,
            now,
            writes: Vec::new(),
            call: None,
        }
    }

    /// The read methods over the state as this transaction sees it.
    pub fn lezer(&self) -> Lezer<'_> {
        Lezer {
            state: self.state,
            ctx: self.ctx,
        }
    }

    /// The profile the register enforces.
    pub fn profile(&self) -> Profile {
        self.ctx.profile
    }

    /// The moment this transaction runs at (read once from the clock).
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// A new id from the id source that no object has yet (decision 4): a seeded source
    /// starts over when a register is reopened, and must not hand out a stored object's id.
    pub(crate) fn new_id(&self) -> Uuid {
        loop {
            let id = self.ctx.ids.new_id();
            if !self.state.t.in_use(&id) {
                return id;
            }
        }
    }

    /// Runs one register call: on error, everything it wrote is undone.
    pub(crate) fn call<T>(
        &mut self,
        fcode: Option<&'static str>,
        operation: &'static str,
        f: impl FnOnce(&mut Self) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let mark = self.writes.len();
        let outer = self.call.replace((fcode, operation));
        let result = f(self);
        self.call = outer;
        if result.is_err() {
            self.rollback_to(mark);
        }
        result
    }

    /// Writes object `id` (or deletes it with `None`), remembering its previous state.
    pub(crate) fn write(&mut self, resource: Resource, id: Uuid, after: Option<AnyRecord>) {
        let before = self.state.apply(resource, id, after.clone(), None);
        let (fcode, operation) = self.call.unwrap_or((None, "transactie"));
        self.writes.push(Write {
            fcode,
            operation,
            resource,
            id,
            before,
            after,
        });
    }

    pub(crate) fn rollback_to(&mut self, mark: usize) {
        while self.writes.len() > mark {
            let Some(w) = self.writes.pop() else { break };
            let (seq, rec) = match w.before {
                Some((seq, rec)) => (Some(seq), Some(rec)),
                None => (None, None),
            };
            self.state.apply(w.resource, w.id, rec, seq);
        }
    }

    /// The audit records of the transaction, numbered from `first_seq`. Several writes to one
    /// object stay separate records, so that replay passes through the same states.
    pub(crate) fn audit_records(&self, first_seq: u64, transaction: u64) -> Vec<AuditRecord> {
        self.writes
            .iter()
            .enumerate()
            .map(|(i, w)| AuditRecord {
                seq: first_seq + i as u64,
                transaction,
                time: self.now,
                who: self.who.to_owned(),
                fcode: w.fcode.map(str::to_owned),
                operation: w.operation.to_owned(),
                resource: w.resource,
                id: w.id,
                action: match (&w.before, &w.after) {
                    (None, _) => Action::Create,
                    (Some(_), Some(_)) => Action::Update,
                    (Some(_), None) => Action::Delete,
                },
                before: w.before.as_ref().map(|(_, r)| r.clone()),
                after: w.after.clone(),
            })
            .collect()
    }
}
