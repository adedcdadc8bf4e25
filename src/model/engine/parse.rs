//! Reading what people type, and what share links carry.

use super::unit::{EntryError, Unit, MAX_ENTRY_DECIMALS};
use rust_decimal::{Decimal, RoundingStrategy};

/// Reads a typed figure: `1234`, `1,234`, `-1,234`, `(1,234)`, `1234.5`, `$1,234`, with spaces
/// around. Also the minus sign `−` that documents use. Anything else is refused with a reason.
pub fn parse_entry(text: &str, unit: Unit) -> Result<Decimal, EntryError> {
    let text = halfwidth(text);
    let t = text.trim();
    if t.is_empty() {
        return Err(EntryError::Empty);
    }
    if t.contains(['\t', '\n']) {
        return Err(EntryError::Several);
    }
    let (negative, t) = strip_sign(t)?;
    if negative && t.is_empty() {
        return Err(EntryError::SignOnly);
    }
    // `24,000-`, as some ledgers print a negative figure.
    if t.ends_with(['-', '−']) && t.contains(|c: char| c.is_ascii_digit()) {
        return Err(EntryError::MinusAfter);
    }
    let t = t.strip_prefix('$').unwrap_or(t).trim_start();
    let digits = ungroup(t)?;
    let value = plain_number(&digits)?;
    unit.check_entry(if negative { -value } else { value })
}

