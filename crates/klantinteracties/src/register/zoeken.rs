//! Search (F3839: every supplied argument must match), ordering and pagination as API 0.9.0
//! and Open Klant do them: newest first, klantcontacten by `plaatsgevondenOp` descending,
//! `page`/`pageSize` with a default of 100 and a maximum of 500.
//!
//! Each resource lists its filters as data ([`Filter`]): a filter with an index yields its
//! candidates directly; the others are checked on the candidates (or, when no indexed filter
//! is given, on a scan).

use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use std::sync::Arc;
use uuid::Uuid;

use super::error::violation;
use super::index::MultiIndex;
use super::lezen::Lezer;
use super::table::Table;
use super::Error;
use crate::model::{Objectidentificator, OpenCode};
use crate::register::regels::ZOEKEN_PARAMETER;
use crate::rules::{Profile, Report};

/// Default page size (Open Klant).
pub const DEFAULT_PAGE_SIZE: usize = 100;
/// Largest page size (Open Klant).
pub const MAX_PAGE_SIZE: usize = 500;

/// A search: query parameters as API 0.9.0 names them, a page and relations to expand. Its
/// Debug shows the names of the filters, not their values (a search by BSN or e-mail address
/// holds one); a name that may be personal data itself is left out too.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Zoekvraag {
    /// `(name, value)` filters, combined with AND.
    pub filters: Vec<(String, String)>,
    /// Page number, from 1.
    pub page: usize,
    /// Page size (at most 500).
    pub page_size: usize,
    /// Relations to expand (`hadBetrokkenen`, `hadBetrokkenen.wasPartij`).
    pub expand: Vec<String>,
}

impl std::fmt::Debug for Zoekvraag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let naam = |n: &str| {
            if crate::rules::is_safe_name(n) {
                n.to_owned()
            } else {
                "<redacted>".to_owned()
            }
        };
        let filters: Vec<String> = self
            .filters
            .iter()
            .map(|(k, _)| format!("{}=<redacted>", naam(k)))
            .collect();
        // `expand` names relations (`hadBetrokkenen.wasPartij`): each part must be safe.
        let expand: Vec<String> = self
            .expand
            .iter()
            .map(|e| {
                if e.split('.').all(crate::rules::is_safe_name) {
                    e.clone()
                } else {
                    "<redacted>".to_owned()
                }
            })
            .collect();
        f.debug_struct("Zoekvraag")
            .field("filters", &filters)
            .field("page", &self.page)
            .field("page_size", &self.page_size)
            .field("expand", &expand)
            .finish()
    }
}

impl Zoekvraag {
    /// An empty search: everything, first page.
    pub fn new() -> Self {
        Self {
            filters: Vec::new(),
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
            expand: Vec::new(),
        }
    }

    /// Adds a filter. The value is taken by value so that ids and numbers can be passed as
    /// they are.
    #[must_use]
    #[allow(clippy::needless_pass_by_value)]
    pub fn filter(mut self, name: &str, value: impl ToString) -> Self {
        self.filters.push((name.to_owned(), value.to_string()));
        self
    }

    /// Selects a page.
    #[must_use]
    pub fn pagina(mut self, page: usize, page_size: usize) -> Self {
        self.page = page;
        self.page_size = page_size;
        self
    }

    /// Adds relations to expand.
    #[must_use]
    pub fn expand(mut self, paths: &[&str]) -> Self {
        self.expand.extend(paths.iter().map(|p| (*p).to_owned()));
        self
    }

