//! The journal's byte format: its first line, its frames, and a scan that tells a torn end
//! (a write cut short by a crash: unacknowledged) from damage (bytes that were complete and
//! synced, so acknowledged, and are now wrong).
//!
//! - first line: `KLANTINTERACTIES-JOURNAL 2 <journal id, 32 hex digits> <CRC-32 of the id, 8
//!   hex digits>\n` (a journal of format 1, `KLANTINTERACTIES-JOURNAL 1\n`, has no id and is
//!   still read);
//! - frames: `[payload length: u32 LE][CRC-32 of payload: u32 LE][payload]`, the payload a
//!   JSON array of the audit records of one transaction.

use super::AuditRecord;

pub(super) const MAGIC_V1: &[u8] = b"KLANTINTERACTIES-JOURNAL 1\n";
pub(super) const MAGIC_V2: &[u8] = b"KLANTINTERACTIES-JOURNAL 2 ";
/// The length of a format-2 first line.
pub(super) const HEAD_V2: usize = MAGIC_V2.len() + 32 + 1 + 8 + 1;
pub(super) const HEADER: usize = 8;
/// A frame larger than this is taken as a damaged length field.
const MAX_FRAME: usize = 1 << 30;

/// What a journal's first line says.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Head {
    /// Format 1, without id; the frames start at `len`.
    V1 { len: usize },
    /// Format 2 with its id.
    V2 { id: String, len: usize },
    /// The bytes end inside the first line (a crash while the journal was created).
    CutShort,
    /// A first line of format 2 whose checksum does not match.
    Damaged,
    /// Not a journal.
    Foreign,
}

/// The first line of a new journal with id `id` (32 hex digits).
pub(super) fn head_line(id: &str) -> Vec<u8> {
    format!(
        "KLANTINTERACTIES-JOURNAL 2 {id} {:08x}\n",
        crc32fast::hash(id.as_bytes())
    )
    .into_bytes()
}

/// Whether `b` may stand at position `i` of a format-2 first line (after the magic).
fn fits_v2(i: usize, b: u8) -> bool {
    let hex = b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    match i.checked_sub(MAGIC_V2.len()) {
        None => MAGIC_V2[i] == b,
        Some(32) => b == b' ',
        Some(41) => b == b'\n',
        Some(_) => hex,
    }
}

pub(super) fn head(bytes: &[u8]) -> Head {
    if bytes.starts_with(MAGIC_V1) {
        return Head::V1 {
            len: MAGIC_V1.len(),
        };
    }
    let shape = bytes
        .iter()
        .take(HEAD_V2)
        .enumerate()
        .all(|(i, b)| fits_v2(i, *b));
    if bytes.len() >= HEAD_V2 {
        if !shape {
            return if bytes.starts_with(MAGIC_V2) {
                Head::Damaged
            } else {
                Head::Foreign
            };
        }
        let id = String::from_utf8_lossy(&bytes[MAGIC_V2.len()..MAGIC_V2.len() + 32]).into_owned();
        let crc = &bytes[MAGIC_V2.len() + 33..HEAD_V2 - 1];
        return if format!("{:08x}", crc32fast::hash(id.as_bytes())).as_bytes() == crc {
            Head::V2 { id, len: HEAD_V2 }
        } else {
            Head::Damaged
        };
    }
    if MAGIC_V1.starts_with(bytes) || shape {
        Head::CutShort
    } else {
        Head::Foreign
    }
}

