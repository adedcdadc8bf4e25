//! Reads the release itself (`tests/data/release.md`, a byte-identical copy of the seed) and
//! checks that the model's tables print every figure of it, in its order and wording.

use qualys_what_if::model::engine::format;
use qualys_what_if::model::release::tables::{FigureRow, Row, Table, TABLES};
use qualys_what_if::model::{Cell, Model, Period};

const RELEASE: &str = include_str!("data/release.md");

/// Where the model's wording knowingly differs from the release's: (table id, release, model).
/// Each must still occur, so a fix in the model shows up here too.
const KNOWN_LABEL_DIFFERENCES: &[(&str, &str, &str)] = &[
    // The release sets a stray space before the colon.
    ("balance_sheets", "Current liabilities :", "Current liabilities:"),
];

/// A body row of a markdown table of the release.
#[derive(Debug)]
enum ReleaseRow {
    /// A caption with no figures.
    Heading(String),
    /// A label and its figures, one per column, as printed (`-` already read as `0`).
    Figures(String, Vec<String>),
}

impl ReleaseRow {
    fn label(&self) -> &str {
        match self {
            ReleaseRow::Heading(l) | ReleaseRow::Figures(l, _) => l,
        }
    }
}

/// The release's tables, in order: each a list of its lines.
fn markdown_tables(text: &str) -> Vec<Vec<&str>> {
    let mut tables: Vec<Vec<&str>> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('|') {
            current.push(line);
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tables.push(current);
    }
    tables
}

/// The cells of a markdown row, trimmed, without the outer pipes.
fn cells(line: &str) -> Vec<&str> {
    let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(str::trim).collect()
}

/// `|---|---|`: the line under a markdown header.
fn is_separator(cells: &[&str]) -> bool {
    cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| ch == '-' || ch == ':'))
}

/// A cell as the reader sees it: no underlining, no dollar signs, no surrounding spaces.
fn clean(cell: &str) -> String {
    cell.replace("<u>", "").replace("</u>", "").replace("\\$", "").trim().to_string()
}

/// A printed figure as the reader sees it, a zero's `-` included: the page prints it the same.
fn figure(cell: &str) -> String {
    clean(cell)
}

/// The body rows of a table. Header rows (column titles, whose first cell is empty) and the
/// separator are skipped.
fn body_rows(table: &[&str]) -> Vec<ReleaseRow> {
    table
        .iter()
        .map(|line| cells(line))
        .filter(|cs| !is_separator(cs) && cs.first().is_some_and(|c| !clean(c).is_empty()))
        .map(|cs| {
            let label = clean(cs[0]);
            let figures: Vec<String> = cs[1..].iter().map(|c| figure(c)).collect();
            if figures.iter().all(String::is_empty) {
                ReleaseRow::Heading(label)
            } else {
                assert!(figures.iter().all(|f| !f.is_empty()), "{label:?} has blank figures: {figures:?}");
                ReleaseRow::Figures(label, figures)
            }
        })
        .collect()
}

/// The rows the release prints, in the model's table: everything but `added` rows.
fn printed_rows(table: &Table) -> Vec<&Row> {
    table.rows.iter().filter(|r| !matches!(r, Row::Figure(FigureRow { added: true, .. }))).collect()
}

/// What the page shows for one figure of a row, sign turned where the release turns it.
fn shown(model: &Model, period: Period, row: &FigureRow) -> String {
    let cell = Cell::new(period, row.line);
    let unit = model.unit(cell).unwrap_or_else(|| panic!("{} has no unit", cell.key()));
    let value = model.reported().get(model, cell);
    let value = if row.negated { value.map(|v| -v) } else { value };
    format::display(value, unit)
}

/// What one table comparison found.
#[derive(Default)]
struct Findings {
    /// Label differences: (table id, release, model).
    labels: Vec<(String, String, String)>,
    /// Everything else: a wrong figure, a missing or extra row, a heading where a figure is.
    errors: Vec<String>,
    figures_checked: usize,
    rows_checked: usize,
}

impl Findings {
    fn label(&mut self, table: &Table, release: &str, model: &str) {
        if release != model {
            self.labels.push((table.id.to_string(), release.to_string(), model.to_string()));
        }
    }

    fn figures(&mut self, model: &Model, table: &Table, row: &FigureRow, printed: &[String]) {
        // The release's own columns: the page's estimates are not printed.
        let periods: Vec<Period> = table.periods.iter().copied().filter(|p| !p.is_estimate()).collect();
        if printed.len() != periods.len() {
            self.errors.push(format!("{}: {:?} prints {} figures for {} periods", table.id, row.label, printed.len(), periods.len()));
            return;
        }
        for (period, expected) in periods.iter().zip(printed) {
            let actual = shown(model, *period, row);
            self.figures_checked += 1;
            if actual != *expected {
                self.errors.push(format!("{}: {}.{}: expected {expected}, actual {actual}", table.id, period.id(), row.line));
            }
        }
    }