/// Reads a field's text: a figure (`parse_entry`), or a change to `start`, the value the field
/// had when editing began, as spreadsheet users type it: `+10%`, `-5%` (a percentage more or
/// less) and `*1.1` (a multiple). The result is rounded to the places an input holds, half away
/// from zero. Text that looks like an attempt at such a change but is not one says how to write it.
pub fn parse_input(text: &str, unit: Unit, start: Option<Decimal>) -> Result<Decimal, EntryError> {
    let text = halfwidth(text);
    let t = text.trim();
    let change = if let Some(factor) = t.strip_prefix('*').or_else(|| t.strip_prefix('×')) {
        // A negative multiple turns the sign: *-1.
        let factor = factor.trim_start();
        let (sign, factor) = match factor.strip_prefix('-').or_else(|| factor.strip_prefix('−')) {
            Some(f) => (Decimal::NEGATIVE_ONE, f),
            None => (Decimal::ONE, factor),
        };
        Some(number(factor).map(|f| (sign * f, Decimal::ONE)))
    } else if let Some(percent) = t.strip_suffix('%') {
        let (sign, p) = match (percent.strip_prefix('+'), percent.strip_prefix('-').or_else(|| percent.strip_prefix('−'))) {
            (Some(p), _) => (Decimal::ONE, p),
            (_, Some(p)) => (Decimal::NEGATIVE_ONE, p),
            _ => return Err(EntryError::Arithmetic),
        };
        // start × (100 ± p) ÷ 100
        Some(number(p).and_then(|p| Decimal::ONE_HUNDRED.checked_add(sign * p).ok_or(EntryError::OutOfRange)).map(|f| (f, Decimal::ONE_HUNDRED)))
    } else {
        None
    };
    let Some(change) = change else {
        return parse_entry(t, unit).map_err(|why| match why {
            EntryError::NotANumber if looks_like_arithmetic(t) => EntryError::Arithmetic,
            why => why,
        });
    };
    let (times, over) = change?;
    let start = start.ok_or(EntryError::NothingToChange)?;
    let value = start
        .checked_mul(times)
        .and_then(|v| v.checked_div(over))
        .ok_or(EntryError::OutOfRange)?
        .round_dp_with_strategy(MAX_ENTRY_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
    unit.check_entry(value)
}

/// Full-width digits and signs (`１，２３４`, from a Japanese or Chinese keyboard or a pasted
/// document) as the ASCII ones they stand for, and the ideographic space as a space.
fn halfwidth(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// An unsigned number in a change, to six places: `10`, `1.1`, `1,000.5`, `1.0375`.
fn number(t: &str) -> Result<Decimal, EntryError> {
    let t = t.trim();
    if t.is_empty() {
        return Err(EntryError::Arithmetic);
    }
    number_to(&ungroup(t)?, 6).map_err(|why| match why {
        EntryError::TooManyDecimals => EntryError::ChangeDecimals,
        why => why,
    })
}

fn looks_like_arithmetic(t: &str) -> bool {
    t.starts_with('+') || t.contains(['%', '*', '×']) || t.strip_prefix(['x', 'X']).is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Reads a share-link value: a plain decimal (`-1234.5`), no grouping or symbols.
pub fn parse_plain(text: &str, unit: Unit) -> Result<Decimal, EntryError> {
    if text.is_empty() {
        return Err(EntryError::Empty);
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // What a person types into a field (commas, brackets) is not what a link holds: say so.
    let value = plain_number(body).map_err(|e| if e == EntryError::NotANumber { EntryError::NotPlain } else { e })?;
    unit.check_entry(if negative { -value } else { value })
}

/// A leading minus (or a `$` then a minus), or parentheses around the whole, mean negative.
/// How a field's text is read against its line's sign.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reading {
    /// As the line reads: (38) is -38.
    #[default]
    Line,
    /// A line shown with its sign turned under a label that reads as the line (interest
    /// expense: an expense of 38 shows as (38)): a plain figure as the line reads, one in
    /// brackets as the table prints it. (50), as 50, is an expense of 50; -50 is income.
    BracketsShown,
    /// A line shown with its sign turned under a label that reads the turned way too ("Other
    /// (income) expense", other income of 60 shown as (60)): every figure as the table prints
    /// it. 500 is an expense of 500, (100) income of 100.
    Shown,
}

/// Whether `text` is a change to where the field began (`+10%`, `*1.1`), not a figure.
pub fn is_change(text: &str) -> bool {
    let text = halfwidth(text);
    let t = text.trim();
    t.starts_with(['*', '×']) || t.ends_with('%')
}

/// Whether `text` is a figure in brackets, `(1,234)` or `$(1,234)`: how a statement prints a
/// negative figure, and the positive figures of a line it shows with its sign turned.
pub fn bracketed(text: &str) -> bool {
    let text = halfwidth(text);
    let t = text.trim();
    let t = t.strip_prefix('$').map_or(t, str::trim_start);
    t.starts_with('(') && t.ends_with(')')
}

fn strip_sign(t: &str) -> Result<(bool, &str), EntryError> {
    // `$(1,234)`, `$ (1,234)`: Excel's accounting format writes the dollar outside the brackets.
    let bracketed = t.strip_prefix('(').or_else(|| t.strip_prefix('$').and_then(|r| r.trim_start().strip_prefix('(')));
    // A second sign inside the first, `(-5)` or `-(5)`: which was meant is anyone's guess.
    let signed = |s: &str| s.starts_with(['-', '−', '(']);
    if let Some(inner) = bracketed {
        let inner = inner.strip_suffix(')').ok_or(EntryError::Unclosed)?.trim();
        return if signed(inner) { Err(EntryError::TwoSigns) } else { Ok((true, inner)) };
    }
    for minus in ['-', '−'] {
        let rest = t.strip_prefix(minus).or_else(|| t.strip_prefix('$').and_then(|r| r.trim_start().strip_prefix(minus)));
        if let Some(rest) = rest.map(str::trim_start) {
            return if signed(rest) { Err(EntryError::TwoSigns) } else { Ok((true, rest)) };
        }
    }
    Ok((false, t))
}

/// Removes thousands separators, which must sit every three digits of the whole part, all of
/// one kind: commas, or the thin or no-break spaces documents group with (`1 234`). Not a
/// plain space: a browser's field turns the line break of two pasted cells into one, and
/// "123 456" may be 123 and 456.
fn ungroup(t: &str) -> Result<String, EntryError> {
    let separator = |c: &char| matches!(c, ',' | '\u{A0}' | '\u{2009}' | '\u{202F}');
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    // Groups split at the first separator's kind: another kind within one makes it no group.
    if let Some(kind) = int.chars().find(separator) {
        let mut groups = int.split(kind);
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return Err(EntryError::Grouping);
        }
    }
    let mut out: String = int.chars().filter(|c| !separator(c)).collect();
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Ok(out)
}

/// Digits with at most one point, and at least one digit: `12`, `12.5`, `.5`, `12.`; at most
/// the places an input holds.
fn plain_number(t: &str) -> Result<Decimal, EntryError> {
    number_to(t, MAX_ENTRY_DECIMALS)
}

/// Like `plain_number`, with at most `places` decimals (at most six).
fn number_to(t: &str, places: u32) -> Result<Decimal, EntryError> {
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(int) || !all_digits(frac) || (int.is_empty() && frac.is_empty()) {
        return Err(EntryError::NotANumber);
    }
    // Say what is wrong with a long number rather than let the conversion fail on it.
    let int = int.trim_start_matches('0');
    if int.len() > 12 {
        return Err(EntryError::OutOfRange);
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > places.min(6) as usize {
        return Err(EntryError::TooManyDecimals);
    }
    // At most 12 + 6 digits: the mantissa fits an i64, so the value is built exactly from the
    // digits (Decimal's general string parser would add about 9 KB to the page).
    let mut mantissa: i64 = 0;
    for digit in int.chars().chain(frac.chars()).filter_map(|c| c.to_digit(10)) {
        mantissa = mantissa.checked_mul(10).and_then(|m| m.checked_add(i64::from(digit))).ok_or(EntryError::OutOfRange)?;
    }
    Decimal::try_new(mantissa, frac.len() as u32).map_err(|_| EntryError::OutOfRange)
}

/// The text with its sign turned, as `parse_input` reads it: `1,234` ↔ `-1,234`, `(1,234)` →
/// `1,234`, `$5` ↔ `-$5`, `+10%` ↔ `-10%`, `*1.1` ↔ `*-1.1`. For the ± beside a field on a
/// phone, whose number pad (iOS's) has no minus key.
pub fn turn_sign(text: &str) -> String {
    fn minus(s: &str) -> Option<&str> {
        s.strip_prefix('-').or_else(|| s.strip_prefix('−')).map(str::trim_start)
    }
    let text = halfwidth(text);
    let t = text.trim();
    if let Some(factor) = t.strip_prefix('*').or_else(|| t.strip_prefix('×')) {
        let factor = factor.trim_start();
        return format!("*{}", minus(factor).map_or_else(|| format!("-{factor}"), str::to_string));
    }
    if t.ends_with('%') {
        return match (t.strip_prefix('+'), minus(t)) {
            (Some(p), _) => format!("-{p}"),
            (_, Some(p)) => format!("+{p}"),
            _ => format!("-{t}"),
        };
    }
    let bracketed = t.strip_prefix('(').and_then(|r| r.strip_suffix(')'));
    let dollar_bracketed = t.strip_prefix('$').and_then(|r| r.trim_start().strip_prefix('(')).and_then(|r| r.strip_suffix(')'));
    match (minus(t), bracketed, dollar_bracketed) {
        (Some(rest), _, _) => rest.to_string(),
        (_, Some(inner), _) => inner.trim().to_string(),
        (_, _, Some(inner)) => format!("${}", inner.trim()),
        _ => format!("-{t}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    #[test]
    fn the_sign_turns_in_every_way_a_field_is_typed() {
        let rows = [
            ("1,234", "-1,234"),
            ("-1,234", "1,234"),
            ("− 5", "5"),
            ("(1,234)", "1,234"),
            ("$5", "-$5"),
            ("-$5", "$5"),
            ("$(5)", "$5"),
            ("+10%", "-10%"),
            ("-10%", "+10%"),
            ("*1.1", "*-1.1"),
            ("*-1.1", "*1.1"),
            ("", "-"),
            ("-", ""),
            ("－５００", "500"),
        ];
        for (text, turned) in rows {
            assert_eq!(turn_sign(text), turned, "{text}");
        }
        // What reads as a number reads as its negative, turned.
        let start = Some(Decimal::from(200));
        for text in ["1,234", "(1,234)", "$5", "-$5", "$(5)", "+10%", "-10%", "*1.1", "*-1.1", "0.5"] {
            let (a, b) = (parse_input(text, Unit::Money, start), parse_input(&turn_sign(text), Unit::Money, start));
            match text {
                // A change of the start turns into the opposite change: 220 and 180 from 200.
                "+10%" | "-10%" => assert_eq!(a.map(|v| v + b.unwrap_or_default()), Ok(Decimal::from(400)), "{text}"),
                _ => assert_eq!(b, a.map(|v| -v), "{text}"),
            }
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn accepted_entries() {
        let rows: &[(&str, &str)] = &[
            ("1234", "1234"),
            ("1,234", "1234"),
            ("-1,234", "-1234"),
            ("(1,234)", "-1234"),
            ("1234.5", "1234.5"),
            ("$1,234", "1234"),
            ("  1,234  ", "1234"),
            ("$ 1,234", "1234"),
            ("-$1,234", "-1234"),
            ("$-1,234", "-1234"),
            ("($1,234)", "-1234"),
            ("$(1,234)", "-1234"),
            ("$ (1,234.5)", "-1234.5"),
            ("( 1,234 )", "-1234"),
            ("−1,234", "-1234"),
            ("1,234,567.125", "1234567.125"),
            ("0", "0"),
            ("-0", "0"),
            (".5", "0.5"),
            ("12.", "12"),
            ("007", "7"),
            ("1.5000", "1.5"),
            ("1000000000", "1000000000"),
            ("-1000000000", "-1000000000"),
            // Grouped by the spaces documents write figures with.
            ("1\u{A0}234", "1234"),
            ("1\u{202F}234\u{202F}567", "1234567"),
            ("(1\u{2009}234)", "-1234"),
            // Full-width, from a Japanese or Chinese keyboard.
            ("１，２３４．５", "1234.5"),
            ("（１２３）", "-123"),
            ("\u{3000}－５\u{3000}", "-5"),
        ];
        for (text, value) in rows {
            assert_eq!(parse_entry(text, Unit::Money), Ok(d(value)), "{text:?}");
        }
    }

    #[test]
    fn refused_entries() {
        use EntryError::*;
        let rows: &[(&str, Unit, EntryError)] = &[
            ("", Unit::Money, Empty),
            ("   ", Unit::Money, Empty),
            ("abc", Unit::Money, NotANumber),
            ("12a", Unit::Money, NotANumber),
            ("1e5", Unit::Money, NotANumber),
            ("1,23", Unit::Money, Grouping),
            ("12,34,567", Unit::Money, Grouping),
            (",123", Unit::Money, Grouping),
            ("2913,382", Unit::Money, Grouping),
            ("1.2.3", Unit::Money, NotANumber),
            ("(1,234", Unit::Money, Unclosed),
            ("(", Unit::Money, Unclosed),
            ("--5", Unit::Money, TwoSigns),
            ("-(5)", Unit::Money, TwoSigns),
            ("(-5)", Unit::Money, TwoSigns),
            ("(−5)", Unit::Money, TwoSigns),
            ("$( - 5)", Unit::Money, TwoSigns),
            ("−(1,234)", Unit::Money, TwoSigns),
            ("((5))", Unit::Money, TwoSigns),
            ("24,000-", Unit::Money, MinusAfter),
            ("5 −", Unit::Money, MinusAfter),
            ("$", Unit::Money, NotANumber),
            // A minus alone: the figure is still to come (the ± of a phone's field begins one).
            ("-", Unit::Money, SignOnly),
            (" − ", Unit::Money, SignOnly),
            ("$-", Unit::Money, SignOnly),
            (".", Unit::Money, NotANumber),
            // A plain space is no grouping: two pasted cells' line break becomes one.
            ("1 234", Unit::Money, NotANumber),
            ("1,234 567", Unit::Money, Grouping),
            ("1\u{A0}2", Unit::Money, Grouping),
            ("1,234\u{A0}567", Unit::Money, Grouping),
            ("23,382\t19,375", Unit::Money, Several),
            ("1\n2", Unit::Money, Several),
            ("+5", Unit::Money, NotANumber),
            ("10%", Unit::Money, NotANumber),
            ("12.3456", Unit::Money, TooManyDecimals),
            ("0.0001", Unit::Shares, TooManyDecimals),
            ("1000000000.001", Unit::Money, OutOfRange),
            ("99999999999999999999999999999999", Unit::Money, OutOfRange),
            ("-5", Unit::Shares, Negative),
            ("(5)", Unit::Shares, Negative),
        ];
        for (text, unit, why) in rows {
            assert_eq!(parse_entry(text, *unit), Err(*why), "{text:?}");
        }
    }

    #[test]
    fn changes_to_the_value_editing_began_with() {
        use EntryError::*;
        let start = Some(d("23382"));
        let rows: &[(&str, Result<&str, EntryError>)] = &[
            ("+10%", Ok("25720.2")),
            ("＋１０％", Ok("25720.2")),
            ("-5%", Ok("22212.9")),
            ("−5%", Ok("22212.9")),
            ("*1.1", Ok("25720.2")),
            ("×2", Ok("46764")),
            (" +0% ", Ok("23382")),
            ("-100%", Ok("0")),
            ("+1,000%", Ok("257202")),
            ("*0.3333", Ok("7793.221")), // 7,793.2206 rounded to three places
            // Plain numbers keep their meaning.
            ("-5", Ok("-5")),
            ("1,234", Ok("1234")),
            // Attempts that are not read say how to write them.
            ("24,000-", Err(MinusAfter)),
            ("(-5)", Err(TwoSigns)),
            ("+5", Err(Arithmetic)),
            ("10%", Err(Arithmetic)),
            ("+%", Err(Arithmetic)),
            ("*", Err(Arithmetic)),
            ("x1.1", Err(Arithmetic)),
            ("5*2", Err(Arithmetic)),
            ("+1e3%", Err(NotANumber)),
            ("*1.2.3", Err(NotANumber)),
            ("*99999999999", Err(OutOfRange)),
            ("-200%", Ok("-23382")),
            // A negative multiple turns the sign; a change takes six places, an entry three.
            ("*-1", Ok("-23382")),
            ("× −0.5", Ok("-11691")),
            ("*1.000001", Ok("23382.023")),
            ("*1.0000001", Err(ChangeDecimals)),
            ("+0.0000001%", Err(ChangeDecimals)),
        ];
        for (text, want) in rows {
            assert_eq!(parse_input(text, Unit::Money, start), want.map(d), "{text:?}");
        }
        // A share count cannot be made negative by a change either.
        assert_eq!(parse_input("-200%", Unit::Shares, Some(d("5843"))), Err(Negative));
        assert_eq!(parse_input("+10%", Unit::Shares, Some(d("5843"))), Ok(d("6427.3")));
    }

    #[test]
    fn plain_link_values() {
        assert_eq!(parse_plain("500", Unit::Money), Ok(d("500")));
        assert_eq!(parse_plain("-1234.5", Unit::Money), Ok(d("-1234.5")));
        assert_eq!(parse_plain("1,234", Unit::Money), Err(EntryError::NotPlain));
        assert_eq!(parse_plain("(5)", Unit::Money), Err(EntryError::NotPlain));
        assert_eq!(parse_plain("", Unit::Money), Err(EntryError::Empty));
        assert_eq!(parse_plain("-3", Unit::Shares), Err(EntryError::Negative));
    }

    proptest! {
        #[test]
        fn no_string_panics_the_parser(s in ".{0,40}") {
            for unit in [Unit::Money, Unit::Shares, Unit::PerShare, Unit::Percent] {
                let _ = parse_entry(&s, unit);
                let _ = parse_plain(&s, unit);
            }
        }

        #[test]
        fn number_like_strings_never_panic(s in "[-−$(), .0-9]{0,40}") {
            let _ = parse_entry(&s, Unit::Money);
        }

        #[test]
        fn changes_never_panic(s in "[-+*×x%−$(), .0-9]{0,30}", start in -1_000_000_000_000i64..1_000_000_000_000i64) {
            for unit in [Unit::Money, Unit::Shares, Unit::PerShare] {
                if let Ok(v) = parse_input(&s, unit, Some(Decimal::new(start, 3))) {
                    prop_assert_eq!(unit.check_entry(v), Ok(v));
                }
            }
        }

        #[test]
        fn exact_text_reads_back(v in -1_000_000_000_000i64..1_000_000_000_000i64) {
            let value = Decimal::new(v, 3);
            let text = super::super::format::exact(value);
            prop_assert_eq!(parse_entry(&text, Unit::Money), Ok(value.normalize()));
        }
    }
}
