//! Figures as an analyst reads them: grouped thousands, negatives in parentheses, per-share
//! to the cent, margins to a tenth of a percent. Rounding happens here and nowhere else.

use super::cell::{Undefined, Value};
use super::parse::Reading;
use super::unit::{round_for_display, Unit};
use rust_decimal::Decimal;

/// What the page shows for a figure that has no value (a margin when revenue is zero).
pub const UNDEFINED: &str = "—";
/// What it shows for a ratio to a base below zero, as releases print it.
pub const NOT_MEANINGFUL: &str = "n.m.";
/// What the release prints for an amount or share count of zero (see its share counts and cash
/// flows): whatever rounds to zero in thousands, as the release's own rounded figures do.
/// Per-share figures and margins keep their places ("0.00", as the guidance writes it).
pub const ZERO: &str = "-";

/// A computed figure, rounded for display.
pub fn display(value: Value, unit: Unit) -> String {
    display_at(value, unit, unit.display_places())
}

/// A figure where ranking small differences matters (a tornado's ends): per-share figures and
/// margins to two places more than a table shows them (0.2592, not 0.26); thousands as shown.
pub fn finer(value: Value, unit: Unit) -> String {
    match unit {
        Unit::PerShare | Unit::Percent => display_at(value, unit, unit.display_places() + 2),
        Unit::Money | Unit::Shares => display(value, unit),
    }
}

fn display_at(value: Value, unit: Unit, places: u32) -> String {
    match value {
        Ok(v) if matches!(unit, Unit::Money | Unit::Shares) && round_for_display(v, 0).is_zero() => ZERO.to_string(),
        Ok(v) => {
            let text = exact(round_for_display(v, places));
            // Rounding may leave fewer places than the unit shows (0.1 → "0.10").
            let text = pad_places(text, places);
            match unit {
                Unit::Percent => percent_sign(text),
                _ => text,
            }
        }
        Err(why) => undefined(why).to_string(),
    }
}

/// A figure standing alone, as a headline card shows it: zero is 0 ("$0K"), where a table
/// prints the release's "-" ("$-K" would read as a typo).
pub fn alone(value: Value, unit: Unit) -> String {
    match display(value, unit) {
        zero if zero == ZERO => "0".to_string(),
        shown => shown,
    }
}

/// What the page shows for a figure with no value, by why it has none.
pub fn undefined(why: Undefined) -> &'static str {
    match why {
        Undefined::NotMeaningful(_) => NOT_MEANINGFUL,
        _ => UNDEFINED,
    }
}

/// The change from `reported` to `value` as the page shows them: the difference of the two
/// figures as displayed ("+1,000", "−0.03", "+0.4 pts"), so that it adds up on the screen.
/// None when either is undefined.
pub fn change(value: Value, reported: Value, unit: Unit) -> Option<String> {
    let (diff, _) = shown_change(value, reported, unit)?;
    let text = pad_places(exact(diff.abs()), unit.display_places());
    let text = if unit == Unit::Percent { format!("{text} pts") } else { text };
    Some(signed(diff, text))
}

/// The change as a percentage of the reported figure ("−50.0%"), on the same basis as `change`:
/// the figures as displayed, so that 0.06 → 0.03 reads −50.0% beside its −0.03, as a reader
/// working it out from the screen finds. Where the exact figures give another percentage, as a
/// per-share figure's cents often do, that one follows: "−50.0% (−55.9% exact)", as a
/// spreadsheet of the exact figures has it. None when the reported figure shows as zero.
pub fn percent_change(value: Value, reported: Value, unit: Unit) -> Option<String> {
    let (diff, base) = shown_change(value, reported, unit)?;
    let shown = percent_of(diff, base)?;
    let exact = value.ok().zip(reported.ok()).and_then(|(v, r)| percent_of(v.checked_sub(r)?, r));
    Some(match exact {
        Some(exact) if exact != shown => format!("{} ({} exact)", written(shown), written(exact)),
        _ => written(shown),
    })
}

/// `diff` as a percentage of `base`, to the tenth shown.
fn percent_of(diff: Decimal, base: Decimal) -> Option<Decimal> {
    let pct = diff.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(base.abs())?;
    Some(round_for_display(pct, Unit::Percent.display_places()))
}

