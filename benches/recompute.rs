//! Native cost of one edit: building the edited scenario and evaluating every figure of the
//! model (those the edit reaches computed again, the rest as reported), as the page does on
//! each keystroke. Run with `cargo bench --bench recompute`
//! (scripts/bench.sh runs it and writes BENCHMARKS.md).

use criterion::{criterion_group, criterion_main, Criterion};
use qualys_what_if::model::{Cell, Def, Model, Scenario};
use rust_decimal::Decimal;
use std::hint::black_box;

fn recompute(c: &mut Criterion) {
    let model = Model::release();
    // Every input of the model, edited one after the other (each +1, so each is a real edit),
    // so the figure covers every dependency path rather than one cheap line.
    let inputs: Vec<Cell> = model.cells().filter(|c| matches!(model.def(*c), Some(Def::Input { .. }))).collect();
    let edits: Vec<(Cell, Decimal)> = inputs.iter().filter_map(|c| Some((*c, model.reported().get(model, *c).ok()? + Decimal::ONE))).collect();
    assert!(!edits.is_empty(), "the model has inputs");
    let mut i = 0;
    c.bench_function("edit and evaluate every figure", |b| {
        b.iter(|| {
            let (cell, value) = edits[i % edits.len()];
            i += 1;
            let scenario = Scenario::default().with(model, black_box(cell), black_box(value));
            black_box(model.evaluate(&scenario.unwrap_or_default()))
        })
    });
}

criterion_group!(benches, recompute);
criterion_main!(benches);
