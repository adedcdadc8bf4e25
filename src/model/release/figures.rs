//! The Q3 2012 release (`shared/seed/`), declared once: every reported figure and every formula.
//! Amounts in thousands of dollars, shares in thousands, per-share in dollars.

use super::guidance::{GuidanceRange, Implied, FULL_YEAR, GUIDANCE, IMPLIED, Q4};
use crate::model::Period::{self, *};
use crate::model::Unit::{self, *};
use crate::model::{Cell, Def, Expr, Line, Model, Sign};
use rust_decimal::Decimal;
use std::sync::OnceLock;

/// Income-statement columns: Q3 2012, Q3 2011, 9M 2012, 9M 2011, as the release orders them.
const INCOME: [Period; 4] = Period::INCOME;
/// Where the statement of operations and its reconciliations compute: those columns and the
/// fourth-quarter and full-year estimates, with the same formulas.
const OPERATIONS: [Period; 6] = Period::OPERATIONS;

impl Model {
    /// The model of the Q3 2012 release, built once.
    pub fn release() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(build)
    }
}

fn build() -> Model {
    let mut b = Builder::default();
    operations(&mut b);
    stock_compensation(&mut b);
    comprehensive_income(&mut b);
    per_share(&mut b);
    ebitda(&mut b);
    non_gaap(&mut b);
    balance_sheet(&mut b);
    cash_flows(&mut b);
    bookings(&mut b);
    highlights(&mut b);
    estimates(&mut b);
    implied_by_guidance(&mut b);
    Model::new(b.lines, b.cells, &SBC_WITHIN)
}

/// The GAAP expense lines and the stock-based compensation each contains (the release's
/// stock-based compensation table): what `sbc=on-top` moves together.
const SBC_WITHIN: [(&str, &str); 4] = [
    ("cost_of_revenue", "sbc_cost_of_revenue"),
    ("research_and_development", "sbc_research_and_development"),
    ("sales_and_marketing", "sbc_sales_and_marketing"),
    ("general_and_administrative", "sbc_general_and_administrative"),
];

fn operations(b: &mut Builder) {
    b.flow("revenue", "Revenues", [23_382, 19_375, 66_763, 55_560]);
    b.flow("cost_of_revenue", "Cost of revenues", [4_634, 3_225, 13_423, 9_124]);
    b.formula("gross_profit", "Gross profit", Money, &OPERATIONS, |p| difference(p, "revenue", "cost_of_revenue"));
    b.flow("research_and_development", "Research and development", [5_076, 4_922, 15_325, 14_680]);
    b.flow("sales_and_marketing", "Sales and marketing", [8_797, 7_985, 27_827, 22_297]);
    b.flow("general_and_administrative", "General and administrative", [3_154, 2_249, 8_811, 6_510]);
    b.formula("total_operating_expenses", "Total operating expenses", Money, &OPERATIONS, |p| {
        total(p, &["research_and_development", "sales_and_marketing", "general_and_administrative"])
    });
    b.formula("income_from_operations", "Income from operations", Money, &OPERATIONS, |p| difference(p, "gross_profit", "total_operating_expenses"));
    // Entered as a positive expense; the statement shows it in parentheses.
    b.flow("interest_expense", "Interest expense", [38, 47, 153, 164]);
    b.flow("interest_income", "Interest income", [1, 4, 2, 10]);
    b.flow("other_income_expense_net", "Other income (expense), net", [60, -418, -44, 101]);
    b.formula("total_other_income_expense", "Total other income (expense), net", Money, &OPERATIONS, |p| {
        signed(p, &[(Sign::Minus, "interest_expense"), (Sign::Plus, "interest_income"), (Sign::Plus, "other_income_expense_net")])
    });
    b.formula("income_before_taxes", "Income before provision for income taxes", Money, &OPERATIONS, |p| {
        total(p, &["income_from_operations", "total_other_income_expense"])
    });
    b.flow("provision_for_income_taxes", "Provision for income taxes", [77, 81, 77, 291]);
    b.formula("net_income", "Net income", Money, &OPERATIONS, |p| difference(p, "income_before_taxes", "provision_for_income_taxes"));
}

fn stock_compensation(b: &mut Builder) {
    b.flow("sbc_cost_of_revenue", "Stock-based compensation in cost of revenues", [68, 44, 195, 96]);
    b.flow("sbc_research_and_development", "Stock-based compensation in research and development", [167, 118, 484, 340]);
    b.flow("sbc_sales_and_marketing", "Stock-based compensation in sales and marketing", [349, 163, 856, 397]);
    b.flow("sbc_general_and_administrative", "Stock-based compensation in general and administrative", [443, 225, 1_048, 679]);
    b.formula("sbc_total", "Total stock-based compensation", Money, &OPERATIONS, |p| {
        total(p, &["sbc_cost_of_revenue", "sbc_research_and_development", "sbc_sales_and_marketing", "sbc_general_and_administrative"])
    });
}

