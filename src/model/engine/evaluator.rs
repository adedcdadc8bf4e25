//! Evaluates every figure in dependency order, and answers what a figure is built from and
//! what depends on it.

use super::cell::{Cell, Undefined, Value};
use super::expr::Expr;
use super::period::Period;
use super::scenario::{SbcReading, Scenario};
use super::unit::Unit;
use rust_decimal::Decimal;
use rustc_hash::FxBuildHasher;
use std::collections::HashMap;

/// A line of the release: its contract id, its label as printed, and its unit.
#[derive(Clone, Debug)]
pub struct Line {
    pub id: &'static str,
    pub label: &'static str,
    pub unit: Unit,
}

/// How a figure gets its value. Declared with `Cell`s; the engine keeps a copy that reads by
/// index (`Def<usize>`), so evaluating does no lookups by name.
#[derive(Clone, Debug)]
pub enum Def<C = Cell> {
    /// An input: the reported value unless edited. A linked input follows its formula until it
    /// is edited itself (nine months = first six months + the third quarter).
    Input { reported: Decimal, link: Option<Expr<C>> },
    /// A computed figure; never edited.
    Formula(Expr<C>),
    /// The same figure as another, shown in another table under another name.
    Same(C),
}

pub struct Model {
    lines: Vec<Line>,
    cells: Vec<(Cell, Def)>,
    /// `cells`' definitions with every figure they read replaced by its index in `cells`
    /// (`usize::MAX`, which reads as missing, for a figure that does not exist).
    indexed: Vec<Def<usize>>,
    /// Where each figure is in `cells`. Looked up for every figure shown on every keystroke, so
    /// hashed with Fx rather than SipHash: the keys are the model's own, nothing to defend against.
    index: HashMap<Cell, usize, FxBuildHasher>,
    /// Cell indexes, each after everything it reads.
    order: Vec<usize>,
    reads: Vec<Vec<usize>>,
    read_by: Vec<Vec<usize>>,
    /// For a GAAP expense input, the same period's stock-based compensation input it contains:
    /// read when stock compensation is on top of the GAAP lines (`SbcReading::OnTop`).
    contains: Vec<Option<usize>>,
    /// References to figures that do not exist, or a cycle; empty for a sound model.
    faults: Vec<String>,
    reported: Figures,
}

/// Every figure of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    values: Vec<Value>,
}

