//! The durable journal and the audit log: a register reopened from its directory equals the
//! one that was dropped, with or without a snapshot; a journal cut at any byte or with any
//! byte damaged either recovers every acknowledged transaction, cuts off only a torn last
//! frame (and says so), or refuses to open; replaying the audit log rebuilds the register.

#[path = "support/register.rs"]
mod support;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use klantinteracties::model::{ActorId, CategorieId, PartijId, PartijIdentificatorId};
use klantinteracties::register::{
    Action, AnyRecord, AuditRecord, Error, Journal, JournalOptions, Memory, Recovery, Register,
    Snapshot, Storage, DEFAULT_WHO,
};
use klantinteracties::rules::Profile;
use serde_json::json;
use support::*;
use uuid::Uuid;

/// The length of a journal's first line (`KLANTINTERACTIES-JOURNAL 2 <id>\n`).
fn first_line(bytes: &[u8]) -> usize {
    bytes.iter().position(|b| *b == b'\n').unwrap() + 1
}

/// What must survive: the contents, the counters and the audit log.
type Staat = (Vec<(Uuid, AnyRecord)>, (u64, u64), Vec<AuditRecord>);

fn staat(reg: &Register) -> Staat {
    (reg.inhoud(), reg.lengte(), reg.audit_log().unwrap())
}

fn open(dir: &Path) -> Result<Register, Error> {
    builder(Profile::Standaard, 2).open(dir)
}

/// A few transactions of every kind: creates, updates, a cascading delete, a transaction
/// of several calls.
fn schrijf(reg: &Register) {
    let p = uid(&reg.registreer_partij(persoon_met_bsn(BSN)).unwrap());
    reg.registreer_digitaal_adres(email(p, "jan@example.nl"))
        .unwrap();
    let a = uid(&reg.registreer_actor(medewerker("Nicole")).unwrap());
    let dossier = reg
        .registreer_klantcontact(registratie(a, Some(p)))
        .unwrap();
    let k = uid(&dossier.klantcontact);
    reg.transactie_als("Nicole", |tx| {
        let t = uid(&tx.registreer_interne_taak(taak(k, a))?);
        tx.wijzig_interne_taak_deels(t.into(), &json!({"status": "verwerkt"}))?;
        tx.wijzig_actor_deels(ActorId(a), &json!({"naam": "Nicole B."}))
    })
    .unwrap();
    let q = uid(&reg.registreer_partij(persoon_met_bsn(BSN2)).unwrap());
    reg.verwijder_partij(PartijId(q)).unwrap();
}

#[test]
fn a_reopened_register_equals_the_dropped_one() {
    let dir = TempDir::new("reopen");
    let reg = open(dir.path()).unwrap();
    assert!(reg.opslag().contains("journal"));
    schrijf(&reg);
    let voor = staat(&reg);
    drop(reg);
    let reg = open(dir.path()).unwrap();
    assert!(staat(&reg) == voor);
    let rapport = reg.herstelrapport();
    assert_eq!(rapport.transactions, voor.1 .1);
    assert_eq!(rapport.records, voor.1 .0);
    assert_eq!(rapport.truncated, None);
    assert_eq!(rapport.snapshot_seq, None);
    assert!(reg.controleer_invarianten().is_empty());
    // Writing goes on where it left off.
    let c = uid(&reg
        .registreer_categorie(json!({"naam": "Ondernemer"}))
        .unwrap());
    assert_eq!(reg.lengte(), (voor.1 .0 + 1, voor.1 .1 + 1));
    let verder = staat(&reg);
    drop(reg);
    let reg = open(dir.path()).unwrap();
    assert!(staat(&reg) == verder);
    assert!(reg.vraag_categorie_op(CategorieId(c)).is_ok());
    // The seeded ids start over on reopen; new objects still get ids of their own.
    // (An id of a deleted object may come round again, as a caller-supplied one may.)
    let laatste = reg.audit_log_van(c).unwrap().pop().unwrap();
    assert_eq!(laatste.action, Action::Create);
    assert!(voor.0.iter().all(|(id, _)| *id != c));
    let objecten = |reg: &Register| reg.aantallen().iter().map(|(_, n)| n).sum::<usize>();
    assert_eq!(objecten(&reg), voor.0.len() + 1);
    // A refused call leaves nothing in the journal.
    reg.registreer_partij(persoon_met_bsn(BSN)).unwrap_err();
    drop(reg);
    assert!(staat(&open(dir.path()).unwrap()) == verder);
}

