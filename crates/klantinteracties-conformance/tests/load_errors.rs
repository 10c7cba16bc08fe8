//! What the suite refuses at load instead of at run time (issue 14, item 11): a folder without
//! `cases/` or `rules/`, an expectations file for another target, a step naming no known
//! workflow, a `$name` reference that nothing bound before it. Each refusal names the file
//! (and for a step, where in the file it is). The shipped suite still loads.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use klantinteracties_conformance::suite::{LoadError, Suite};
use serde_json::{json, Value};

/// A suite folder written by a test, removed when the test ends.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "ki-conformance-load-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    /// A folder holding a small suite that loads: one case file, one rule file.
    fn valid(name: &str) -> Self {
        let f = Self::new(name);
        f.write("cases/C0001.json", &case());
        f.write("rules/partijen.json", &rule_file());
        f
    }

    fn write(&self, file: &str, value: &Value) {
        let path = self.0.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn partij_fixture() -> Value {
    json!({"title": "Een partij", "function": "F7554", "bind": "partij",
           "body": {"soortPartij": "persoon"}})
}

/// A case whose steps use `$partij` (bound by the fixture), a pattern key (`$any`) and an
/// escaped `$$` text, none of which is an unbound reference.
fn case() -> Value {
    json!({
        "case": "C0001",
        "title": "Een casus",
        "source": {"document": "test"},
        "fixtures": [partij_fixture()],
        "variants": [{
            "name": "A",
            "title": "Variant A",
            "steps": [{
                "title": "Lees de partij",
                "operation": {"method": "get", "resource": "partijen"},
                "uuid": "$partij.uuid",
                "bind": "gelezen",
                "expect": {"body": {"uuid": "$partij.uuid", "aanmaak": {"$any": "datetime"}}}
            }, {
                "title": "Zoek de partij",
                "operation": {"method": "list", "resource": "partijen"},
                "query": {"uuid": "$gelezen.uuid", "naam": "$$letterlijk"},
                "expect": {"contains": [{"uuid": "$partij.uuid"}]}
            }],
            "viaWorkflow": [{
                "title": "Via de workflow",
                "workflow": "beantwoord_vraag_direct",
                "body": {"partij": "$partij.uuid"}
            }],
            "endState": [{"resource": "partijen", "count": 1,
                          "objects": [{"uuid": "$partij.uuid"}]}]
        }]
    })
}

fn rule_file() -> Value {
    json!({
        "description": "Partijen",
        "fixtures": [partij_fixture()],
        "groups": [{
            "rule": "veld.max-lengte",
            "description": "een test",
            "operation": {"method": "patch", "resource": "partijen"},
            "uuid": "$partij.uuid",
            "tests": [
                {"description": "kort", "valid": true, "body": {}},
                {"description": "lang", "valid": false, "body": {},
                 "invalidParams": [{"name": "x", "code": "max_length"}]}
            ]
        }]
    })
}

/// The one load error of `folder`.
fn the_error(folder: &Folder) -> LoadError {
    match Suite::load(folder.path()) {
        Ok(_) => panic!("{} loads", folder.path().display()),
        Err(errors) => {
            assert_eq!(errors.len(), 1, "{errors:#?}");
            errors.into_iter().next().unwrap()
        }
    }
}

#[test]
fn the_small_suite_loads() {
    let f = Folder::valid("valid");
    let suite = Suite::load(f.path()).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(suite.cases.len(), 1);
    assert_eq!(suite.rules.len(), 1);
}

#[test]
fn a_folder_without_rules_is_refused() {
    let f = Folder::new("no-rules");
    f.write("cases/C0001.json", &case());
    let e = the_error(&f);
    assert_eq!(e.file, f.path().join("rules").display().to_string());
    assert!(e.message.contains("no such folder"), "{e}");
}

#[test]
fn a_folder_without_cases_is_refused() {
    let f = Folder::new("no-cases");
    f.write("rules/partijen.json", &rule_file());
    let e = the_error(&f);
    assert_eq!(e.file, f.path().join("cases").display().to_string());
    assert!(e.message.contains("no such folder"), "{e}");
}

#[test]
fn a_folder_without_case_or_rule_files_is_refused() {
    let f = Folder::new("empty-rules");
    f.write("cases/C0001.json", &case());
    std::fs::create_dir_all(f.path().join("rules")).unwrap();
    std::fs::write(f.path().join("rules/LEESMIJ.txt"), "geen regels").unwrap();
    let e = the_error(&f);
    assert_eq!(e.file, f.path().join("rules").display().to_string());
    assert!(e.message.contains("no rule files"), "{e}");

    let g = Folder::new("empty-cases");
    g.write("rules/partijen.json", &rule_file());
    std::fs::create_dir_all(g.path().join("cases")).unwrap();
    let e = the_error(&g);
    assert_eq!(e.file, g.path().join("cases").display().to_string());
    assert!(e.message.contains("no case files"), "{e}");
}

#[test]
fn a_folder_that_does_not_exist_is_refused() {
    let f = Folder::new("absent");
    let absent = f.path().join("nergens");
    let errors = Suite::load(&absent).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].file, absent.display().to_string());
}

