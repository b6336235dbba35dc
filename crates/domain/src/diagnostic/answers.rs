//! Answers: what a respondent gave, read from a form page by page, with clear errors.
use super::definition::{Definition, Kind, Question};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest short and long text answers, in characters.
pub const SHORT_TEXT_MAX: usize = 200;
pub const LONG_TEXT_MAX: usize = 4000;

/// One answer, interpreted through its question's kind: a choice key or a text (`Text`), the
/// chosen keys of a multiple choice (`Many`), a scale step or a number (`Number`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Number(i64),
    Text(String),
    Many(Vec<String>),
}

pub type Answers = BTreeMap<String, Answer>;

/// Why an answer given in a form was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    UnknownChoice,
    NotANumber,
    Negative,
    TooLarge,
    OutOfScale,
    TooLong,
}

impl AnswerError {
    pub fn message_key(self) -> &'static str {
        match self {
            AnswerError::UnknownChoice => "diagnostics-answer-unknown-choice",
            AnswerError::NotANumber => "diagnostics-answer-not-a-number",
            AnswerError::Negative => "diagnostics-answer-negative",
            AnswerError::TooLarge => "diagnostics-answer-too-large",
            AnswerError::OutOfScale => "diagnostics-answer-out-of-scale",
            AnswerError::TooLong => "diagnostics-answer-too-long",
        }
    }
}

/// The form field of a question.
pub fn field_name(question: &str) -> String {
    format!("q-{question}")
}

/// What one page of a form changes: answers to set, questions cleared, and refused values
/// (question key, error, what was typed) to show again beside their field.
#[derive(Debug, Default, PartialEq)]
pub struct PageInput {
    pub set: Answers,
    pub cleared: Vec<String>,
    pub errors: Vec<(String, AnswerError, String)>,
}

/// Reads the answers of section `section` from the posted fields (repeated names for multiple
/// choices). Questions of other sections are ignored; an empty field clears its answer.
pub fn read_page(def: &Definition, section: usize, fields: &[(String, String)]) -> PageInput {
    let mut input = PageInput::default();
    let Some(s) = def.sections.get(section) else {
        return input;
    };
    for q in &s.questions {
        let name = field_name(&q.key);
        let values: Vec<&str> = fields
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .collect();
        match read_one(q, &values) {
            Ok(Some(a)) => {
                input.set.insert(q.key.clone(), a);
            }
            Ok(None) => input.cleared.push(q.key.clone()),
            Err(e) => {
                input
                    .errors
                    .push((q.key.clone(), e, values.first().unwrap_or(&"").to_string()))
            }
        }
    }
    input
}

fn read_one(q: &Question, values: &[&str]) -> Result<Option<Answer>, AnswerError> {
    let first = values.iter().map(|v| v.trim()).find(|v| !v.is_empty());
    match q.kind {
        Kind::Single => match first {
            None => Ok(None),
            Some(v) if q.option(v).is_some() => Ok(Some(Answer::Text(v.to_string()))),
            Some(_) => Err(AnswerError::UnknownChoice),
        },
        Kind::Multiple => {
            let mut keys: Vec<String> = Vec::new();
            for v in values.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
                if q.option(v).is_none() {
                    return Err(AnswerError::UnknownChoice);
                }
                if !keys.iter().any(|k| k == v) {
                    keys.push(v.to_string());
                }
            }
            // Keep the definition's order so equal answers compare equal.
            keys.sort_by_key(|k| q.options.iter().position(|o| &o.key == k));
            Ok((!keys.is_empty()).then_some(Answer::Many(keys)))
        }
        Kind::Scale => match first {
            None => Ok(None),
            Some(v) => match v.parse::<i64>() {
                Ok(n @ 1..=5) => Ok(Some(Answer::Number(n))),
                _ => Err(AnswerError::OutOfScale),
            },
        },
        Kind::Number => match first {
            None => Ok(None),
            Some(v) => {
                let digits: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '\u{202F}' && *c != '\u{A0}')
                    .collect();
                let n: i64 = digits.parse().map_err(|_| AnswerError::NotANumber)?;
                if n < 0 {
                    Err(AnswerError::Negative)
                } else if q.max.is_some_and(|m| n > m) {
                    Err(AnswerError::TooLarge)
                } else {
                    Ok(Some(Answer::Number(n)))
                }
            }
        },
        Kind::ShortText | Kind::LongText => match first {
            None => Ok(None),
            Some(v) => {
                let max = if q.kind == Kind::ShortText {
                    SHORT_TEXT_MAX
                } else {
                    LONG_TEXT_MAX
                };
                if v.chars().count() > max {
                    Err(AnswerError::TooLong)
                } else {
                    Ok(Some(Answer::Text(v.to_string())))
                }
            }
        },
    }
}

/// Whether an answer fits its question (stored answers are re-checked after a new version).
pub fn fits(q: &Question, answer: &Answer) -> bool {
    match (q.kind, answer) {
        (Kind::Single, Answer::Text(k)) => q.option(k).is_some(),
        (Kind::Multiple, Answer::Many(keys)) => keys.iter().all(|k| q.option(k).is_some()),
        (Kind::Scale, Answer::Number(n)) => (1..=5).contains(n),
        (Kind::Number, Answer::Number(n)) => *n >= 0,
        (Kind::ShortText | Kind::LongText, Answer::Text(_)) => true,
        _ => false,
    }
}

impl Definition {
    /// Whether a question is asked, given the answers so far.
    pub fn applies(&self, q: &Question, answers: &Answers) -> bool {
        let Some(c) = &q.condition else { return true };
        let Some(target) = self.question(&c.question) else {
            return false;
        };
        match answers.get(&c.question) {
            None => false,
            Some(a) if !fits(target, a) => false,
            Some(Answer::Text(k)) => c.any_of.iter().any(|x| x == k),
            Some(Answer::Many(keys)) => keys.iter().any(|k| c.any_of.contains(k)),
            Some(Answer::Number(n)) => c.min.is_some_and(|m| *n >= m),
        }
    }

    /// Required questions that are asked but not answered, in order: (section index, key).
    pub fn missing(&self, answers: &Answers) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for (i, s) in self.sections.iter().enumerate() {
            for q in &s.questions {
                let answered = answers.get(&q.key).is_some_and(|a| fits(q, a));
                if q.required && !answered && self.applies(q, answers) {
                    out.push((i, q.key.clone()));
                }
            }
        }
        out
    }

    /// (answered, asked) over the whole definition, for the progress bar.
    pub fn progress(&self, answers: &Answers) -> (usize, usize) {
        let asked: Vec<&Question> = self
            .questions()
            .filter(|q| self.applies(q, answers))
            .collect();
        let answered = asked
            .iter()
            .filter(|q| answers.get(&q.key).is_some_and(|a| fits(q, a)))
            .count();
        (answered, asked.len())
    }
}