#[test]
fn a_snapshot_then_more_writes_reopens_equal() {
    let dir = TempDir::new("snapshot");
    let reg = open(dir.path()).unwrap();
    schrijf(&reg);
    reg.snapshot().unwrap();
    let (seq, _) = reg.lengte();
    let c = uid(&reg
        .registreer_categorie(json!({"naam": "Ondernemer"}))
        .unwrap());
    reg.wijzig_categorie(CategorieId(c), json!({"naam": "Ondernemers"}))
        .unwrap();
    let voor = staat(&reg);
    drop(reg);
    let reg = open(dir.path()).unwrap();
    assert!(staat(&reg) == voor);
    let rapport = reg.herstelrapport();
    assert_eq!(rapport.snapshot_seq, Some(seq));
    assert_eq!(rapport.transactions, voor.1 .1);
    assert_eq!(rapport.records, voor.1 .0);
    // A second snapshot right before closing: nothing to replay.
    reg.snapshot().unwrap();
    drop(reg);
    let reg = open(dir.path()).unwrap();
    assert!(staat(&reg) == voor);
    assert_eq!(reg.herstelrapport().snapshot_seq, Some(voor.1 .0));
    // The newest objects are still found newest first.
    let gevonden = reg
        .zoek_partij(&klantinteracties::register::Zoekvraag::new())
        .unwrap();
    assert_eq!(gevonden.count, 1);
}

#[test]
fn a_damaged_snapshot_is_ignored_and_the_journal_replayed() {
    let dir = TempDir::new("snapshot-kapot");
    let reg = open(dir.path()).unwrap();
    schrijf(&reg);
    reg.snapshot().unwrap();
    reg.registreer_categorie(json!({"naam": "Ondernemer"}))
        .unwrap();
    let voor = staat(&reg);
    drop(reg);
    let pad = dir.path().join("snapshot.bin");
    let mut bytes = std::fs::read(&pad).unwrap();
    let midden = bytes.len() / 2;
    bytes[midden] ^= 0x20;
    std::fs::write(&pad, &bytes).unwrap();
    // A half-written temporary snapshot is ignored too.
    std::fs::write(dir.path().join("snapshot.bin.tmp"), &bytes[..midden]).unwrap();
    let reg = open(dir.path()).unwrap();
    assert!(staat(&reg) == voor);
    assert_eq!(reg.herstelrapport().snapshot_seq, None);
}

#[test]
fn without_sync_the_journal_still_reopens_equal() {
    let dir = TempDir::new("nosync");
    let reg = builder(Profile::Standaard, 2)
        .journal(JournalOptions { sync: false })
        .open(dir.path())
        .unwrap();
    schrijf(&reg);
    let voor = staat(&reg);
    drop(reg);
    assert!(staat(&open(dir.path()).unwrap()) == voor);
}

/// A small journal of a few transactions, its bytes and where each frame ends.
struct Klein {
    _dir: TempDir,
    bytes: Vec<u8>,
    /// `ends[n]`: the offset just after the n-th frame (`ends[0]` is the magic line).
    ends: Vec<usize>,
    /// `states[n]`: the contents after n transactions.
    states: Vec<Vec<(Uuid, AnyRecord)>>,
}