fn comprehensive_income(b: &mut Builder) {
    b.flow("fx_translation", "Foreign currency translation gain (loss), net of zero tax", [41, -106, -17, -138]);
    b.formula("other_comprehensive_income", "Other comprehensive income (loss), net", Money, &INCOME, |p| total(p, &["fx_translation"]));
    b.formula("comprehensive_income", "Comprehensive income", Money, &INCOME, |p| total(p, &["net_income", "other_comprehensive_income"]));
}

/// The two-class method, calibrated on the release: per period, net income, net income to
/// common (basic and diluted) and basic shares as reported.
struct TwoClass {
    period: Period,
    net_income: i64,
    to_common_basic: i64,
    to_common_diluted: i64,
    shares_basic: i64,
}

const TWO_CLASS: [TwoClass; 4] = [
    TwoClass { period: Q3_2012, net_income: 1_667, to_common_basic: 415, to_common_diluted: 1_664, shares_basic: 5_843 },
    TwoClass { period: Q3_2011, net_income: 452, to_common_basic: 102, to_common_diluted: 451, shares_basic: 5_137 },
    TwoClass { period: M9_2012, net_income: 1_105, to_common_basic: 264, to_common_diluted: 1_103, shares_basic: 5_540 },
    TwoClass { period: M9_2011, net_income: 2_605, to_common_basic: 576, to_common_diluted: 2_602, shares_basic: 5_002 },
];

impl TwoClass {
    /// basic × (net income ÷ net income to common − 1), kept as an exact fraction.
    fn participating_shares(&self) -> Expr {
        Expr::Fixed {
            name: "participating shares, as the release implies them (basic × (net income − net income to common) ÷ net income to common)",
            num: Decimal::from(self.shares_basic * (self.net_income - self.to_common_basic)),
            den: Decimal::from(self.to_common_basic),
        }
    }

    fn diluted_ratio(&self) -> Expr {
        Expr::Fixed { name: "the release's diluted ratio", num: Decimal::from(self.to_common_diluted), den: Decimal::from(self.net_income) }
    }

    /// income × basic shares ÷ (basic shares + participating shares); all of a loss, which the
    /// participating preferred stock does not share.
    fn common_share(&self, income: &'static str) -> Expr {
        let p = self.period;
        if_loss(
            p,
            income,
            at(p, income),
            Expr::Quotient(
                Box::new(Expr::Product(vec![at(p, income), at(p, "shares_basic")])),
                Box::new(Expr::Sum(vec![(Sign::Plus, at(p, "shares_basic")), (Sign::Plus, self.participating_shares())])),
            ),
        )
    }

    /// income × the release's diluted ratio; all of a loss.
    fn diluted_share(&self, income: &'static str) -> Expr {
        let p = self.period;
        if_loss(p, income, at(p, income), Expr::Product(vec![at(p, income), self.diluted_ratio()]))
    }

    /// Per diluted share: with a loss the potential shares would be antidilutive, so it is the
    /// basic figure (`basic_eps`).
    fn diluted_eps(&self, income: &'static str, basic_eps: &'static str) -> Expr {
        let p = self.period;
        let diluted_share = Expr::Product(vec![at(p, income), self.diluted_ratio()]);
        if_loss(p, income, at(p, basic_eps), quotient(diluted_share, at(p, "shares_diluted")))
    }
}

/// `loss` when the period's `income` is negative, else `profit`.
fn if_loss(p: Period, income: &'static str, loss: Expr, profit: Expr) -> Expr {
    Expr::IfNegative { test: Box::new(at(p, income)), negative: Box::new(loss), otherwise: Box::new(profit) }
}

fn per_share(b: &mut Builder) {
    b.two_class("net_income_to_common_basic", "Net income attributable to common stockholders - basic", Money, |t| t.common_share("net_income"));
    b.formula("net_income_to_participating", "Net income attributable to participating securities", Money, &INCOME, |p| {
        difference(p, "net_income_to_common_basic", "net_income")
    });
    b.two_class("net_income_to_common_diluted", "Net income attributable to common stockholders - diluted", Money, |t| t.diluted_share("net_income"));
    b.formula("undistributed_earnings_reallocated", "Undistributed earnings reallocated to participating securities", Money, &INCOME, |p| {
        difference(p, "net_income_to_common_diluted", "net_income_to_common_basic")
    });
    b.inputs("shares_basic", "Weighted average shares - basic", Shares, &INCOME, &[5_843, 5_137, 5_540, 5_002]);
    b.inputs("dilutive_convertible_preferred", "Dilutive convertible preferred stock", Shares, &INCOME, &[17_597, 17_597, 17_597, 17_588]);
    b.inputs("dilutive_options", "Dilutive common stock options", Shares, &INCOME, &[3_105, 1_656, 2_829, 1_604]);
    b.inputs("dilutive_warrants", "Dilutive warrants", Shares, &INCOME, &[0, 0, 0, 2]);
    b.inputs("dilutive_contingent_shares", "Dilutive contingently issuable shares", Shares, &INCOME, &[0, 12, 6, 12]);
    b.formula("shares_diluted", "Weighted average shares - diluted", Shares, &INCOME, |p| {
        total(p, &["shares_basic", "dilutive_convertible_preferred", "dilutive_options", "dilutive_warrants", "dilutive_contingent_shares"])
    });
    b.formula("eps_basic", "Net income per share - basic", PerShare, &INCOME, |p| quotient(at(p, "net_income_to_common_basic"), at(p, "shares_basic")));
    b.two_class("eps_diluted", "Net income per share - diluted", PerShare, |t| {
        if_loss(t.period, "net_income", at(t.period, "eps_basic"), quotient(at(t.period, "net_income_to_common_diluted"), at(t.period, "shares_diluted")))
    });
}

