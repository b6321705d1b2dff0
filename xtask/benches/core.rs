//! Timings for the checks that run as a person types: reading an IMEI, and
//! looking up its TAC. Set TACDB_CSV to an Osmocom export to time the full
//! table too.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use stolen_phone_core::device::imei;
use stolen_phone_core::device::tac::TacTable;
use xtask::tac;

const FIXTURE: &str = include_str!("../../tests/fixtures/invented_tac_export.csv");

const PASTED: [&str; 5] = [
    "35 209900 176148 1",
    "IMEI 1: 35 209900 176148 1\nIMEI 2: 35 209900 176149 9",
    "352099001761482",
    "٣٥٢٠٩٩٠٠١٧٦١٤٨١",
    "+44 7700 900123",
];

fn table_from(csv: &str) -> Option<TacTable> {
    let export = tac::read_osmocom_csv(csv).ok()?;
    TacTable::from_bytes(&tac::encode(&export.rows, &export.licence)).ok()
}

fn reading(c: &mut Criterion) {
    c.bench_function("parse a typed IMEI", |b| {
        b.iter(|| imei::parse(black_box("35 209900 176148 1")))
    });
    let Some(table) = table_from(FIXTURE) else {
        return;
    };
    c.bench_function("examine five pasted texts", |b| {
        b.iter(|| {
            for text in PASTED {
                black_box(imei::examine(black_box(text), |tac| table.contains(tac)));
            }
        })
    });
}

fn lookup(c: &mut Criterion) {
    let mut tables = vec![("fixture", FIXTURE.to_owned())];
    if let Some(text) = std::env::var_os("TACDB_CSV").and_then(|p| std::fs::read_to_string(p).ok())
    {
        tables.push(("export", text));
    }
    for (name, csv) in tables {
        let Some(table) = table_from(&csv) else {
            continue;
        };
        c.bench_function(&format!("TAC lookup, {name} ({} TACs)", table.len()), |b| {
            b.iter(|| {
                black_box(table.lookup_str(black_box("35209900")));
                black_box(table.lookup_str(black_box("35209902")));
            })
        });
        let bytes = tac::encode(
            &tac::read_osmocom_csv(&csv)
                .map(|e| e.rows)
                .unwrap_or_default(),
            "",
        );
        c.bench_function(&format!("decode the {name} table"), |b| {
            b.iter(|| TacTable::from_bytes(black_box(&bytes)))
        });
    }
}

criterion_group!(benches, reading, lookup);
criterion_main!(benches);
