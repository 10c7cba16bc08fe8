//! The register: every F-function of the standard over an embedded store, with the
//! cross-object invariants, atomic calls and transactions, indexed search, the audit log
//! (B8694) and a durable journal (architecture §7).
//!
//! ```
//! use klantinteracties::register::Register;
//! use serde_json::json;
//!
//! let register = Register::in_memory();
//! let partij = register
//!     .registreer_partij(json!({
//!         "soortPartij": "persoon",
//!         "indicatieActief": true,
//!         "partijIdentificatie": {"contactnaam": {"voornaam": "Jan", "achternaam": "Jansen"}},
//!         "partijIdentificatoren": [{"partijIdentificator": {
//!             "codeObjecttype": "natuurlijk_persoon", "codeSoortObjectId": "bsn",
//!             "objectId": "296648875", "codeRegister": "brp"}}]
//!     }))
//!     .unwrap();
//! let gevonden = register
//!     .zoek_partij(&klantinteracties::register::Zoekvraag::new()
//!         .filter("partijIdentificator__objectId", "296648875"))
//!     .unwrap();
//! assert_eq!(gevonden.results[0].uuid(), partij.uuid());
//! ```

pub mod audit;
mod body;
mod clock;
mod collecties;
mod collection;
pub(crate) mod error;
pub mod functies;
mod index;
mod lezen;
mod record;
pub mod regels;
pub mod request;
mod state;
pub mod storage;
mod tabel;
mod table;
mod transactie;
mod zoeken;

mod actor;
mod actor_klantcontact;
mod betrokkene;
mod bijlage;
mod categorie;
mod categorie_relatie;
mod digitaal_adres;
mod interne_taak;
mod invarianten;
mod klantcontact;
mod onderwerpobject;
pub mod parameters;
mod partij;
mod partij_identificator;
mod rekeningnummer;
mod schrijven;
mod vertegenwoordiging;

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::{PoisonError, RwLock};

use uuid::Uuid;

pub use audit::{Action, AuditRecord};
pub use body::IntoBody;
pub use clock::{Clock, IdSource, RandomIds, SeededIds, SteppingClock, SystemClock};
pub use collecties::AnyRecord;
pub use collecties::{FUNCTIES, OPERATIES};
pub use error::Error;
pub use functies::{functie, Functie};
pub(crate) use klantcontact::Plaatsen;
pub use klantcontact::{KlantcontactRegistratie, Klantcontactdossier};
pub use lezen::Lezer;
pub use onderwerpobject::VerwijderResultaat;
pub use record::InterneTaakRecord;
pub use request::{Method, Operatie, Request};
pub use storage::{
    Journal, JournalOptions, Memory, Recovery, RecoveryReport, Repair, Snapshot, SnapshotObject,
    Storage, TornTail,
};
pub use transactie::Transactie;
pub use zoeken::Kind as ParameterKind;
pub use zoeken::{Page, Zoekvraag, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};

use crate::progress::Progress;
use crate::rules::{Profile, Violation};
use crate::Resource;
use state::State;

/// The default base URL of the `url` fields (Open Klant's development address).
pub const DEFAULT_BASE_URL: &str = "http://localhost:8000/klantinteracties/api/v1";

/// The identity recorded in the audit log when the caller gives none.
pub const DEFAULT_WHO: &str = "klantinteracties";

/// What the register was configured with.
#[derive(Debug)]
pub(crate) struct Context {
    pub(crate) profile: Profile,
    pub(crate) clock: Box<dyn Clock>,
    pub(crate) ids: Box<dyn IdSource>,
    pub(crate) base_url: String,
    pub(crate) who: String,
}

#[derive(Debug)]
struct Inner {
    state: State,
    storage: Box<dyn Storage>,
    seq: u64,
    transaction: u64,
    recovery: RecoveryReport,
}

/// The register. `Send + Sync`: reads run in parallel, writes are serialized.
pub struct Register {
    ctx: Context,
    inner: RwLock<Inner>,
}

/// The configuration and the size, never the contents (they hold personal data); without
/// waiting for the lock, so a `{:?}` inside a transaction cannot deadlock.
impl std::fmt::Debug for Register {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("Register");
        d.field("profile", &self.ctx.profile)
            .field("base_url", &self.ctx.base_url);
        match self.inner.try_read() {
            Ok(inner) => d
                .field(
                    "objects",
                    &inner.state.t.counts().iter().map(|(_, n)| n).sum::<usize>(),
                )
                .field("seq", &inner.seq)
                .field("storage", &inner.storage.describe()),
            Err(_) => d.field("state", &"<locked>"),
        };
        d.finish_non_exhaustive()
    }
}

/// Configures a [`Register`].
#[derive(Debug)]
pub struct RegisterBuilder {
    profile: Profile,
    clock: Box<dyn Clock>,
    ids: Box<dyn IdSource>,
    base_url: String,
    who: String,
    journal: JournalOptions,
    progress: Progress,
}