fn ebitda(b: &mut Builder) {
    b.flow("depreciation_property_equipment", "Depreciation and amortization of property and equipment", [1_739, 1_121, 5_066, 3_466]);
    b.flow("amortization_intangibles", "Amortization of intangible assets", [112, 101, 331, 315]);
    b.formula("interest_expense_net", "Interest expense, net", Money, &OPERATIONS, |p| difference(p, "interest_expense", "interest_income"));
    b.formula("ebitda", "EBITDA", Money, &OPERATIONS, |p| {
        total(p, &["net_income", "depreciation_property_equipment", "amortization_intangibles", "interest_expense_net", "provision_for_income_taxes"])
    });
    // The release adds back "Other (income) expense, net": other income taken away.
    b.formula("adjusted_ebitda", "Adjusted EBITDA", Money, &OPERATIONS, |p| {
        signed(p, &[(Sign::Plus, "ebitda"), (Sign::Plus, "sbc_total"), (Sign::Minus, "other_income_expense_net")])
    });
    b.formula("adjusted_ebitda_margin", "Adjusted EBITDA margin", Percent, &OPERATIONS, |p| percent_of(at(p, "adjusted_ebitda"), at(p, "revenue")));
}

fn non_gaap(b: &mut Builder) {
    b.formula("non_gaap_gross_profit", "Non-GAAP gross profit", Money, &OPERATIONS, |p| total(p, &["gross_profit", "sbc_cost_of_revenue"]));
    b.formula("gross_margin", "Gross margin", Percent, &OPERATIONS, |p| percent_of(at(p, "gross_profit"), at(p, "revenue")));
    b.formula("non_gaap_gross_margin", "Non-GAAP gross margin", Percent, &OPERATIONS, |p| percent_of(at(p, "non_gaap_gross_profit"), at(p, "revenue")));
    b.formula("non_gaap_income_from_operations", "Non-GAAP income from operations", Money, &OPERATIONS, |p| total(p, &["income_from_operations", "sbc_total"]));
    b.formula("operating_margin", "Operating margin", Percent, &OPERATIONS, |p| percent_of(at(p, "income_from_operations"), at(p, "revenue")));
    b.formula("non_gaap_operating_margin", "Non-GAAP operating margin", Percent, &OPERATIONS, |p| {
        percent_of(at(p, "non_gaap_income_from_operations"), at(p, "revenue"))
    });
    b.formula("non_gaap_net_income", "Non-GAAP net income", Money, &OPERATIONS, |p| total(p, &["net_income", "sbc_total"]));
    b.two_class("non_gaap_net_income_to_common", "Non-GAAP net income attributable to common stockholders", Money, |t| t.common_share("non_gaap_net_income"));
    b.formula("non_gaap_eps_basic", "Non-GAAP net income per share - basic", PerShare, &INCOME, |p| {
        quotient(at(p, "non_gaap_net_income_to_common"), at(p, "shares_basic"))
    });
    b.two_class("non_gaap_eps_diluted", "Non-GAAP net income per share - diluted", PerShare, |t| t.diluted_eps("non_gaap_net_income", "non_gaap_eps_basic"));
}