fn klein() -> Klein {
    let dir = TempDir::new("klein");
    let reg = open(dir.path()).unwrap();
    let c = uid(&reg.registreer_categorie(json!({"naam": "A"})).unwrap());
    reg.registreer_categorie(json!({"naam": "B"})).unwrap();
    reg.wijzig_categorie(CategorieId(c), json!({"naam": "C"}))
        .unwrap();
    reg.verwijder_categorie(CategorieId(c)).unwrap();
    let log = reg.audit_log().unwrap();
    let total = reg.lengte().1;
    drop(reg);
    let bytes = std::fs::read(dir.path().join("journal.log")).unwrap();
    let mut ends = vec![first_line(&bytes)];
    while *ends.last().unwrap() < bytes.len() {
        let at = *ends.last().unwrap();
        let len = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        ends.push(at + 8 + len);
    }
    assert_eq!(*ends.last().unwrap(), bytes.len());
    assert_eq!(ends.len() as u64, total + 1);
    let states = (0..=total)
        .map(|n| {
            let prefix: Vec<AuditRecord> =
                log.iter().filter(|r| r.transaction <= n).cloned().collect();
            Register::from_audit_log(&prefix, builder(Profile::Standaard, 3))
                .unwrap()
                .inhoud()
        })
        .collect();
    Klein {
        _dir: dir,
        bytes,
        ends,
        states,
    }
}

/// A directory holding `bytes` as its journal.
fn met_journal(bytes: &[u8]) -> TempDir {
    let dir = TempDir::new("kopie");
    std::fs::write(dir.path().join("journal.log"), bytes).unwrap();
    dir
}

#[test]
fn a_journal_cut_at_any_byte_recovers_the_complete_frames() {
    let j = klein();
    for cut in 0..=j.bytes.len() {
        let dir = met_journal(&j.bytes[..cut]);
        let reg = open(dir.path()).unwrap_or_else(|e| panic!("cut at {cut}: {e}"));
        let complete = j
            .ends
            .iter()
            .filter(|e| **e <= cut)
            .count()
            .saturating_sub(1);
        assert_eq!(reg.lengte().1, complete as u64, "cut at {cut}");
        assert!(reg.inhoud() == j.states[complete], "cut at {cut}");
        let at_boundary = cut == 0 || j.ends.contains(&cut);
        let rapport = reg.herstelrapport();
        assert_eq!(
            rapport.truncated.is_some(),
            !at_boundary,
            "cut at {cut}: {rapport:?}"
        );
        if let Some(t) = &rapport.truncated {
            assert_eq!(t.offset + t.discarded, cut as u64, "cut at {cut}");
        }
        assert!(reg.controleer_invarianten().is_empty());
        // The torn tail is gone: writing on and reopening loses nothing.
        reg.registreer_categorie(json!({"naam": "na herstel"}))
            .unwrap();
        let voor = staat(&reg);
        drop(reg);
        let reg = open(dir.path()).unwrap();
        assert!(staat(&reg) == voor, "cut at {cut}");
        assert_eq!(reg.herstelrapport().truncated, None, "cut at {cut}");
    }
}

/// Issue: one flipped bit in the last complete, synced frame was taken for a torn write and
/// the acknowledged transaction cut off. A complete frame that is wrong is damage: opening
/// refuses and changes nothing, and only an explicit repair cuts it off, keeping the bytes.
#[test]
fn a_damaged_byte_is_refused_never_cut_off_silently() {
    let j = klein();
    for at in 0..j.bytes.len() {
        for mask in [0x01u8, 0xff] {
            let mut bytes = j.bytes.clone();
            bytes[at] ^= mask;
            let dir = met_journal(&bytes);
            match open(dir.path()) {
                Ok(reg) => panic!(
                    "byte {at} ^ {mask:#x}: opened with {} transactions: {:?}",
                    reg.lengte().1,
                    reg.herstelrapport()
                ),
                Err(e) => {
                    assert!(matches!(e, Error::Storage(_)), "byte {at}: {e:?}");
                    let now = std::fs::read(dir.path().join("journal.log")).unwrap();
                    assert!(now == bytes, "byte {at}: the journal was changed");
                    // Read-only inspection refuses the same way and writes nothing either.
                    assert!(builder(Profile::Standaard, 2)
                        .open_read_only(dir.path())
                        .is_err());
                }
            }
        }
    }
}

