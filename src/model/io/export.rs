//! The scenario's tables as CSV (RFC 4180): for each table in the release's order, a header
//! row, then one row per figure with the reported and the scenario value in each of the
//! table's periods (for an estimate, its value on the release alone and in the scenario). Values are exact plain decimals in the model's own sign (interest expense
//! is positive), empty where a figure is undefined.

use crate::model::engine::format::plain;
use crate::model::release::tables::{Row, TABLES};
use crate::model::{Cell, Figures, Model};

pub fn csv(model: &Model, figures: &Figures) -> String {
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
            // ("Other (income) expense", other income as (60)) is labelled as the line is.
            let label = if r.negated { model.line(r.line).map_or(r.label, |l| l.label) } else { r.label };
            let mut fields = vec![table.title.to_string(), r.line.to_string(), label.to_string()];
            for p in table.periods {
                let cell = Cell::new(*p, r.line);
                let has = model.def(cell).is_some();
                let value = |f: &Figures| if has { plain(f.get(model, cell)) } else { String::new() };
                fields.push(value(model.reported()));
                fields.push(value(figures));
            }
            record(&mut out, &fields);
        }
    }
    out
}

/// A comparison of scenarios as CSV: a header row (`line,label,period`, then each column's
/// name), then one row per figure listed, values as in `csv`.
pub fn comparison_csv(model: &Model, figures: &[(String, Cell)], columns: &[(String, &Figures)]) -> String {
    let mut out = String::new();
    let header = ["line", "label", "period"].into_iter().map(String::from).chain(columns.iter().map(|(name, _)| name.clone()));
    record(&mut out, &header.collect::<Vec<_>>());
    for (label, cell) in figures {
        let fields = [cell.line.to_string(), label.clone(), cell.period.id().to_string()];
        let values = columns.iter().map(|(_, f)| plain(f.get(model, *cell)));
        record(&mut out, &fields.into_iter().chain(values).collect::<Vec<_>>());
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
