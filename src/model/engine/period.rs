//! The periods of the release, named as in the contract.

/// A column of the release: a quarter, nine months, four quarters or a balance-sheet date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Q3_2012,
    Q3_2011,
    M9_2012,
    M9_2011,
    F4_2012,
    F4_2011,
    Bs2012,
    Bs2011,
    /// Estimates, not reported: the fourth quarter and the year it completes (contract: "The
    /// fourth quarter and the year"). Last, so that links list the reported edits first.
    Q4_2012,
    // Spelled as analysts write it, beside Q4_2012.
    #[allow(non_camel_case_types)]
    FY_2012,
}

impl Period {
    pub const ALL: [Period; 10] = [
        Period::Q3_2012,
        Period::Q3_2011,
        Period::M9_2012,
        Period::M9_2011,
        Period::F4_2012,
        Period::F4_2011,
        Period::Bs2012,
        Period::Bs2011,
        Period::Q4_2012,
        Period::FY_2012,
    ];

    /// The income-statement columns, in the release's order.
    pub const INCOME: [Period; 4] = [Period::Q3_2012, Period::Q3_2011, Period::M9_2012, Period::M9_2011];
    /// The estimated columns, set apart from the reported ones wherever they are shown.
    pub const ESTIMATES: [Period; 2] = [Period::Q4_2012, Period::FY_2012];
    /// The income-statement columns followed by the estimates: where the statement of
    /// operations and its reconciliations compute.
    pub const OPERATIONS: [Period; 6] = [Period::Q3_2012, Period::Q3_2011, Period::M9_2012, Period::M9_2011, Period::Q4_2012, Period::FY_2012];
    pub const NINE_MONTHS: [Period; 2] = [Period::M9_2012, Period::M9_2011];
    pub const FOUR_QUARTERS: [Period; 2] = [Period::F4_2012, Period::F4_2011];
    pub const BALANCE: [Period; 2] = [Period::Bs2012, Period::Bs2011];

    /// The contract id, used in `data-period` and share links.
    pub fn id(self) -> &'static str {
        match self {
            Period::Q3_2012 => "q3-2012",
            Period::Q3_2011 => "q3-2011",
            Period::M9_2012 => "9m-2012",
            Period::M9_2011 => "9m-2011",
            Period::F4_2012 => "4q-2012",
            Period::F4_2011 => "4q-2011",
            Period::Bs2012 => "2012-09-30",
            Period::Bs2011 => "2011-12-31",
            Period::Q4_2012 => "q4-2012",
            Period::FY_2012 => "fy-2012",
        }
    }

    pub fn from_id(id: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.id() == id)
    }

    /// A short name for messages and formula explanations.
    pub fn short(self) -> &'static str {
        match self {
            Period::Q3_2012 => "Q3 2012",
            Period::Q3_2011 => "Q3 2011",
            Period::M9_2012 => "9M 2012",
            Period::M9_2011 => "9M 2011",
            Period::F4_2012 => "4Q to Sep 2012",
            Period::F4_2011 => "4Q to Sep 2011",
            Period::Bs2012 => "Sep 30, 2012",
            Period::Bs2011 => "Dec 31, 2011",
            Period::Q4_2012 => "Q4 2012 estimate",
            Period::FY_2012 => "FY 2012 estimate",
        }
    }

    /// The period in words, for labels read aloud: "three months ended September 30, 2012".
    pub fn long(self) -> &'static str {
        match self {
            Period::Q3_2012 => "three months ended September 30, 2012",
            Period::Q3_2011 => "three months ended September 30, 2011",
            Period::M9_2012 => "nine months ended September 30, 2012",
            Period::M9_2011 => "nine months ended September 30, 2011",
            Period::F4_2012 => "four quarters ended September 30, 2012",
            Period::F4_2011 => "four quarters ended September 30, 2011",
            Period::Bs2012 => "September 30, 2012",
            Period::Bs2011 => "December 31, 2011",
            Period::Q4_2012 => "three months ending December 31, 2012, an estimate",
            Period::FY_2012 => "year ending December 31, 2012, an estimate",
        }
    }

    /// The column-group heading the release prints above this period (the estimates' own).
    pub fn group(self) -> &'static str {
        match self {
            Period::Q3_2012 | Period::Q3_2011 => "Three Months Ended September 30,",
            Period::M9_2012 | Period::M9_2011 => "Nine Months Ended September 30,",
            Period::F4_2012 | Period::F4_2011 => "Four Quarters Ended September 30,",
            Period::Bs2012 => "September 30, 2012",
            Period::Bs2011 => "December 31, 2011",
            // Set apart from the release's columns: the page's, not the release's.
            Period::Q4_2012 | Period::FY_2012 => "Estimate",
        }
    }

    /// The column heading under the group.
    pub fn column(self) -> &'static str {
        match self {
            Period::Q3_2012 | Period::M9_2012 | Period::F4_2012 => "2012",
            Period::Q3_2011 | Period::M9_2011 | Period::F4_2011 => "2011",
            Period::Bs2012 => "",
            Period::Bs2011 => "(restated)",
            Period::Q4_2012 => "Q4 2012",
            Period::FY_2012 => "FY 2012",
        }
    }

    /// Not reported: a figure of this period is the page's estimate, never the release's.
    pub fn is_estimate(self) -> bool {
        matches!(self, Period::Q4_2012 | Period::FY_2012)
    }

    /// The same period a year earlier, for growth rates.
    pub fn prior_year(self) -> Option<Period> {
        match self {
            Period::Q3_2012 => Some(Period::Q3_2011),
            Period::M9_2012 => Some(Period::M9_2011),
            Period::F4_2012 => Some(Period::F4_2011),
            _ => None,
        }
    }
}
