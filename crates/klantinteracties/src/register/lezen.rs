//! Reading: the register's read methods live on [`Lezer`], a view of the state that the
//! register (under its read lock) and a transaction (seeing its own writes) both hand out.

use crate::register::regels::ZOEKEN_EXPAND;
use std::sync::Arc;

use uuid::Uuid;

use super::state::State;
use super::table::Table;
use super::zoeken::{applies, check, Filter, Page, Zoekvraag};
use super::{Context, Error};
use crate::model::Verwijzing;
use crate::rules::Report;
use crate::Resource;

/// A read-only view of the register.
#[derive(Debug, Clone, Copy)]
pub struct Lezer<'a> {
    pub(crate) state: &'a State,
    pub(crate) ctx: &'a Context,
}

impl<'a> Lezer<'a> {
    /// The URL of an object.
    pub(crate) fn url(&self, resource: Resource, id: Uuid) -> String {
        format!("{}/{}/{id}", self.ctx.base_url, resource.collection())
    }

    /// A reference with its URL filled in.
    pub(crate) fn verwijzing<I: From<Uuid>>(&self, resource: Resource, id: Uuid) -> Verwijzing<I> {
        Verwijzing {
            uuid: I::from(id),
            url: Some(self.url(resource, id)),
        }
    }

    /// References to `ids`, in order.
    pub(crate) fn verwijzingen<I: From<Uuid>>(
        &self,
        resource: Resource,
        ids: &[Uuid],
    ) -> Vec<Verwijzing<I>> {
        ids.iter()
            .map(|id| self.verwijzing(resource, *id))
            .collect()
    }

    /// A reference with its URL refreshed (stored references carry none).
    pub(crate) fn opnieuw<I: Copy + Into<Uuid> + From<Uuid>>(
        &self,
        resource: Resource,
        v: &Verwijzing<I>,
    ) -> Verwijzing<I> {
        self.verwijzing(resource, v.uuid.into())
    }

    /// Runs a search over `table`: checks the query, collects candidates from the first
    /// indexed filter (or scans), keeps those matching every filter, orders them (newest
    /// first, or by `order` descending), and presents one page.
    pub(crate) fn zoek<R, T>(
        &self,
        table: &'a Table<R>,
        filters: &[Filter<R>],
        q: &Zoekvraag,
        order: Option<&dyn Fn(&R) -> i64>,
        present: impl Fn(Uuid, &'a Arc<R>) -> T,
    ) -> Result<Page<T>, Error> {
        let profile = self.ctx.profile;
        check(filters, q, profile)?;
        if q.page == 0 {
            return Err(Error::PageNotFound { page: q.page });
        }
        let active: Vec<(&Filter<R>, &str)> = q
            .filters
            .iter()
            .filter_map(|(k, v)| {
                filters
                    .iter()
                    .find(|f| f.name == k)
                    .map(|f| (f, v.as_str()))
            })
            .filter(|(f, v)| applies(f, v, profile))
            .collect();
        let indexed = active
            .iter()
            .find_map(|(f, v)| f.index.map(|ix| ix(self, v)));
        let mut hits: Vec<(u64, Uuid, &Arc<R>)> = Vec::new();
        let mut consider = |id: Uuid, rec: &'a Arc<R>| {
            if active.iter().all(|(f, v)| (f.matches)(self, id, rec, v)) {
                hits.push((table.seq(&id).unwrap_or(0), id, rec));
            }
        };
        match indexed {
            Some(ids) => {
                let mut ids = ids;
                ids.sort_unstable();
                ids.dedup();
                for id in ids {
                    if let Some(rec) = table.get(&id) {
                        consider(id, rec);
                    }
                }
            }
            None => {
                for (id, rec) in table.newest_first() {
                    consider(id, rec);
                }
            }
        }
        match order {
            Some(key) => {
                hits.sort_by_cached_key(|h| (std::cmp::Reverse(key(h.2)), std::cmp::Reverse(h.0)));
            }
            None => hits.sort_by_key(|h| std::cmp::Reverse(h.0)),
        }
        let count = hits.len();
        let page_size = q.effective_page_size();
        let start = (q.page - 1).saturating_mul(page_size);
        // The first page exists when nothing matches; a later one only when it has results
        // (Open Klant: 404 "Ongeldige pagina.").
        if q.page > 1 && start >= count {
            return Err(Error::PageNotFound { page: q.page });
        }
        let results = hits
            .into_iter()
            .skip(start)
            .take(page_size)
            .map(|(_, id, rec)| present(id, rec))
            .collect();
        Ok(Page {
            count,
            page: q.page,
            page_size,
            results,
        })
    }

    /// Checks requested expansions against what the resource offers (API 0.9.0 "expand").
    pub(crate) fn check_expand(options: &[&str], expand: &[String]) -> Result<(), Error> {
        let bad: Vec<&String> = expand
            .iter()
            .filter(|e| !options.contains(&e.as_str()))
            .collect();
        if bad.is_empty() {
            return Ok(());
        }
        Err(Error::Query(Report {
            violations: bad
                .into_iter()
                .map(|_| {
                    super::error::violation(
                        "expand",
                        "invalid_choice",
                        format!(
                            "Selecteer een geldige keuze; beschikbaar zijn: {}.",
                            options.join(", ")
                        ),
                        &ZOEKEN_EXPAND,
                    )
                })
                .collect(),
        }))
    }
}

/// Whether relation `rel` is to be expanded: asked for itself, or as the start of a deeper
/// path (`hadBetrokkenen.wasPartij` expands `hadBetrokkenen` too; Open Klant needs the
/// parent asked for separately and otherwise ignores the child, docs/decisions.md).
pub(crate) fn wants(expand: &[String], rel: &str) -> bool {
    expand.iter().any(|e| {
        e.strip_prefix(rel)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    })
}

/// The paths to expand below relation `rel` (`wasPartij` for `hadBetrokkenen.wasPartij`);
/// `None` when there are none, so the related objects carry no `_expand` of their own.
pub(crate) fn onder(expand: &[String], rel: &str) -> Option<Vec<String>> {
    let sub: Vec<String> = expand
        .iter()
        .filter_map(|e| e.strip_prefix(rel)?.strip_prefix('.'))
        .map(str::to_owned)
        .collect();
    (!sub.is_empty()).then_some(sub)
}

/// The `_expand` of an object read on its own: present only when relations were asked for
/// (a list item always has one, see [`Lezer::zoek`] callers).
pub(crate) fn gevraagd(expand: &[String]) -> Option<&[String]> {
    (!expand.is_empty()).then_some(expand)
}
