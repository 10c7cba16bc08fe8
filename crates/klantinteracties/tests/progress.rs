//! Progress reports: generating synthetic data reports every stage up to its total, and
//! reopening a journal reports the replay up to the number of transactions.

#[path = "support/register.rs"]
mod support;

use std::sync::{Arc, Mutex};

use klantinteracties::progress::Progress;
use klantinteracties::register::Register;
use klantinteracties::synthetic::{vul_met_voortgang, Omvang};

type Reports = Arc<Mutex<Vec<(String, u64, u64)>>>;

fn recorder() -> (Progress, Reports) {
    let reports: Reports = Arc::default();
    let sink = Arc::clone(&reports);
    let progress = Progress::new(move |stage, done, total| {
        sink.lock().unwrap().push((stage.to_owned(), done, total));
    });
    (progress, reports)
}

#[test]
fn generating_and_reopening_report_progress_up_to_the_total() {
    let dir = support::TempDir::new("progress");
    let omvang = Omvang::voor(1500, 40);
    let (progress, reports) = recorder();
    {
        let register = Register::builder().open(dir.path()).unwrap();
        vul_met_voortgang(&register, &omvang, 7, &progress).unwrap();
    }
    let seen = reports.lock().unwrap().clone();
    for (stage, total) in [
        ("actoren", omvang.actoren),
        ("partijen", omvang.partijen),
        ("klantcontacten", omvang.klantcontacten),
        ("interne taken", omvang.interne_taken),
    ] {
        let of_stage: Vec<_> = seen.iter().filter(|r| r.0 == stage).collect();
        assert!(!of_stage.is_empty(), "{stage} was reported");
        assert!(
            of_stage.windows(2).all(|w| w[0].1 < w[1].1),
            "{stage} only goes up"
        );
        assert_eq!(
            of_stage.last().unwrap().1,
            total as u64,
            "{stage} ends at its total"
        );
    }
    assert!(
        seen.iter().filter(|r| r.0 == "partijen").count() >= 2,
        "1500 partijen are reported more than once"
    );

    let (progress, reports) = recorder();
    let register = Register::builder()
        .progress(progress)
        .open(dir.path())
        .unwrap();
    let transactions = register.herstelrapport().transactions;
    let seen = reports.lock().unwrap().clone();
    let last = seen.last().expect("the replay was reported");
    assert_eq!(last.0, "herstel");
    assert_eq!((last.1, last.2), (transactions, transactions));
}
