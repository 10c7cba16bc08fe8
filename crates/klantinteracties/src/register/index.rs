//! Secondary indexes: exact-match look-ups never scan a table.

use std::hash::Hash;

use rustc_hash::FxHashMap;
use uuid::Uuid;

/// Whether a record's keys are being added to or removed from the indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Add,
    Remove,
}

/// A key → ids index. Most keys have one or a few ids, kept in insertion order.
#[derive(Debug)]
pub(crate) struct MultiIndex<K> {
    map: FxHashMap<K, Vec<Uuid>>,
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
            Op::Add => self.map.entry(key).or_default().push(id),
            Op::Remove => {
                if let Some(ids) = self.map.get_mut(&key) {
                    if let Some(pos) = ids.iter().position(|x| *x == id) {
                        ids.remove(pos);
                    }
                    if ids.is_empty() {
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
        self.map.get(key).map_or(&[], Vec::as_slice)
    }
}
