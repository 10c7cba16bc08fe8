//! The durable journal, the embedded default: the audit log as an append-only file of
//! checksummed frames, one frame per committed transaction, synced before the commit
//! returns; plus an optional snapshot that bounds replay time.
//!
//! File layout in the register's directory (the byte format is in [`super::frame`]):
//! - `journal.log`: a first line naming the journal's id, then one frame per transaction;
//! - `snapshot.bin`: one frame whose payload is `{"offset", "journal", "prefixCrc32",
//!   "snapshot"}`: the journal it belongs to, how many of its bytes it covers and their
//!   CRC-32, written to a temporary file, synced and renamed into place.
//!
//! **One writer.** The journal file is locked (`flock`) while a register has it open, so a
//! second process (or a second open in the same process) is refused instead of writing over
//! the first. [`Journal::open_read_only`] reads without the lock and never writes.
//!
//! **Torn or damaged.** A frame the bytes end inside of, whose present bytes are not its
//! payload, is a write cut short by a crash: it was never acknowledged, and opening cuts it
//! off and reports it. A frame that is complete but fails its checksum or does not hold the
//! next transaction was acknowledged and is now wrong: opening refuses, changes nothing, and
//! [`Journal::repair`] is the explicit way out (it cuts the journal there and keeps the cut
//! bytes in a side file).
//!
//! **A snapshot belongs to its journal.** A snapshot whose journal id, length or prefix
//! checksum does not match `journal.log` (the journal was deleted, cut or replaced) is refused
//! with an error naming both files; a snapshot that is itself damaged is ignored and the
//! journal replayed.

use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::frame::{self, Frame, Head, Stop};
use super::{AuditRecord, Error, Recovery, RecoveryReport, Snapshot, Storage, TornTail};

/// Options of a [`Journal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JournalOptions {
    /// Sync every commit to stable storage before it returns (`fsync`). On by default;
    /// switching it off trades durability for speed and is meant for throw-away sandboxes.
    pub sync: bool,
}

impl Default for JournalOptions {
    fn default() -> Self {
        Self { sync: true }
    }
}

/// The append-only journal in a directory.
#[derive(Debug)]
pub struct Journal {
    dir: PathBuf,
    file: File,
    options: JournalOptions,
    /// The length of the valid log (where the next frame goes).
    end: u64,
    /// The length of the first line (where the frames start).
    first: u64,
    /// The CRC-32 of the bytes up to `end`.
    prefix_crc: u32,
    /// The journal's id (none for a journal of format 1).
    id: Option<String>,
    /// Opened by [`Journal::open_read_only`]: no lock, no writes.
    read_only: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SnapshotFile {
    /// Journal offset just after the last transaction the snapshot includes.
    offset: u64,
    /// The id of the journal the snapshot belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    journal: Option<String>,
    /// The CRC-32 of the journal's first `offset` bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prefix_crc32: Option<u32>,
    snapshot: Snapshot,
}

/// What [`Journal::repair`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    /// Where the journal was cut (its new length); its length when nothing was wrong.
    pub offset: u64,
    /// How many bytes were cut off.
    pub cut: u64,
    /// Why the frame at `offset` was refused.
    pub reason: Option<String>,
    /// The side file holding the cut bytes.
    pub side_file: Option<PathBuf>,
    /// Where a snapshot that no longer matched the journal was moved.
    pub snapshot_set_aside: Option<PathBuf>,
}

fn io(context: &str, path: &Path, e: &std::io::Error) -> Error {
    Error::Storage(format!("{context} {}: {e}", path.display()))
}

fn lock(file: &File, dir: &Path, path: &Path) -> Result<(), Error> {
    // One process at a time: the lock is held as long as the journal is open (the file
    // handle lives in the `Journal`), and the OS drops it when the process ends.
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::Storage(format!(
            "the register in {} is open in another process (its journal.log is locked); \
             open it read-only to inspect it",
            dir.display()
        ))),
        Err(std::fs::TryLockError::Error(e)) => Err(io("cannot lock", path, &e)),
    }
}