pub(super) enum Frame<'a> {
    /// A complete frame with a matching checksum.
    Valid { payload: &'a [u8], next: usize },
    /// The bytes end inside the frame.
    Short,
    /// The frame is complete but its checksum (or length) is wrong.
    Bad(&'static str),
}

pub(super) fn frame_at(bytes: &[u8], at: usize) -> Frame<'_> {
    let Some(header) = bytes.get(at..at.saturating_add(HEADER)) else {
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

pub(super) fn encode(payload: &[u8]) -> Vec<u8> {
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
    if let Some(why) = records.iter().find_map(AuditRecord::inconsistency) {
        return Err(why);
    }
    Ok(records)
}

/// Whether any valid frame starts after `from`.
fn valid_frame_after(bytes: &[u8], from: usize) -> Option<usize> {
    (from + 1..bytes.len().saturating_sub(HEADER)).find(|&at| match frame_at(bytes, at) {
        Frame::Valid { payload, .. } => {
            serde_json::from_slice::<Vec<AuditRecord>>(payload).is_ok_and(|r| !r.is_empty())
        }
        _ => false,
    })
}

/// Why the frames stop before the end of the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Stop {
    /// A write cut short by a crash: the bytes from `at` were never acknowledged (the frame
    /// is incomplete and what is there is not its payload, or the rest is zeros).
    Torn { at: usize, reason: &'static str },
    /// Acknowledged bytes are wrong: a complete frame fails its checksum or does not hold
    /// the next transaction, a length field points past a payload that is complete, or a
    /// valid frame follows (`next`).
    Damaged {
        at: usize,
        reason: &'static str,
        next: Option<usize>,
    },
}

/// What a scan of the frames found.
pub(super) struct Scan {
    /// The transactions, in order.
    pub transactions: Vec<Vec<AuditRecord>>,
    /// Where the valid frames end.
    pub end: usize,
    /// Why the scan stopped before the end of the bytes, if it did.
    pub stop: Option<Stop>,
}

/// Reads the frames from `at`, expecting transaction number `expected` first.
pub(super) fn scan(bytes: &[u8], mut at: usize, mut expected: u64) -> Scan {
    let mut transactions = Vec::new();
    while at < bytes.len() {
        let (reason, complete) = match frame_at(bytes, at) {
            Frame::Valid { payload, next } => match transaction(payload, expected) {
                Ok(records) => {
                    transactions.push(records);
                    expected += 1;
                    at = next;
                    continue;
                }
                Err(why) => (why, true),
            },
            Frame::Short => ("frame cut short", payload_is_complete(bytes, at)),
            Frame::Bad(why) => (why, true),
        };
        let stop = if let Some(next) = valid_frame_after(bytes, at) {
            Stop::Damaged {
                at,
                reason,
                next: Some(next),
            }
        } else if bytes[at..].iter().all(|b| *b == 0) {
            Stop::Torn {
                at,
                reason: "zeros where a frame should start (space the crash left unwritten)",
            }
        } else if complete {
            Stop::Damaged {
                at,
                reason,
                next: None,
            }
        } else {
            Stop::Torn { at, reason }
        };
        return Scan {
            transactions,
            end: at,
            stop: Some(stop),
        };
    }
    Scan {
        transactions,
        end: at,
        stop: None,
    }
}

/// For a frame that runs past the end: whether the bytes after its header are a complete
/// payload with its checksum (then its length field was damaged, not its write cut short).
fn payload_is_complete(bytes: &[u8], at: usize) -> bool {
    let Some(header) = bytes.get(at..at + HEADER) else {
        return false;
    };
    let crc = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
    let rest = &bytes[at + HEADER..];
    !rest.is_empty() && crc32fast::hash(rest) == crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads() {
        let id = "0123456789abcdef0123456789abcdef";
        let line = head_line(id);
        assert_eq!(
            head(&line),
            Head::V2 {
                id: id.to_owned(),
                len: HEAD_V2
            }
        );
        assert_eq!(head(MAGIC_V1), Head::V1 { len: 27 });
        for cut in 0..line.len() {
            assert_eq!(head(&line[..cut]), Head::CutShort, "cut at {cut}");
        }
        assert_eq!(head(b"{\"not\": \"a journal\"}"), Head::Foreign);
        for at in MAGIC_V2.len()..line.len() {
            for bit in 0..8 {
                let mut other = line.clone();
                other[at] ^= 1 << bit;
                assert_eq!(head(&other), Head::Damaged, "byte {at} bit {bit}");
            }
        }
    }

    #[test]
    fn a_cut_frame_is_torn_and_a_lengthened_complete_one_damaged() {
        let frame = encode(b"[1,2,3]");
        // Cut short: torn.
        let s = scan(&frame[..frame.len() - 2], 0, 1);
        assert!(matches!(s.stop, Some(Stop::Torn { at: 0, .. })));
        // Its length field says more than is there, but the payload is complete: damage.
        let mut longer = frame.clone();
        longer[0] += 1;
        let s = scan(&longer, 0, 1);
        assert!(matches!(s.stop, Some(Stop::Damaged { at: 0, .. })));
        // Zeros: torn.
        let s = scan(&[0; 12], 0, 1);
        assert!(matches!(s.stop, Some(Stop::Torn { .. })));
    }
}