fn written(pct: Decimal) -> String {
    signed(pct, display(Ok(pct.abs()), Unit::Percent))
}

/// The difference of the two figures as displayed, and the reported one as displayed.
fn shown_change(value: Value, reported: Value, unit: Unit) -> Option<(Decimal, Decimal)> {
    let shown = |v: Value| v.ok().map(|v| round_for_display(v, unit.display_places()));
    let base = shown(reported)?;
    Some((shown(value)?.checked_sub(base)?, base))
}

/// `text`, the size of `amount`, with its sign: "±" for none, "−" for below zero, else "+".
fn signed(amount: Decimal, text: String) -> String {
    match amount {
        d if d.is_zero() => format!("±{text}"),
        d if d.is_sign_negative() => format!("−{text}"),
        _ => format!("+{text}"),
    }
}

/// A figure as entered: as the page shows it, but with the decimals it has where the page would
/// round them away and they are at most three (what an input holds). In a derivation's
/// equation, terms like 5,076.5 + 8,797.5 + 3,154.4 then add up to the 17,028.4 beside them; in
/// the list of changes, an edit to 23,382.4 does not read as the release's 23,382. Longer
/// fractions (a ratio's products) are shown rounded, as everywhere.
pub fn display_entered(value: Value, unit: Unit) -> String {
    match value {
        Ok(v) if shown_exactly(v, unit) => exact(v),
        _ => display(value, unit),
    }
}

/// The value `display_entered` shows: exact, or rounded for display.
pub fn entered_shown(value: Value, unit: Unit) -> Value {
    value.map(|v| if shown_exactly(v, unit) { v } else { round_for_display(v, unit.display_places()) })
}

fn shown_exactly(v: Decimal, unit: Unit) -> bool {
    matches!(unit, Unit::Money | Unit::Shares) && (1..=3).contains(&v.normalize().scale())
}

/// An exact value with grouping and parentheses, every decimal kept: how an entered figure is
/// written back into its field, and what the parser reads again unchanged.
pub fn exact(value: Decimal) -> String {
    let plain = value.abs().normalize().to_string();
    let (int, frac) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let mut out = group(int);
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if value.is_sign_negative() && !value.is_zero() {
        format!("({out})")
    } else {
        out
    }
}

/// `value` as a row shown with its sign turned shows it (interest expense, entered as 38,
/// shows as (38)).
pub fn turned(value: Value, negated: bool) -> Value {
    value.map(|v| if negated { -v } else { v })
}

/// The text a field shows when typed into, which reads back as its figure (`Scenario::typed`):
/// the exact value as its line reads (interest expense, shown as (38), as 38, and income of 7
/// as -7, since brackets there read as the table prints them); or as the table shows it, where
/// the label reads the turned way too ("Other (income) expense": (60) for income of 60).
pub fn entry_text(value: Decimal, reading: Reading) -> String {
    match reading {
        Reading::BracketsShown if value.is_sign_negative() && !value.is_zero() => format!("-{}", exact(-value)),
        Reading::Shown => exact(-value),
        _ => exact(value),
    }
}

/// The text Enter or F2 edits, as in a spreadsheet: the field's entry text without its grouping,
/// so that a digit typed into it makes a number (4634, not 4,634). It reads back as the figure.
pub fn amend_text(value: Decimal, reading: Reading) -> String {
    plain(Ok(if reading == Reading::Shown { -value } else { value }))
}

/// The text a field shows when not being edited: the exact value, sign turned for rows the
/// release prints that way, and a zero as the release prints it.
pub fn field_text(value: Decimal, negated: bool) -> String {
    if value.is_zero() {
        return ZERO.to_string();
    }
    exact(if negated { -value } else { value })
}

/// The exact value as the contract's `data-value`: a plain decimal, `-` for negatives.
pub fn plain(value: Value) -> String {
    match value {
        Ok(v) if v.is_zero() => "0".to_string(),
        Ok(v) => v.normalize().to_string(),
        // Shown as "n.m.", and still the exact value the contract's data-value holds.
        Err(Undefined::NotMeaningful(v)) => plain(Ok(v)),
        Err(_) => String::new(),
    }
}

