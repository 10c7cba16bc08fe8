//! Where committed transactions go. The register keeps its state in memory and hands every
//! committed transaction (its audit records) to a [`Storage`]: [`Memory`] keeps the log in
//! memory, [`Journal`] appends it durably to a file. A database backend implements the same
//! trait.

mod frame;
mod journal;
mod memory;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use journal::{Journal, JournalOptions, Repair};
pub use memory::Memory;

use super::audit::AuditRecord;
use super::AnyRecord;
use super::Error;

/// A storage backend for the register.
pub trait Storage: Send + Sync + std::fmt::Debug {
    /// Reads what was stored before, once, when the register opens: the newest snapshot and
    /// the transactions committed after it, in order.
    fn recover(&mut self) -> Result<Recovery, Error>;

    /// Stores one committed transaction. When this returns `Ok`, the transaction is durable
    /// (for a durable backend); on `Err` the register rolls the transaction back.
    fn commit(&mut self, transaction: &[AuditRecord]) -> Result<(), Error>;

    /// The whole audit log, oldest first.
    fn audit_log(&self) -> Result<Vec<AuditRecord>, Error>;

    /// Stores a snapshot of the whole state, to bound the replay time of the next
    /// [`Storage::recover`]. The audit log itself is kept.
    fn write_snapshot(&mut self, snapshot: &Snapshot) -> Result<(), Error>;

    /// A short description for reports (`memory`, `journal /path`).
    fn describe(&self) -> String;
}

/// The state at one point of the log: every object, per resource oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// The last audit sequence number the snapshot includes.
    pub seq: u64,
    /// The last transaction number the snapshot includes.
    pub transaction: u64,
    /// Every object.
    pub objects: Vec<SnapshotObject>,
}

/// One object of a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnapshotObject {
    /// Its id.
    pub id: Uuid,
    /// The object.
    pub record: AnyRecord,
}

/// What [`Storage::recover`] found.
#[derive(Debug, Default)]
pub struct Recovery {
    /// The newest valid snapshot, if any.
    pub snapshot: Option<Snapshot>,
    /// The transactions after the snapshot, oldest first.
    pub transactions: Vec<Vec<AuditRecord>>,
    /// What recovery saw, for reports.
    pub report: RecoveryReport,
}

/// How recovery went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryReport {
    /// Transactions found in the log in total (including those covered by the snapshot).
    pub transactions: u64,
    /// Audit records found in the log in total.
    pub records: u64,
    /// The sequence number of the snapshot used, if any.
    pub snapshot_seq: Option<u64>,
    /// Set when the end of the log was torn or corrupt and was cut off.
    pub truncated: Option<TornTail>,
}

/// A torn or corrupt end of the journal, detected and cut off on open. Only unacknowledged
/// bytes are lost: a transaction is acknowledged only after its frame is complete and synced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TornTail {
    /// Byte offset where the valid log ends.
    pub offset: u64,
    /// Bytes that were cut off.
    pub discarded: u64,
    /// Why the frame at `offset` was rejected.
    pub reason: String,
}