#[test]
fn every_bit_flipped_in_the_last_frame_is_damage_and_repair_keeps_the_bytes() {
    let j = klein();
    let total = j.ends.len() - 1;
    let last = j.ends[total - 1];
    for at in last..j.bytes.len() {
        for bit in 0..8 {
            let mut bytes = j.bytes.clone();
            bytes[at] ^= 1 << bit;
            let dir = met_journal(&bytes);
            let e = open(dir.path()).expect_err("a flipped bit opened");
            assert!(e.to_string().contains("repair"), "{e}");
            assert!(std::fs::read(dir.path().join("journal.log")).unwrap() == bytes);
            let repair = Journal::repair(dir.path()).unwrap();
            assert_eq!(repair.offset, last as u64, "byte {at} bit {bit}");
            let side = std::fs::read(repair.side_file.unwrap()).unwrap();
            assert!(
                side == bytes[last..],
                "byte {at} bit {bit}: the cut bytes are kept"
            );
            let reg = open(dir.path()).unwrap();
            assert!(reg.inhoud() == j.states[total - 1]);
            assert_eq!(reg.herstelrapport().truncated, None);
        }
    }
}

#[test]
fn repair_leaves_a_sound_journal_alone() {
    let dir = TempDir::new("repair-heel");
    let reg = open(dir.path()).unwrap();
    schrijf(&reg);
    let voor = staat(&reg);
    drop(reg);
    let before = std::fs::read(dir.path().join("journal.log")).unwrap();
    let repair = Journal::repair(dir.path()).unwrap();
    assert_eq!((repair.cut, repair.side_file), (0, None));
    assert!(std::fs::read(dir.path().join("journal.log")).unwrap() == before);
    assert!(staat(&open(dir.path()).unwrap()) == voor);
}

/// Issue: a snapshot used with a journal it does not belong to brought old objects back and
/// lost acknowledged new ones without a word.
#[test]
fn a_snapshot_of_another_journal_or_beyond_its_end_is_refused() {
    let dir = TempDir::new("snapshot-vreemd");
    let reg = open(dir.path()).unwrap();
    schrijf(&reg);
    reg.snapshot().unwrap();
    reg.registreer_categorie(json!({"naam": "Na de snapshot"}))
        .unwrap();
    drop(reg);
    let journal = dir.path().join("journal.log");
    let bytes = std::fs::read(&journal).unwrap();
    let refused = |why: &str| {
        let e = open(dir.path()).expect_err(why).to_string();
        assert!(
            e.contains("snapshot.bin") && e.contains("journal.log"),
            "{why}: {e}"
        );
    };
    // Deleted: a new journal starts, with another id.
    std::fs::remove_file(&journal).unwrap();
    refused("journal deleted");
    // Cut below the snapshot's offset.
    std::fs::write(&journal, &bytes[..bytes.len() / 3]).unwrap();
    refused("journal cut");
    // Replaced by another journal of the same length: another id.
    let other = TempDir::new("snapshot-ander");
    let reg = open(other.path()).unwrap();
    schrijf(&reg);
    drop(reg);
    std::fs::copy(other.path().join("journal.log"), &journal).unwrap();
    refused("journal replaced");
    // A damaged first line is refused (the snapshot aside).
    let mut changed = bytes.clone();
    let line = first_line(&bytes);
    changed[line - 2] ^= 1;
    std::fs::write(&journal, &changed).unwrap();
    assert!(open(dir.path()).is_err());
    // This journal's frames under another journal's first line: another id.
    let theirs = std::fs::read(other.path().join("journal.log")).unwrap();
    let mut spliced = theirs[..first_line(&theirs)].to_vec();
    spliced.extend_from_slice(&bytes[line..]);
    std::fs::write(&journal, &spliced).unwrap();
    refused("another journal's id");
    // Other valid frames under this journal's first line, as long: the prefix checksum.
    let other = TempDir::new("snapshot-anders");
    let reg = open(other.path()).unwrap();
    for i in 0..40 {
        reg.registreer_categorie(json!({"naam": format!("Anders {i}")}))
            .unwrap();
    }
    drop(reg);
    let theirs = std::fs::read(other.path().join("journal.log")).unwrap();
    let mut spliced = bytes[..line].to_vec();
    spliced.extend_from_slice(&theirs[first_line(&theirs)..]);
    assert!(spliced.len() >= bytes.len());
    std::fs::write(&journal, &spliced).unwrap();
    refused("frames replaced under the same first line");
    // The journal as it was opens again, with everything.
    std::fs::write(&journal, &bytes).unwrap();
    let reg = open(dir.path()).unwrap();
    assert!(!reg.inhoud().is_empty());
    assert!(reg.herstelrapport().snapshot_seq.is_some());
}