fn balance_sheet(b: &mut Builder) {
    const BS: [Period; 2] = Period::BALANCE;
    b.line("cash", "Cash", Money);
    // Cash at September 30, 2012 is the cash flow statement's ending cash: one figure.
    b.def(Bs2012, "cash", Def::Same(Cell::new(M9_2012, "cash_ending")));
    // No statement of flows leads to December 31, 2011 in the release: its cash is what
    // balances that balance sheet, so an edit to one of its lines keeps it balanced and, through
    // the cash flows, leaves September 30, 2012 balanced too.
    b.linked(
        Bs2011,
        "cash",
        24_548,
        Expr::Sum(vec![
            (Sign::Plus, at(Bs2011, "total_liabilities_and_equity")),
            (Sign::Minus, at(Bs2011, "accounts_receivable")),
            (Sign::Minus, at(Bs2011, "prepaid_and_other_current")),
            (Sign::Minus, at(Bs2011, "restricted_cash")),
            (Sign::Minus, at(Bs2011, "property_and_equipment")),
            (Sign::Minus, at(Bs2011, "intangible_assets")),
            (Sign::Minus, at(Bs2011, "goodwill")),
            (Sign::Minus, at(Bs2011, "other_noncurrent_assets")),
        ]),
    );
    b.inputs("accounts_receivable", "Accounts receivable", Money, &BS, &[23_452, 20_750]);
    b.inputs("prepaid_and_other_current", "Prepaid expenses and other current assets", Money, &BS, &[6_502, 3_774]);
    b.formula("total_current_assets", "Total current assets", Money, &BS, |p| total(p, &["cash", "accounts_receivable", "prepaid_and_other_current"]));
    // Long-lived balances at September 30, 2012 roll forward from December 31, 2011 by the nine
    // months' flows; what the release does not itemise is a remainder held fixed.
    b.rolled("restricted_cash", "Restricted cash", [112, 112], vec![]);
    b.rolled(
        "property_and_equipment",
        "Property and equipment, net",
        [16_896, 13_861],
        vec![
            (Sign::Minus, at(M9_2012, "purchases_of_property_equipment")),
            (Sign::Minus, at(M9_2012, "depreciation_property_equipment")),
            (Sign::Minus, at(M9_2012, "loss_on_disposal_of_property")),
        ],
    );
    b.rolled(
        "intangible_assets",
        "Intangible assets, net",
        [2_869, 3_175],
        vec![(Sign::Minus, at(M9_2012, "amortization_intangibles")), (Sign::Plus, remainder(25))],
    );
    b.rolled("goodwill", "Goodwill", [317, 317], vec![]);
    b.inputs("other_noncurrent_assets", "Other noncurrent assets", Money, &BS, &[1_884, 2_252]);
    b.formula("total_assets", "Total assets", Money, &BS, |p| {
        total(p, &["total_current_assets", "restricted_cash", "property_and_equipment", "intangible_assets", "goodwill", "other_noncurrent_assets"])
    });
    b.inputs("accounts_payable", "Accounts payable", Money, &BS, &[1_715, 2_254]);
    b.inputs("accrued_liabilities", "Accrued liabilities", Money, &BS, &[9_085, 8_468]);
    b.inputs("deferred_revenue_current", "Deferred revenues, current", Money, &BS, &[51_693, 46_717]);
    b.inputs("capital_lease_current", "Capital lease obligations, current", Money, &BS, &[1_556, 1_987]);
    b.formula("total_current_liabilities", "Total current liabilities", Money, &BS, |p| {
        total(p, &["accounts_payable", "accrued_liabilities", "deferred_revenue_current", "capital_lease_current"])
    });
    b.inputs("deferred_revenue_noncurrent", "Deferred revenues, noncurrent", Money, &BS, &[6_152, 4_713]);
    b.inputs("income_taxes_payable_noncurrent", "Income taxes payable, noncurrent", Money, &BS, &[504, 661]);
    b.inputs("other_noncurrent_liabilities", "Other noncurrent liabilities", Money, &BS, &[1_189, 2_134]);
    b.inputs("capital_lease_noncurrent", "Capital lease obligations, noncurrent", Money, &BS, &[1_074, 2_406]);
    b.formula("total_liabilities", "Total liabilities", Money, &BS, |p| {
        total(
            p,
            &[
                "total_current_liabilities",
                "deferred_revenue_noncurrent",
                "income_taxes_payable_noncurrent",
                "other_noncurrent_liabilities",
                "capital_lease_noncurrent",
            ],
        )
    });
    b.rolled(
        "convertible_preferred_stock",
        "Convertible preferred stock",
        [63_873, 63_873],
        vec![(Sign::Plus, at(M9_2012, "proceeds_from_preferred_issuance"))],
    );
    b.rolled("common_stock", "Common stock", [6, 5], vec![(Sign::Plus, remainder(1))]);
    // Paid-in capital grows by the stock-based compensation expensed and the options exercised.
    b.rolled(
        "additional_paid_in_capital",
        "Additional paid-in capital",
        [17_257, 12_927],
        vec![(Sign::Plus, at(M9_2012, "sbc_total")), (Sign::Plus, at(M9_2012, "proceeds_from_option_exercises")), (Sign::Plus, remainder(-251))],
    );
    // The release's equity rolls forward exactly: other comprehensive income and net income of
    // the nine months move accumulated OCI and the accumulated deficit. Like every balance that
    // follows a link, each is still an input: an edit holds, and the tie-out shows the gap.
    b.rolled("accumulated_oci", "Accumulated other comprehensive loss", [-1_001, -984], vec![(Sign::Plus, at(M9_2012, "other_comprehensive_income"))]);
    b.rolled("accumulated_deficit", "Accumulated deficit", [-75_267, -76_372], vec![(Sign::Plus, at(M9_2012, "net_income"))]);
    b.formula("total_stockholders_equity", "Total stockholders' equity (deficit)", Money, &BS, |p| {
        total(p, &["common_stock", "additional_paid_in_capital", "accumulated_oci", "accumulated_deficit"])
    });
    b.formula("total_liabilities_and_equity", "Total liabilities, convertible preferred stock and stockholders' equity (deficit)", Money, &BS, |p| {
        total(p, &["total_liabilities", "convertible_preferred_stock", "total_stockholders_equity"])
    });
}

