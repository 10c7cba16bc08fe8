//! The name-addressed entry points: every call of `OPERATIES` is reached by
//! `Register::handle`, and `Transactie::handle` / `workflows::voer_uit_in` run calls inside one
//! open transaction (what the Python binding's `with register.transactie()` is built on).

#[path = "support/register.rs"]
mod support;

use klantinteracties::register::{Error, Method, Request, OPERATIES};
use klantinteracties::workflows::voer_uit_in;
use klantinteracties::Resource;
use serde_json::json;
use support::{persoon_met_bsn, register};

#[test]
fn operaties_have_unique_names_and_every_one_is_dispatched() {
    let mut names: Vec<&str> = OPERATIES.iter().map(|o| o.naam).collect();
    names.sort_unstable();
    let n = names.len();
    names.dedup();
    assert_eq!(names.len(), n, "two operations share a name");
    // Six per resource but maak-klantcontact, plus F2173's registration and maak-klantcontact.
    assert_eq!(n, (Resource::ALL.len() - 1) * 6 + 2);
    let register = register();
    for op in OPERATIES {
        let mut req = Request::new(op.method, op.resource);
        req.uuid = Some(uuid::Uuid::nil());
        req.body = Some(json!({}));
        let err = register.handle(&req).err();
        assert!(
            !err.as_ref()
                .is_some_and(|e| e.contains("nonFieldErrors", "method_not_allowed")),
            "{} is not dispatched: {err:?}",
            op.naam
        );
    }
}

#[test]
fn a_write_that_is_not_an_operation_is_refused_by_name() {
    let err = register()
        .handle(&Request::new(Method::Patch, Resource::MaakKlantcontact))
        .unwrap_err();
    assert!(
        err.contains("nonFieldErrors", "method_not_allowed"),
        "{err:?}"
    );
}

#[test]
fn transactie_handle_sees_its_own_writes_and_rolls_back_as_a_whole() {
    let register = register();
    let result: Result<(), Error> = register.transactie(|tx| {
        let mut create = Request::new(Method::Create, Resource::Partijen);
        create.body = Some(persoon_met_bsn("111222333"));
        let partij = tx.handle(&create)?;
        let mut get = Request::new(Method::Get, Resource::Partijen);
        get.uuid = partij["uuid"].as_str().and_then(|s| s.parse().ok());
        assert_eq!(tx.handle(&get)?["uuid"], partij["uuid"]);
        // A failing call inside the transaction undoes only itself …
        let mut dubbel = Request::new(Method::Create, Resource::Partijen);
        dubbel.body = Some(persoon_met_bsn("111222333"));
        assert!(matches!(tx.handle(&dubbel), Err(Error::Conflict(_))));
        let mut list = Request::new(Method::List, Resource::Partijen);
        list.query = vec![("partijIdentificator__objectId".into(), "111222333".into())];
        assert_eq!(tx.handle(&list)?["count"], 1);
        // … and the transaction's failure undoes everything.
        Err(Error::invalid(
            "x",
            "invalid",
            "afgebroken",
            &klantinteracties::rules::catalogue::VELD_TYPE,
        ))
    });
    assert!(result.is_err());
    assert!(register.inhoud().is_empty());
}

#[test]
fn voer_uit_in_is_a_savepoint_of_the_open_transaction() {
    let register = register();
    register
        .transactie(|tx| {
            let mut create = Request::new(Method::Create, Resource::Partijen);
            create.body = Some(persoon_met_bsn("111222333"));
            tx.handle(&create)?;
            let err = voer_uit_in(tx, "beantwoord_vraag_direct", &json!({})).unwrap_err();
            assert!(err.contains("klantcontact", "required"), "{err:?}");
            let err = voer_uit_in(tx, "bestaat_niet", &json!({})).unwrap_err();
            assert!(err.contains("workflow", "invalid_choice"), "{err:?}");
            Ok(())
        })
        .unwrap();
    assert_eq!(
        register.inhoud().len(),
        2,
        "the partij and its identificator remain"
    );
}

#[test]
fn a_search_answers_in_the_api_shape_with_links_to_the_neighbouring_pages() {
    let register = register();
    for bsn in ["111222333", "123456782", "999990019"] {
        register.registreer_partij(persoon_met_bsn(bsn)).unwrap();
    }
    let mut list = Request::new(Method::List, Resource::Partijen);
    list.query = vec![
        ("indicatieActief".into(), "true".into()),
        ("pageSize".into(), "1".into()),
        ("page".into(), "2".into()),
    ];
    let page = register.handle(&list).unwrap();
    let keys: Vec<&str> = page
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["count", "next", "previous", "results"]);
    assert_eq!(page["count"], 3);
    assert_eq!(page["results"].as_array().unwrap().len(), 1);
    let next = page["next"].as_str().unwrap();
    assert!(
        next.starts_with("http://localhost:8000/klantinteracties/api/v1/partijen?"),
        "{next}"
    );
    let q =
        klantinteracties::register::Zoekvraag::from_query(next.split_once('?').unwrap().1).unwrap();
    assert_eq!((q.page, q.page_size), (3, 1));
    // As Open Klant (DRF) links: the query sorted by name, `page` replaced, and the first
    // page without `page`.
    assert_eq!(
        next,
        "http://localhost:8000/klantinteracties/api/v1/partijen?indicatieActief=true&page=3&pageSize=1"
    );
    assert_eq!(
        page["previous"],
        "http://localhost:8000/klantinteracties/api/v1/partijen?indicatieActief=true&pageSize=1"
    );
    list.query[2].1 = "3".into();
    assert!(register.handle(&list).unwrap()["next"].is_null());
    list.query[2].1 = "1".into();
    assert!(register.handle(&list).unwrap()["previous"].is_null());
}
