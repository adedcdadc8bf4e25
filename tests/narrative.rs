//! The narrative's figures, recomputed from the statements and written the narrative's way,
//! are what the release prints: revenue growth 21 %, bookings growth 25 %, non-GAAP gross
//! margin 80 % and 84 %, non-GAAP operating margin 12 % and 8 %, Adjusted EBITDA 20 % and 14 %
//! of revenue, and the rest.

use qualys_what_if::model::release::guidance::GUIDANCE;
use qualys_what_if::model::release::narrative::HIGHLIGHTS;
use qualys_what_if::model::{Model, Period};
use rust_decimal::Decimal;

#[test]
fn every_narrative_figure_is_as_printed() {
    let model = Model::release();
    assert!(HIGHLIGHTS.len() >= 35);
    for h in HIGHLIGHTS {
        let value = model.reported().get(model, h.cell).unwrap_or_else(|e| panic!("{}: {e:?}", h.label));
        assert_eq!(h.style.write(value), h.printed, "{} ({})", h.label, h.cell.key());
    }
}

#[test]
fn narrative_styles_round_half_away_from_zero() {
    use qualys_what_if::model::release::narrative::Style;
    assert_eq!(Style::Millions.write(Decimal::from(23_350)), "$23.4 million");
    assert_eq!(Style::Millions.write(Decimal::from(-1_250)), "($1.3 million)");
    assert_eq!(Style::WholePercent.write(Decimal::new(205, 1)), "21%");
    assert_eq!(Style::Dollars.write(Decimal::new(105, 3)), "$0.11");
    // Large figures are grouped, as the tables group them.
    assert_eq!(Style::Millions.write(Decimal::from(999_999_999)), "$1,000,000.0 million");
    assert_eq!(Style::Dollars.write(Decimal::new(3_760_327, 2)), "$37,603.27");
    assert_eq!(Style::WholePercent.write(Decimal::from(-2_279)), "(2,279%)");
    assert_eq!(Style::Millions.write(Decimal::ZERO), "$0.0 million");
}

#[test]
fn full_year_guidance_less_nine_months_is_the_fourth_quarter_guidance() {
    // 90,800 − 66,763 = 24,037 and 91,400 − 66,763 = 24,637: $24.0 to $24.6 million.
    let nine_months = Model::release().reported().at(Period::M9_2012, "revenue").unwrap();
    let [q4, year] = GUIDANCE;
    let to_tenth_of_million = |v: Decimal| (v / Decimal::ONE_THOUSAND).round_dp(1);
    assert_eq!(to_tenth_of_million(year.ranges[0].low - nine_months), to_tenth_of_million(q4.ranges[0].low));
    assert_eq!(to_tenth_of_million(year.ranges[0].high - nine_months), to_tenth_of_million(q4.ranges[0].high));
}
