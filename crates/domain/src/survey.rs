//! Feedback surveys after an event (issue 17), defined as data like the diagnostics and read
//! with the same engine (`diagnostic::read_page`): an NPS question (0–10), ratings (scales of
//! 1–5), open questions, and themes whose keywords tag the comments.
use crate::diagnostic::{Answer, Answers, Definition, Kind, PageInput, Question, Section, Text};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Survey {
    pub id: String,
    pub version: u32,
    pub title: Text,
    pub intro: Text,
    /// The key of the « would you recommend » question (a number from 0 to 10).
    pub nps: String,
    pub questions: Vec<Question>,
    #[serde(default)]
    pub themes: Vec<Theme>,
}

/// A theme of the comments: a comment mentioning one of its keywords gets its tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub key: String,
    pub label: Text,
    pub keywords: Vec<String>,
}

/// The survey sent after an event, as shipped (checked by the tests, so it loads).
pub fn event_survey() -> &'static Survey {
    static SURVEY: OnceLock<Survey> = OnceLock::new();
    SURVEY.get_or_init(|| {
        Survey::parse(include_str!("../data/surveys/evenement.json"))
            .expect("shipped survey is valid")
    })
}

impl Survey {
    /// Reads and checks a definition: the NPS question exists and counts from 0 to 10, every
    /// question is a number, a scale, a single choice or a text.
    pub fn parse(json: &str) -> Result<Survey, String> {
        let survey: Survey = serde_json::from_str(json).map_err(|e| e.to_string())?;
        match survey.question(&survey.nps) {
            Some(q) if q.kind == Kind::Number && q.max == Some(10) => {}
            _ => {
                return Err(format!(
                    "nps question {:?} must be a number up to 10",
                    survey.nps
                ));
            }
        }
        if let Some(q) = survey
            .questions
            .iter()
            .find(|q| matches!(q.kind, Kind::Multiple))
        {
            return Err(format!(
                "question {:?}: multiple choices are not surveyed",
                q.key
            ));
        }
        Ok(survey)
    }

    pub fn question(&self, key: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.key == key)
    }

    /// The survey as a one-page diagnostic definition, for the diagnostics' form reader.
    fn definition(&self) -> Definition {
        Definition {
            id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            intro: self.intro.clone(),
            minutes: 2,
            dimensions: Vec::new(),
            levels: Vec::new(),
            sections: vec![Section {
                key: "avis".into(),
                title: self.title.clone(),
                intro: self.intro.clone(),
                questions: self.questions.clone(),
            }],
            recommendations: Vec::new(),
        }
    }

    /// Reads the posted answers; the required questions left empty come back in `missing`.
    pub fn read(&self, fields: &[(String, String)]) -> (PageInput, Vec<String>) {
        let input = crate::diagnostic::read_page(&self.definition(), 0, fields);
        let missing = self
            .questions
            .iter()
            .filter(|q| q.required && !input.set.contains_key(&q.key))
            .filter(|q| !input.errors.iter().any(|(k, _, _)| *k == q.key))
            .map(|q| q.key.clone())
            .collect();
        (input, missing)
    }

    /// The NPS answer (0–10) in a set of answers.
    pub fn nps_score(&self, answers: &Answers) -> Option<i64> {
        match answers.get(&self.nps) {
            Some(Answer::Number(n)) if (0..=10).contains(n) => Some(*n),
            _ => None,
        }
    }

    /// The themes a comment mentions (keywords matched without regard to case).
    pub fn themes_of(&self, comment: &str) -> Vec<&Theme> {
        let lower = comment.to_lowercase();
        self.themes
            .iter()
            .filter(|t| t.keywords.iter().any(|k| lower.contains(&k.to_lowercase())))
            .collect()
    }
}

/// Net Promoter Score of a set of 0–10 answers: % of 9–10 minus % of 0–6, rounded; `None`
/// without answers.
pub fn nps(scores: &[i64]) -> Option<i64> {
    nps_of_counts(
        scores.len() as i64,
        scores.iter().filter(|s| **s >= 9).count() as i64,
        scores.iter().filter(|s| **s <= 6).count() as i64,
    )
}

/// [`nps`] from counts: answers, promoters, detractors.
pub fn nps_of_counts(answers: i64, promoters: i64, detractors: i64) -> Option<i64> {
    if answers <= 0 {
        return None;
    }
    let diff = (promoters - detractors) as f64 * 100.0 / answers as f64;
    Some(diff.round() as i64)
}

/// The mean of the numeric answers to `key` (ratings), `None` without answers.
pub fn average<'a>(all: impl Iterator<Item = &'a Answers>, key: &str) -> Option<f64> {
    let values: Vec<i64> = all
        .filter_map(|a| match a.get(key) {
            Some(Answer::Number(n)) => Some(*n),
            _ => None,
        })
        .collect();
    (!values.is_empty()).then(|| values.iter().sum::<i64>() as f64 / values.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_survey_loads_with_its_nps_question() {
        let s = event_survey();
        assert_eq!(s.nps, "recommander");
        assert!(s.questions.iter().any(|q| q.kind == Kind::Scale));
        assert!(s.questions.iter().any(|q| q.kind == Kind::LongText));
    }

    #[test]
    fn nps_counts_promoters_minus_detractors() {
        assert_eq!(nps(&[]), None);
        assert_eq!(nps(&[10, 9, 8, 3]), Some(25));
        assert_eq!(nps(&[0, 6]), Some(-100));
        assert_eq!(nps(&[7, 8]), Some(0));
    }

    #[test]
    fn answers_are_read_and_checked() {
        let s = event_survey();
        let fields = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let (input, missing) = s.read(&fields(&[("q-recommander", "11"), ("q-contenu", "4")]));
        assert_eq!(input.errors.len(), 1);
        assert!(missing.contains(&"animation".to_string()));
        assert!(!missing.contains(&"recommander".to_string()));
        let (input, missing) = s.read(&fields(&[
            ("q-recommander", "9"),
            ("q-contenu", "4"),
            ("q-animation", "5"),
            ("q-organisation", "3"),
            ("q-changer", "La salle était trop petite."),
        ]));
        assert!(input.errors.is_empty() && missing.is_empty());
        assert_eq!(s.nps_score(&input.set), Some(9));
        let tags: Vec<&str> = s
            .themes_of("La salle était trop petite.")
            .iter()
            .map(|t| t.key.as_str())
            .collect();
        assert_eq!(tags, vec!["organisation"]);
    }
}
