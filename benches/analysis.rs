//! Native cost of the analyses a derivation panel offers: a 7 × 7 sensitivity table (49
//! scenarios evaluated; it must build within one frame, 16 ms) and a goal seek.
//! Run with `cargo bench --bench analysis` (scripts/bench.sh runs it and writes BENCHMARKS.md).

use criterion::{criterion_group, criterion_main, Criterion};
use qualys_what_if::model::analysis::sensitivity::{two_way, DEFAULT_COUNT};
use qualys_what_if::model::analysis::solve::goal_seek;
use qualys_what_if::model::{Cell, Model, Period, Scenario};
use rust_decimal::Decimal;
use std::hint::black_box;

fn analysis(c: &mut Criterion) {
    let model = Model::release();
    let scenario = Scenario::default();
    let q3 = |line| Cell::new(Period::Q3_2012, line);
    // Revenue reaches the most figures of any input: the dearest table to build.
    let (figure, rows, columns) = (q3("non_gaap_eps_diluted"), (q3("revenue"), Decimal::ONE_THOUSAND), (q3("sbc_sales_and_marketing"), Decimal::from(20)));
    c.bench_function("7x7 sensitivity table", |b| b.iter(|| black_box(two_way(model, &scenario, black_box(figure), rows, columns, DEFAULT_COUNT, None))));
    let target = Decimal::new(12, 2);
    c.bench_function("goal seek", |b| b.iter(|| black_box(goal_seek(model, &scenario, black_box(figure), q3("sbc_sales_and_marketing"), target))));
}

criterion_group!(benches, analysis);
criterion_main!(benches);
