//! Journal replay from bytes: a journal either opens, and then holds every invariant, or is
//! refused with an error and left byte for byte as it was; a read-only open agrees and never
//! writes.
#![no_main]

use klantinteracties::register::Register;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("journal.log");
    std::fs::write(&path, data).expect("write the journal");
    let read_only = Register::builder().open_read_only(dir.path());
    assert!(
        std::fs::read(&path).expect("read") == data,
        "a read-only open wrote"
    );
    let opened = Register::builder().open(dir.path());
    assert_eq!(
        opened.is_ok(),
        read_only.is_ok(),
        "read-only and writable opens disagree"
    );
    match opened {
        Ok(register) => assert!(register.controleer_invarianten().is_empty()),
        Err(_) => assert!(
            std::fs::read(&path).expect("read") == data,
            "a refusal changed it"
        ),
    }
});
