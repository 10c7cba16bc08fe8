//! Validation from bytes: for any input, every resource and profile gives a report (never a
//! panic), and every violation names a catalogued rule.
#![no_main]

use klantinteracties::rules::{self, Options, Profile};
use klantinteracties::Resource;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the resource, so that one input is one validation per profile.
    let Some((&pick, document)) = data.split_first() else {
        return;
    };
    let resource = Resource::ALL[usize::from(pick) % Resource::ALL.len()];
    for &profile in Profile::ALL {
        let report = rules::validate(resource, document, Options::input(profile));
        for v in &report.violations {
            assert!(rules::catalogue::rule(&v.rule).is_some(), "{:?}", v.rule);
        }
    }
});