fn cash_flows(b: &mut Builder) {
    const CF: [Period; 2] = Period::NINE_MONTHS;
    // Net income and stock-based compensation here are the income statement's own figures.
    b.formula("depreciation_and_amortization", "Depreciation and amortization expense", Money, &CF, |p| {
        total(p, &["depreciation_property_equipment", "amortization_intangibles"])
    });
    b.inputs("bad_debt_expense", "Bad debt expense", Money, &CF, &[182, 171]);
    b.inputs("loss_on_disposal_of_property", "Loss on disposal of property and equipment", Money, &CF, &[3, 0]);
    b.inputs("non_cash_interest_expense", "Non-cash interest expense", Money, &CF, &[24, 27]);
    // The 2012 changes in operating assets and liabilities are the balance sheets' changes,
    // plus a remainder the release implies and the model holds fixed, so a balance-sheet edit
    // reaches cash. Each follows the balance sheets until it is edited itself.
    b.line("change_accounts_receivable", "Change in accounts receivable", Money);
    b.linked(
        M9_2012,
        "change_accounts_receivable",
        -2_884,
        Expr::Sum(vec![
            (Sign::Plus, at(Bs2011, "accounts_receivable")),
            (Sign::Minus, at(Bs2012, "accounts_receivable")),
            (Sign::Minus, at(M9_2012, "bad_debt_expense")),
        ]),
    );
    b.def(M9_2011, "change_accounts_receivable", reported(-1_973));
    b.line("change_prepaid_and_other", "Change in prepaid expenses and other assets", Money);
    b.linked(
        M9_2012,
        "change_prepaid_and_other",
        146,
        Expr::Sum(vec![
            (Sign::Plus, at(Bs2011, "prepaid_and_other_current")),
            (Sign::Plus, at(Bs2011, "other_noncurrent_assets")),
            (Sign::Minus, at(Bs2012, "prepaid_and_other_current")),
            (Sign::Minus, at(Bs2012, "other_noncurrent_assets")),
            (Sign::Plus, remainder(2_506)),
        ]),
    );
    b.def(M9_2011, "change_prepaid_and_other", reported(-1_283));
    b.balance_change("change_accounts_payable", "Change in accounts payable", &["accounts_payable"], -3, [-542, 676]);
    b.balance_change("change_accrued_liabilities", "Change in accrued liabilities", &["accrued_liabilities"], -2_126, [-1_509, 752]);
    // Current and noncurrent together, exactly: 51,693 + 6,152 − 46,717 − 4,713 = 6,415.
    b.balance_change("change_deferred_revenue", "Change in deferred revenues", &["deferred_revenue_current", "deferred_revenue_noncurrent"], 0, [6_415, 4_724]);
    b.balance_change("change_income_taxes_payable", "Change in income taxes payable", &["income_taxes_payable_noncurrent"], -32, [-189, 311]);
    b.balance_change("change_other_noncurrent_liabilities", "Change in other noncurrent liabilities", &["other_noncurrent_liabilities"], 883, [-62, -16]);
    b.formula("cash_from_operations", "Net cash provided by operating activities", Money, &CF, |p| {
        total(
            p,
            &[
                "net_income",
                "depreciation_and_amortization",
                "bad_debt_expense",
                "loss_on_disposal_of_property",
                "sbc_total",
                "non_cash_interest_expense",
                "change_accounts_receivable",
                "change_prepaid_and_other",
                "change_accounts_payable",
                "change_accrued_liabilities",
                "change_deferred_revenue",
                "change_income_taxes_payable",
                "change_other_noncurrent_liabilities",
            ],
        )
    });
    b.inputs("purchases_of_property_equipment", "Purchases of property and equipment, net", Money, &CF, &[-8_104, -4_250]);
    b.formula("cash_from_investing", "Net cash used in investing activities", Money, &CF, |p| total(p, &["purchases_of_property_equipment"]));
    // Principal repaid is exactly the fall in capital lease obligations: no new leases.
    b.balance_change(
        "capital_lease_payments",
        "Principal payments under capital lease obligations",
        &["capital_lease_current", "capital_lease_noncurrent"],
        0,
        [-1_763, -1_153],
    );
    b.inputs("acquisition_consideration_paid", "Payment of consideration related to acquisition", Money, &CF, &[-1_000, 0]);
    b.inputs("proceeds_from_option_exercises", "Proceeds from exercise of stock options", Money, &CF, &[1_998, 971]);
    b.inputs("ipo_offering_costs_paid", "Payments for offering costs in connection with initial public offering", Money, &CF, &[-560, 0]);
    b.inputs("proceeds_from_preferred_issuance", "Proceeds from issuance of Series C Preferred Stock", Money, &CF, &[0, 128]);
    b.formula("cash_from_financing", "Net cash used in financing activities", Money, &CF, |p| {
        total(
            p,
            &[
                "capital_lease_payments",
                "acquisition_consideration_paid",
                "proceeds_from_option_exercises",
                "ipo_offering_costs_paid",
                "proceeds_from_preferred_issuance",
            ],
        )
    });
    // Translation gains and losses (other comprehensive income) are taken to reach cash, so an
    // edit to them moves both sides of the balance sheet; the rest of the effect is held fixed.
    b.line("fx_effect_on_cash", "Effect of exchange rate changes on cash", Money);
    b.linked(M9_2012, "fx_effect_on_cash", 16, Expr::Sum(vec![(Sign::Plus, at(M9_2012, "other_comprehensive_income")), (Sign::Plus, remainder(33))]));
    b.def(M9_2011, "fx_effect_on_cash", reported(-128));
    b.formula("net_change_in_cash", "Net increase in cash", Money, &CF, |p| {
        total(p, &["cash_from_operations", "cash_from_investing", "cash_from_financing", "fx_effect_on_cash"])
    });
    // Cash at the start of 2012 is the December 31, 2011 balance sheet's cash: one figure.
    b.line("cash_beginning", "Cash at beginning of period", Money);
    b.def(M9_2012, "cash_beginning", Def::Same(Cell::new(Bs2011, "cash")));
    b.def(M9_2011, "cash_beginning", reported(15_010));
    b.formula("cash_ending", "Cash at end of period", Money, &CF, |p| total(p, &["cash_beginning", "net_change_in_cash"]));
}