impl Default for RegisterBuilder {
    fn default() -> Self {
        Self {
            profile: Profile::Standaard,
            clock: Box::new(SystemClock),
            ids: Box::new(RandomIds),
            base_url: DEFAULT_BASE_URL.to_owned(),
            who: DEFAULT_WHO.to_owned(),
            journal: JournalOptions::default(),
            progress: Progress::none(),
        }
    }
}

impl RegisterBuilder {
    /// The rule set (default: standaard).
    #[must_use]
    pub fn profile(mut self, profile: Profile) -> Self {
        self.profile = profile;
        self
    }

    /// The clock (default: the system clock).
    #[must_use]
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// The id source (default: random UUIDv4).
    #[must_use]
    pub fn ids(mut self, ids: impl IdSource + 'static) -> Self {
        self.ids = Box::new(ids);
        self
    }

    /// The base URL of `url` fields.
    #[must_use]
    pub fn base_url(mut self, base_url: &str) -> Self {
        base_url
            .trim_end_matches('/')
            .clone_into(&mut self.base_url);
        self
    }

    /// The identity recorded for calls that do not name one.
    #[must_use]
    pub fn who(mut self, who: &str) -> Self {
        who.clone_into(&mut self.who);
        self
    }

    /// Options of the journal used by [`RegisterBuilder::open`].
    #[must_use]
    pub fn journal(mut self, options: JournalOptions) -> Self {
        self.journal = options;
        self
    }

    /// Where replaying the journal on open reports its progress (stage `herstel`, in
    /// transactions); default: nowhere.
    #[must_use]
    pub fn progress(mut self, progress: Progress) -> Self {
        self.progress = progress;
        self
    }

    /// A register whose audit log lives in memory.
    pub fn in_memory(self) -> Register {
        self.with_storage(Box::new(Memory::default()))
            .unwrap_or_else(|_| unreachable!("memory storage recovers nothing"))
    }

    /// A register persisted in a journal in `dir` (created if needed), recovered on open.
    pub fn open(self, dir: impl AsRef<Path>) -> Result<Register, Error> {
        let journal = Journal::open(dir, self.journal)?;
        self.with_storage(Box::new(journal))
    }

    /// A register read from the journal in `dir` to inspect it: without its lock (another
    /// process may have it open), creating, cutting off or writing nothing. Every write is
    /// refused (and changes nothing); a torn end is reported, not cut off.
    pub fn open_read_only(self, dir: impl AsRef<Path>) -> Result<Register, Error> {
        let journal = Journal::open_read_only(dir)?;
        self.with_storage(Box::new(journal))
    }

    /// A register over any storage backend, recovered from it.
    pub fn with_storage(self, mut storage: Box<dyn Storage>) -> Result<Register, Error> {
        let recovery = storage.recover()?;
        let ctx = Context {
            profile: self.profile,
            clock: self.clock,
            ids: self.ids,
            base_url: self.base_url,
            who: self.who,
        };
        let mut state = State::default();
        let (mut seq, mut transaction) = (0, 0);
        if let Some(snapshot) = recovery.snapshot {
            for o in snapshot.objects {
                state.apply(o.record.resource(), o.id, Some(o.record), None);
            }
            seq = snapshot.seq;
            transaction = snapshot.transaction;
        }
        for records in &recovery.transactions {
            check_records(records)?;
        }
        let total = recovery.transactions.len() as u64;
        for (done, records) in (1_u64..).zip(recovery.transactions) {
            if done % crate::progress::EVERY == 0 || done == total {
                self.progress.report("herstel", done, total);
            }
            for r in records {
                state.apply(r.resource, r.id, r.after, None);
                seq = r.seq;
                transaction = r.transaction;
            }
        }
        Ok(Register {
            ctx,
            inner: RwLock::new(Inner {
                state,
                storage,
                seq,
                transaction,
                recovery: recovery.report,
            }),
        })
    }
}

/// Refuses audit records the register could not have written.
fn check_records(records: &[AuditRecord]) -> Result<(), Error> {
    match records
        .iter()
        .find_map(|r| r.inconsistency().map(|why| (r.seq, why)))
    {
        Some((seq, why)) => Err(Error::Storage(format!(
            "audit record {seq} cannot be replayed: {why}"
        ))),
        None => Ok(()),
    }
}

impl Register {
    /// A configurable register.
    pub fn builder() -> RegisterBuilder {
        RegisterBuilder::default()
    }

    /// A register in memory with the defaults (standaard profile, system clock, random ids).
    pub fn in_memory() -> Self {
        Self::builder().in_memory()
    }

