//! Self-diagnostics: questionnaires defined as data (versioned definitions, validated on load
//! and on publish), answers read page by page, scoring per dimension and overall, levels,
//! strengths, priorities, recommendations and peer quartiles.
mod answers;
mod definition;
mod score;
mod validate;

pub use answers::{
    Answer, AnswerError, Answers, LONG_TEXT_MAX, PageInput, SHORT_TEXT_MAX, field_name, fits,
    read_page,
};
pub use definition::{
    Band, Choice, Condition, Definition, Dimension, Kind, Level, Link, Question, Recommendation,
    ScaleEnds, Section, Text,
};
pub use score::{
    MIN_PEERS, OVERALL, Outcome, Quartiles, Scores, fraction, outcome, quartiles,
    quartiles_of_counts, score,
};
pub use validate::DefinitionError;

use std::sync::OnceLock;

const SHIPPED: [&str; 2] = [
    include_str!("../../data/diagnostics/projet-pret.json"),
    include_str!("../../data/diagnostics/mesure-impact.json"),
];

/// The definitions shipped with the application (version 1 of each). They are checked by the
/// tests, so loading cannot fail on a released binary.
pub fn shipped() -> &'static [Definition] {
    static DEFS: OnceLock<Vec<Definition>> = OnceLock::new();
    DEFS.get_or_init(|| {
        SHIPPED
            .iter()
            .map(|json| Definition::parse(json).expect("shipped diagnostic is valid"))
            .collect()
    })
}

/// Raw JSON of the shipped definitions, for the store to seed its first versions.
pub fn shipped_json() -> &'static [&'static str] {
    &SHIPPED
}