    fn compare(&mut self, model: &Model, table: &Table, release: &[ReleaseRow]) {
        let ours = printed_rows(table);
        if ours.len() != release.len() {
            self.errors.push(format!("{}: the release has {} rows, the model's table {}", table.id, release.len(), ours.len()));
        }
        for (theirs, ours) in release.iter().zip(ours) {
            self.rows_checked += 1;
            match (theirs, ours) {
                (ReleaseRow::Heading(label), Row::Heading(model_label)) => self.label(table, label, model_label),
                (ReleaseRow::Figures(label, printed), Row::Figure(row)) => {
                    self.label(table, label, row.label);
                    self.figures(model, table, row, printed);
                }
                (theirs, ours) => self.errors.push(format!("{}: release row {:?} is matched with {ours:?}", table.id, theirs.label())),
            }
        }
    }
}

fn release_tables() -> Vec<Vec<ReleaseRow>> {
    markdown_tables(RELEASE).iter().map(|t| body_rows(t)).collect()
}

fn findings() -> Findings {
    let model = Model::release();
    let release = release_tables();
    assert_eq!(release.len(), TABLES.len(), "the release has {} tables, the model {}", release.len(), TABLES.len());
    let mut findings = Findings::default();
    for (table, rows) in TABLES.iter().zip(&release) {
        findings.compare(model, table, rows);
    }
    findings
}

#[test]
fn the_copy_is_the_seed() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/000_3b38bba8ef0189c7.txt");
    // The seed lives outside the crate; where it is not mounted, the copy stands alone.
    if let Ok(original) = std::fs::read_to_string(seed) {
        assert!(original == RELEASE, "tests/data/release.md differs from the seed");
    }
}

#[test]
fn the_release_has_nine_tables_with_every_row_read() {
    let tables = release_tables();
    let rows: Vec<usize> = tables.iter().map(Vec::len).collect();
    // Body rows per table, counted by hand in the release.
    assert_eq!(rows, vec![24, 5, 4, 33, 31, 6, 9, 19, 17]);
}

#[test]
fn every_printed_figure_is_shown_as_printed() {
    let found = findings();
    assert!(found.errors.is_empty(), "{} problems:\n{}", found.errors.len(), found.errors.join("\n"));
    // Figure rows × columns, counted by hand: 20×4 + 5×4 + 4×4 + 27×2 + 26×2 + 5×2 + 9×4 + 14×4 + 13×4.
    assert_eq!(found.figures_checked, 376, "figures checked");
}

#[test]
fn every_row_has_the_release_wording() {
    let found = findings();
    let known: Vec<(String, String, String)> = KNOWN_LABEL_DIFFERENCES.iter().map(|(t, r, m)| (t.to_string(), r.to_string(), m.to_string())).collect();
    let unknown: Vec<String> = found.labels.iter().filter(|d| !known.contains(d)).map(|(t, r, m)| format!("{t}: release {r:?}, model {m:?}")).collect();
    assert!(unknown.is_empty(), "labels differ from the release:\n{}", unknown.join("\n"));
    let gone: Vec<&(String, String, String)> = known.iter().filter(|d| !found.labels.contains(d)).collect();
    assert!(gone.is_empty(), "no longer differ; remove from KNOWN_LABEL_DIFFERENCES: {gone:?}");
}

#[test]
fn a_row_shown_with_its_sign_turned_is_found_by_its_table() {
    // The early figures (src/early.rs) find how a prerendered figure is shown by its table.
    use qualys_what_if::model::release::tables::negated;
    assert!(negated("operations", "interest_expense"));
    assert!(negated("ebitda", "other_income_expense_net"));
    assert!(!negated("operations", "other_income_expense_net"));
    assert!(!negated("operations", "revenue"));
    assert!(!negated("", "interest_expense"), "a figure outside the statements is shown as it is");
    // And how its fields read what is typed: as the label reads, brackets as printed.
    use qualys_what_if::model::engine::parse::Reading;
    use qualys_what_if::model::release::tables::reading;
    assert_eq!(reading("operations", "interest_expense"), Reading::BracketsShown, "Interest expense: its label reads as the line");
    assert_eq!(reading("ebitda", "other_income_expense_net"), Reading::Shown, "Other (income) expense: its label reads as shown");
    assert_eq!(reading("operations", "other_income_expense_net"), Reading::Line);
    assert_eq!(reading("", "interest_expense"), Reading::Line);
}

#[test]
fn a_line_reads_outside_the_tables_with_the_sign_its_first_table_gives_it() {
    use qualys_what_if::model::release::tables::shown_turned;
    // Interest expense, entered as the expense, is printed as (38) in the income statement.
    assert!(shown_turned("interest_expense"));
    // Other income is printed as income there; only EBITDA's "Other (income) expense" turns it.
    assert!(!shown_turned("other_income_expense_net"));
    assert!(!shown_turned("revenue"));
    assert!(!shown_turned("no_such_line"));
}