/// A value as the exports (CSV) write it: exact, empty where the page shows no figure, and
/// "n.m." where the page shows that (a ratio to a base below zero), as a spreadsheet of a
/// release writes it: its quotient would read as a margin or growth that means something, and
/// left empty it read as no figure at all.
pub fn exported(value: Value) -> String {
    match value {
        Err(Undefined::NotMeaningful(_)) => NOT_MEANINGFUL.to_string(),
        v => v.map_or_else(|_| String::new(), |v| plain(Ok(v))),
    }
}

/// A value already rounded to `places`, grouped and written with exactly that many: 1,000,000.0.
pub fn fixed(value: Decimal, places: u32) -> String {
    pad_places(exact(value), places)
}

fn group(int: &str) -> String {
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(*c);
    }
    out
}

fn pad_places(text: String, places: u32) -> String {
    if places == 0 {
        return text;
    }
    let (body, close) = match text.strip_suffix(')') {
        Some(b) => (b.to_string(), ")"),
        None => (text, ""),
    };
    let have = body.split_once('.').map_or(0, |(_, f)| f.len());
    let mut body = body;
    if have == 0 {
        body.push('.');
    }
    for _ in have..places as usize {
        body.push('0');
    }
    body + close
}

fn percent_sign(text: String) -> String {
    match text.strip_suffix(')') {
        Some(b) => format!("{b}%)"),
        None => format!("{text}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn finer_shows_per_share_figures_and_margins_two_places_further() {
        let rows: &[(&str, Unit, &str)] = &[
            ("0.259249", Unit::PerShare, "0.2592"),
            ("0.25925", Unit::PerShare, "0.2593"),
            ("-0.00005", Unit::PerShare, "(0.0001)"),
            ("0.1", Unit::PerShare, "0.1000"),
            ("80.4712", Unit::Percent, "80.471%"),
            ("1234.56", Unit::Money, "1,235"),
            ("0.4", Unit::Shares, "-"),
        ];
        for (v, unit, want) in rows {
            assert_eq!(finer(Ok(d(v)), *unit), *want, "{v} {unit:?}");
        }
    }

    #[test]
    fn display_rounds_half_away_from_zero_and_groups() {
        let rows: &[(&str, Unit, &str)] = &[
            ("23382", Unit::Money, "23,382"),
            ("-1252", Unit::Money, "(1,252)"),
            ("670.5", Unit::Money, "671"),
            ("-670.5", Unit::Money, "(671)"),
            ("670.49", Unit::Money, "670"),
            ("-0.4", Unit::Money, "-"),
            ("0.4", Unit::Money, "-"),
            ("0.5", Unit::Money, "1"),
            ("0", Unit::Money, "-"),
            ("0.000", Unit::Shares, "-"),
            ("0", Unit::PerShare, "0.00"),
            ("0.004", Unit::PerShare, "0.00"),
            ("0", Unit::Percent, "0.0%"),
            ("1234567", Unit::Shares, "1,234,567"),
            ("0.0710", Unit::PerShare, "0.07"),
            ("0.105", Unit::PerShare, "0.11"),
            ("-0.105", Unit::PerShare, "(0.11)"),
            ("0.1", Unit::PerShare, "0.10"),
            ("2", Unit::PerShare, "2.00"),
            ("80.47", Unit::Percent, "80.5%"),
            ("-3.25", Unit::Percent, "(3.3%)"),
            ("20", Unit::Percent, "20.0%"),
        ];
        for (value, unit, shown) in rows {
            assert_eq!(display(Ok(d(value)), *unit), *shown, "{value} as {unit:?}");
        }
        assert_eq!(display(Err(Undefined::ZeroDivisor), Unit::Percent), "—");
        assert_eq!(display(Err(Undefined::NotMeaningful(d("-433.4"))), Unit::Percent), "n.m.");
    }

    #[test]
    fn a_change_is_the_difference_of_the_figures_as_shown() {
        let rows: &[(&str, &str, Unit, &str)] = &[
            // GAAP diluted EPS 0.0626 → 0.0276: shown 0.06 → 0.03, so −0.03 (not −0.0350 → −0.04).
            ("0.0276", "0.0626", Unit::PerShare, "−0.03"),
            ("24382", "23382", Unit::Money, "+1,000"),
            ("23382.4", "23382", Unit::Money, "±0"),
            ("0.0712", "0.0705", Unit::PerShare, "±0.00"),
            ("-715", "1667", Unit::Money, "−2,382"),
            ("84.46", "80.47", Unit::Percent, "+4.0 pts"),
            ("1000.5", "1000.4", Unit::Money, "+1"),
        ];
        for (value, reported, unit, want) in rows {
            assert_eq!(change(Ok(d(value)), Ok(d(reported)), *unit).as_deref(), Some(*want), "{reported} → {value}");
        }
        assert_eq!(change(Err(Undefined::ZeroDivisor), Ok(d("1")), Unit::Percent), None);
    }

    #[test]
    fn a_percentage_change_is_of_the_figures_as_shown_then_of_the_exact_ones() {
        let rows: &[(&str, &str, Unit, Option<&str>)] = &[
            // 0.06 → 0.03 is half; the exact 0.0626 → 0.0276 follow.
            ("0.0276", "0.0626", Unit::PerShare, Some("−50.0% (−55.9% exact)")),
            ("0.0489229", "0.0626860", Unit::PerShare, Some("−16.7% (−22.0% exact)")),
            ("0.0600", "0.0626", Unit::PerShare, Some("±0.0% (−4.2% exact)")),
            ("24382", "23382", Unit::Money, Some("+4.3%")),
            ("-715", "1667", Unit::Money, Some("−142.9%")),
            ("23382.4", "23382", Unit::Money, Some("±0.0%")),
            ("84.46", "80.47", Unit::Percent, Some("+5.0%")),
            // A reported figure that shows as zero has no percentage change.
            ("0.05", "0.004", Unit::PerShare, None),
        ];
        for (value, reported, unit, want) in rows {
            assert_eq!(percent_change(Ok(d(value)), Ok(d(reported)), *unit).as_deref(), *want, "{reported} → {value}");
        }
        assert_eq!(percent_change(Err(Undefined::ZeroDivisor), Ok(d("1")), Unit::Percent), None);
    }

    #[test]
    fn exact_keeps_every_decimal() {
        assert_eq!(exact(d("1234.5")), "1,234.5");
        assert_eq!(exact(d("-1001")), "(1,001)");
        assert_eq!(exact(d("1000000.125")), "1,000,000.125");
        assert_eq!(exact(d("38.000")), "38");
        assert_eq!(exact(d("-0")), "0");
    }

    #[test]
    fn an_entered_figure_keeps_its_decimals_so_an_equation_adds_up() {
        let shown = |v: &str, unit| display_entered(Ok(d(v)), unit);
        // Terms with at most three decimals keep them: 5,076.5 + 8,797.5 + 3,154.4 = 17,028.4.
        assert_eq!([shown("5076.5", Unit::Money), shown("8797.5", Unit::Money), shown("3154.4", Unit::Money)], ["5,076.5", "8,797.5", "3,154.4"]);
        assert_eq!(shown("17028.4", Unit::Money), "17,028.4");
        assert_eq!(shown("-50.125", Unit::Money), "(50.125)");
        // Whole figures, longer fractions and other units are shown as the page shows them.
        assert_eq!(shown("17028", Unit::Money), "17,028");
        assert_eq!(shown("1592.1343", Unit::Money), "1,592");
        assert_eq!(shown("0.0645", Unit::PerShare), "0.06");
        assert_eq!(shown("0", Unit::Money), ZERO);
    }

    #[test]
    fn plain_is_the_contract_data_value() {
        assert_eq!(plain(Ok(d("-1001.50"))), "-1001.5");
        assert_eq!(plain(Ok(d("-0"))), "0");
        assert_eq!(plain(Err(Undefined::ZeroDivisor)), "");
        assert_eq!(plain(Err(Undefined::NotMeaningful(d("-433.40")))), "-433.4");
    }

    #[test]
    fn an_export_writes_what_the_page_shows() {
        assert_eq!(exported(Ok(d("-1001.50"))), "-1001.5");
        assert_eq!(exported(Err(Undefined::ZeroDivisor)), "");
        assert_eq!(exported(Err(Undefined::NotMeaningful(d("-433.40")))), "n.m.");
    }
}