    /// A register persisted in `dir` with the defaults.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, Error> {
        Self::builder().open(dir)
    }

    /// Rebuilds a register in memory from an audit log (replay, B8694). A record the
    /// register could not have written ([`AuditRecord::inconsistency`]) is refused, naming
    /// its sequence number.
    pub fn from_audit_log(
        records: &[AuditRecord],
        builder: RegisterBuilder,
    ) -> Result<Self, Error> {
        check_records(records)?;
        let register = builder.in_memory();
        {
            let mut inner = register.write_lock();
            for r in records {
                inner.state.apply(r.resource, r.id, r.after.clone(), None);
                inner.seq = r.seq;
                inner.transaction = r.transaction;
            }
            inner.storage.commit(records)?;
        }
        Ok(register)
    }

    /// The profile the register enforces.
    pub fn profile(&self) -> Profile {
        self.ctx.profile
    }

    fn write_lock(&self) -> std::sync::RwLockWriteGuard<'_, Inner> {
        self.inner.write().unwrap_or_else(PoisonError::into_inner)
    }

    fn read_lock(&self) -> std::sync::RwLockReadGuard<'_, Inner> {
        self.inner.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` as one transaction recorded under the register's default identity: all of its
    /// writes are committed together, or, when `f` returns an error (or panics), none.
    pub fn transactie<T>(
        &self,
        f: impl FnOnce(&mut Transactie<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.transactie_als(&self.ctx.who, f)
    }

    /// [`Register::transactie`], recorded in the audit log as made by `who` (an application
    /// or an actor).
    pub fn transactie_als<T>(
        &self,
        who: &str,
        f: impl FnOnce(&mut Transactie<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.transactie_met(who, f)
    }

    /// [`Register::transactie_als`] with the caller's own error type `E`: any `Err` that `f`
    /// returns rolls the transaction back and is returned as it is, so a caller can end a
    /// transaction on purpose (a rollback asked for) without dressing it up as a register
    /// error; the register's own failures (a rule of the whole transaction, storage) arrive
    /// as `E::from(Error)`.
    pub fn transactie_met<T, E: From<Error>>(
        &self,
        who: &str,
        f: impl FnOnce(&mut Transactie<'_>) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut guard = self.write_lock();
        let inner = &mut *guard;
        let mut tx = Transactie::new(&mut inner.state, &self.ctx, who);
        let outcome = catch_unwind(AssertUnwindSafe(|| f(&mut tx)));
        let value = match outcome {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => {
                tx.rollback_to(0);
                return Err(e);
            }
            Err(panic) => {
                tx.rollback_to(0);
                drop(guard);
                resume_unwind(panic);
            }
        };
        if tx.writes.is_empty() {
            return Ok(value);
        }
        if let Err(e) = tx.controleer_nieuwe_klantcontacten() {
            tx.rollback_to(0);
            return Err(e.into());
        }
        let records = tx.audit_records(inner.seq + 1, inner.transaction + 1);
        if let Err(e) = inner.storage.commit(&records) {
            tx.rollback_to(0);
            return Err(e.into());
        }
        inner.seq += records.len() as u64;
        inner.transaction += 1;
        Ok(value)
    }

    /// Runs `f` with a read-only view (under the read lock; reads run in parallel).
    pub fn lees<T>(&self, f: impl FnOnce(&Lezer<'_>) -> T) -> T {
        let guard = self.read_lock();
        let lezer = Lezer {
            state: &guard.state,
            ctx: &self.ctx,
        };
        f(&lezer)
    }

    /// The whole audit log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditRecord>, Error> {
        self.read_lock().storage.audit_log()
    }

    /// The audit records of one object, oldest first.
    pub fn audit_log_van(&self, id: Uuid) -> Result<Vec<AuditRecord>, Error> {
        Ok(self
            .audit_log()?
            .into_iter()
            .filter(|r| r.id == id)
            .collect())
    }

    /// Every object, per resource oldest first: two registers with equal contents are equal.
    pub fn inhoud(&self) -> Vec<(Uuid, AnyRecord)> {
        self.read_lock().state.t.all()
    }

    /// Number of objects per resource.
    pub fn aantallen(&self) -> Vec<(Resource, usize)> {
        self.read_lock().state.t.counts()
    }

    /// The number of audit records and transactions committed.
    pub fn lengte(&self) -> (u64, u64) {
        let inner = self.read_lock();
        (inner.seq, inner.transaction)
    }

    /// What recovery found when the register was opened.
    pub fn herstelrapport(&self) -> RecoveryReport {
        self.read_lock().recovery.clone()
    }

    /// Where the register stores its log.
    pub fn opslag(&self) -> String {
        self.read_lock().storage.describe()
    }

    /// Writes a snapshot of the whole state, so that the next open replays only what follows.
    pub fn snapshot(&self) -> Result<(), Error> {
        let mut guard = self.write_lock();
        let inner = &mut *guard;
        let snapshot = Snapshot {
            seq: inner.seq,
            transaction: inner.transaction,
            objects: inner
                .state
                .t
                .all()
                .into_iter()
                .map(|(id, record)| SnapshotObject { id, record })
                .collect(),
        };
        inner.storage.write_snapshot(&snapshot)
    }

    /// Checks every cross-object invariant over the whole register; empty when all hold.
    pub fn controleer_invarianten(&self) -> Vec<Violation> {
        let guard = self.read_lock();
        invarianten::check(&Lezer {
            state: &guard.state,
            ctx: &self.ctx,
        })
    }
}