impl Journal {
    /// Opens (or creates) the journal in `dir`, locked for this process.
    pub fn open(dir: impl AsRef<Path>, options: JournalOptions) -> Result<Self, Error> {
        let dir = dir.as_ref().to_path_buf();
        if dir.as_os_str().is_empty() {
            return Err(Error::Storage(
                "no directory given for the register's journal".to_owned(),
            ));
        }
        std::fs::create_dir_all(&dir).map_err(|e| io("cannot create", &dir, &e))?;
        let path = dir.join("journal.log");
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| io("cannot open", &path, &e))?;
        lock(&file, &dir, &path)?;
        let len = file
            .metadata()
            .map_err(|e| io("cannot stat", &path, &e))?
            .len();
        let mut journal = Self {
            dir,
            file,
            options,
            end: 0,
            first: 0,
            prefix_crc: 0,
            id: None,
            read_only: false,
        };
        if len == 0 {
            journal.start()?;
        }
        Ok(journal)
    }

    /// Opens the journal in `dir` to read it: no lock (another process may have it open),
    /// nothing created, nothing cut off or written; commits and snapshots are refused.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self, Error> {
        let dir = dir.as_ref().to_path_buf();
        let path = dir.join("journal.log");
        let file = File::open(&path).map_err(|e| io("cannot open", &path, &e))?;
        Ok(Self {
            dir,
            file,
            options: JournalOptions::default(),
            end: 0,
            first: 0,
            prefix_crc: 0,
            id: None,
            read_only: true,
        })
    }

    /// Writes the first line of a new journal, with a new id, over whatever the file holds.
    fn start(&mut self) -> Result<(), Error> {
        let path = self.path();
        let id = uuid::Uuid::new_v4().simple().to_string();
        let line = frame::head_line(&id);
        self.file
            .set_len(0)
            .and_then(|()| self.file.seek(SeekFrom::Start(0)))
            .and_then(|_| self.file.write_all(&line))
            .and_then(|()| self.file.sync_all())
            .map_err(|e| io("cannot write", &path, &e))?;
        sync_dir(&self.dir)?;
        self.end = line.len() as u64;
        self.first = self.end;
        self.prefix_crc = crc32fast::hash(&line);
        self.id = Some(id);
        Ok(())
    }

    /// The journal file.
    pub fn path(&self) -> PathBuf {
        self.dir.join("journal.log")
    }

    /// The journal's id (none for a journal of format 1).
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The length in bytes of the valid log.
    pub fn len(&self) -> u64 {
        self.end
    }

    /// Whether the log holds no transaction.
    pub fn is_empty(&self) -> bool {
        self.end <= self.first
    }

    fn read_all(&self) -> Result<Vec<u8>, Error> {
        let path = self.path();
        let mut bytes = Vec::new();
        let mut f = &self.file;
        f.seek(SeekFrom::Start(0))
            .and_then(|_| f.read_to_end(&mut bytes))
            .map_err(|e| io("cannot read", &path, &e))?;
        Ok(bytes)
    }

    fn read_snapshot(&self) -> Option<SnapshotFile> {
        let bytes = std::fs::read(self.dir.join("snapshot.bin")).ok()?;
        match frame::frame_at(&bytes, 0) {
            Frame::Valid { payload, .. } => serde_json::from_slice(payload).ok(),
            _ => None,
        }
    }

    /// Why the snapshot cannot be used with this journal's `bytes`, if it cannot.
    fn snapshot_mismatch(&self, s: &SnapshotFile, bytes: &[u8], first: usize) -> Option<String> {
        if let (Some(theirs), Some(ours)) = (&s.journal, &self.id) {
            if theirs != ours {
                return Some(format!("it belongs to journal {theirs}, not to {ours}"));
            }
        }
        if s.journal.is_some() && self.id.is_none() {
            return Some("it belongs to a journal with an id, and this one has none".to_owned());
        }
        let offset = usize::try_from(s.offset).unwrap_or(usize::MAX);
        if offset > bytes.len() {
            return Some(format!(
                "it covers {offset} bytes of the journal, which has only {} (cut or replaced)",
                bytes.len()
            ));
        }
        if offset < first {
            return Some(format!(
                "it covers {offset} bytes, fewer than the first line"
            ));
        }
        if let Some(crc) = s.prefix_crc32 {
            if crc32fast::hash(&bytes[..offset]) != crc {
                return Some(format!(
                    "the journal's first {offset} bytes are not the ones it covers (changed or \
                     replaced)"
                ));
            }
        }
        None
    }

    /// Repairs a damaged journal in `dir`, explicitly: cuts it at the first frame that is
    /// not a valid next transaction, keeps the cut bytes in a side file
    /// (`journal.log.cut-at-<offset>`) and moves a snapshot that no longer matches aside
    /// (`snapshot.bin.set-aside-<offset>`). A journal without damage is left as it is.
    pub fn repair(dir: impl AsRef<Path>) -> Result<Repair, Error> {
        let mut journal = Self::open(dir, JournalOptions::default())?;
        let bytes = journal.read_all()?;
        let first = match frame::head(&bytes) {
            Head::V1 { len } | Head::V2 { len, .. } => len,
            Head::CutShort => 0,
            Head::Foreign | Head::Damaged => {
                return Err(Error::Storage(format!(
                    "{} does not start with an intact journal line; nothing was changed",
                    journal.path().display()
                )))
            }
        };
        let (offset, reason) = if first == 0 {
            (0, Some("first line cut short"))
        } else {
            match frame::scan(&bytes, first, 1).stop {
                None => (bytes.len(), None),
                Some(Stop::Torn { at, reason } | Stop::Damaged { at, reason, .. }) => {
                    (at, Some(reason))
                }
            }
        };
        let mut repair = Repair {
            offset: offset as u64,
            cut: (bytes.len() - offset) as u64,
            reason: reason.map(str::to_owned),
            side_file: None,
            snapshot_set_aside: None,
        };
        if offset < bytes.len() {
            let side = free_name(&journal.dir, &format!("journal.log.cut-at-{offset}"));
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&side)
                .map_err(|e| io("cannot create", &side, &e))?;
            f.write_all(&bytes[offset..])
                .and_then(|()| f.sync_all())
                .map_err(|e| io("cannot write", &side, &e))?;
            sync_dir(&journal.dir)?;
            repair.side_file = Some(side);
            if offset == 0 {
                journal.start()?;
            } else {
                let path = journal.path();
                journal
                    .file
                    .set_len(offset as u64)
                    .and_then(|()| journal.file.sync_all())
                    .map_err(|e| io("cannot cut", &path, &e))?;
            }
        }
        let bytes = journal.read_all()?;
        if let Head::V2 { id, .. } = frame::head(&bytes) {
            journal.id = Some(id);
        }
        if let Some(s) = journal.read_snapshot() {
            if journal.snapshot_mismatch(&s, &bytes, first).is_some() {
                let from = journal.dir.join("snapshot.bin");
                let to = free_name(&journal.dir, &format!("snapshot.bin.set-aside-{offset}"));
                std::fs::rename(&from, &to).map_err(|e| io("cannot move", &from, &e))?;
                sync_dir(&journal.dir)?;
                repair.snapshot_set_aside = Some(to);
            }
        }
        Ok(repair)
    }
}

