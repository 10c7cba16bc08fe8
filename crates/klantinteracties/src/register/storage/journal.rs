//! The durable journal, the embedded default: the audit log as an append-only file of
//! checksummed frames, one frame per committed transaction, synced before the commit
//! returns; plus an optional snapshot that bounds replay time.
//!
//! File layout in the register's directory:
//! - `journal.log`: the magic line `KLANTINTERACTIES-JOURNAL 1\n`, then frames
//!   `[payload length: u32 LE][CRC-32 of payload: u32 LE][payload: JSON array of audit
//!   records]`.
//! - `snapshot.bin`: one frame whose payload is `{"offset": …, "snapshot": …}`, written to a
//!   temporary file, synced and renamed into place.
//!
//! The journal file is locked (`flock`) while a register has it open, so a second process (or
//! a second open in the same process) is refused instead of writing over the first.
//!
//! On open, a frame that is cut short or fails its checksum is a torn tail when no valid frame
//! follows it: it is cut off and reported. If a valid frame does follow, the damage is in the
//! middle of acknowledged data, and opening fails rather than drop acknowledged transactions.

use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{AuditRecord, Error, Recovery, RecoveryReport, Snapshot, Storage, TornTail};

const MAGIC: &[u8] = b"KLANTINTERACTIES-JOURNAL 1\n";
const HEADER: usize = 8;
/// A frame larger than this is taken as a damaged length field.
const MAX_FRAME: usize = 1 << 30;

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
}

#[derive(Serialize, Deserialize)]
struct SnapshotFile {
    /// Journal offset just after the last transaction the snapshot includes.
    offset: u64,
    snapshot: Snapshot,
}

fn io(context: &str, path: &Path, e: &std::io::Error) -> Error {
    Error::Storage(format!("{context} {}: {e}", path.display()))
}

impl Journal {
    /// Opens (or creates) the journal in `dir`.
    pub fn open(dir: impl AsRef<Path>, options: JournalOptions) -> Result<Self, Error> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir).map_err(|e| io("cannot create", &dir, &e))?;
        let path = dir.join("journal.log");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| io("cannot open", &path, &e))?;
        // One process at a time: the lock is held as long as the journal is open (the file
        // handle lives in the `Journal`), and the OS drops it when the process ends.
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(Error::Storage(format!(
                    "the register in {} is open in another process (its journal.log is locked)",
                    dir.display()
                )))
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io("cannot lock", &path, &e)),
        }
        let len = file
            .metadata()
            .map_err(|e| io("cannot stat", &path, &e))?
            .len();
        if len == 0 {
            file.write_all(MAGIC)
                .and_then(|()| file.sync_all())
                .map_err(|e| io("cannot write", &path, &e))?;
            sync_dir(&dir)?;
        }
        Ok(Self {
            dir,
            file,
            options,
            end: MAGIC.len() as u64,
        })
    }

    /// The journal file.
    pub fn path(&self) -> PathBuf {
        self.dir.join("journal.log")
    }

    /// The length in bytes of the valid log.
    pub fn len(&self) -> u64 {
        self.end
    }

    /// Whether the log holds no transaction.
    pub fn is_empty(&self) -> bool {
        self.end <= MAGIC.len() as u64
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
        match frame_at(&bytes, 0) {
            Frame::Valid { payload, .. } => serde_json::from_slice(payload).ok(),
            _ => None,
        }
    }
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

enum Frame<'a> {
    /// A complete frame with a matching checksum.
    Valid { payload: &'a [u8], next: usize },
    /// The bytes end inside the frame.
    Short,
    /// The frame is complete but its checksum (or length) is wrong.
    Bad(&'static str),
}

fn frame_at(bytes: &[u8], at: usize) -> Frame<'_> {
    let Some(header) = bytes.get(at..at + HEADER) else {
        return Frame::Short;
    };
    let len = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
    let crc = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
    if len > MAX_FRAME {
        return Frame::Bad("frame length out of range");
    }
    let Some(payload) = bytes.get(at + HEADER..at + HEADER + len) else {
        return Frame::Short;
    };
    if crc32fast::hash(payload) != crc {
        return Frame::Bad("checksum mismatch");
    }
    Frame::Valid {
        payload,
        next: at + HEADER + len,
    }
}

fn encode(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(
        &u32::try_from(payload.len())
            .unwrap_or(u32::MAX)
            .to_le_bytes(),
    );
    out.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Parses a frame's payload as the next transaction.
fn transaction(payload: &[u8], expected: u64) -> Result<Vec<AuditRecord>, &'static str> {
    let records: Vec<AuditRecord> =
        serde_json::from_slice(payload).map_err(|_| "payload is not a transaction")?;
    if records.is_empty() || records.iter().any(|r| r.transaction != expected) {
        return Err("transaction out of sequence");
    }
    Ok(records)
}

/// Whether any valid frame starts after `from` (then damage at `from` is not a torn tail).
fn valid_frame_after(bytes: &[u8], from: usize) -> Option<usize> {
    (from + 1..bytes.len().saturating_sub(HEADER)).find(|&at| match frame_at(bytes, at) {
        Frame::Valid { payload, .. } => {
            serde_json::from_slice::<Vec<AuditRecord>>(payload).is_ok_and(|r| !r.is_empty())
        }
        _ => false,
    })
}