fn bookings(b: &mut Builder) {
    // Four quarters of revenue: the prior year's fourth quarter, which the release implies
    // (87,416 − 66,763 and 72,816 − 55,560) and the model holds fixed, plus nine months.
    for (p, nine, prior_q4) in [(F4_2012, M9_2012, 20_653), (F4_2011, M9_2011, 17_256)] {
        b.def(
            p,
            "revenue",
            Def::Formula(Expr::Sum(vec![
                (Sign::Plus, Expr::Fixed { name: "the prior year's fourth quarter, implied by the release", num: Decimal::from(prior_q4), den: Decimal::ONE }),
                (Sign::Plus, at(nine, "revenue")),
            ])),
        );
    }
    // The period's ending current deferred revenue is the balance sheet's; the beginning of
    // the 2012 period is the end of the 2011 one. One figure each, editable wherever shown.
    b.line("deferred_revenue_current_beginning", "Deferred revenues, current: beginning of four-quarter period", Money);
    b.def(F4_2012, "deferred_revenue_current_beginning", Def::Same(Cell::new(F4_2011, "deferred_revenue_current_ending")));
    b.def(F4_2011, "deferred_revenue_current_beginning", reported(34_370));
    b.line("deferred_revenue_current_ending", "Deferred revenues, current: ending", Money);
    b.def(F4_2012, "deferred_revenue_current_ending", Def::Same(Cell::new(Bs2012, "deferred_revenue_current")));
    b.def(F4_2011, "deferred_revenue_current_ending", reported(40_413));
    b.formula("deferred_revenue_current_change", "Deferred revenues, current: net change", Money, &Period::FOUR_QUARTERS, |p| {
        difference(p, "deferred_revenue_current_ending", "deferred_revenue_current_beginning")
    });
    b.formula("four_quarter_bookings", "Four-Quarter Bookings", Money, &Period::FOUR_QUARTERS, |p| total(p, &["revenue", "deferred_revenue_current_change"]));
}

/// The narrative's year-over-year comparisons, computed from the statements.
fn highlights(b: &mut Builder) {
    const CURRENT: [Period; 2] = [Q3_2012, M9_2012];
    for (id, label, of) in [
        ("revenue_growth", "Revenue growth", "revenue"),
        ("gross_profit_growth", "Gross profit growth", "gross_profit"),
        ("non_gaap_gross_profit_growth", "Non-GAAP gross profit growth", "non_gaap_gross_profit"),
        ("income_from_operations_growth", "Income from operations growth", "income_from_operations"),
        ("non_gaap_income_from_operations_growth", "Non-GAAP income from operations growth", "non_gaap_income_from_operations"),
        ("net_income_growth", "Net income growth", "net_income"),
        ("non_gaap_net_income_growth", "Non-GAAP net income growth", "non_gaap_net_income"),
        ("adjusted_ebitda_growth", "Adjusted EBITDA growth", "adjusted_ebitda"),
    ] {
        b.formula(id, label, Percent, &CURRENT, |p| growth(p, of));
    }
    b.formula("four_quarter_bookings_growth", "Four-Quarter Bookings growth", Percent, &[F4_2012], |p| growth(p, "four_quarter_bookings"));
    b.formula("four_quarter_bookings_increase", "Four-Quarter Bookings increase", Money, &[F4_2012], |p| match p.prior_year() {
        Some(prior) => Expr::Sum(vec![(Sign::Plus, at(p, "four_quarter_bookings")), (Sign::Minus, at(prior, "four_quarter_bookings"))]),
        None => at(p, "four_quarter_bookings"),
    });
}

