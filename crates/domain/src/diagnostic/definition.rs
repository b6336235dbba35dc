//! A diagnostic definition as data: sections of questions, dimensions with weights, levels
//! given by thresholds, and recommendations attached to levels. Shipped definitions live in
//! `domain/data/diagnostics/`; the network team publishes new versions from the interface.
use crate::Locale;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A text in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub fr: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Stable identifier, also the URL segment (`projet-pret`).
    pub id: String,
    pub version: u32,
    pub title: Text,
    pub intro: Text,
    /// Typical time to answer, in minutes.
    pub minutes: u32,
    pub dimensions: Vec<Dimension>,
    /// Ascending thresholds; the first starts at 0.
    pub levels: Vec<Level>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub key: String,
    pub name: Text,
    pub description: Text,
    /// Weight of this dimension in the overall score (default 1).
    #[serde(default = "one")]
    pub weight: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub key: String,
    /// Lowest score (0–100) that reaches this level.
    pub min: u8,
    pub name: Text,
    pub description: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub key: String,
    pub title: Text,
    #[serde(default)]
    pub intro: Text,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Single,
    Multiple,
    Scale,
    Number,
    ShortText,
    LongText,
}

impl Kind {
    /// Whether answers of this kind can carry points.
    pub fn scored(self) -> bool {
        !matches!(self, Kind::ShortText | Kind::LongText)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub key: String,
    pub kind: Kind,
    pub label: Text,
    #[serde(default)]
    pub hint: Text,
    #[serde(default = "yes")]
    pub required: bool,
    /// Choices of `single` and `multiple` questions.
    #[serde(default)]
    pub options: Vec<Choice>,
    /// Labels of the two ends of a `scale` question (1 and 5).
    #[serde(default)]
    pub scale: Option<ScaleEnds>,
    /// Bands of a `number` question: the highest band whose `min` the answer reaches gives its points.
    #[serde(default)]
    pub bands: Vec<Band>,
    /// Largest number accepted by a `number` question.
    #[serde(default)]
    pub max: Option<i64>,
    /// Dimension key → weight. Scored questions need at least one; text questions none.
    #[serde(default)]
    pub weights: BTreeMap<String, u32>,
    /// Asked only when this holds.
    #[serde(default)]
    pub condition: Option<Condition>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub key: String,
    pub label: Text,
    #[serde(default)]
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleEnds {
    pub low: Text,
    pub high: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: i64,
    pub points: u32,
}

/// Shows a question only when an earlier answer matches: one of `any_of` (choice questions) or
/// at least `min` (scale and number questions).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    #[serde(default)]
    pub any_of: Vec<String>,
    #[serde(default)]
    pub min: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The dimension it answers; none for the overall level.
    #[serde(default)]
    pub dimension: Option<String>,
    /// The levels (keys) at which it is shown.
    pub levels: Vec<String>,
    pub title: Text,
    pub text: Text,
    pub link: Link,
}

/// Where a recommendation leads. The web layer turns it into a URL that exists for the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Link {
    /// A block of the Impact Model Canvas, with its guide (on the project's canvas).
    Canvas { block: String },
    /// Another diagnostic.
    Diagnostic { id: String },
    /// The project's page (people, canvas, diagnostics).
    Project,
    /// Creating an account, to keep working with the studio.
    Signup,
    /// The explanation of the scoring of this diagnostic.
    Scoring,
    /// The learning catalogue on one theme (`domain::learning::TAGS`): the courses and
    /// thematic modules that answer a weak score.
    Learning { tag: String },
}

impl Definition {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions().find(|q| q.key == key)
    }

    pub fn dimension(&self, key: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.key == key)
    }

    pub fn level(&self, key: &str) -> Option<&Level> {
        self.levels.iter().find(|l| l.key == key)
    }

    /// The index of the section holding a question.
    pub fn section_of(&self, question: &str) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.questions.iter().any(|q| q.key == question))
    }

    /// The level reached by a score (0–100).
    pub fn level_for(&self, score: u8) -> &Level {
        self.levels
            .iter()
            .rev()
            .find(|l| l.min <= score)
            .unwrap_or(&self.levels[0])
    }

    /// Parses and validates a definition (shipped file or one pasted by the network team).
    pub fn parse(json: &str) -> Result<Definition, Vec<super::DefinitionError>> {
        let def: Definition = serde_json::from_str(json)
            .map_err(|e| vec![super::DefinitionError::Json(e.to_string())])?;
        def.validate()?;
        Ok(def)
    }
}

impl Question {
    /// Largest points one answer can bring (0 for unscored questions).
    pub fn max_points(&self) -> u32 {
        match self.kind {
            Kind::Single => self.options.iter().map(|o| o.points).max().unwrap_or(0),
            Kind::Multiple => self.options.iter().map(|o| o.points).sum(),
            Kind::Scale => 4,
            Kind::Number => self.bands.iter().map(|b| b.points).max().unwrap_or(0),
            Kind::ShortText | Kind::LongText => 0,
        }
    }

    pub fn option(&self, key: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.key == key)
    }
}
