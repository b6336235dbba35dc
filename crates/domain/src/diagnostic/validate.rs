//! Checks a definition before it is used or published, with one clear error per problem.
use super::definition::{Definition, Kind, Link, Question, Text};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;

/// One problem in a definition. `message_key` names the catalogue message; the fields are its
/// arguments (`what`, `key`, `other`), so the network team reads which question is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DefinitionError {
    #[error("not a valid definition: {0}")]
    Json(String),
    #[error("identifier {0:?} must be lowercase letters, digits and dashes")]
    BadId(String),
    #[error("{what} {key:?} is defined twice")]
    Duplicate { what: &'static str, key: String },
    #[error("{what} {key:?} has an empty French or English text")]
    MissingText { what: &'static str, key: String },
    #[error("{0} is empty")]
    Empty(&'static str),
    #[error("levels must start at 0 and rise strictly (at {0:?})")]
    BadLevels(String),
    #[error("question {0:?} needs at least two choices")]
    TooFewChoices(String),
    #[error("number question {0:?} needs bands starting at its lowest value and rising")]
    BadBands(String),
    #[error("scale question {0:?} needs the labels of both ends")]
    MissingScale(String),
    #[error("question {0:?} carries points but no weight in any dimension")]
    MissingWeights(String),
    #[error("question {0:?} has weights but its answers carry no points")]
    UnscoredWeights(String),
    #[error("question {key:?} weighs a dimension that does not exist: {other:?}")]
    UnknownDimension { key: String, other: String },
    #[error("question {0:?} has a weight of 0")]
    ZeroWeight(String),
    #[error("dimension {0:?} has no weighted question")]
    DimensionWithoutQuestions(String),
    #[error("the condition of question {key:?} refers to an unknown question {other:?}")]
    UnknownConditionQuestion { key: String, other: String },
    #[error("the condition of question {key:?} refers to an unknown choice {other:?}")]
    UnknownConditionChoice { key: String, other: String },
    #[error(
        "the condition of question {0:?} must give choices or a minimum that fits the question it refers to"
    )]
    BadCondition(String),
    #[error("conditions form a cycle: {0}")]
    ConditionCycle(String),
    #[error("the condition of question {key:?} refers to {other:?}, which is asked later")]
    ConditionLater { key: String, other: String },
    #[error("a recommendation refers to an unknown dimension {0:?}")]
    RecommendationDimension(String),
    #[error("a recommendation refers to an unknown level {0:?}")]
    RecommendationLevel(String),
    #[error("a recommendation links to an unknown canvas block {0:?}")]
    RecommendationBlock(String),
    #[error("a recommendation links to an unknown learning theme {0:?}")]
    RecommendationTheme(String),
}

impl DefinitionError {
    /// The i18n key of the message shown to the network team.
    pub fn message_key(&self) -> &'static str {
        match self {
            DefinitionError::Json(_) => "diagnostics-error-json",
            DefinitionError::BadId(_) => "diagnostics-error-bad-id",
            DefinitionError::Duplicate { .. } => "diagnostics-error-duplicate",
            DefinitionError::MissingText { .. } => "diagnostics-error-missing-text",
            DefinitionError::Empty(_) => "diagnostics-error-empty",
            DefinitionError::BadLevels(_) => "diagnostics-error-bad-levels",
            DefinitionError::TooFewChoices(_) => "diagnostics-error-too-few-choices",
            DefinitionError::BadBands(_) => "diagnostics-error-bad-bands",
            DefinitionError::MissingScale(_) => "diagnostics-error-missing-scale",
            DefinitionError::MissingWeights(_) => "diagnostics-error-missing-weights",
            DefinitionError::UnscoredWeights(_) => "diagnostics-error-unscored-weights",
            DefinitionError::UnknownDimension { .. } => "diagnostics-error-unknown-dimension",
            DefinitionError::ZeroWeight(_) => "diagnostics-error-zero-weight",
            DefinitionError::DimensionWithoutQuestions(_) => "diagnostics-error-dimension-empty",
            DefinitionError::UnknownConditionQuestion { .. } => {
                "diagnostics-error-condition-question"
            }
            DefinitionError::UnknownConditionChoice { .. } => "diagnostics-error-condition-choice",
            DefinitionError::BadCondition(_) => "diagnostics-error-condition-bad",
            DefinitionError::ConditionCycle(_) => "diagnostics-error-condition-cycle",
            DefinitionError::ConditionLater { .. } => "diagnostics-error-condition-later",
            DefinitionError::RecommendationDimension(_) => "diagnostics-error-reco-dimension",
            DefinitionError::RecommendationLevel(_) => "diagnostics-error-reco-level",
            DefinitionError::RecommendationBlock(_) => "diagnostics-error-reco-block",
            DefinitionError::RecommendationTheme(_) => "diagnostics-error-reco-theme",
        }
    }

    /// The arguments of the message: `key` (the thing at fault), `other` (what it refers to).
    pub fn args(&self) -> (String, String) {
        use DefinitionError::*;
        match self {
            Json(s)
            | BadId(s)
            | BadLevels(s)
            | TooFewChoices(s)
            | BadBands(s)
            | MissingScale(s)
            | MissingWeights(s)
            | UnscoredWeights(s)
            | ZeroWeight(s)
            | DimensionWithoutQuestions(s)
            | BadCondition(s)
            | ConditionCycle(s)
            | RecommendationDimension(s)
            | RecommendationLevel(s)
            | RecommendationBlock(s)
            | RecommendationTheme(s) => (s.clone(), String::new()),
            Duplicate { what, key } | MissingText { what, key } => (key.clone(), what.to_string()),
            Empty(what) => (what.to_string(), String::new()),
            UnknownDimension { key, other }
            | UnknownConditionQuestion { key, other }
            | UnknownConditionChoice { key, other }
            | ConditionLater { key, other } => (key.clone(), other.clone()),
        }
    }
}