/// The flows the fourth quarter estimates and the year adds up (contract: "The fourth quarter
/// and the year").
const Q4_FLOWS: [&str; 15] = [
    "revenue",
    "cost_of_revenue",
    "research_and_development",
    "sales_and_marketing",
    "general_and_administrative",
    "interest_expense",
    "interest_income",
    "other_income_expense_net",
    "provision_for_income_taxes",
    "sbc_cost_of_revenue",
    "sbc_research_and_development",
    "sbc_sales_and_marketing",
    "sbc_general_and_administrative",
    "depreciation_property_equipment",
    "amortization_intangibles",
];

fn estimates(b: &mut Builder) {
    for id in Q4_FLOWS {
        if id == "revenue" {
            // Revenue starts at the midpoint of the fourth-quarter guidance.
            let [range, ..] = Q4.ranges;
            b.def(Q4_2012, id, Def::Input { reported: (range.low + range.high) / Decimal::TWO, link: None });
        } else {
            // A flat sequential run-rate: the scenario's third quarter, until edited. The
            // provision for income taxes too: held as entered, no tax rate assumed.
            b.follows(Q4_2012, id, Q3_2012);
        }
        // The year is the nine months as the scenario has them plus the fourth quarter.
        b.def(FY_2012, id, Def::Formula(Expr::Sum(vec![(Sign::Plus, at(M9_2012, id)), (Sign::Plus, at(Q4_2012, id))])));
    }
    // Share counts are weighted averages, each period's own: the guidance's counts.
    for g in GUIDANCE {
        b.def(g.period, "shares_diluted", Def::Input { reported: g.diluted_shares, link: None });
    }
    // On the guidance's basis: the preferred stock converted at the IPO on October 3, 2012, so
    // there is no two-class allocation.
    for (id, income) in [("eps_diluted", "net_income"), ("non_gaap_eps_diluted", "non_gaap_net_income")] {
        for p in Period::ESTIMATES {
            b.def(p, id, Def::Formula(quotient(at(p, income), at(p, "shares_diluted"))));
        }
    }
}

