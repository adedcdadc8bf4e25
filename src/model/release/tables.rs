//! The release's tables as it prints them: titles, columns and rows, in its order and wording.
//! A row names a line; its figures come from the model, so a figure shown in several tables
//! is one figure.

use crate::model::engine::parse::Reading;
use crate::model::Period;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    Plain,
    /// A subtotal the release underlines.
    Subtotal,
    /// A total: net income, total assets, bookings.
    Total,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A caption row with no figures ("Operating expenses:").
    Heading(&'static str),
    Figure(FigureRow),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FigureRow {
    pub line: &'static str,
    /// The label as this table prints it.
    pub label: &'static str,
    pub emphasis: Emphasis,
    /// Shown with the sign turned: interest expense, entered as a positive expense, shows as
    /// (38); "Other (income) expense" shows other income of 60 as (60).
    pub negated: bool,
    /// Its label reads the turned way too ("Other (income) expense": an expense is positive),
    /// where interest expense's reads as the line does.
    pub label_turned: bool,
    /// Not printed in the release: a margin or growth rate the page adds beside its figures.
    pub added: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Table {
    pub id: &'static str,
    pub title: &'static str,
    pub note: &'static str,
    /// The release's columns, then the page's estimates (`Period::is_estimate`) where the
    /// table has them: lines without an estimate are blank there.
    pub periods: &'static [Period],
    pub rows: &'static [Row],
}

impl FigureRow {
    /// How its fields' text is read.
    pub fn reading(&self) -> Reading {
        match (self.negated, self.label_turned) {
            (false, _) => Reading::Line,
            (true, false) => Reading::BracketsShown,
            (true, true) => Reading::Shown,
        }
    }
}

/// Whether table `table` shows `line` with its sign turned.
pub fn negated(table: &str, line: &str) -> bool {
    row_of(table, line).is_some_and(|r| r.negated)
}

/// How a field of `line` in table `table` reads its text.
pub fn reading(table: &str, line: &str) -> Reading {
    row_of(table, line).map_or(Reading::Line, FigureRow::reading)
}

/// The row of `line` in table `table`.
pub fn row_of(table: &str, line: &str) -> Option<&'static FigureRow> {
    TABLES.iter().filter(|t| t.id == table).flat_map(|t| t.rows).find_map(|r| match r {
        Row::Figure(f) if f.line == line => Some(f),
        _ => None,
    })
}

/// Whether `line` is shown with its sign turned where the release first prints it (interest
/// expense as (38)): how a figure of it reads outside the tables, in the tie-out.
pub fn shown_turned(line: &str) -> bool {
    TABLES.iter().flat_map(|t| t.rows).find_map(|r| match r {
        Row::Figure(f) if f.line == line => Some(f.negated),
        _ => None,
    }) == Some(true)
}

const fn row(line: &'static str, label: &'static str, emphasis: Emphasis, negated: bool, added: bool) -> Row {
    Row::Figure(FigureRow { line, label, emphasis, negated, label_turned: false, added })
}
const fn fig(line: &'static str, label: &'static str) -> Row {
    row(line, label, Emphasis::Plain, false, false)
}
const fn sub(line: &'static str, label: &'static str) -> Row {
    row(line, label, Emphasis::Subtotal, false, false)
}
const fn tot(line: &'static str, label: &'static str) -> Row {
    row(line, label, Emphasis::Total, false, false)
}
const fn neg(line: &'static str, label: &'static str) -> Row {
    row(line, label, Emphasis::Plain, true, false)
}
/// Shown with its sign turned under a label that reads the turned way ("(income) expense").
const fn neg_label(line: &'static str, label: &'static str) -> Row {
    Row::Figure(FigureRow { line, label, emphasis: Emphasis::Plain, negated: true, label_turned: true, added: false })
}
const fn add(line: &'static str, label: &'static str) -> Row {
    row(line, label, Emphasis::Plain, false, true)
}
const fn head(label: &'static str) -> Row {
    Row::Heading(label)
}

const SHARES_HEADING: &str = "Weighted average shares used in computing net income per share attributable to common stockholders:";

pub const TABLES: &[Table] = &[
    Table {
        id: "operations",
        title: "Condensed Consolidated Statements of Operations",
        note: "(in thousands, except per share data)",
        periods: &Period::OPERATIONS,
        rows: &[
            fig("revenue", "Revenues"),
            fig("cost_of_revenue", "Cost of revenues (1)"),
            sub("gross_profit", "Gross profit"),
            head("Operating expenses:"),
            fig("research_and_development", "Research and development (1)"),
            fig("sales_and_marketing", "Sales and marketing (1)"),
            fig("general_and_administrative", "General and administrative (1)"),
            sub("total_operating_expenses", "Total operating expenses"),
            fig("income_from_operations", "Income from operations"),
            head("Other income (expense), net:"),
            neg("interest_expense", "Interest expense"),
            fig("interest_income", "Interest income"),
            fig("other_income_expense_net", "Other income (expense), net"),
            sub("total_other_income_expense", "Total other income (expense), net"),
            fig("income_before_taxes", "Income before provision for income taxes"),
            fig("provision_for_income_taxes", "Provision for income taxes"),
            tot("net_income", "Net income"),
            tot("net_income_to_common_basic", "Net income attributable to common stockholders"),
            head("Net income per share attributable to common stockholders:"),
            sub("eps_basic", "Basic"),
            sub("eps_diluted", "Diluted"),
            head(SHARES_HEADING),
            sub("shares_basic", "Basic"),
            sub("shares_diluted", "Diluted"),
        ],
    },
    Table {
        id: "stock_compensation",
        title: "(1) Includes stock-based compensation as follows:",
        note: "(in thousands)",
        periods: &Period::OPERATIONS,
        rows: &[
            fig("sbc_cost_of_revenue", "Cost of revenues"),
            fig("sbc_research_and_development", "Research and development"),
            fig("sbc_sales_and_marketing", "Sales and marketing"),
            fig("sbc_general_and_administrative", "General and administrative"),
            tot("sbc_total", "Total stock-based compensation"),
        ],
    },
    Table {
        id: "comprehensive_income",
        title: "Condensed Consolidated Statements of Comprehensive Income (Loss)",
        note: "(in thousands)",
        periods: &Period::INCOME,
        rows: &[
            fig("net_income", "Net income"),
            fig("fx_translation", "Foreign currency translation gain (loss), net of zero tax"),
            sub("other_comprehensive_income", "Other comprehensive income (loss), net"),
            tot("comprehensive_income", "Comprehensive income"),
        ],
    },
    Table {
        id: "balance_sheets",
        title: "Condensed Consolidated Balance Sheets",
        note: "(in thousands)",
        periods: &Period::BALANCE,
        rows: &[
            head("Assets"),
            head("Current assets:"),
            fig("cash", "Cash"),
            fig("accounts_receivable", "Accounts receivable"),
            fig("prepaid_and_other_current", "Prepaid expenses and other current assets"),
            sub("total_current_assets", "Total current assets"),
            fig("restricted_cash", "Restricted cash"),
            fig("property_and_equipment", "Property and equipment, net"),
            fig("intangible_assets", "Intangible assets, net"),
            fig("goodwill", "Goodwill"),
            fig("other_noncurrent_assets", "Other noncurrent assets"),
            tot("total_assets", "Total assets"),
            head("Liabilities, Convertible Preferred Stock and Stockholders' Equity (Deficit)"),
            head("Current liabilities:"),
            fig("accounts_payable", "Accounts payable"),
            fig("accrued_liabilities", "Accrued liabilities"),
            fig("deferred_revenue_current", "Deferred revenues, current"),
            fig("capital_lease_current", "Capital lease obligations, current"),
            sub("total_current_liabilities", "Total current liabilities"),
            fig("deferred_revenue_noncurrent", "Deferred revenues, noncurrent"),
            fig("income_taxes_payable_noncurrent", "Income taxes payable, noncurrent"),
            fig("other_noncurrent_liabilities", "Other noncurrent liabilities"),
            fig("capital_lease_noncurrent", "Capital lease obligations, noncurrent"),
            sub("total_liabilities", "Total liabilities"),
            head("Commitments and contingencies"),
            fig("convertible_preferred_stock", "Convertible preferred stock"),
            head("Stockholders' equity (deficit):"),
            fig("common_stock", "Common stock"),
            fig("additional_paid_in_capital", "Additional paid-in capital"),
            fig("accumulated_oci", "Accumulated other comprehensive loss"),
            fig("accumulated_deficit", "Accumulated deficit"),
            sub("total_stockholders_equity", "Total stockholders' equity (deficit)"),
            tot("total_liabilities_and_equity", "Total liabilities, convertible preferred stock and stockholders' equity (deficit)"),
        ],
    },
    Table {
        id: "cash_flows",
        title: "Condensed Consolidated Statements of Cash Flows",
        note: "(in thousands)",
        periods: &Period::NINE_MONTHS,
        rows: &[
            head("Cash flows from operating activities:"),
            fig("net_income", "Net income"),
            head("Adjustments to reconcile net income (loss) to net cash provided by operating activities:"),
            fig("depreciation_and_amortization", "Depreciation and amortization expense"),
            fig("bad_debt_expense", "Bad debt expense"),
            fig("loss_on_disposal_of_property", "Loss on disposal of property and equipment"),
            fig("sbc_total", "Stock-based compensation"),
            fig("non_cash_interest_expense", "Non-cash interest expense"),
            head("Changes in operating assets and liabilities:"),
            fig("change_accounts_receivable", "Accounts receivable"),
            fig("change_prepaid_and_other", "Prepaid expenses and other assets"),
            fig("change_accounts_payable", "Accounts payable"),
            fig("change_accrued_liabilities", "Accrued liabilities"),
            fig("change_deferred_revenue", "Deferred revenues"),
            fig("change_income_taxes_payable", "Income taxes payable"),
            fig("change_other_noncurrent_liabilities", "Other noncurrent liabilities"),
            sub("cash_from_operations", "Net cash provided by operating activities"),
            head("Cash flows from investing activities:"),
            fig("purchases_of_property_equipment", "Purchases of property and equipment, net"),
            sub("cash_from_investing", "Net cash used in investing activities"),
            head("Cash flows from financing activities:"),
            fig("capital_lease_payments", "Principal payments under capital lease obligations"),
            fig("acquisition_consideration_paid", "Payment of consideration related to acquisition"),
            fig("proceeds_from_option_exercises", "Proceeds from exercise of stock options"),
            fig("ipo_offering_costs_paid", "Payments for offering costs in connection with initial public offering"),
            fig("proceeds_from_preferred_issuance", "Proceeds from issuance of Series C Preferred Stock"),
            sub("cash_from_financing", "Net cash used in financing activities"),
            fig("fx_effect_on_cash", "Effect of exchange rate changes on cash"),
            sub("net_change_in_cash", "Net increase in cash"),
            fig("cash_beginning", "Cash at beginning of period"),
            tot("cash_ending", "Cash at end of period"),
        ],
    },
    Table {
        id: "bookings",
        title: "Reconciliation of Non-GAAP Disclosures: Four-Quarter Bookings",
        note: "(in thousands)",
        periods: &Period::FOUR_QUARTERS,
        rows: &[
            fig("revenue", "Revenues"),
            head("Deferred revenues, current"),
            fig("deferred_revenue_current_beginning", "Beginning of Four-Quarter Period"),
            sub("deferred_revenue_current_ending", "Ending"),
            sub("deferred_revenue_current_change", "Net change"),
            tot("four_quarter_bookings", "Four-Quarter Bookings"),
            add("four_quarter_bookings_increase", "Increase over the prior four quarters"),
            add("four_quarter_bookings_growth", "Growth over the prior four quarters"),
        ],
    },
    Table {
        id: "ebitda",
        title: "Reconciliation of Non-GAAP Disclosures: EBITDA and Adjusted EBITDA",
        note: "(in thousands)",
        periods: &Period::OPERATIONS,
        rows: &[
            fig("net_income", "Net income"),
            fig("depreciation_property_equipment", "Depreciation and amortization of property and equipment"),
            fig("amortization_intangibles", "Amortization of intangible assets"),
            fig("interest_expense_net", "Interest expense, net"),
            fig("provision_for_income_taxes", "Provision for income taxes"),
            sub("ebitda", "EBITDA"),
            fig("sbc_total", "Stock-based compensation"),
            neg_label("other_income_expense_net", "Other (income) expense, net"),
            tot("adjusted_ebitda", "Adjusted EBITDA"),
            add("adjusted_ebitda_margin", "Adjusted EBITDA as a percentage of revenues"),
        ],
    },
    Table {
        id: "non_gaap",
        title: "Reconciliation of Non-GAAP Disclosures",
        note: "(in thousands, except per share data)",
        periods: &Period::OPERATIONS,
        rows: &[
            fig("gross_profit", "GAAP gross profit"),
            head("Plus:"),
            fig("sbc_cost_of_revenue", "Stock-based compensation expense"),
            sub("non_gaap_gross_profit", "Non-GAAP gross profit"),
            add("gross_margin", "GAAP gross margin"),
            add("non_gaap_gross_margin", "Non-GAAP gross margin"),
            fig("income_from_operations", "GAAP income from operations"),
            head("Plus:"),
            fig("sbc_total", "Stock-based compensation expense"),
            sub("non_gaap_income_from_operations", "Non-GAAP income from operations"),
            add("operating_margin", "GAAP operating margin"),
            add("non_gaap_operating_margin", "Non-GAAP operating margin"),
            fig("net_income", "GAAP net income"),
            head("Plus:"),
            fig("sbc_total", "Stock-based compensation expense"),
            sub("non_gaap_net_income", "Non-GAAP net income"),
            sub("non_gaap_net_income_to_common", "Non-GAAP net income attributable to common stockholders"),
            head("Non-GAAP net income per share attributable to common stockholders:"),
            sub("non_gaap_eps_basic", "Basic"),
            sub("non_gaap_eps_diluted", "Diluted"),
            head(SHARES_HEADING),
            sub("shares_basic", "Basic"),
            sub("shares_diluted", "Diluted"),
        ],
    },
    Table {
        id: "per_share",
        title: "Net Income (Loss) Per Share Attributable to Common Stockholders",
        note: "(in thousands, except per share data)",
        periods: &Period::INCOME,
        rows: &[
            head("Numerator:"),
            fig("net_income", "Net income"),
            fig("net_income_to_participating", "Net income attributable to participating securities"),
            fig("net_income_to_common_basic", "Net income attributable to common stockholders - basic"),
            fig("undistributed_earnings_reallocated", "Undistributed earnings reallocated to participating securities"),
            tot("net_income_to_common_diluted", "Net income attributable to common stockholders - diluted"),
            head("Denominator:"),
            fig("shares_basic", "Weighted average shares used in computing net income per share attributable to common stockholders - basic"),
            head("Effect of potentially dilutive securities:"),
            fig("dilutive_convertible_preferred", "Convertible preferred stock"),
            fig("dilutive_options", "Common stock options"),
            fig("dilutive_warrants", "Warrants"),
            fig("dilutive_contingent_shares", "Contingently issuable shares related to an acquisition"),
            tot("shares_diluted", "Weighted average shares used in computing net income per share attributable to common stockholders - diluted"),
            head("Net income per share attributable to common stockholders:"),
            fig("eps_basic", "Basic"),
            fig("eps_diluted", "Diluted"),
        ],
    },
];
