//! The whole conformance suite against the embedded register (goal: under one second), and
//! its parts: loading and checking the files, the case variants, the rule tests.
//!
//! `cargo bench -p klantinteracties-conformance --bench suite`

use criterion::{criterion_group, criterion_main, Criterion};
use klantinteracties::rules::Profile;
use klantinteracties_conformance::embedded::EmbeddedTarget;
use klantinteracties_conformance::run::run;
use klantinteracties_conformance::suite::Suite;

fn suite(c: &mut Criterion) {
    let root = Suite::default_root();
    let loaded = Suite::load(&root).expect("the suite loads");
    let expectations = loaded.expectations("embedded").expect("expectations load");
    let mut group = c.benchmark_group("conformance");
    group.sample_size(20);
    group.bench_function("load", |b| b.iter(|| Suite::load(&root).expect("loads")));
    for (name, pattern) in [
        ("cases", Some("C*")),
        ("rules", Some("rules/*")),
        ("all", None),
    ] {
        group.bench_function(format!("run {name}"), |b| {
            b.iter(|| {
                let mut target = EmbeddedTarget::new(Profile::Standaard);
                let report = run(&loaded, &mut target, &expectations, pattern);
                assert!(report.passed());
                report.results.len()
            });
        });
    }
    group.bench_function("load and run all", |b| {
        b.iter(|| {
            let suite = Suite::load(&root).expect("loads");
            let mut target = EmbeddedTarget::new(Profile::Standaard);
            run(&suite, &mut target, &expectations, None).results.len()
        });
    });
    group.finish();
}

criterion_group!(benches, suite);
criterion_main!(benches);