fn blank(t: &Text) -> bool {
    t.fr.trim().is_empty() || t.en.trim().is_empty()
}

fn good_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 60
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

impl Definition {
    /// Every problem found, in the order of the definition. A definition with none is safe to
    /// score: levels exist, every scored question weighs a known dimension, conditions point
    /// backwards to known answers (so they cannot form cycles).
    pub fn validate(&self) -> Result<(), Vec<DefinitionError>> {
        let mut errors = Vec::new();
        let mut err = |e| errors.push(e);
        if !good_key(&self.id) {
            err(DefinitionError::BadId(self.id.clone()));
        }
        if blank(&self.title) || blank(&self.intro) {
            err(DefinitionError::MissingText {
                what: "diagnostic",
                key: self.id.clone(),
            });
        }
        // Dimensions.
        if self.dimensions.is_empty() {
            err(DefinitionError::Empty("dimensions"));
        }
        let mut seen = BTreeSet::new();
        for d in &self.dimensions {
            if !good_key(&d.key) || d.key == super::OVERALL {
                err(DefinitionError::BadId(d.key.clone()));
            }
            if !seen.insert(d.key.as_str()) {
                err(DefinitionError::Duplicate {
                    what: "dimension",
                    key: d.key.clone(),
                });
            }
            if blank(&d.name) || blank(&d.description) {
                err(DefinitionError::MissingText {
                    what: "dimension",
                    key: d.key.clone(),
                });
            }
            if d.weight == 0 {
                err(DefinitionError::ZeroWeight(d.key.clone()));
            }
        }
        // Levels.
        if self.levels.is_empty() {
            err(DefinitionError::Empty("levels"));
        }
        let mut previous: Option<u8> = None;
        let mut level_keys = BTreeSet::new();
        for l in &self.levels {
            let rising = match previous {
                None => l.min == 0,
                Some(p) => l.min > p && l.min <= 100,
            };
            if !rising {
                err(DefinitionError::BadLevels(l.key.clone()));
            }
            previous = Some(l.min);
            if !level_keys.insert(l.key.as_str()) {
                err(DefinitionError::Duplicate {
                    what: "level",
                    key: l.key.clone(),
                });
            }
            if blank(&l.name) || blank(&l.description) {
                err(DefinitionError::MissingText {
                    what: "level",
                    key: l.key.clone(),
                });
            }
        }
        // Sections and questions.
        if self.sections.is_empty() {
            err(DefinitionError::Empty("sections"));
        }
        let mut section_keys = BTreeSet::new();
        let mut question_keys: BTreeSet<&str> = BTreeSet::new();
        let mut weighted: BTreeSet<&str> = BTreeSet::new();
        for s in &self.sections {
            if !section_keys.insert(s.key.as_str()) {
                err(DefinitionError::Duplicate {
                    what: "section",
                    key: s.key.clone(),
                });
            }
            if blank(&s.title) {
                err(DefinitionError::MissingText {
                    what: "section",
                    key: s.key.clone(),
                });
            }
            if s.questions.is_empty() {
                err(DefinitionError::Empty("section"));
            }
            for q in &s.questions {
                if !good_key(&q.key) {
                    err(DefinitionError::BadId(q.key.clone()));
                }
                if !question_keys.insert(q.key.as_str()) {
                    err(DefinitionError::Duplicate {
                        what: "question",
                        key: q.key.clone(),
                    });
                }
                if blank(&q.label) {
                    err(DefinitionError::MissingText {
                        what: "question",
                        key: q.key.clone(),
                    });
                }
                check_question(q, &mut err);
                for (dim, w) in &q.weights {
                    if self.dimension(dim).is_none() {
                        err(DefinitionError::UnknownDimension {
                            key: q.key.clone(),
                            other: dim.clone(),
                        });
                    } else if *w == 0 {
                        err(DefinitionError::ZeroWeight(q.key.clone()));
                    } else {
                        weighted.insert(dim.as_str());
                    }
                }
            }
        }
        for d in &self.dimensions {
            if !weighted.contains(d.key.as_str()) {
                err(DefinitionError::DimensionWithoutQuestions(d.key.clone()));
            }
        }
        // Conditions: known question, fitting test, no cycle, asked before the question itself
        // (earlier on the page or on an earlier page).
        if let Some(cycle) = condition_cycle(self) {
            err(DefinitionError::ConditionCycle(cycle));
        }
        for q in self.questions() {
            let Some(c) = &q.condition else { continue };
            let Some(target) = self.question(&c.question) else {
                err(DefinitionError::UnknownConditionQuestion {
                    key: q.key.clone(),
                    other: c.question.clone(),
                });
                continue;
            };
            let fits = match target.kind {
                Kind::Single | Kind::Multiple => !c.any_of.is_empty() && c.min.is_none(),
                Kind::Scale | Kind::Number => c.any_of.is_empty() && c.min.is_some(),
                Kind::ShortText | Kind::LongText => false,
            };
            if !fits || c.question == q.key {
                err(DefinitionError::BadCondition(q.key.clone()));
            }
            for choice in &c.any_of {
                if target.option(choice).is_none() {
                    err(DefinitionError::UnknownConditionChoice {
                        key: q.key.clone(),
                        other: choice.clone(),
                    });
                }
            }
            if c.question != q.key && position(self, &c.question) > position(self, &q.key) {
                err(DefinitionError::ConditionLater {
                    key: q.key.clone(),
                    other: c.question.clone(),
                });
            }
        }
        // Recommendations.
        for r in &self.recommendations {
            if let Some(d) = &r.dimension
                && self.dimension(d).is_none()
            {
                err(DefinitionError::RecommendationDimension(d.clone()));
            }
            if r.levels.is_empty() {
                err(DefinitionError::Empty("recommendation levels"));
            }
            for l in &r.levels {
                if !level_keys.contains(l.as_str()) {
                    err(DefinitionError::RecommendationLevel(l.clone()));
                }
            }
            if blank(&r.title) || blank(&r.text) {
                err(DefinitionError::MissingText {
                    what: "recommendation",
                    key: r.title.fr.clone(),
                });
            }
            if let Link::Canvas { block } = &r.link
                && crate::canvas::template().block(block).is_none()
            {
                err(DefinitionError::RecommendationBlock(block.clone()));
            }
            if let Link::Learning { tag } = &r.link
                && !crate::learning::TAGS.contains(&tag.as_str())
            {
                err(DefinitionError::RecommendationTheme(tag.clone()));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn position(def: &Definition, question: &str) -> usize {
    def.questions()
        .position(|q| q.key == question)
        .unwrap_or(usize::MAX)
}

fn check_question(q: &Question, err: &mut impl FnMut(DefinitionError)) {
    match q.kind {
        Kind::Single | Kind::Multiple => {
            if q.options.len() < 2 {
                err(DefinitionError::TooFewChoices(q.key.clone()));
            }
            let mut keys = BTreeSet::new();
            for o in &q.options {
                if !good_key(&o.key) || !keys.insert(o.key.as_str()) {
                    err(DefinitionError::Duplicate {
                        what: "choice",
                        key: format!("{}.{}", q.key, o.key),
                    });
                }
                if blank(&o.label) {
                    err(DefinitionError::MissingText {
                        what: "choice",
                        key: format!("{}.{}", q.key, o.key),
                    });
                }
            }
        }
        Kind::Scale => {
            if q.scale
                .as_ref()
                .is_none_or(|s| blank(&s.low) || blank(&s.high))
            {
                err(DefinitionError::MissingScale(q.key.clone()));
            }
        }
        Kind::Number => {
            let rising = q.bands.windows(2).all(|w| w[0].min < w[1].min);
            let starts = q.bands.first().is_some_and(|b| b.min == 0);
            let fits_max = q.max.is_none_or(|m| q.bands.iter().all(|b| b.min <= m));
            if q.bands.is_empty() || !rising || !starts || !fits_max {
                err(DefinitionError::BadBands(q.key.clone()));
            }
        }
        Kind::ShortText | Kind::LongText => {}
    }
    if q.kind.scored() && q.max_points() > 0 && q.weights.is_empty() {
        err(DefinitionError::MissingWeights(q.key.clone()));
    }
    if (!q.kind.scored() || q.max_points() == 0) && !q.weights.is_empty() {
        err(DefinitionError::UnscoredWeights(q.key.clone()));
    }
}

/// The first cycle among conditions (question → the question its condition reads), as
/// `a → b → a`, if any.
fn condition_cycle(def: &Definition) -> Option<String> {
    let next: BTreeMap<&str, &str> = def
        .questions()
        .filter_map(|q| {
            q.condition
                .as_ref()
                .map(|c| (q.key.as_str(), c.question.as_str()))
        })
        .collect();
    for start in next.keys() {
        let mut path = vec![*start];
        let mut at = *start;
        while let Some(n) = next.get(at) {
            if let Some(pos) = path.iter().position(|p| p == n) {
                let mut cycle: Vec<&str> = path[pos..].to_vec();
                cycle.push(n);
                return Some(cycle.join(" → "));
            }
            path.push(n);
            at = n;
        }
    }
    None
}
