//! Reading: the register's read methods live on [`Lezer`], a view of the state that the
//! register (under its read lock) and a transaction (seeing its own writes) both hand out.

use uuid::Uuid;

use super::state::State;
use super::{Context, Error};
use crate::model::{Nullable, Verwijzing};
use crate::register::regels::ZOEKEN_EXPAND;
use crate::rules::Report;
use crate::Resource;

/// The typed id of a collection (`PartijId`): which resource a reference with it points into.
/// The table of collections implements it for each row.
pub(crate) trait IdVan: Copy + Into<Uuid> + From<Uuid> {
    /// The resource.
    const RESOURCE: Resource;
}

/// A read-only view of the register.
#[derive(Debug, Clone, Copy)]
pub struct Lezer<'a> {
    pub(crate) state: &'a State,
    pub(crate) ctx: &'a Context,
}

impl Lezer<'_> {
    /// The URL of an object.
    pub(crate) fn url(&self, resource: Resource, id: Uuid) -> String {
        format!("{}/{}/{id}", self.ctx.base_url, resource.collection())
    }

    /// A reference to object `id` of the collection of `I`, with its URL filled in.
    pub(crate) fn verwijzing<I: IdVan>(&self, id: Uuid) -> Verwijzing<I> {
        Verwijzing {
            uuid: I::from(id),
            url: Some(self.url(I::RESOURCE, id)),
        }
    }

    /// References to `ids`, in order.
    pub(crate) fn verwijzingen<I: IdVan>(&self, ids: &[Uuid]) -> Vec<Verwijzing<I>> {
        ids.iter().map(|id| self.verwijzing(*id)).collect()
    }

    /// A reference with its URL refreshed (stored references carry none).
    pub(crate) fn opnieuw<I: IdVan>(&self, v: &Verwijzing<I>) -> Verwijzing<I> {
        self.verwijzing(v.uuid.into())
    }

    /// A nullable reference with its URL refreshed, as a response field holds it.
    #[allow(clippy::option_option)] // the response's three states (`leeg::null`)
    pub(crate) fn opnieuw_nul<I: IdVan>(
        &self,
        v: &Nullable<Verwijzing<I>>,
    ) -> Option<Option<Verwijzing<I>>> {
        v.as_ref().map(|v| v.as_ref().map(|v| self.opnieuw(v)))
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