#[test]
fn a_second_open_is_refused_and_a_read_only_one_sees_the_writes() {
    let dir = TempDir::new("slot");
    let reg = open(dir.path()).unwrap();
    schrijf(&reg);
    let e = open(dir.path()).expect_err("a second writer opened the register");
    assert!(e.to_string().contains("another process"), "{e}");
    let lezer = builder(Profile::Standaard, 2)
        .open_read_only(dir.path())
        .unwrap();
    assert!(lezer.inhoud() == reg.inhoud());
    assert!(lezer.opslag().contains("read-only"));
    // A write through the reader is refused and changes nothing.
    let before = std::fs::read(dir.path().join("journal.log")).unwrap();
    assert!(lezer
        .registreer_categorie(json!({"naam": "Via de lezer"}))
        .is_err());
    assert_eq!(lezer.inhoud().len(), reg.inhoud().len());
    assert!(std::fs::read(dir.path().join("journal.log")).unwrap() == before);
    drop(reg);
    let reg = open(dir.path()).unwrap();
    assert!(reg.inhoud() == lezer.inhoud());
}

#[test]
fn a_read_only_open_cuts_nothing_off() {
    let j = klein();
    let cut = j.bytes.len() - 3;
    let dir = met_journal(&j.bytes[..cut]);
    let reg = builder(Profile::Standaard, 2)
        .open_read_only(dir.path())
        .unwrap();
    assert!(reg.herstelrapport().truncated.is_some());
    assert_eq!(
        std::fs::read(dir.path().join("journal.log")).unwrap().len(),
        cut
    );
    assert!(builder(Profile::Standaard, 2)
        .open_read_only(TempDir::new("leeg").path())
        .is_err());
}

#[test]
fn an_empty_directory_name_is_refused_and_creates_nothing() {
    assert!(Register::open("").is_err());
    assert!(!Path::new("journal.log").exists());
}

#[test]
fn a_journal_of_something_else_is_refused() {
    let dir = met_journal(b"{\"niet\": \"een journaal\"}\n and more than the magic line");
    assert!(matches!(open(dir.path()), Err(Error::Storage(_))));
}

#[test]
fn replaying_the_audit_log_rebuilds_the_register() {
    let reg = register();
    schrijf(&reg);
    let log = reg.audit_log().unwrap();
    assert!(
        log.iter().enumerate().all(|(i, r)| r.seq == i as u64 + 1),
        "no gaps"
    );
    let kopie = Register::from_audit_log(&log, builder(Profile::Standaard, 5)).unwrap();
    assert!(kopie.inhoud() == reg.inhoud());
    assert_eq!(kopie.lengte(), reg.lengte());
    assert_eq!(kopie.audit_log().unwrap(), log);
    assert!(kopie.controleer_invarianten().is_empty());
    // And from a journal.
    let dir = TempDir::new("replay");
    let journaal = open(dir.path()).unwrap();
    schrijf(&journaal);
    let kopie = Register::from_audit_log(
        &journaal.audit_log().unwrap(),
        builder(Profile::Standaard, 6),
    )
    .unwrap();
    assert!(kopie.inhoud() == journaal.inhoud());
}