#[test]
fn expectations_for_another_target_are_refused() {
    let f = Folder::valid("expectations");
    f.write(
        "expectations/embedded.json",
        &json!({"target": "serve", "deviations": []}),
    );
    let suite = Suite::load(f.path()).unwrap();
    let e = suite.expectations("embedded").unwrap_err();
    let file = f.path().join("expectations").join("embedded.json");
    assert_eq!(e.file, file.display().to_string());
    assert!(
        e.message.contains("`serve`") && e.message.contains("`embedded`"),
        "{e}"
    );
    // The file of the target it says it is for, and a target without a file, load.
    f.write(
        "expectations/serve.json",
        &json!({"target": "serve", "deviations": []}),
    );
    assert_eq!(suite.expectations("serve").unwrap().target, "serve");
    assert_eq!(suite.expectations("elders").unwrap().target, "elders");
}

#[test]
fn an_unknown_workflow_is_refused() {
    let f = Folder::valid("workflow-via");
    let mut c = case();
    c["variants"][0]["viaWorkflow"][0]["workflow"] = json!("bestaat_niet");
    f.write("cases/C0001.json", &c);
    let e = the_error(&f);
    assert_eq!(e.file, "cases/C0001.json");
    assert!(
        e.message.starts_with(
            "case C0001, variant A, viaWorkflow step 1 `Via de workflow`: unknown workflow \
             `bestaat_niet`"
        ),
        "{e}"
    );

    let g = Folder::valid("workflow-step");
    let mut c = case();
    c["variants"][0]["steps"][1] = json!({"title": "Een workflow", "workflow": "bestaat_niet"});
    g.write("cases/C0001.json", &c);
    let e = the_error(&g);
    assert_eq!(e.file, "cases/C0001.json");
    assert!(
        e.message
            .starts_with("case C0001, variant A, step 2 `Een workflow`: unknown workflow"),
        "{e}"
    );
}

#[test]
fn an_unbound_variable_in_a_step_is_refused() {
    let f = Folder::valid("unbound-body");
    let mut c = case();
    c["variants"][0]["viaWorkflow"][0]["body"] = json!({"partij": "$onbekend.uuid"});
    f.write("cases/C0001.json", &c);
    let e = the_error(&f);
    assert_eq!(e.file, "cases/C0001.json");
    assert_eq!(
        e.message,
        "case C0001, variant A, viaWorkflow step 1 `Via de workflow`: body: `$onbekend.uuid`: \
         nothing is bound to `onbekend` by an earlier fixture or step"
    );
}

