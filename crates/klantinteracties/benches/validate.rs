//! Validation cost against a bare parse of the same bytes: a realistic Partij (persoon, two
//! identificatoren, two digitale adressen, both addresses) and a realistic
//! `maak-klantcontact` body. Goal: validating costs at most twice
//! `serde_json::from_slice::<serde_json::Value>`.
//!
//! Run: `cargo bench -p klantinteracties --bench validate`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use klantinteracties::rules::{validate, Options};
use klantinteracties::Resource;

const PARTIJ: &[u8] = include_bytes!("data/partij.json");
const MAAK_KLANTCONTACT: &[u8] = include_bytes!("data/maak-klantcontact.json");

fn bench(c: &mut Criterion) {
    for (name, resource, bytes) in [
        ("partij", Resource::Partijen, PARTIJ),
        (
            "maak-klantcontact",
            Resource::MaakKlantcontact,
            MAAK_KLANTCONTACT,
        ),
    ] {
        assert!(
            validate(resource, bytes, Options::default()).is_valid(),
            "the {name} document must be valid, or the bench measures the error path"
        );
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function("serde_json::Value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(std::hint::black_box(bytes)));
        });
        group.bench_function("validate", |b| {
            b.iter(|| validate(resource, std::hint::black_box(bytes), Options::default()));
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