    /// Reads a URL query string (`status=te_verwerken&page=2&expand=a,b`); `page`,
    /// `pageSize` and `expand` are taken out, the rest are filters.
    pub fn from_query(query: &str) -> Result<Self, Error> {
        Self::from_pairs(
            query
                .trim_start_matches('?')
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    (percent_decode(k), percent_decode(v))
                }),
        )
    }

    /// Reads decoded query parameters; `page`, `pageSize` and `expand` are taken out, the
    /// rest are filters. Paging is read as Open Klant (DRF's page-number pagination) reads
    /// it: a `page` that is not a positive number asks for no page (the search answers
    /// [`Error::PageNotFound`]); a `pageSize` that is not a positive number is the default,
    /// one above the maximum is the maximum.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Result<Self, Error> {
        let mut q = Self::new();
        for (k, v) in pairs {
            match k.as_str() {
                "page" => q.page = v.parse().unwrap_or(0),
                "pageSize" => q.page_size = v.parse().unwrap_or(0),
                "expand" => q
                    .expand
                    .extend(v.split(',').filter(|s| !s.is_empty()).map(str::to_owned)),
                _ => q.filters.push((k, v)),
            }
        }
        Ok(q)
    }

    /// The page size used: [`DEFAULT_PAGE_SIZE`] for 0, at most [`MAX_PAGE_SIZE`].
    pub fn effective_page_size(&self) -> usize {
        match self.page_size {
            0 => DEFAULT_PAGE_SIZE,
            n => n.min(MAX_PAGE_SIZE),
        }
    }
}

/// Percent-encodes a query name or value as an HTML form does (Python's `urlencode`, which
/// DRF's page links use): RFC 3986's unreserved characters stay, a space is `+`, the rest
/// is `%XX`.
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b == b' ' {
            out.push('+');
        } else if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            // Two hex digits, no more no less (`from_str_radix` alone also takes `%+1`).
            b'%' if bytes
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) =>
            {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("00");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// One page of search results (`{count, next, previous, results}` in API 0.9.0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// Number of matches over all pages.
    pub count: usize,
    /// This page's number.
    pub page: usize,
    /// The page size used.
    pub page_size: usize,
    /// The matches on this page.
    pub results: Vec<T>,
}

impl<T> Page<T> {
    /// Whether a next page exists.
    pub fn has_next(&self) -> bool {
        self.page.saturating_mul(self.page_size) < self.count
    }

    /// Whether a previous page exists.
    pub fn has_previous(&self) -> bool {
        self.page > 1
    }
}

/// What a filter's value must look like.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// Any text.
    Text,
    /// A UUID.
    Uuid,
    /// `true` or `false`.
    Bool,
    /// One of these literals.
    Choice(&'static [&'static str]),
    /// A URL whose last path segment is taken as a UUID (invalid → no match).
    Url,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A moment (RFC 3339).
    DateTime,
}

/// Whether an object matches a filter value.
pub(crate) type MatchFn<R> = for<'a> fn(&Lezer<'a>, Uuid, &R, &str) -> bool;

/// One query parameter of a resource.
pub(crate) struct Filter<R: 'static> {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
    pub(crate) index: Option<Index>,
    pub(crate) matches: MatchFn<R>,
}

/// A filter's index lookup: the candidates for a value.
pub(crate) type IndexFn = for<'a> fn(&Lezer<'a>, &str) -> Vec<Uuid>;

/// Where a filter finds its candidates.
#[derive(Clone, Copy)]
pub(crate) enum Index {
    /// Any lookup.
    Fn(IndexFn),
    /// The ids under the value's UUID (a UUID, or a URL ending in one) in an index of ids.
    Uuid(for<'a> fn(&Lezer<'a>) -> &'a MultiIndex<Uuid>),
    /// The ids under the value itself in an index of texts.
    Text(for<'a> fn(&Lezer<'a>) -> &'a MultiIndex<String>),
}

impl Index {
    /// The candidates for value `v`.
    fn candidates(self, l: &Lezer<'_>, v: &str) -> Vec<Uuid> {
        match self {
            Self::Fn(f) => f(l, v),
            Self::Uuid(ix) => ix(l).get(&id(v)).to_vec(),
            Self::Text(ix) => ix(l).get(v).to_vec(),
        }
    }
}

/// Filters are declared in one line each, as a Django filterset does:
/// `Filter::text("iban", |_, _, r, v| r.iban == v)`, `Filter::uuid("partij__uuid", …)
/// .indexed(|l, v| …)`. The kind checks the value before matching (an invalid one is a 400).
impl<R> Filter<R> {
    const fn of(name: &'static str, kind: Kind, matches: MatchFn<R>) -> Self {
        Self {
            name,
            kind,
            index: None,
            matches,
        }
    }