impl Model {
    /// `contained` pairs each GAAP expense line with the stock-compensation line it contains;
    /// the pairing holds in every period where both are inputs.
    pub(in crate::model) fn new(lines: Vec<Line>, cells: Vec<(Cell, Def)>, contained: &[(&str, &'static str)]) -> Model {
        let mut faults = Vec::new();
        let index: HashMap<Cell, usize, FxBuildHasher> = cells.iter().enumerate().map(|(i, (cell, _))| (*cell, i)).collect();
        if index.len() != cells.len() {
            faults.push("a figure is defined twice".to_string());
        }
        let known: std::collections::HashSet<&str> = lines.iter().map(|l| l.id).collect();
        let mut reads = vec![Vec::new(); cells.len()];
        for (i, (cell, def)) in cells.iter().enumerate() {
            if !known.contains(cell.line) {
                faults.push(format!("{} has no line", cell.key()));
            }
            let mut refs = Vec::new();
            match def {
                Def::Input { link: Some(e), .. } | Def::Formula(e) => e.cells(&mut refs),
                Def::Input { link: None, .. } => {}
                Def::Same(other) => refs.push(*other),
            }
            for r in refs {
                match index.get(&r) {
                    Some(j) => reads[i].push(*j),
                    None => faults.push(format!("{} reads {}, which does not exist", cell.key(), r.key())),
                }
            }
        }
        let mut read_by = vec![Vec::new(); cells.len()];
        for (i, rs) in reads.iter().enumerate() {
            for j in rs {
                // A formula that reads a figure twice (the two-class EPS) is one reader of it.
                if let Some(list) = read_by.get_mut(*j).filter(|l| !l.contains(&i)) {
                    list.push(i);
                }
            }
        }
        let is_input = |i: &usize| matches!(cells.get(*i), Some((_, Def::Input { .. })));
        let contains: Vec<Option<usize>> = cells
            .iter()
            .map(|(cell, def)| {
                let (_, sbc) = contained.iter().find(|(line, _)| *line == cell.line)?;
                let j = index.get(&Cell { line: sbc, ..*cell }).copied().filter(is_input)?;
                matches!(def, Def::Input { .. }).then_some(j)
            })
            .collect();
        // Evaluated after what they read, and after the compensation they may follow.
        let mut after = reads.clone();
        for (i, j) in contains.iter().enumerate() {
            if let (Some(j), Some(list)) = (j, after.get_mut(i)) {
                list.push(*j);
            }
        }
        let order = topological_order(&after, &mut faults);
        let to_index = |c: Cell| index.get(&c).copied().unwrap_or(usize::MAX);
        let indexed = cells
            .iter()
            .map(|(_, def)| match def {
                Def::Input { reported, link } => Def::Input { reported: *reported, link: link.as_ref().map(|e| e.map(&to_index)) },
                Def::Formula(e) => Def::Formula(e.map(&to_index)),
                Def::Same(other) => Def::Same(to_index(*other)),
            })
            .collect();
        let empty = Figures { values: Vec::new() };
        let mut model = Model { lines, cells, indexed, index, order, reads, read_by, contains, faults, reported: empty };
        model.reported = model.evaluate(&Scenario::default());
        model
    }

    /// What is wrong with the declarations, if anything; tested to be empty.
    pub fn faults(&self) -> &[String] {
        &self.faults
    }

    pub fn line(&self, id: &str) -> Option<&Line> {
        self.lines.iter().find(|l| l.id == id)
    }

    /// Every figure the model holds, in declaration order.
    pub fn cells(&self) -> impl Iterator<Item = Cell> + '_ {
        self.cells.iter().map(|(cell, _)| *cell)
    }

    pub fn def(&self, cell: Cell) -> Option<&Def> {
        self.index.get(&cell).and_then(|i| self.cells.get(*i)).map(|(_, d)| d)
    }

    pub fn unit(&self, cell: Cell) -> Option<Unit> {
        self.line(cell.line).map(|l| l.unit)
    }

    /// A value of `cell` as the page shows it, rounded in the cell's own unit.
    pub fn display(&self, cell: Cell, value: Value) -> String {
        super::format::display(value, self.unit(cell).unwrap_or(Unit::Money))
    }

    /// The figure that `cell` is another name for, or `cell` itself.
    pub fn canonical(&self, cell: Cell) -> Cell {
        let mut cell = cell;
        // Aliases are one step in the release; the bound keeps a bad declaration from looping.
        for _ in 0..4 {
            match self.def(cell) {
                Some(Def::Same(other)) => cell = *other,
                _ => break,
            }
        }
        cell
    }

    /// The figure an edit of `cell` changes: its canonical input, or none if it is computed.
    pub fn editable(&self, cell: Cell) -> Option<Cell> {
        let target = self.canonical(cell);
        matches!(self.def(target), Some(Def::Input { .. })).then_some(target)
    }

    /// Evaluates every figure of a scenario.
    pub fn evaluate(&self, scenario: &Scenario) -> Figures {
        let n = self.cells.len();
        // Start from the release and compute again only what an edit reaches: a figure that is
        // not edited and reads nothing that moved is as reported. (While the model is being
        // built there is no release yet, and everything is computed.)
        let known = self.reported.values.len() == n;
        let mut values = if known { self.reported.values.clone() } else { vec![Err(Undefined::Missing); n] };
        let mut moved = vec![!known; n];
        let on_top = scenario.sbc_reading() == SbcReading::OnTop;
        for &i in &self.order {
            let (Some((cell, _)), Some(def)) = (self.cells.get(i), self.indexed.get(i)) else { continue };
            let edit = match def {
                Def::Input { .. } => scenario.edit(*cell),
                _ => None,
            };
            // With stock compensation on top, an unedited GAAP line follows its compensation.
            let sbc = if on_top && edit.is_none() { self.contains.get(i).copied().flatten() } else { None };
            let reads_moved =
                self.reads.get(i).is_some_and(|rs| rs.iter().any(|j| moved.get(*j) == Some(&true))) || sbc.is_some_and(|j| moved.get(j) == Some(&true));
            if known && edit.is_none() && !reads_moved {
                continue;
            }
            let value = {
                let get = |j: usize| -> Value { values.get(j).copied().unwrap_or(Err(Undefined::Missing)) };
                match def {
                    Def::Input { reported, link } => match edit {
                        Some(v) => Ok(v),
                        None => self.unedited(*reported, link.as_ref(), &get).and_then(|v| match sbc {
                            Some(j) => v.checked_add(self.sbc_change(j, scenario, &get)?).ok_or(Undefined::Overflow),
                            None => Ok(v),
                        }),
                    },
                    Def::Formula(e) => e.evaluate(&get),
                    Def::Same(other) => get(*other),
                }
            };
            if let Some(slot) = values.get_mut(i) {
                if let Some(m) = moved.get_mut(i) {
                    *m = *m || *slot != value;
                }
                *slot = value;
            }
        }
        Figures { values }
    }

    /// An input's value when it is not edited: its link's, or as reported.
    fn unedited(&self, reported: Decimal, link: Option<&Expr<usize>>, get: &dyn Fn(usize) -> Value) -> Value {
        match link {
            Some(e) => e.evaluate(get),
            None => Ok(reported),
        }
    }

    /// How far the stock-compensation input `j` is from its unedited value: its edit less
    /// what it would be unedited, zero when it is not edited.
    fn sbc_change(&self, j: usize, scenario: &Scenario, get: &dyn Fn(usize) -> Value) -> Value {
        let (Some((cell, _)), Some(Def::Input { reported, link })) = (self.cells.get(j), self.indexed.get(j)) else {
            return Ok(Decimal::ZERO);
        };
        match scenario.edit(*cell) {
            Some(v) => v.checked_sub(self.unedited(*reported, link.as_ref(), get)?).ok_or(Undefined::Overflow),
            None => Ok(Decimal::ZERO),
        }
    }

    /// The stock-compensation input a GAAP expense input contains (`sbc_sales_and_marketing`
    /// for `sales_and_marketing`, in the same period), if it contains one.
    pub fn contained_sbc(&self, cell: Cell) -> Option<Cell> {
        let j = self.index.get(&cell).and_then(|i| self.contains.get(*i)).copied().flatten()?;
        self.cells.get(j).map(|(c, _)| *c)
    }

    /// The figures exactly as the release reports them.
    pub fn reported(&self) -> &Figures {
        &self.reported
    }

    /// What a figure's declaration gives from `get`'s values, ignoring any edit of the figure:
    /// its formula, the link it follows until edited, or the figure it repeats. None for a
    /// plain input.
    pub fn declared(&self, cell: Cell, get: &dyn Fn(Cell) -> Value) -> Option<Value> {
        match self.def(cell)? {
            Def::Formula(e) | Def::Input { link: Some(e), .. } => Some(e.evaluate(get)),
            Def::Input { link: None, .. } => None,
            Def::Same(other) => Some(get(*other)),
        }
    }

    /// The formula of a figure in words: its own, its link's, or that of the figure it repeats.
    pub fn formula(&self, cell: Cell) -> Option<String> {
        self.formula_with(cell, &|c| self.name(c, cell.period))
    }

    /// The formula with each figure written by `name`, e.g. with its value beside it.
    pub fn formula_with(&self, cell: Cell, name: &dyn Fn(Cell) -> String) -> Option<String> {
        match self.def(cell)? {
            Def::Formula(e) | Def::Input { link: Some(e), .. } => Some(e.describe(&name)),
            Def::Input { link: None, .. } => None,
            Def::Same(other) => Some(name(*other)),
        }
    }

    /// The formula as `get`'s values apply it: where it treats a loss apart, only the branch
    /// taken, with the rule that applied in words.
    pub fn formula_applied(&self, cell: Cell, name: &dyn Fn(Cell) -> String, get: &dyn Fn(Cell) -> Value) -> Option<(String, Option<&'static str>)> {
        let Some(Def::Formula(e)) = self.def(cell) else { return self.formula_with(cell, name).map(|f| (f, None)) };
        let (branch, loss) = e.applied(get);
        let rule = loss.map(|loss| match loss {
            true => "The rule for a loss: the participating preferred stock does not share in losses, so all of it is the common stockholders', and diluted equals basic (the potential shares would be antidilutive).",
            false => "The two-class rule: income is not a loss, so it is shared with the participating preferred stock.",
        });
        Some((branch.describe(&name), rule))
    }

    /// Whether `cell` is computed by the rule for a loss with `figures` (its period's income is
    /// negative): diluted as basic, none of it the participating preferred stock's.
    pub fn at_a_loss(&self, cell: Cell, figures: &Figures) -> bool {
        matches!(self.def(cell), Some(Def::Formula(e)) if e.applied(&|c| figures.get(self, c)).1 == Some(true))
    }

    /// A figure's label, with its period when that differs from the period being explained.
    pub fn name(&self, cell: Cell, context: Period) -> String {
        let label = self.line(cell.line).map_or(cell.line, |l| l.label);
        if cell.period == context {
            label.to_string()
        } else {
            format!("{label} ({})", cell.period.short())
        }
    }

    /// The figures `cell` reads directly.
    pub fn reads(&self, cell: Cell) -> Vec<Cell> {
        self.related(cell, &self.reads)
    }

    /// The figures that read `cell` directly.
    pub fn read_by(&self, cell: Cell) -> Vec<Cell> {
        self.related(cell, &self.read_by)
    }

    fn related(&self, cell: Cell, edges: &[Vec<usize>]) -> Vec<Cell> {
        let Some(list) = self.index.get(&cell).and_then(|i| edges.get(*i)) else { return Vec::new() };
        list.iter().filter_map(|j| self.cells.get(*j)).map(|(c, _)| *c).collect()
    }
}

/// Kahn's algorithm over "reads" edges; a cycle is a fault and its figures stay undefined.
fn topological_order(reads: &[Vec<usize>], faults: &mut Vec<String>) -> Vec<usize> {
    let n = reads.len();
    let mut pending: Vec<usize> = reads.iter().map(Vec::len).collect();
    let mut readers = vec![Vec::new(); n];
    for (i, rs) in reads.iter().enumerate() {
        for &j in rs {
            if let Some(list) = readers.get_mut(j) {
                list.push(i);
            }
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|i| pending.get(*i) == Some(&0)).collect();
    ready.reverse();
    let mut order = Vec::with_capacity(n);
    while let Some(i) = ready.pop() {
        order.push(i);
        for &r in readers.get(i).map_or(&[][..], |v| v.as_slice()) {
            if let Some(p) = pending.get_mut(r) {
                *p = p.saturating_sub(1);
                if *p == 0 {
                    ready.push(r);
                }
            }
        }
    }
    if order.len() != n {
        faults.push("the formulas contain a cycle".to_string());
    }
    order
}

impl Figures {
    pub fn get(&self, model: &Model, cell: Cell) -> Value {
        model.index.get(&cell).and_then(|i| self.values.get(*i)).copied().unwrap_or(Err(Undefined::Missing))
    }

    /// Shorthand for the release model.
    pub fn at(&self, period: Period, line: &'static str) -> Value {
        self.get(Model::release(), Cell::new(period, line))
    }
}