impl Head {
    fn len(&self) -> Option<usize> {
        match self {
            Self::V1 { len } | Self::V2 { len, .. } => Some(*len),
            Self::CutShort | Self::Foreign | Self::Damaged => None,
        }
    }
}

/// `dir/name`, or `dir/name.2`, `.3`, … when taken.
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let mut path = dir.join(name);
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{name}.{n}"));
        n += 1;
    }
    path
}

fn sync_dir(dir: &Path) -> Result<(), Error> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| io("cannot sync", dir, &e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

impl Storage for Journal {
    fn recover(&mut self) -> Result<Recovery, Error> {
        let bytes = self.read_all()?;
        let first = match frame::head(&bytes) {
            Head::V1 { len } => len,
            Head::V2 { id, len } => {
                self.id = Some(id);
                len
            }
            Head::CutShort => {
                // Cut short while the journal was created: it holds no transaction yet.
                let mut recovery = Recovery::default();
                recovery.report.truncated = Some(TornTail {
                    offset: 0,
                    discarded: bytes.len() as u64,
                    reason: "first line cut short".to_owned(),
                });
                if !self.read_only {
                    self.start()?;
                }
                return Ok(recovery);
            }
            Head::Foreign => {
                return Err(Error::Storage(format!(
                    "{} is not a klantinteracties journal",
                    self.path().display()
                )))
            }
            Head::Damaged => {
                return Err(Error::Storage(format!(
                    "{} is damaged in its first line (the journal's id); nothing was changed",
                    self.path().display()
                )))
            }
        };
        let mut recovery = Recovery::default();
        let (mut at, mut expected) = (first, 1);
        // The CRC-32 of the bytes before `at`, when the snapshot's (just checked) gives it.
        let mut crc_before = None;
        if let Some(s) = self.read_snapshot() {
            if let Some(why) = self.snapshot_mismatch(&s, &bytes, first) {
                return Err(Error::Storage(format!(
                    "{} does not belong to {}: {why}; nothing was changed (`klantinteracties \
                     repair` moves the snapshot aside)",
                    self.dir.join("snapshot.bin").display(),
                    self.path().display()
                )));
            }
            if s.snapshot.transaction > 0 {
                at = usize::try_from(s.offset).unwrap_or(usize::MAX);
                crc_before = s.prefix_crc32;
                expected = s.snapshot.transaction + 1;
                recovery.report.transactions = s.snapshot.transaction;
                recovery.report.records = s.snapshot.seq;
                recovery.report.snapshot_seq = Some(s.snapshot.seq);
                recovery.snapshot = Some(s.snapshot);
            }
        }
        let scan = frame::scan(&bytes, at, expected);
        for records in &scan.transactions {
            recovery.report.transactions += 1;
            recovery.report.records += records.len() as u64;
        }
        recovery.transactions = scan.transactions;
        match scan.stop {
            None => {}
            Some(Stop::Damaged { at, reason, next }) => {
                let after = next.map_or_else(String::new, |n| {
                    format!(", and a valid frame follows at byte {n}")
                });
                return Err(Error::Storage(format!(
                    "{} is damaged at byte {at} ({reason}{after}): acknowledged transactions \
                     would be lost; nothing was changed (`klantinteracties repair` cuts the \
                     journal there and keeps the cut bytes in a side file)",
                    self.path().display()
                )));
            }
            Some(Stop::Torn { at, reason }) => {
                if !self.read_only {
                    let path = self.path();
                    self.file
                        .set_len(at as u64)
                        .and_then(|()| self.file.sync_all())
                        .map_err(|e| io("cannot truncate", &path, &e))?;
                }
                recovery.report.truncated = Some(TornTail {
                    offset: at as u64,
                    discarded: (bytes.len() - at) as u64,
                    reason: reason.to_owned(),
                });
            }
        }
        self.first = first as u64;
        self.end = scan.end as u64;
        // Hash each byte once: on from the snapshot's checked prefix where there is one.
        self.prefix_crc = match crc_before {
            Some(crc) => {
                let mut hasher = crc32fast::Hasher::new_with_initial(crc);
                hasher.update(&bytes[at..scan.end]);
                hasher.finalize()
            }
            None => crc32fast::hash(&bytes[..scan.end]),
        };
        Ok(recovery)
    }

    fn commit(&mut self, transaction: &[AuditRecord]) -> Result<(), Error> {
        if self.read_only {
            return Err(Error::Storage(format!(
                "{} is open read-only",
                self.path().display()
            )));
        }
        let payload = serde_json::to_vec(transaction).map_err(|e| {
            Error::Storage(format!(
                "cannot encode transaction: {}",
                crate::rules::serde_reason(&e)
            ))
        })?;
        let frame = frame::encode(&payload);
        let path = self.path();
        let end = self.end;
        let written = self
            .file
            .seek(SeekFrom::Start(end))
            .and_then(|_| self.file.write_all(&frame))
            .and_then(|()| {
                if self.options.sync {
                    self.file.sync_data()
                } else {
                    Ok(())
                }
            });
        if let Err(e) = written {
            // Leave no partial frame behind: the next commit starts at the old end.
            let _ = self.file.set_len(end);
            return Err(io("cannot append to", &path, &e));
        }
        self.end += frame.len() as u64;
        let mut crc = crc32fast::Hasher::new_with_initial(self.prefix_crc);
        crc.update(&frame);
        self.prefix_crc = crc.finalize();
        Ok(())
    }

    fn audit_log(&self) -> Result<Vec<AuditRecord>, Error> {
        let bytes = self.read_all()?;
        let first = frame::head(&bytes).len().ok_or_else(|| {
            Error::Storage(format!("{} has no first line", self.path().display()))
        })?;
        let mut out = Vec::new();
        let mut at = first;
        let end = usize::try_from(self.end)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while at < end {
            match frame::frame_at(&bytes, at) {
                Frame::Valid { payload, next } => {
                    let records: Vec<AuditRecord> =
                        serde_json::from_slice(payload).map_err(|e| {
                            Error::Storage(format!(
                                "damaged journal frame at {at}: {}",
                                crate::rules::serde_reason(&e)
                            ))
                        })?;
                    out.extend(records);
                    at = next;
                }
                _ => return Err(Error::Storage(format!("damaged journal frame at {at}"))),
            }
        }
        Ok(out)
    }

    fn write_snapshot(&mut self, snapshot: &Snapshot) -> Result<(), Error> {
        if self.read_only {
            return Err(Error::Storage(format!(
                "{} is open read-only",
                self.path().display()
            )));
        }
        let file = SnapshotFile {
            offset: self.end,
            journal: self.id.clone(),
            prefix_crc32: Some(self.prefix_crc),
            snapshot: snapshot.clone(),
        };
        let payload = serde_json::to_vec(&file).map_err(|e| {
            Error::Storage(format!(
                "cannot encode snapshot: {}",
                crate::rules::serde_reason(&e)
            ))
        })?;
        let tmp = self.dir.join("snapshot.bin.tmp");
        let path = self.dir.join("snapshot.bin");
        File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(&frame::encode(&payload))?;
                f.sync_all()
            })
            .map_err(|e| io("cannot write", &tmp, &e))?;
        std::fs::rename(&tmp, &path).map_err(|e| io("cannot rename", &path, &e))?;
        sync_dir(&self.dir)
    }

    fn describe(&self) -> String {
        if self.read_only {
            format!("journal {} (read-only)", self.path().display())
        } else {
            format!("journal {}", self.path().display())
        }
    }
}

impl RecoveryReport {
    /// One line for people.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} transacties, {} auditrecords",
            self.transactions, self.records
        );
        if let Some(seq) = self.snapshot_seq {
            let _ = write!(s, ", snapshot t/m record {seq}");
        }
        if let Some(t) = &self.truncated {
            let _ = write!(
                s,
                ", beschadigd einde afgekapt bij byte {} ({} bytes, {})",
                t.offset, t.discarded, t.reason
            );
        }
        s
    }
}
