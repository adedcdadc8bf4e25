//! What a figure is built from, down to the inputs, in a given scenario: read from the same
//! declarations that compute it.

use super::cell::Cell;
use super::evaluator::{Def, Figures, Model};
use super::expr::Expr;
use super::scenario::{SbcReading, Scenario};

/// A figure and the figures it is computed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub cell: Cell,
    pub sources: Vec<Step>,
    /// Expanded earlier in the same tree, so not again: the tree stays as small as the figures
    /// it names.
    pub shown_above: bool,
}

impl Model {
    /// The figures `cell` is computed from in `scenario`, each once, in the order its formula
    /// reads them. None for an input: a plain one, or a linked one that is edited.
    /// With stock compensation on top, an unedited GAAP expense line is built from its reported
    /// value and the compensation it contains.
    pub fn sources(&self, cell: Cell, scenario: &Scenario) -> Vec<Cell> {
        let sbc = match scenario.sbc_reading() {
            SbcReading::OnTop => self.contained_sbc(cell),
            SbcReading::Within => None,
        };
        match self.def(cell) {
            None => return Vec::new(),
            Some(Def::Input { .. }) if scenario.edit(cell).is_some() => return Vec::new(),
            Some(Def::Input { link: None, .. }) if sbc.is_none() => return Vec::new(),
            Some(_) => {}
        }
        let mut out: Vec<Cell> = Vec::new();
        for c in self.reads(cell).into_iter().chain(sbc) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    /// The numbers `cell`'s formula holds fixed where it is computed in `scenario` (beside the
    /// figures of `sources`), in words: a nine months' first six months, the two-class rule's
    /// shares. A derivation's tree lists them with its figures, so that its terms add up: of a
    /// rule for a loss, the way it takes with `figures`, as its equation shows.
    pub fn fixed_terms(&self, cell: Cell, scenario: &Scenario, figures: &Figures) -> Vec<String> {
        let mut out = Vec::new();
        if let (false, Some(e)) = (self.sources(cell, scenario).is_empty(), self.applied(cell, figures)) {
            e.fixed(&mut out);
        }
        out
    }

    /// The formula of `cell` as it is computed with `figures`: of a rule for a loss, the way it
    /// takes. None for a plain input, or another's figure.
    fn applied<'a>(&'a self, cell: Cell, figures: &Figures) -> Option<&'a Expr> {
        match self.def(cell)? {
            Def::Formula(e) | Def::Input { link: Some(e), .. } => Some(e.applied(&|c| figures.get(self, c)).0),
            Def::Input { link: None, .. } | Def::Same(_) => None,
        }
    }

    /// The derivation of `cell` down to the inputs, in `scenario`, whose figures are `figures`:
    /// each step's figures are those its equation shows (`sources`, but of a rule for a loss
    /// only the way it takes: a diluted EPS is not built from the basic EPS it would be with a
    /// loss).
    pub fn derivation(&self, cell: Cell, scenario: &Scenario, figures: &Figures) -> Step {
        let mut seen = Vec::new();
        self.step(cell, scenario, figures, &mut seen)
    }

    fn step(&self, cell: Cell, scenario: &Scenario, figures: &Figures, seen: &mut Vec<Cell>) -> Step {
        let mut sources = self.sources(cell, scenario);
        if let Some(Def::Formula(Expr::IfNegative { .. })) = self.def(cell) {
            let mut taken = Vec::new();
            if let Some(e) = self.applied(cell, figures) {
                e.cells(&mut taken);
            }
            sources.retain(|c| taken.contains(c));
        }
        if !sources.is_empty() {
            if seen.contains(&cell) {
                return Step { cell, sources: Vec::new(), shown_above: true };
            }
            seen.push(cell);
        }
        let sources = sources.into_iter().map(|c| self.step(c, scenario, figures, seen)).collect();
        Step { cell, sources, shown_above: false }
    }
}

impl Step {
    /// The inputs the figure comes down to, each once, in the tree's order.
    pub fn inputs(&self) -> Vec<Cell> {
        let mut out = Vec::new();
        self.collect(&mut out, true);
        out
    }

    /// Every figure the tree names, each once, in the tree's order.
    pub fn cells(&self) -> Vec<Cell> {
        let mut out = Vec::new();
        self.collect(&mut out, false);
        out
    }

    /// The tree's figures (or only the inputs it comes down to) into `out`, each once.
    fn collect(&self, out: &mut Vec<Cell>, inputs_only: bool) {
        let input = self.sources.is_empty() && !self.shown_above;
        if (input || !inputs_only) && !out.contains(&self.cell) {
            out.push(self.cell);
        }
        self.sources.iter().for_each(|s| s.collect(out, inputs_only));
    }

    /// How many figures the tree names (never none: it names at least its own).
    pub fn figure_count(&self) -> usize {
        1 + self.sources.iter().map(Step::figure_count).sum::<usize>()
    }
}