impl Storage for Journal {
    fn recover(&mut self) -> Result<Recovery, Error> {
        let bytes = self.read_all()?;
        if bytes.len() < MAGIC.len() && MAGIC.starts_with(&bytes) {
            // Cut short while `open` wrote the magic line: it holds no transaction yet.
            let path = self.path();
            self.file
                .set_len(0)
                .and_then(|()| self.file.seek(SeekFrom::Start(0)))
                .and_then(|_| self.file.write_all(MAGIC))
                .and_then(|()| self.file.sync_all())
                .map_err(|e| io("cannot rewrite", &path, &e))?;
            self.end = MAGIC.len() as u64;
            let mut recovery = Recovery::default();
            recovery.report.truncated = Some(TornTail {
                offset: 0,
                discarded: bytes.len() as u64,
                reason: "magic line cut short".to_owned(),
            });
            return Ok(recovery);
        }
        if !bytes.starts_with(MAGIC) {
            return Err(Error::Storage(format!(
                "{} is not a klantinteracties journal",
                self.path().display()
            )));
        }
        let snapshot = self.read_snapshot();
        let mut recovery = Recovery::default();
        let mut at = MAGIC.len();
        let mut expected = 1;
        let (start, skip_until) = snapshot
            .as_ref()
            .and_then(|s| {
                let offset = usize::try_from(s.offset).ok()?;
                (offset <= bytes.len()).then_some((offset, s.snapshot.transaction))
            })
            .unwrap_or((MAGIC.len(), 0));
        if skip_until > 0 {
            at = start;
            expected = skip_until + 1;
            recovery.report.transactions = skip_until;
            recovery.report.records = snapshot.as_ref().map_or(0, |s| s.snapshot.seq);
            recovery.report.snapshot_seq = snapshot.as_ref().map(|s| s.snapshot.seq);
            recovery.snapshot = snapshot.map(|s| s.snapshot);
        }
        let mut torn = None;
        while at < bytes.len() {
            let problem = match frame_at(&bytes, at) {
                Frame::Valid { payload, next } => match transaction(payload, expected) {
                    Ok(records) => {
                        recovery.report.transactions += 1;
                        recovery.report.records += records.len() as u64;
                        recovery.transactions.push(records);
                        expected += 1;
                        at = next;
                        continue;
                    }
                    Err(why) => why,
                },
                Frame::Short => "frame cut short",
                Frame::Bad(why) => why,
            };
            if let Some(next) = valid_frame_after(&bytes, at) {
                return Err(Error::Storage(format!(
                    "{} is damaged at byte {at} ({problem}) but a valid frame follows at byte \
                     {next}; refusing to cut off acknowledged transactions",
                    self.path().display()
                )));
            }
            torn = Some(TornTail {
                offset: at as u64,
                discarded: (bytes.len() - at) as u64,
                reason: problem.to_owned(),
            });
            break;
        }
        if let Some(t) = &torn {
            let path = self.path();
            self.file
                .set_len(t.offset)
                .and_then(|()| self.file.sync_all())
                .map_err(|e| io("cannot truncate", &path, &e))?;
        }
        recovery.report.truncated = torn;
        self.end = at as u64;
        Ok(recovery)
    }

    fn commit(&mut self, transaction: &[AuditRecord]) -> Result<(), Error> {
        let payload = serde_json::to_vec(transaction)
            .map_err(|e| Error::Storage(format!("cannot encode transaction: {e}")))?;
        let frame = encode(&payload);
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
        Ok(())
    }

    fn audit_log(&self) -> Result<Vec<AuditRecord>, Error> {
        let bytes = self.read_all()?;
        let mut out = Vec::new();
        let mut at = MAGIC.len();
        let end = usize::try_from(self.end)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while at < end {
            match frame_at(&bytes, at) {
                Frame::Valid { payload, next } => {
                    let records: Vec<AuditRecord> = serde_json::from_slice(payload)
                        .map_err(|e| Error::Storage(format!("damaged journal frame: {e}")))?;
                    out.extend(records);
                    at = next;
                }
                _ => return Err(Error::Storage(format!("damaged journal frame at {at}"))),
            }
        }
        Ok(out)
    }

    fn write_snapshot(&mut self, snapshot: &Snapshot) -> Result<(), Error> {
        let file = SnapshotFile {
            offset: self.end,
            snapshot: snapshot.clone(),
        };
        let payload = serde_json::to_vec(&file)
            .map_err(|e| Error::Storage(format!("cannot encode snapshot: {e}")))?;
        let tmp = self.dir.join("snapshot.bin.tmp");
        let path = self.dir.join("snapshot.bin");
        File::create(&tmp)
            .and_then(|mut f| {
                f.write_all(&encode(&payload))?;
                f.sync_all()
            })
            .map_err(|e| io("cannot write", &tmp, &e))?;
        std::fs::rename(&tmp, &path).map_err(|e| io("cannot rename", &path, &e))?;
        sync_dir(&self.dir)
    }

    fn describe(&self) -> String {
        format!("journal {}", self.path().display())
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
