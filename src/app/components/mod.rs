pub mod explain;
pub mod figure;
pub mod headline;
pub mod highlights;
pub mod notices;
pub mod panel;
pub mod table;
