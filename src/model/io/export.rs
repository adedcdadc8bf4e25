//! The scenario's tables as CSV (RFC 4180): for each table in the release's order, a header
//! row, then one row per figure with the reported and the scenario value in each of the
//! table's periods (for an estimate, its value on the release alone and in the scenario).
//! Values are exact plain decimals in the model's own sign (interest expense is positive),
//! empty where a figure is undefined and "n.m." where the page shows that (a margin on negative
//! revenue). Then the outlook: each guided figure's range and what the year's range leaves for
//! the fourth quarter, with the estimates and where they fall, as the page's outlook shows them.
//! Last, what makes the scenario: how its stock-based compensation edits are read, and each edit.

use crate::model::analysis::guidance::Placement;
use crate::model::engine::format::exported;
use crate::model::release::guidance::{range_of, GUIDANCE, IMPLIED};
use crate::model::release::tables::{Row, TABLES};
use crate::model::{Cell, Figures, Model, SbcReading, Scenario};

/// The title of the CSV's last section, the scenario's reading and edits.
pub const EDITS: &str = "This scenario's edits";

pub fn csv(model: &Model, scenario: &Scenario, figures: &Figures) -> String {
    let mut out = String::new();
    for (i, table) in TABLES.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let mut header = vec!["table".to_string(), "line".to_string(), "label".to_string()];
        for p in table.periods {
            // An estimate's starting value is the page's, never reported.
            header.push(format!("{} {}", p.id(), if p.is_estimate() { "release estimate" } else { "reported" }));
            header.push(format!("{} scenario", p.id()));
        }
        record(&mut out, &header);
        for row in table.rows {
            let Row::Figure(r) = row else { continue };
            // The values are in the model's sign: a row the table shows with its sign turned
            // ("Other (income) expense", other income as (60)) is labelled as the line is. So is
            // a row whose label the table repeats under another heading ("Basic" for EPS and for
            // shares): a spreadsheet's filter on labels must tell them apart.
            let repeated = table.rows.iter().filter(|o| matches!(o, Row::Figure(o) if o.label == r.label)).count() > 1;
            let label = if r.negated || repeated { model.line(r.line).map_or(r.label, |l| l.label) } else { r.label };
            let mut fields = vec![table.title.to_string(), r.line.to_string(), label.to_string()];
            for p in table.periods {
                let cell = Cell::new(*p, r.line);
                let has = model.def(cell).is_some();
                let value = |f: &Figures| if has { exported(f.get(model, cell)) } else { String::new() };
                fields.push(value(model.reported()));
                fields.push(value(figures));
            }
            record(&mut out, &fields);
        }
    }
    out.push_str("\r\n");
    outlook(&mut out, model, figures);
    out.push_str("\r\n");
    // An edit of an estimate starts from the page's value on the release alone, never reported.
    record(&mut out, &["table", "key", "label", "reported or release estimate", "scenario"].map(String::from));
    let reading = |r: SbcReading| r.id().to_string();
    let how = "How stock-based compensation edits are read (the share link's sbc)";
    record(&mut out, &[EDITS.into(), "sbc".into(), how.into(), reading(SbcReading::default()), reading(scenario.sbc_reading())]);
    for (cell, value) in scenario.edits() {
        let label = format!("{}, {}", model.name(cell, cell.period), cell.period.short());
        record(&mut out, &[EDITS.into(), cell.key(), label, exported(model.reported().get(model, cell)), exported(Ok(value))]);
    }
    out
}

