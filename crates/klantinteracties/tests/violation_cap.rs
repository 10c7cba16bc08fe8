//! Issue: violations were unbounded (a 20 MB document of 10 million numbers took 91 s and
//! 6 GB and printed 2 GB). A report now lists at most `MAX_VIOLATIONS` and says how many more
//! there were; this test measures the heap validation takes with dhat's counting allocator
//! (in a test binary of its own, one test, so nothing else allocates meanwhile).

use klantinteracties::rules::{self, Options, MAX_VIOLATIONS};
use klantinteracties::Resource;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

/// A partij whose `digitaleAdressen` holds `n` numbers where references belong: `n`
/// violations.
fn document(n: usize) -> Vec<u8> {
    let mut doc = String::from(
        r#"{"soortPartij": "persoon", "indicatieActief": true, "digitaleAdressen": ["#,
    );
    for i in 0..n {
        if i > 0 {
            doc.push(',');
        }
        doc.push('1');
    }
    doc.push_str("]}");
    doc.into_bytes()
}

#[test]
fn many_violations_are_reported_as_a_hundred_and_one_in_bounded_memory() {
    let _profiler = dhat::Profiler::builder().testing().build();
    // Up to the cap, every violation is listed.
    for n in [MAX_VIOLATIONS - 1, MAX_VIOLATIONS] {
        let report = rules::validate(Resource::Partijen, &document(n), Options::default());
        assert_eq!(report.violations.len(), n, "{n}");
        assert!(report
            .violations
            .iter()
            .all(|v| v.code != "too_many_errors"));
    }
    let n = 200_000;
    let bytes = document(n);
    let before = dhat::HeapStats::get();
    let report = rules::validate(Resource::Partijen, &bytes, Options::default());
    let after = dhat::HeapStats::get();
    // The parsed document (a `serde_json::Value` of 200,000 numbers: 6.4 MB) dominates; the
    // 200,000 violations, kept, would add some 45 MB (measured without the cap: 73 MB at the peak, against 18 MB with it).
    let peak = after.max_bytes.saturating_sub(before.curr_bytes);
    assert!(
        peak < 28 << 20,
        "validation took {} MB at its peak",
        peak >> 20
    );
    assert_eq!(report.violations.len(), MAX_VIOLATIONS + 1);
    let last = report.violations.last().unwrap();
    assert_eq!(
        (last.name.as_str(), last.code.as_str(), last.rule.as_str()),
        (
            "nonFieldErrors",
            "too_many_errors",
            "document.overtredingen"
        )
    );
    assert!(
        last.reason.contains(&(n - MAX_VIOLATIONS).to_string()),
        "{}",
        last.reason
    );
    let problem = serde_json::to_vec(&report.problem()).unwrap();
    assert!(problem.len() < 32 << 10, "{} bytes", problem.len());
}
