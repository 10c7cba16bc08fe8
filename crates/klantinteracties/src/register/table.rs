//! One table per resource: rows by id plus their creation order (Open Klant orders lists by
//! `-pk`, newest first).

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use uuid::Uuid;

#[derive(Debug)]
struct Row<R> {
    seq: u64,
    rec: Arc<R>,
}

/// Rows of one resource.
#[derive(Debug)]
pub(crate) struct Table<R> {
    rows: FxHashMap<Uuid, Row<R>>,
    order: BTreeMap<u64, Uuid>,
    next: u64,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Self {
            rows: FxHashMap::default(),
            order: BTreeMap::new(),
            next: 0,
        }
    }
}

impl<R> Table<R> {
    pub(crate) fn get(&self, id: &Uuid) -> Option<&Arc<R>> {
        self.rows.get(id).map(|r| &r.rec)
    }

    pub(crate) fn contains(&self, id: &Uuid) -> bool {
        self.rows.contains_key(id)
    }

    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The creation sequence number of a row (its place in the order).
    pub(crate) fn seq(&self, id: &Uuid) -> Option<u64> {
        self.rows.get(id).map(|r| r.seq)
    }

    /// The sequence number row `id` has, or gets when [`Table::set`] creates it with `seq`.
    pub(crate) fn seq_for(&self, id: &Uuid, seq: Option<u64>) -> u64 {
        self.seq(id).or(seq).unwrap_or(self.next)
    }

    /// Sets the row `id` to `rec` (or removes it), returning the previous row with its
    /// sequence number. A new row gets `seq` when given (restoring a row on rollback), else
    /// the next number; an existing row keeps its number.
    pub(crate) fn set(
        &mut self,
        id: Uuid,
        rec: Option<Arc<R>>,
        seq: Option<u64>,
    ) -> Option<(u64, Arc<R>)> {
        let Some(rec) = rec else {
            let row = self.rows.remove(&id)?;
            self.order.remove(&row.seq);
            return Some((row.seq, row.rec));
        };
        if let Some(row) = self.rows.get_mut(&id) {
            let old = std::mem::replace(&mut row.rec, rec);
            return Some((row.seq, old));
        }
        let seq = seq.unwrap_or(self.next);
        self.next = self.next.max(seq + 1);
        self.order.insert(seq, id);
        self.rows.insert(id, Row { seq, rec });
        None
    }

    /// Every row, newest first.
    pub(crate) fn newest_first(&self) -> impl Iterator<Item = (Uuid, &Arc<R>)> + '_ {
        self.order
            .values()
            .rev()
            .filter_map(|id| self.rows.get(id).map(|r| (*id, &r.rec)))
    }

    /// Every row, oldest first (snapshots, equality).
    pub(crate) fn oldest_first(&self) -> impl Iterator<Item = (Uuid, &Arc<R>)> + '_ {
        self.order
            .values()
            .filter_map(|id| self.rows.get(id).map(|r| (*id, &r.rec)))
    }
}