#[test]
fn a_replayed_register_with_the_same_seed_hands_out_new_ids() {
    let reg = register_in(Profile::OpenKlant);
    let ids: Vec<Uuid> = (0..5)
        .map(|_| uid(&reg.registreer_partij(persoon()).unwrap()))
        .collect();
    // Same seed as `register_in`: the id source repeats the ids it gave before.
    let kopie = Register::from_audit_log(&reg.audit_log().unwrap(), builder(Profile::OpenKlant, 1))
        .unwrap();
    let nieuw = uid(&kopie.registreer_partij(persoon()).unwrap());
    assert!(!ids.contains(&nieuw));
    assert_eq!(kopie.aantallen().iter().map(|(_, n)| n).sum::<usize>(), 6);
    for id in ids {
        assert_eq!(
            kopie.audit_log_van(id).unwrap().len(),
            1,
            "{id} was overwritten"
        );
    }
}

#[test]
fn the_audit_log_of_one_object() {
    let reg = register();
    let p = uid(&reg.registreer_partij(persoon_met_bsn(BSN)).unwrap());
    reg.wijzig_partij_deels(PartijId(p), &json!({"indicatieActief": false}))
        .unwrap();
    let bsn = reg
        .zoek_partij_identificator(&klantinteracties::register::Zoekvraag::new())
        .unwrap()
        .results[0]
        .uuid
        .unwrap();
    reg.transactie_als("Nicole", |tx| tx.verwijder_partij(PartijId(p)))
        .unwrap();
    let records = reg.audit_log_van(p).unwrap();
    assert_eq!(
        records.iter().map(|r| r.action).collect::<Vec<_>>(),
        vec![Action::Create, Action::Update, Action::Delete]
    );
    assert!(records.iter().all(|r| r.id == p));
    assert_eq!(records[0].fcode.as_deref(), Some("F7554"));
    assert_eq!(records[0].operation, "registreer_partij");
    assert_eq!(records[1].fcode.as_deref(), Some("F2158"));
    assert_eq!(records[0].who, DEFAULT_WHO);
    assert_eq!(records[2].who, "Nicole");
    assert!(records[0].before.is_none() && records[0].after.is_some());
    assert_eq!(records[1].before, records[0].after);
    assert!(records[2].after.is_none());
    assert!(records
        .windows(2)
        .all(|w| w[0].seq < w[1].seq && w[0].time < w[1].time));
    // The identificator: created with the partij, deleted with it, in the same transactions.
    let records_bsn = reg.audit_log_van(bsn.0).unwrap();
    assert_eq!(
        records_bsn.iter().map(|r| r.action).collect::<Vec<_>>(),
        vec![Action::Create, Action::Delete]
    );
    assert_eq!(records_bsn[0].transaction, records[0].transaction);
    assert_eq!(records_bsn[1].transaction, records[2].transaction);
    assert_eq!(records_bsn[1].operation, "verwijder_partij");
    assert!(reg
        .vraag_partij_identificator_op(PartijIdentificatorId(bsn.0))
        .is_err());
    assert!(reg.audit_log_van(Uuid::new_v4()).unwrap().is_empty());
}

/// Storage in memory that fails on demand, like a full disk.
#[derive(Debug)]
struct Wankel {
    inner: Memory,
    faal: Arc<AtomicBool>,
}

impl Storage for Wankel {
    fn recover(&mut self) -> Result<Recovery, Error> {
        self.inner.recover()
    }

    fn commit(&mut self, transaction: &[AuditRecord]) -> Result<(), Error> {
        if self.faal.load(Ordering::SeqCst) {
            return Err(Error::Storage("schijf vol".to_owned()));
        }
        self.inner.commit(transaction)
    }

    fn audit_log(&self) -> Result<Vec<AuditRecord>, Error> {
        self.inner.audit_log()
    }

    fn write_snapshot(&mut self, snapshot: &Snapshot) -> Result<(), Error> {
        self.inner.write_snapshot(snapshot)
    }

    fn describe(&self) -> String {
        "wankel".to_owned()
    }
}

