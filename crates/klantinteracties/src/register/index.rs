//! Secondary indexes: exact-match look-ups never scan a table. The ids under a key are kept
//! in the order their objects were created (their table sequence number), so that a list a
//! resource presents (a partij's `digitaleAdressen`) does not depend on the history of
//! changes, refused calls or recovery, only on the contents.

use std::hash::Hash;

use rustc_hash::FxHashMap;
use uuid::Uuid;

/// Whether a record's keys are being added to or removed from the indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    /// Adds the keys of the object with this creation sequence number.
    Add(u64),
    Remove,
}

/// The ids under one key, in creation order, with their sequence numbers.
#[derive(Debug, Default)]
struct Ids {
    seqs: Vec<u64>,
    ids: Vec<Uuid>,
}

/// A key → ids index. Most keys have one or a few ids, kept in creation order. Its Debug
/// shows how many keys it holds, not the keys: they are values of the objects (a BSN, an
/// e-mail address).
pub(crate) struct MultiIndex<K> {
    map: FxHashMap<K, Ids>,
}

impl<K> std::fmt::Debug for MultiIndex<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MultiIndex")
            .field("keys", &self.map.len())
            .finish_non_exhaustive()
    }
}

impl<K> Default for MultiIndex<K> {
    fn default() -> Self {
        Self {
            map: FxHashMap::default(),
        }
    }
}

impl<K: Eq + Hash> MultiIndex<K> {
    pub(crate) fn apply(&mut self, op: Op, key: K, id: Uuid) {
        match op {
            Op::Add(seq) => {
                let ids = self.map.entry(key).or_default();
                let at = ids.seqs.partition_point(|s| *s <= seq);
                ids.seqs.insert(at, seq);
                ids.ids.insert(at, id);
            }
            Op::Remove => {
                if let Some(ids) = self.map.get_mut(&key) {
                    if let Some(pos) = ids.ids.iter().position(|x| *x == id) {
                        ids.ids.remove(pos);
                        ids.seqs.remove(pos);
                    }
                    if ids.ids.is_empty() {
                        self.map.remove(&key);
                    }
                }
            }
        }
    }

    pub(crate) fn get<Q>(&self, key: &Q) -> &[Uuid]
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.map.get(key).map_or(&[], |ids| ids.ids.as_slice())
    }
}
