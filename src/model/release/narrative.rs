//! The narrative's figures (growth, margins, per-share), as data the page shows. The guidance
//! is in `guidance.rs`.

use crate::model::Cell;
use crate::model::Period::*;
use rust_decimal::Decimal;

/// How the narrative writes a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Thousands written as millions to one decimal: "$23.4 million".
    Millions,
    /// A whole percentage: "21%".
    WholePercent,
    /// Dollars per share: "$0.06".
    Dollars,
}

/// A figure the narrative quotes, with the text it prints.
#[derive(Clone, Copy, Debug)]
pub struct Highlight {
    pub topic: &'static str,
    pub label: &'static str,
    pub cell: Cell,
    pub style: Style,
    pub printed: &'static str,
}

const fn h(topic: &'static str, label: &'static str, cell: Cell, style: Style, printed: &'static str) -> Highlight {
    Highlight { topic, label, cell, style, printed }
}

pub const HIGHLIGHTS: &[Highlight] = &[
    h("Revenues", "Revenues, Q3 2012", Cell::new(Q3_2012, "revenue"), Style::Millions, "$23.4 million"),
    h("Revenues", "Revenues, Q3 2011", Cell::new(Q3_2011, "revenue"), Style::Millions, "$19.4 million"),
    h("Revenues", "Revenue growth", Cell::new(Q3_2012, "revenue_growth"), Style::WholePercent, "21%"),
    h("Bookings", "Four-Quarter Bookings, 2012", Cell::new(F4_2012, "four_quarter_bookings"), Style::Millions, "$98.7 million"),
    h("Bookings", "Four-Quarter Bookings, 2011", Cell::new(F4_2011, "four_quarter_bookings"), Style::Millions, "$78.9 million"),
    h("Bookings", "Increase", Cell::new(F4_2012, "four_quarter_bookings_increase"), Style::Millions, "$19.8 million"),
    h("Bookings", "Growth", Cell::new(F4_2012, "four_quarter_bookings_growth"), Style::WholePercent, "25%"),
    h("Gross profit", "Gross profit, Q3 2012", Cell::new(Q3_2012, "gross_profit"), Style::Millions, "$18.7 million"),
    h("Gross profit", "Gross profit, Q3 2011", Cell::new(Q3_2011, "gross_profit"), Style::Millions, "$16.2 million"),
    h("Gross profit", "Gross profit growth", Cell::new(Q3_2012, "gross_profit_growth"), Style::WholePercent, "16%"),
    h("Gross profit", "GAAP gross margin, Q3 2012", Cell::new(Q3_2012, "gross_margin"), Style::WholePercent, "80%"),
    h("Gross profit", "GAAP gross margin, Q3 2011", Cell::new(Q3_2011, "gross_margin"), Style::WholePercent, "83%"),
    h("Gross profit", "Non-GAAP gross profit, Q3 2012", Cell::new(Q3_2012, "non_gaap_gross_profit"), Style::Millions, "$18.8 million"),
    h("Gross profit", "Non-GAAP gross profit, Q3 2011", Cell::new(Q3_2011, "non_gaap_gross_profit"), Style::Millions, "$16.2 million"),
    h("Gross profit", "Non-GAAP gross profit growth", Cell::new(Q3_2012, "non_gaap_gross_profit_growth"), Style::WholePercent, "16%"),
    h("Gross profit", "Non-GAAP gross margin, Q3 2012", Cell::new(Q3_2012, "non_gaap_gross_margin"), Style::WholePercent, "80%"),
    h("Gross profit", "Non-GAAP gross margin, Q3 2011", Cell::new(Q3_2011, "non_gaap_gross_margin"), Style::WholePercent, "84%"),
    h("Operating income", "GAAP operating income, Q3 2012", Cell::new(Q3_2012, "income_from_operations"), Style::Millions, "$1.7 million"),
    h("Operating income", "GAAP operating income, Q3 2011", Cell::new(Q3_2011, "income_from_operations"), Style::Millions, "$1.0 million"),
    h("Operating income", "GAAP operating income growth", Cell::new(Q3_2012, "income_from_operations_growth"), Style::WholePercent, "73%"),
    h("Operating income", "Non-GAAP operating income, Q3 2012", Cell::new(Q3_2012, "non_gaap_income_from_operations"), Style::Millions, "$2.7 million"),
    h("Operating income", "Non-GAAP operating income, Q3 2011", Cell::new(Q3_2011, "non_gaap_income_from_operations"), Style::Millions, "$1.5 million"),
    h("Operating income", "Non-GAAP operating income growth", Cell::new(Q3_2012, "non_gaap_income_from_operations_growth"), Style::WholePercent, "78%"),
    h("Operating income", "Non-GAAP operating margin, Q3 2012", Cell::new(Q3_2012, "non_gaap_operating_margin"), Style::WholePercent, "12%"),
    h("Operating income", "Non-GAAP operating margin, Q3 2011", Cell::new(Q3_2011, "non_gaap_operating_margin"), Style::WholePercent, "8%"),
    h("Net income", "GAAP net income, Q3 2012", Cell::new(Q3_2012, "net_income"), Style::Millions, "$1.7 million"),
    h("Net income", "GAAP diluted EPS, Q3 2012", Cell::new(Q3_2012, "eps_diluted"), Style::Dollars, "$0.06"),
    h("Net income", "GAAP net income, Q3 2011", Cell::new(Q3_2011, "net_income"), Style::Millions, "$0.5 million"),
    h("Net income", "GAAP diluted EPS, Q3 2011", Cell::new(Q3_2011, "eps_diluted"), Style::Dollars, "$0.02"),
    h("Net income", "Non-GAAP net income, Q3 2012", Cell::new(Q3_2012, "non_gaap_net_income"), Style::Millions, "$2.7 million"),
    h("Net income", "Non-GAAP diluted EPS, Q3 2012", Cell::new(Q3_2012, "non_gaap_eps_diluted"), Style::Dollars, "$0.10"),
    h("Net income", "Non-GAAP net income, Q3 2011", Cell::new(Q3_2011, "non_gaap_net_income"), Style::Millions, "$1.0 million"),
    h("Net income", "Non-GAAP diluted EPS, Q3 2011", Cell::new(Q3_2011, "non_gaap_eps_diluted"), Style::Dollars, "$0.04"),
    h("Adjusted EBITDA", "Adjusted EBITDA, Q3 2012", Cell::new(Q3_2012, "adjusted_ebitda"), Style::Millions, "$4.6 million"),
    h("Adjusted EBITDA", "Adjusted EBITDA, Q3 2011", Cell::new(Q3_2011, "adjusted_ebitda"), Style::Millions, "$2.8 million"),
    h("Adjusted EBITDA", "Adjusted EBITDA growth", Cell::new(Q3_2012, "adjusted_ebitda_growth"), Style::WholePercent, "66%"),
    h("Adjusted EBITDA", "As a percentage of revenues, Q3 2012", Cell::new(Q3_2012, "adjusted_ebitda_margin"), Style::WholePercent, "20%"),
    h("Adjusted EBITDA", "As a percentage of revenues, Q3 2011", Cell::new(Q3_2011, "adjusted_ebitda_margin"), Style::WholePercent, "14%"),
];

impl Style {
    /// A figure written the narrative's way.
    pub fn write(self, value: Decimal) -> String {
        use crate::model::engine::format::fixed;
        use crate::model::engine::unit::round_for_display;
        let (text, negative) = match self {
            Style::Millions => {
                let m = round_for_display(value / Decimal::ONE_THOUSAND, 1);
                (format!("${} million", fixed(m.abs(), 1)), m.is_sign_negative() && !m.is_zero())
            }
            Style::WholePercent => {
                let p = round_for_display(value, 0);
                (format!("{}%", fixed(p.abs(), 0)), p.is_sign_negative() && !p.is_zero())
            }
            Style::Dollars => {
                let d = round_for_display(value, 2);
                (format!("${}", fixed(d.abs(), 2)), d.is_sign_negative() && !d.is_zero())
            }
        };
        if negative {
            format!("({text})")
        } else {
            text
        }
    }
}
