//! Reading: the register's read methods live on [`Lezer`], a view of the state that the
//! register (under its read lock) and a transaction (seeing its own writes) both hand out.

use uuid::Uuid;

use super::state::State;
use super::{Context, Error};
use crate::model::Verwijzing;
use crate::register::regels::ZOEKEN_EXPAND;
use crate::rules::Report;
use crate::Resource;

pub(crate) use crate::model::verwijzing::IdVan;
use crate::model::verwijzing::MetUrl;

/// A read-only view of the register.
#[derive(Debug, Clone, Copy)]
pub struct Lezer<'a> {
    pub(crate) state: &'a State,
    pub(crate) ctx: &'a Context,
}

impl Lezer<'_> {
    /// The URL of an object.
    pub(crate) fn url(&self, resource: Resource, id: Uuid) -> String {
        crate::model::verwijzing::url(&self.ctx.base_url, resource, id)
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
        v.met_url(&self.ctx.base_url)
    }

    /// The register's base URL, under which references get theirs.
    pub(crate) fn basis(&self) -> &str {
        &self.ctx.base_url
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

/// Whether relation `rel` is to be expanded and, if so, the paths asked below it (see
/// [`wants`] and [`onder`]).
#[allow(clippy::option_option)] // not asked; asked with nothing below; asked with paths below
pub(crate) fn uitbreiding(expand: &[String], rel: &str) -> Option<Option<Vec<String>>> {
    wants(expand, rel).then(|| onder(expand, rel))
}

/// The `_expand` of an object read on its own: present only when relations were asked for
/// (a list item always has one, see [`Lezer::zoek`] callers).
pub(crate) fn gevraagd(expand: &[String]) -> Option<&[String]> {
    (!expand.is_empty()).then_some(expand)
}
