//! The query parameters each list and read accepts, as data for documents that describe the
//! API (the server's OpenAPI document): the filters of F3839's searches, `page`/`pageSize`
//! and the `expand` choices. Read from the same tables the searches run on, so a description
//! cannot promise a filter the register does not have.

use super::zoeken::Kind;
use crate::Resource;

/// One filter of a list: its name as the API spells it and what its value must look like.
#[derive(Debug, Clone, Copy)]
pub struct QueryParameter {
    /// The parameter's name (`partijIdentificator__codeSoortObjectId`).
    pub name: &'static str,
    /// What its value must look like.
    pub kind: Kind,
}

/// The filters of `resource`'s list (F3839), in the register's order; none for
/// `maak-klantcontact`, which has no list.
pub fn query_parameters(resource: Resource) -> Vec<QueryParameter> {
    super::collecties::filters(resource)
        .into_iter()
        .map(|(name, kind)| QueryParameter { name, kind })
        .collect()
}

/// The relations `expand` accepts on `resource`'s list and read; empty where it has none.
pub fn expand_choices(resource: Resource) -> &'static [&'static str] {
    super::collecties::expand(resource)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_filter_and_expand_choice_is_accepted() {
        use crate::register::{Method, Register, Request};
        let register = Register::builder().in_memory();
        for resource in Resource::ALL {
            if *resource == Resource::MaakKlantcontact {
                continue;
            }
            for p in query_parameters(*resource) {
                let value = match p.kind {
                    Kind::Text => "x".to_owned(),
                    Kind::Url => "http://example.org/x".to_owned(),
                    Kind::Uuid => uuid::Uuid::nil().to_string(),
                    Kind::Bool => "true".to_owned(),
                    Kind::Choice(choices) => choices[0].to_owned(),
                    Kind::Date => "2026-01-01".to_owned(),
                    Kind::DateTime => "2026-01-01T00:00:00Z".to_owned(),
                };
                let mut req = Request::new(Method::List, *resource);
                req.query = vec![(p.name.to_owned(), value)];
                let answer = register.handle(&req);
                assert!(answer.is_ok(), "{resource:?} {}: {answer:?}", p.name);
            }
            let mut req = Request::new(Method::List, *resource);
            let choices = expand_choices(*resource);
            let asked = if choices.is_empty() {
                "geenRelatie".to_owned()
            } else {
                choices.join(",")
            };
            req.query = vec![("expand".to_owned(), asked)];
            let answer = register.handle(&req);
            assert_eq!(
                answer.is_ok(),
                !choices.is_empty(),
                "{resource:?}: {answer:?}"
            );
        }
    }
}