#[test]
fn a_failing_commit_rolls_the_transaction_back() {
    let faal = Arc::new(AtomicBool::new(false));
    let reg = builder(Profile::Standaard, 1)
        .with_storage(Box::new(Wankel {
            inner: Memory::default(),
            faal: faal.clone(),
        }))
        .unwrap();
    assert_eq!(reg.opslag(), "wankel");
    schrijf(&reg);
    let voor = staat(&reg);
    faal.store(true, Ordering::SeqCst);
    let e = reg.registreer_actor(medewerker("Bert")).unwrap_err();
    assert!(matches!(e, Error::Storage(_)), "{e:?}");
    assert!(staat(&reg) == voor);
    let e = reg
        .transactie(|tx| {
            let p = uid(&tx.registreer_partij(persoon_met_bsn(BSN3))?);
            tx.registreer_digitaal_adres(email(p, "piet@example.nl"))
        })
        .unwrap_err();
    assert!(matches!(e, Error::Storage(_)));
    assert_eq!(e.problem().status, 500);
    assert!(staat(&reg) == voor);
    // Once the storage works again, so does the register, without gaps in the log.
    faal.store(false, Ordering::SeqCst);
    reg.registreer_partij(persoon_met_bsn(BSN3)).unwrap();
    let log = reg.audit_log().unwrap();
    assert!(log.iter().enumerate().all(|(i, r)| r.seq == i as u64 + 1));
    assert_eq!(log.last().unwrap().transaction, voor.1 .1 + 1);
}

#[test]
fn writers_on_several_threads_are_serialized() {
    let dir = TempDir::new("threads");
    let reg = builder(Profile::Standaard, 1)
        .journal(JournalOptions { sync: false })
        .open(dir.path())
        .unwrap();
    std::thread::scope(|s| {
        for t in 0..4 {
            let reg = &reg;
            s.spawn(move || {
                for i in 0..10 {
                    reg.registreer_categorie(json!({ "naam": format!("{t}-{i}") }))
                        .unwrap();
                    reg.zoek_categorie(&klantinteracties::register::Zoekvraag::new())
                        .unwrap();
                }
            });
        }
    });
    assert_eq!(reg.lengte(), (40, 40));
    let log = reg.audit_log().unwrap();
    assert!(log
        .iter()
        .enumerate()
        .all(|(i, r)| r.seq == i as u64 + 1 && r.transaction == i as u64 + 1));
    let voor = staat(&reg);
    drop(reg);
    assert!(staat(&open(dir.path()).unwrap()) == voor);
}

/// Issue: a record stored under another resource than its own (from `from_audit_log` or a
/// crafted journal frame) reached an `unreachable!`. Now replaying refuses it.
#[test]
fn a_record_of_another_resource_is_refused_not_a_panic() {
    let reg = register_in(Profile::Standaard);
    reg.registreer_categorie(json!({"naam": "Ondernemer"}))
        .unwrap();
    let mut log = reg.audit_log().unwrap();
    assert!(Register::from_audit_log(&log, builder(Profile::Standaard, 3)).is_ok());
    log[0].resource = klantinteracties::Resource::Actoren;
    let e = Register::from_audit_log(&log, builder(Profile::Standaard, 3))
        .expect_err("a categorie stored as an actor was replayed");
    assert!(e.to_string().contains("audit record 1"), "{e}");
    log[0].resource = klantinteracties::Resource::MaakKlantcontact;
    assert!(Register::from_audit_log(&log, builder(Profile::Standaard, 3)).is_err());

    // The same record in a journal frame with a valid checksum: damage, not a panic.
    let j = klein();
    let at = j.ends[j.ends.len() - 2];
    let payload = &j.bytes[at + 8..];
    let mut records: serde_json::Value = serde_json::from_slice(payload).unwrap();
    records[0]["resource"] = json!("actoren");
    let payload = serde_json::to_vec(&records).unwrap();
    let mut bytes = j.bytes[..at].to_vec();
    bytes.extend_from_slice(&u32::try_from(payload.len()).unwrap().to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    let dir = met_journal(&bytes);
    let e = open(dir.path()).expect_err("a crafted frame was replayed");
    assert!(e.to_string().contains("another resource"), "{e}");
}
