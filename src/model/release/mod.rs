//! The Q3 2012 release (`shared/seed/`) as it prints it, as data: every reported figure and
//! every formula (`figures`, which builds `Model::release`), the tables' titles, columns and
//! rows in its order and wording (`tables`), the outlook's ranges (`guidance`) and the
//! highlights' figures as the narrative writes them (`narrative`).

mod figures;
pub mod guidance;
pub mod narrative;
pub mod tables;