/// The outlook's rows: the guided figures against the release's ranges, then the fourth
/// quarter's estimates against what the year's range leaves for it in this scenario. Where each
/// falls is compared as the page displays it; "outside by" is how far, as displayed.
fn outlook(out: &mut String, model: &Model, figures: &Figures) {
    let header = ["table", "period", "line", "label", "range low", "range high", "release estimate", "scenario", "where it falls", "outside by"];
    record(out, &header.map(String::from));
    let row = |out: &mut String, table: &str, cell: Cell, label: &str, range: [String; 2], placed: Option<Placement>| {
        let [low, high] = range;
        let (position, by) = placed.map_or_else(Default::default, |p| (p.position.id().to_string(), exported(Ok(p.by))));
        let [released, scenario] = [model.reported(), figures].map(|f| exported(f.get(model, cell)));
        let fields = [table.to_string(), cell.period.id().to_string(), cell.line.to_string(), label.to_string(), low, high, released, scenario, position, by];
        record(out, &fields);
    };
    for g in &GUIDANCE {
        for r in &g.ranges {
            let cell = r.cell(g.period);
            let placed = figures.get(model, cell).ok().map(|v| r.place(v));
            row(out, "Financial Performance Outlook", cell, r.label, [r.low, r.high].map(|v| exported(Ok(v))), placed);
        }
    }
    for i in &IMPLIED {
        let [low, high, cell] = i.cells();
        let range = [low, high].map(|c| exported(figures.get(model, c)));
        let placed = i.against(model, figures).map(|a| a.placed);
        row(out, "What the full-year guidance implies for the fourth quarter", cell, i.label, range, placed);
    }
}

/// A comparison of scenarios as CSV: a header row (`line,label,period`, then each column's
/// name), then one row per figure listed, values as in `csv`; after a guided figure's, a row of
/// where each falls against its range (`within`, `above`, `below`).
pub fn comparison_csv(model: &Model, figures: &[(String, Cell)], columns: &[(String, &Figures)]) -> String {
    let mut out = String::new();
    let header = ["line", "label", "period"].into_iter().map(String::from).chain(columns.iter().map(|(name, _)| name.clone()));
    record(&mut out, &header.collect::<Vec<_>>());
    for (label, cell) in figures {
        let fields = [cell.line.to_string(), label.clone(), cell.period.id().to_string()];
        let values = columns.iter().map(|(_, f)| exported(f.get(model, *cell)));
        record(&mut out, &fields.into_iter().chain(values).collect::<Vec<_>>());
        // A guided figure: a row of where each column's falls, as Compare marks it.
        if let Some(range) = range_of(*cell) {
            let fields = [cell.line.to_string(), format!("{label}: against the guidance, {}", range.describe()), cell.period.id().to_string()];
            let placed = columns.iter().map(|(_, f)| f.get(model, *cell).map_or_else(|_| String::new(), |v| range.place(v).position.id().to_string()));
            record(&mut out, &fields.into_iter().chain(placed).collect::<Vec<_>>());
        }
    }
    out
}

/// One CSV record: a field holding a comma, a quote or a line break is quoted, quotes doubled.
/// A text that a spreadsheet would run as a formula (a scenario named `=HYPERLINK(…)`) is
/// written with a leading `'`, which keeps it text; numbers, `-38` included, stay numbers.
pub(crate) fn record(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(field);
        let field = if formula { format!("'{field}") } else { field.clone() };
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

/// A plain decimal as the exports write one: `-1234.5`.
fn is_number(field: &str) -> bool {
    let digits = field.strip_prefix('-').unwrap_or(field);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !int.is_empty() && !frac.is_empty() && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
}

/// A CSV file's text: with a byte order mark where it holds more than ASCII (a scenario's name
/// with an accent), without which Excel reads UTF-8 as another encoding ("BÃ¤r" for "Bär").
pub fn csv_file(text: &str) -> String {
    if text.is_ascii() {
        text.to_string()
    } else {
        format!("\u{feff}{text}")
    }
}

/// The name of a downloaded file of the scenario: after the saved scenario it is, if it is one
/// ("qualys-q3-2012-bull-case.csv"), so that two exports do not both land as
/// "qualys-q3-2012-scenario (1).csv". Letters and digits are kept, lower case; ASCII's other
/// characters and spaces become single hyphens; a name with none of them is "scenario".
pub fn file_name(saved: Option<&str>, extension: &str) -> String {
    let mut stem = String::new();
    // ASCII's letters lower-cased, any other letter kept as it is: Unicode's case and
    // letter tables would cost the app 13 KB gzip (measured) for a file's name.
    for c in saved.unwrap_or_default().chars() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace()) {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.chars().take(60).collect();
    match stem.trim_end_matches('-') {
        "" => format!("qualys-q3-2012-scenario.{extension}"),
        stem => format!("qualys-q3-2012-{stem}.{extension}"),
    }
}
