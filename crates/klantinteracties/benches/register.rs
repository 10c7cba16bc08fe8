//! Register benchmark (issue 3): load through the public API with every invariant on, then
//! query, side by side with the same data and queries in SQLite (rusqlite, in memory, with
//! the indexes an SQL register needs). Prints a Markdown table with our speed-up per query.
//!
//! `cargo bench -p klantinteracties --bench register`; `KI_BENCH_SCALE=0.1` for a smaller
//! run (default 1: 1,000,000 partijen, 2,000,000 klantcontacten, 500,000 interne taken).

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "support/timing.rs"]
mod timing;

use klantinteracties::register::{AnyRecord, Register, Zoekvraag};
use klantinteracties::synthetic::{self, Gegenereerd, Omvang};
use rand::rngs::SmallRng;
use rand::{RngExt, SeedableRng};
use rusqlite::{params, Connection};
use timing::{measure, us};
use uuid::Uuid;

fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|x| x.parse::<u64>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}

const SCHEMA: &str = "
CREATE TABLE partij (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, soort TEXT NOT NULL, actief INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE partij_identificator (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, partij TEXT, objecttype TEXT, soort TEXT, object_id TEXT, register TEXT, sub_van TEXT);
CREATE INDEX pi_object_id ON partij_identificator(object_id);
CREATE INDEX pi_partij ON partij_identificator(partij);
CREATE TABLE digitaal_adres (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, partij TEXT, betrokkene TEXT, soort TEXT, adres TEXT, data TEXT);
CREATE INDEX da_partij ON digitaal_adres(partij);
CREATE TABLE actor (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, naam TEXT, actief INTEGER, data TEXT);
CREATE TABLE klantcontact (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, plaatsgevonden_op TEXT, kanaal TEXT, onderwerp TEXT, data TEXT);
CREATE TABLE betrokkene (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, klantcontact TEXT NOT NULL, partij TEXT, data TEXT);
CREATE INDEX bk_partij ON betrokkene(partij);
CREATE INDEX bk_klantcontact ON betrokkene(klantcontact);
CREATE TABLE actor_klantcontact (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, actor TEXT, klantcontact TEXT, UNIQUE(actor, klantcontact));
CREATE INDEX ak_klantcontact ON actor_klantcontact(klantcontact);
CREATE TABLE interne_taak (id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE, klantcontact TEXT, status TEXT, data TEXT);
CREATE TABLE taak_actor (taak TEXT, actor TEXT);
CREATE INDEX ta_actor ON taak_actor(actor);
";

/// The same data in SQLite, copied from the register's contents.
fn load_sqlite(register: &Register) -> (Connection, Duration) {
    let rows = register.inhoud();
    let start = Instant::now();
    let mut db = Connection::open_in_memory().expect("sqlite");
    db.execute_batch(SCHEMA).expect("schema");
    let tx = db.transaction().expect("tx");
    {
        let mut partij = tx
            .prepare("INSERT INTO partij (uuid, soort, actief, data) VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        let mut pi = tx.prepare("INSERT INTO partij_identificator (uuid, partij, objecttype, soort, object_id, register, sub_van) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)").unwrap();
        let mut da = tx.prepare("INSERT INTO digitaal_adres (uuid, partij, betrokkene, soort, adres, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)").unwrap();
        let mut actor = tx
            .prepare("INSERT INTO actor (uuid, naam, actief, data) VALUES (?1, ?2, ?3, ?4)")
            .unwrap();
        let mut kc = tx.prepare("INSERT INTO klantcontact (uuid, plaatsgevonden_op, kanaal, onderwerp, data) VALUES (?1, ?2, ?3, ?4, ?5)").unwrap();
        let mut bk = tx
            .prepare(
                "INSERT INTO betrokkene (uuid, klantcontact, partij, data) VALUES (?1, ?2, ?3, ?4)",
            )
            .unwrap();
        let mut ak = tx
            .prepare(
                "INSERT INTO actor_klantcontact (uuid, actor, klantcontact) VALUES (?1, ?2, ?3)",
            )
            .unwrap();
        let mut it = tx.prepare("INSERT INTO interne_taak (uuid, klantcontact, status, data) VALUES (?1, ?2, ?3, ?4)").unwrap();
        let mut ta = tx
            .prepare("INSERT INTO taak_actor (taak, actor) VALUES (?1, ?2)")
            .unwrap();
        for (id, rec) in &rows {
            let id = id.to_string();
            let data = rec.to_json().unwrap();
            let s = |v: &serde_json::Value, k: &str| {
                v.get(k).and_then(|x| x.as_str()).map(str::to_owned)
            };
            let r = |v: &serde_json::Value, k: &str| {
                v.get(k)
                    .and_then(|x| x.get("uuid"))
                    .and_then(|x| x.as_str())
                    .map(str::to_owned)
            };
            match rec {
                AnyRecord::Partijen(_) => {
                    partij
                        .execute(params![id, s(&data, "soortPartij"), true, data.to_string()])
                        .unwrap();
                }
                AnyRecord::PartijIdentificatoren(_) => {
                    let g = &data["partijIdentificator"];
                    pi.execute(params![
                        id,
                        r(&data, "identificeerdePartij"),
                        s(g, "codeObjecttype"),
                        s(g, "codeSoortObjectId"),
                        s(g, "objectId"),
                        s(g, "codeRegister"),
                        r(&data, "subIdentificatorVan")
                    ])
                    .unwrap();
                }
                AnyRecord::DigitaleAdressen(_) => {
                    da.execute(params![
                        id,
                        r(&data, "verstrektDoorPartij"),
                        r(&data, "verstrektDoorBetrokkene"),
                        s(&data, "soortDigitaalAdres"),
                        s(&data, "adres"),
                        data.to_string()
                    ])
                    .unwrap();
                }
                AnyRecord::Actoren(_) => {
                    actor
                        .execute(params![id, s(&data, "naam"), true, data.to_string()])
                        .unwrap();
                }
                AnyRecord::Klantcontacten(_) => {
                    kc.execute(params![
                        id,
                        s(&data, "plaatsgevondenOp"),
                        s(&data, "kanaal"),
                        s(&data, "onderwerp"),
                        data.to_string()
                    ])
                    .unwrap();
                }
                AnyRecord::Betrokkenen(_) => {
                    bk.execute(params![
                        id,
                        r(&data, "hadKlantcontact"),
                        r(&data, "wasPartij"),
                        data.to_string()
                    ])
                    .unwrap();
                }
                AnyRecord::Actorklantcontacten(_) => {
                    ak.execute(params![id, r(&data, "actor"), r(&data, "klantcontact")])
                        .unwrap();
                }
                AnyRecord::Internetaken(_) => {
                    it.execute(params![
                        id,
                        r(&data, "aanleidinggevendKlantcontact"),
                        s(&data, "status"),
                        data.to_string()
                    ])
                    .unwrap();
                    for a in data["toegewezenAanActoren"]
                        .as_array()
                        .into_iter()
                        .flatten()
                    {
                        ta.execute(params![id, a["uuid"].as_str()]).unwrap();
                    }
                }
                _ => {}
            }
        }
    }
    tx.commit().expect("commit");
    let took = start.elapsed();
    (db, took)
}

fn main() {
    let scale: f64 = std::env::var("KI_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let n = |x: f64| (x * scale) as usize;
    let omvang = Omvang {
        partijen: n(1_000_000.0),
        klantcontacten: n(2_000_000.0),
        interne_taken: n(500_000.0),
        actoren: n(20_000.0).max(10),
        batch: 1,
        organisatie_elke: 0,
    };
    println!("# Register benchmark (scale {scale})\n");
    println!("Data: {} partijen (each with a BSN identificator and a digitaal adres), {} klantcontacten (each with one actor and one betrokkene), {} interne taken, {} actoren; every call its own transaction, all invariants on.\n",
        omvang.partijen, omvang.klantcontacten, omvang.interne_taken, omvang.actoren);

    let before = rss_bytes();
    let start = Instant::now();
    let register = Register::in_memory();
    let data: Gegenereerd = synthetic::vul(&register, &omvang, 42).expect("load");
    let load = start.elapsed();
    let objects: usize = register.aantallen().iter().map(|(_, n)| n).sum();
    let (records, _) = register.lengte();
    let rss = rss_bytes().saturating_sub(before);
    println!("| Load | Time | Objects | Resident memory | Per object |");
    println!("|---|---|---|---|---|");
    println!("| in memory | {:.1} s | {objects} | {:.0} MiB | {:.0} bytes (incl. the in-memory audit log of {records} records) |",
        load.as_secs_f64(), rss as f64 / 1_048_576.0, rss as f64 / objects as f64);

    let (db, sqlite_load) = load_sqlite(&register);
    println!("| SQLite in memory (bulk insert of the same rows, one transaction, no rule checks) | {:.1} s | | | |", sqlite_load.as_secs_f64());

    let samples = 20_000;
    let mut rng = SmallRng::seed_from_u64(7);
    let bsns: Vec<String> = (0..samples)
        .map(|_| data.bsns[rng.random_range(0..data.bsns.len())].clone())
        .collect();
    let actoren: Vec<Uuid> = (0..samples)
        .map(|_| data.actoren[rng.random_range(0..data.actoren.len())])
        .collect();
    let partijen: Vec<Uuid> = (0..samples)
        .map(|_| data.partijen[rng.random_range(0..data.partijen.len())])
        .collect();

    let ours_bsn = measure(samples, |i| {
        let p = register
            .zoek_partij(&Zoekvraag::new().filter("partijIdentificator__objectId", &bsns[i]))
            .unwrap();
        assert_eq!(p.count, 1);
        black_box(p);
    });
    let recs_bsn = measure(samples, |i| {
        let p = register
            .zoek_partij_records(
                &Zoekvraag::new().filter("partijIdentificator__objectId", &bsns[i]),
            )
            .unwrap();
        assert_eq!(p.count, 1);
        black_box(p);
    });
    let mut q = db.prepare_cached("SELECT p.uuid, p.soort, p.actief, p.data FROM partij_identificator i JOIN partij p ON p.uuid = i.partij WHERE i.object_id = ?1").unwrap();
    let sql_bsn = measure(samples, |i| {
        let rows: Vec<(String, String, bool, String)> = q
            .query_map([&bsns[i]], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(rows.len(), 1);
        black_box(rows);
    });
    drop(q);

    let ours_taken = measure(samples, |i| {
        black_box(
            register
                .zoek_interne_taak(
                    &Zoekvraag::new()
                        .filter("toegewezenAanActor__uuid", actoren[i])
                        .filter("status", "te_verwerken"),
                )
                .unwrap(),
        );
    });
    let recs_taken = measure(samples, |i| {
        black_box(
            register
                .zoek_interne_taak_records(
                    &Zoekvraag::new()
                        .filter("toegewezenAanActor__uuid", actoren[i])
                        .filter("status", "te_verwerken"),
                )
                .unwrap(),
        );
    });
    let mut q = db.prepare_cached("SELECT t.uuid, t.klantcontact, t.status, t.data FROM taak_actor a JOIN interne_taak t ON t.uuid = a.taak WHERE a.actor = ?1 AND t.status = 'te_verwerken' ORDER BY t.id DESC LIMIT 100").unwrap();
    let sql_taken = measure(samples, |i| {
        let rows: Vec<(String, String, String, String)> = q
            .query_map([actoren[i].to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        black_box(rows);
    });
    drop(q);

    let ours_kc = measure(samples, |i| {
        black_box(
            register
                .zoek_klantcontact(
                    &Zoekvraag::new()
                        .filter("hadBetrokkene__wasPartij__uuid", partijen[i])
                        .pagina(1, 10),
                )
                .unwrap(),
        );
    });
    let recs_kc = measure(samples, |i| {
        black_box(
            register
                .zoek_klantcontact_records(
                    &Zoekvraag::new()
                        .filter("hadBetrokkene__wasPartij__uuid", partijen[i])
                        .pagina(1, 10),
                )
                .unwrap(),
        );
    });
    let mut q = db.prepare_cached("SELECT k.uuid, k.plaatsgevonden_op, k.kanaal, k.onderwerp, k.data FROM betrokkene b JOIN klantcontact k ON k.uuid = b.klantcontact WHERE b.partij = ?1 ORDER BY k.plaatsgevonden_op DESC, k.id DESC LIMIT 10").unwrap();
    let sql_kc = measure(samples, |i| {
        let rows: Vec<(String, String, String, String, String)> = q
            .query_map([partijen[i].to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        black_box(rows);
    });

    println!("| Query ({samples} samples) | Ours median | Ours p99 | SQLite median | SQLite p99 | Speed-up (median) |");
    println!("|---|---|---|---|---|---|");
    for (name, o, s) in [
        (
            "partij by BSN: `zoek_partij` (API 0.9.0 response)",
            &ours_bsn,
            &sql_bsn,
        ),
        (
            "partij by BSN: `zoek_partij_records` (stored records)",
            &recs_bsn,
            &sql_bsn,
        ),
        (
            "open interne taken of an actor: `zoek_interne_taak`",
            &ours_taken,
            &sql_taken,
        ),
        (
            "open interne taken of an actor: `zoek_interne_taak_records`",
            &recs_taken,
            &sql_taken,
        ),
        (
            "klantcontacten of a partij (page of 10): `zoek_klantcontact`",
            &ours_kc,
            &sql_kc,
        ),
        (
            "klantcontacten of a partij (page of 10): `zoek_klantcontact_records`",
            &recs_kc,
            &sql_kc,
        ),
    ] {
        println!(
            "| {name} | {:.2} µs | {:.2} µs | {:.2} µs | {:.2} µs | {:.1}× |",
            us(o.median),
            us(o.p99),
            us(s.median),
            us(s.p99),
            us(s.median) / us(o.median)
        );
    }
    drop(q);
    drop(db);
    drop(register);
    println!();
    println!("| Journal | Time | Objects | Size | |");
    println!("|---|---|---|---|---|");
    let dir = std::env::temp_dir().join(format!("ki-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    {
        let journal_omvang = Omvang {
            batch: 1000,
            ..omvang
        };
        let start = Instant::now();
        let j = Register::open(&dir).expect("journal");
        synthetic::vul(&j, &journal_omvang, 42).expect("journal load");
        let took = start.elapsed();
        let bytes = std::fs::metadata(dir.join("journal.log")).map_or(0, |m| m.len());
        println!(
            "| journal (fsync per transaction of 1,000 calls) | {:.1} s | | {:.0} MiB on disk | |",
            took.as_secs_f64(),
            bytes as f64 / 1_048_576.0
        );
        drop(j);
        let start = Instant::now();
        let reopened = Register::open(&dir).expect("reopen");
        println!(
            "| reopen (replay of the whole journal) | {:.1} s | {} | | |\n",
            start.elapsed().as_secs_f64(),
            reopened.aantallen().iter().map(|(_, n)| n).sum::<usize>()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
