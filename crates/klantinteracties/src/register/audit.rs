//! The audit log (B8694: "alle mutaties binnen het klantinteractiesdomein \[worden\] in een
//! auditlog geregistreerd"): one record per changed object, with the state before and after.
//! Replaying the records in order rebuilds the register.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::AnyRecord;
use crate::Resource;

/// What happened to the object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// The object was created.
    Create,
    /// The object was changed (also: a reference set to null by a delete elsewhere).
    Update,
    /// The object was deleted (also: by a cascade).
    Delete,
}

/// One audit record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditRecord {
    /// Sequence number, from 1, without gaps.
    pub seq: u64,
    /// The number of the transaction that made the change (from 1).
    pub transaction: u64,
    /// When the transaction ran (the register's clock).
    pub time: DateTime<Utc>,
    /// Who made the change: the caller-supplied identity (an application or an actor).
    pub who: String,
    /// The F-code of the function called (`F7554`), if the standard names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fcode: Option<String>,
    /// The register operation called (`registreer_partij`).
    pub operation: String,
    /// The resource of the changed object.
    pub resource: Resource,
    /// The id of the changed object.
    pub id: Uuid,
    /// Create, update or delete.
    pub action: Action,
    /// The object before (absent on create).
    pub before: Option<AnyRecord>,
    /// The object after (absent on delete).
    pub after: Option<AnyRecord>,
}

impl AuditRecord {
    /// Why the register could not have written this record, if it could not: an object
    /// before or after of another resource than `resource`, a resource that stores nothing
    /// (`maak-klantcontact`), or an action without the object it needs. Replaying (the
    /// journal, [`super::Register::from_audit_log`]) refuses such a record.
    pub fn inconsistency(&self) -> Option<&'static str> {
        if self.resource == Resource::MaakKlantcontact {
            return Some("a record of maak-klantcontact, which stores nothing");
        }
        let other =
            |r: &Option<AnyRecord>| r.as_ref().is_some_and(|r| r.resource() != self.resource);
        if other(&self.before) || other(&self.after) {
            return Some("an object of another resource than the record's");
        }
        let fits = match self.action {
            Action::Create => self.after.is_some(),
            Action::Update => self.before.is_some() && self.after.is_some(),
            Action::Delete => self.before.is_some() && self.after.is_none(),
        };
        (!fits).then_some("an action without the objects it needs")
    }
}