    /// Any text.
    pub(crate) const fn text(name: &'static str, matches: MatchFn<R>) -> Self {
        Self::of(name, Kind::Text, matches)
    }

    /// A UUID.
    pub(crate) const fn uuid(name: &'static str, matches: MatchFn<R>) -> Self {
        Self::of(name, Kind::Uuid, matches)
    }

    /// A URL whose last segment is taken as a UUID.
    pub(crate) const fn url(name: &'static str, matches: MatchFn<R>) -> Self {
        Self::of(name, Kind::Url, matches)
    }

    /// `true` or `false` (as Django's `BooleanFilter` reads them).
    pub(crate) const fn bool(name: &'static str, matches: MatchFn<R>) -> Self {
        Self::of(name, Kind::Bool, matches)
    }

    /// A date `YYYY-MM-DD`.
    pub(crate) const fn date(name: &'static str, matches: MatchFn<R>) -> Self {
        Self::of(name, Kind::Date, matches)
    }

    /// A moment (RFC 3339).
    pub(crate) const fn datetime(name: &'static str, matches: MatchFn<R>) -> Self {
        Self::of(name, Kind::DateTime, matches)
    }

    /// One of `options`.
    pub(crate) const fn choice(
        name: &'static str,
        options: &'static [&'static str],
        matches: MatchFn<R>,
    ) -> Self {
        Self::of(name, Kind::Choice(options), matches)
    }

    /// Answered from an index: `index` gives the candidates, `matches` still decides.
    pub(crate) const fn indexed(mut self, index: IndexFn) -> Self {
        self.index = Some(Index::Fn(index));
        self
    }

    /// Answered from an index of ids, looked up by the value's UUID:
    /// `.via(|l| &l.ix::<BetrokkeneInput>().klantcontact)`.
    pub(crate) const fn via(
        mut self,
        index: for<'a> fn(&Lezer<'a>) -> &'a MultiIndex<Uuid>,
    ) -> Self {
        self.index = Some(Index::Uuid(index));
        self
    }

    /// Answered from an index of texts, looked up by the value itself.
    pub(crate) const fn via_tekst(
        mut self,
        index: for<'a> fn(&Lezer<'a>) -> &'a MultiIndex<String>,
    ) -> Self {
        self.index = Some(Index::Text(index));
        self
    }
}

impl<R> Clone for Filter<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Filter<R> {}

impl<R> std::fmt::Debug for Filter<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// A boolean filter value as Django's `BooleanFilter` reads it (`true`, `True`, `1`; `false`,
/// `False`, `0`), or `None`.
pub(crate) fn boolean(v: &str) -> Option<bool> {
    match v {
        "true" | "True" | "1" => Some(true),
        "false" | "False" | "0" => Some(false),
        _ => None,
    }
}

/// Whether `v` is a value of this kind.
fn valid(kind: Kind, v: &str) -> bool {
    match kind {
        Kind::Text => true,
        Kind::Url => crate::rules::walk::is_url(v),
        Kind::Uuid => Uuid::parse_str(v).is_ok(),
        Kind::Bool => boolean(v).is_some(),
        Kind::Choice(options) => options.contains(&v),
        Kind::Date => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(),
        Kind::DateTime => crate::model::Datumtijd::parse(v).is_ok(),
    }
}

/// Whether the filter is applied: Open Klant ignores a boolean filter whose value is not a
/// boolean, and so does the `open-klant` profile; the `standaard` profile refuses it
/// ([`check`]).
pub(crate) fn applies<R>(f: &Filter<R>, v: &str, profile: Profile) -> bool {
    profile.is_standaard() || !matches!(f.kind, Kind::Bool) || boolean(v).is_some()
}