#[test]
fn a_variable_bound_later_is_refused() {
    // A step's own `bind` is made after its call and its expectation.
    let f = Folder::valid("own-bind");
    let mut c = case();
    c["variants"][0]["steps"][0]["expect"] = json!({"body": {"uuid": "$gelezen.uuid"}});
    f.write("cases/C0001.json", &c);
    let e = the_error(&f);
    assert_eq!(e.file, "cases/C0001.json");
    assert!(
        e.message
            .starts_with("case C0001, variant A, step 1 `Lees de partij`: expect.body:"),
        "{e}"
    );

    // A step binds for the steps after it, not for those before.
    let g = Folder::valid("bound-later");
    let mut c = case();
    c["variants"][0]["steps"][0]["uuid"] = json!("$gelezen.uuid");
    g.write("cases/C0001.json", &c);
    let e = the_error(&g);
    assert!(
        e.message
            .starts_with("case C0001, variant A, step 1 `Lees de partij`: uuid: `$gelezen.uuid`"),
        "{e}"
    );
}

#[test]
fn an_unbound_variable_in_a_query_or_end_state_is_refused() {
    let f = Folder::valid("unbound-query");
    let mut c = case();
    c["variants"][0]["steps"][1]["query"]["uuid"] = json!("$niets");
    f.write("cases/C0001.json", &c);
    let e = the_error(&f);
    assert_eq!(e.file, "cases/C0001.json");
    assert!(
        e.message.starts_with(
            "case C0001, variant A, step 2 `Zoek de partij`: query `uuid`: `$niets`: nothing is \
             bound to `niets`"
        ),
        "{e}"
    );

    // Bound by the `steps`, not by the `viaWorkflow` steps, which run from the fixtures on.
    let g = Folder::valid("unbound-end-state");
    let mut c = case();
    c["variants"][0]["endState"][0]["objects"] = json!([{"uuid": "$gelezen.uuid"}]);
    g.write("cases/C0001.json", &c);
    let e = the_error(&g);
    assert!(
        e.message.starts_with(
            "case C0001, variant A, endState 1 (partijen) after the viaWorkflow steps: objects: \
             `$gelezen.uuid`"
        ),
        "{e}"
    );
}

#[test]
fn an_unbound_variable_in_a_rule_test_is_refused() {
    let f = Folder::valid("unbound-rule");
    let mut r = rule_file();
    r["groups"][0]["tests"][1]["uuid"] = json!("$andere.uuid");
    f.write("rules/partijen.json", &r);
    let e = the_error(&f);
    assert_eq!(e.file, "rules/partijen.json");
    assert_eq!(
        e.message,
        "veld.max-lengte: test `lang`: uuid: `$andere.uuid`: nothing is bound to `andere` by an \
         earlier fixture or step"
    );

    // A group's setup binds for its tests only.
    let g = Folder::valid("setup-rule");
    let mut r = rule_file();
    r["groups"][0]["setup"] = json!([{"title": "Nog een partij", "function": "F7554",
                                     "bind": "andere", "body": {}}]);
    r["groups"][0]["tests"][1]["uuid"] = json!("$andere.uuid");
    g.write("rules/partijen.json", &r);
    Suite::load(g.path()).unwrap_or_else(|e| panic!("{e:#?}"));
}

/// The shipped suite, from its folder and compiled in, and every shipped expectations file
/// for the target it is named after.
#[test]
fn the_shipped_suite_loads() {
    let root = Suite::default_root();
    let suite = Suite::load(&root).unwrap_or_else(|e| panic!("{e:#?}"));
    Suite::embedded().unwrap_or_else(|e| panic!("{e:#?}"));
    let mut names = 0;
    for entry in std::fs::read_dir(root.join("expectations")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let target = path.file_stem().unwrap().to_string_lossy().into_owned();
            let e = suite
                .expectations(&target)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(e.target, target);
            names += 1;
        }
    }
    assert!(names >= 2);
}