/// What the full-year guidance implies for the fourth quarter, given the scenario's nine
/// months (the lines of `guidance::IMPLIED`): the year's range less nine months; net income
/// from EPS at the year's guided share count, and back to EPS at the fourth quarter's.
fn implied_by_guidance(b: &mut Builder) {
    let [revenue, eps, non_gaap_eps] = FULL_YEAR.ranges;
    let [implied_revenue, income, per_share, non_gaap_income, non_gaap_per_share] = &IMPLIED;
    let fixed = |name: &'static str, v: Decimal| Expr::Fixed { name, num: v, den: Decimal::ONE };
    let year_shares = fixed("the full-year guidance's diluted shares", FULL_YEAR.diluted_shares);
    let q4_shares = fixed("the fourth-quarter guidance's diluted shares", Q4.diluted_shares);
    let less_nine_months = |year: Expr, line: &'static str| Expr::Sum(vec![(Sign::Plus, year), (Sign::Minus, at(M9_2012, line))]);
    type Bound = fn(&GuidanceRange) -> Decimal;
    type End = fn(&Implied) -> (&'static str, &'static str);
    let ends: [(&'static str, Bound, End); 2] =
        [("the full-year guidance's low", |r| r.low, |i| i.low), ("the full-year guidance's high", |r| r.high, |i| i.high)];
    for (name, bound, end) in ends {
        let guided = |r: &GuidanceRange| fixed(name, bound(r));
        let mut declare = |i: &Implied, unit: Unit, e: Expr| {
            let (id, label) = end(i);
            b.line(id, label, unit);
            b.def(Q4_2012, id, Def::Formula(e));
        };
        declare(implied_revenue, Money, less_nine_months(guided(&revenue), "revenue"));
        for (income, per_share, range) in [(income, per_share, &eps), (non_gaap_income, non_gaap_per_share, &non_gaap_eps)] {
            let year = Expr::Product(vec![guided(range), year_shares.clone()]);
            declare(income, Money, less_nine_months(year, income.estimate));
            declare(per_share, PerShare, quotient(at(Q4_2012, end(income).0), q4_shares.clone()));
        }
    }
}

// --- Declaring figures ---

#[derive(Default)]
struct Builder {
    lines: Vec<Line>,
    cells: Vec<(Cell, Def)>,
}

impl Builder {
    fn line(&mut self, id: &'static str, label: &'static str, unit: Unit) {
        if !self.lines.iter().any(|l| l.id == id) {
            self.lines.push(Line { id, label, unit });
        }
    }

    fn def(&mut self, period: Period, id: &'static str, def: Def) {
        self.cells.push((Cell::new(period, id), def));
    }

    fn inputs(&mut self, id: &'static str, label: &'static str, unit: Unit, periods: &[Period], values: &[i64]) {
        self.line(id, label, unit);
        for (p, v) in periods.iter().zip(values) {
            self.def(*p, id, reported(*v));
        }
    }

    /// A flow: the quarters are inputs; nine months are the first six months (as reported,
    /// held fixed) plus the third quarter, until nine months are edited themselves.
    fn flow(&mut self, id: &'static str, label: &'static str, values: [i64; 4]) {
        self.line(id, label, Money);
        let [q3_12, q3_11, m9_12, m9_11] = values;
        for (quarter, q, nine, n) in [(Q3_2012, q3_12, M9_2012, m9_12), (Q3_2011, q3_11, M9_2011, m9_11)] {
            self.def(quarter, id, reported(q));
            let first_half = Expr::Fixed { name: "the first six months as reported", num: Decimal::from(n - q), den: Decimal::ONE };
            let link = Expr::Sum(vec![(Sign::Plus, first_half), (Sign::Plus, at(quarter, id))]);
            self.def(nine, id, Def::Input { reported: Decimal::from(n), link: Some(link) });
        }
    }

    /// An input of `period` that starts at the same line's value in `of`, and follows it until
    /// it is edited itself.
    fn follows(&mut self, period: Period, id: &'static str, of: Period) {
        let start = self.cells.iter().find(|(c, _)| *c == Cell::new(of, id)).and_then(|(_, def)| match def {
            Def::Input { reported, .. } => Some(*reported),
            _ => None,
        });
        // A line without a reported value in `of` is a declaration error, which the tests catch:
        // the link then gives another value than the start.
        self.def(period, id, Def::Input { reported: start.unwrap_or_default(), link: Some(at(of, id)) });
    }

    /// An input that follows `link` until it is edited itself.
    fn linked(&mut self, period: Period, id: &'static str, reported: i64, link: Expr) {
        self.def(period, id, Def::Input { reported: Decimal::from(reported), link: Some(link) });
    }

    /// A balance at September 30, 2012 that is December 31, 2011's plus `flows`.
    fn rolled(&mut self, id: &'static str, label: &'static str, [sep_2012, dec_2011]: [i64; 2], flows: Vec<(Sign, Expr)>) {
        self.line(id, label, Money);
        let mut link = vec![(Sign::Plus, at(Bs2011, id))];
        link.extend(flows);
        self.linked(Bs2012, id, sep_2012, Expr::Sum(link));
        self.def(Bs2011, id, reported(dec_2011));
    }

    /// A cash-flow line whose 2012 figure is the change in balance-sheet `lines` from December 31,
    /// 2011 to September 30, 2012, plus `rest`; the 2011 figure as reported.
    fn balance_change(&mut self, id: &'static str, label: &'static str, lines: &[&'static str], rest: i64, [m9_2012, m9_2011]: [i64; 2]) {
        self.line(id, label, Money);
        let mut link: Vec<(Sign, Expr)> = lines.iter().map(|l| (Sign::Plus, at(Bs2012, l))).collect();
        link.extend(lines.iter().map(|l| (Sign::Minus, at(Bs2011, l))));
        if rest != 0 {
            link.push((Sign::Plus, remainder(rest)));
        }
        self.linked(M9_2012, id, m9_2012, Expr::Sum(link));
        self.def(M9_2011, id, reported(m9_2011));
    }

    /// A figure of every income period that needs that period's two-class calibration.
    fn two_class(&mut self, id: &'static str, label: &'static str, unit: Unit, f: impl Fn(&TwoClass) -> Expr) {
        self.line(id, label, unit);
        for t in &TWO_CLASS {
            self.def(t.period, id, Def::Formula(f(t)));
        }
    }

    fn formula(&mut self, id: &'static str, label: &'static str, unit: Unit, periods: &[Period], f: impl Fn(Period) -> Expr) {
        self.line(id, label, unit);
        for p in periods {
            self.def(*p, id, Def::Formula(f(*p)));
        }
    }
}

fn reported(v: i64) -> Def {
    Def::Input { reported: Decimal::from(v), link: None }
}

/// What the release's statements imply but do not itemise, held fixed.
fn remainder(v: i64) -> Expr {
    Expr::Fixed { name: "the remainder the release implies", num: Decimal::from(v), den: Decimal::ONE }
}

fn at(p: Period, line: &'static str) -> Expr {
    Expr::Cell(Cell::new(p, line))
}

fn total(p: Period, lines: &[&'static str]) -> Expr {
    Expr::Sum(lines.iter().map(|l| (Sign::Plus, at(p, l))).collect())
}

fn difference(p: Period, a: &'static str, b: &'static str) -> Expr {
    signed(p, &[(Sign::Plus, a), (Sign::Minus, b)])
}

fn signed(p: Period, terms: &[(Sign, &'static str)]) -> Expr {
    Expr::Sum(terms.iter().map(|(s, l)| (*s, at(p, l))).collect())
}

fn quotient(a: Expr, b: Expr) -> Expr {
    Expr::Quotient(Box::new(a), Box::new(b))
}

fn percent_of(part: Expr, whole: Expr) -> Expr {
    quotient(Expr::Product(vec![part, Expr::Number(Decimal::ONE_HUNDRED)]), whole)
}

/// (this year − last year) × 100 ÷ last year.
fn growth(p: Period, line: &'static str) -> Expr {
    let prior = p.prior_year().unwrap_or(p);
    percent_of(Expr::Sum(vec![(Sign::Plus, at(p, line)), (Sign::Minus, at(prior, line))]), at(prior, line))
}
