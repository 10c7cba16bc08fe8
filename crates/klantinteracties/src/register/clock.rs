//! Injected time and id sources, so that tests, snapshots and conformance runs are
//! deterministic (architecture §7).

use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// Where the register gets the current time: `toegewezenOp`, `afgehandeldOp`, a missing
/// `plaatsgevondenOp` and the audit log's time stamps.
pub trait Clock: Send + Sync + Debug {
    /// The current moment.
    fn now(&self) -> DateTime<Utc>;
}

/// Where the register gets new ids (UUIDv4 unless a caller supplies one).
pub trait IdSource: Send + Sync + Debug {
    /// A new, unused id.
    fn new_id(&self) -> Uuid;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that starts at a fixed moment and advances by a fixed step on every reading.
#[derive(Debug)]
pub struct SteppingClock {
    next: Mutex<DateTime<Utc>>,
    step: Duration,
}

impl SteppingClock {
    /// Starts at `start`, advancing `step` per reading.
    pub fn new(start: DateTime<Utc>, step: Duration) -> Self {
        Self {
            next: Mutex::new(start),
            step,
        }
    }
}

impl Clock for SteppingClock {
    fn now(&self) -> DateTime<Utc> {
        let mut next = self
            .next
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let now = *next;
        *next = now + self.step;
        now
    }
}

/// Random UUIDv4 ids.
#[derive(Debug, Clone, Copy, Default)]
pub struct RandomIds;

impl IdSource for RandomIds {
    fn new_id(&self) -> Uuid {
        Uuid::new_v4()
    }
}

/// Deterministic UUIDv4-shaped ids from a seed and a counter (splitmix64), for tests,
/// snapshots and synthetic data.
#[derive(Debug)]
pub struct SeededIds {
    seed: u64,
    counter: AtomicU64,
}

impl SeededIds {
    /// Ids derived from `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            counter: AtomicU64::new(0),
        }
    }
}

fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl IdSource for SeededIds {
    fn new_id(&self) -> Uuid {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let hi = splitmix64(self.seed ^ n.wrapping_mul(2));
        let lo = splitmix64(self.seed ^ n.wrapping_mul(2).wrapping_add(1));
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&hi.to_be_bytes());
        bytes[8..].copy_from_slice(&lo.to_be_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_ids_are_repeatable_v4_and_distinct() {
        let a = SeededIds::new(7);
        let b = SeededIds::new(7);
        let xs: Vec<Uuid> = (0..100).map(|_| a.new_id()).collect();
        let ys: Vec<Uuid> = (0..100).map(|_| b.new_id()).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|u| u.get_version_num() == 4));
        let set: std::collections::HashSet<_> = xs.iter().collect();
        assert_eq!(set.len(), 100);
    }

    #[test]
    fn stepping_clock_advances() {
        let start = DateTime::parse_from_rfc3339("2024-01-01T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let c = SteppingClock::new(start, Duration::seconds(1));
        assert_eq!(c.now(), start);
        assert_eq!(c.now(), start + Duration::seconds(1));
    }
}