/// Checks the names and values of the filters, as Open Klant does: an unknown parameter is
/// `unknown-parameters`, a value outside an enum `invalid_choice`, any other malformed value
/// `invalid`. Values are not repeated in the reasons (they may be personal data).
pub(crate) fn check<R>(
    filters: &[Filter<R>],
    q: &Zoekvraag,
    profile: Profile,
) -> Result<(), Error> {
    let find = |k: &str| filters.iter().find(|f| f.name == k);
    let fout = |f: &Filter<R>, v: &str| !valid(f.kind, v) && applies(f, v, profile);
    if q.filters
        .iter()
        .all(|(k, v)| find(k).is_some_and(|f| !fout(f, v)))
    {
        return Ok(());
    }
    let mut r = Report::default();
    let unknown: Vec<&str> = q
        .filters
        .iter()
        .filter(|(k, _)| find(k).is_none())
        .map(|(k, _)| k.as_str())
        .collect();
    if !unknown.is_empty() {
        // A name is the client's and may be personal data (`?111222333=…`): only safe names
        // are repeated.
        let named: Vec<&str> = unknown
            .iter()
            .copied()
            .filter(|k| crate::rules::is_safe_name(k))
            .collect();
        let hidden = unknown.len() - named.len();
        let reason = match (named.is_empty(), hidden) {
            (false, 0) => format!("Onbekende query parameters: {}", named.join(", ")),
            (true, _) => "Onbekende query parameters (namen weggelaten).".to_owned(),
            (false, n) => format!(
                "Onbekende query parameters: {} en {n} met een weggelaten naam.",
                named.join(", ")
            ),
        };
        r.violations.push(violation(
            "nonFieldErrors",
            "unknown-parameters",
            reason,
            &ZOEKEN_PARAMETER,
        ));
    }
    for (k, v) in &q.filters {
        let Some(f) = find(k) else {
            continue;
        };
        if !fout(f, v) {
            continue;
        }
        let (code, reason) = match f.kind {
            Kind::Choice(o) => (
                "invalid_choice",
                format!(
                    "Selecteer een geldige keuze; beschikbaar zijn: {}.",
                    o.join(", ")
                ),
            ),
            Kind::Uuid => ("invalid", "Voer een geldige UUID in.".to_owned()),
            Kind::Url => ("invalid", "Voer een geldige URL in.".to_owned()),
            Kind::Bool => (
                "invalid",
                "Voer een geldige booleaanse waarde in (true of false).".to_owned(),
            ),
            Kind::Date => ("invalid", "Voer een geldige datum in.".to_owned()),
            Kind::DateTime => ("invalid", "Voer een geldige datum/tijd in.".to_owned()),
            Kind::Text => ("invalid", "Voer een geldige waarde in.".to_owned()),
        };
        r.violations
            .push(violation(k, code, reason, &ZOEKEN_PARAMETER));
    }
    if r.is_valid() {
        Ok(())
    } else {
        Err(Error::Query(r))
    }
}

/// The last path segment of a URL as a UUID.
pub(crate) fn uuid_of_url(v: &str) -> Option<Uuid> {
    let seg = v.trim_end_matches('/').rsplit('/').next()?;
    Uuid::parse_str(seg).ok()
}

/// Parses a filter value that [`check`] accepted as a UUID or URL.
pub(crate) fn id(v: &str) -> Uuid {
    Uuid::parse_str(v)
        .ok()
        .or_else(|| uuid_of_url(v))
        .unwrap_or_default()
}

/// Case-insensitive "contains" (Django `icontains`).
pub(crate) fn icontains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

/// A boolean filter value as a bool (see [`boolean`]).
pub(crate) fn flag(v: &str) -> bool {
    boolean(v).unwrap_or(false)
}

impl<'a> Lezer<'a> {
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
            .find_map(|(f, v)| f.index.map(|ix| ix.candidates(self, v)));
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
}

/// One field of an objectidentificator by the suffix of its filter name (`…ObjectId`,
/// `…CodeObjecttype`, …): what the identificator filters of bijlagen, onderwerpobjecten,
/// actoren and klantcontacten compare.
pub(crate) fn identificator_veld<'a>(
    i: Option<&'a Objectidentificator>,
    veld: &str,
) -> Option<&'a str> {
    let i = i?;
    match veld {
        "ObjectId" => i.object_id.as_deref(),
        "CodeObjecttype" => i.code_objecttype.as_ref().map(OpenCode::as_str),
        "CodeRegister" => i.code_register.as_ref().map(OpenCode::as_str),
        _ => i.code_soort_object_id.as_ref().map(OpenCode::as_str),
    }
}
