//! Learning: courses made of modules and lessons, quizzes, workbook exercises, paths with
//! prerequisites and release dates, progress and certificates. Pure rules, no I/O.
pub mod access;
pub mod diff;
pub mod progress;
pub mod quiz;
pub mod video;

pub use access::{Gate, Locked, gate};
pub use progress::{Progress, Step};
pub use quiz::{Choice, Graded, Question, Quiz, QuizError};
pub use video::{ExternalVideo, VideoUrlError, parse_external};

use crate::DomainError;

/// What a lesson holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonKind {
    /// Markdown text.
    Text,
    /// A video (uploaded with a poster and captions, or an external address) and its text.
    Video,
    /// Downloadable workbook files (PDF, ODT, DOCX) and their text.
    Workbook,
    /// Questions answered in the platform, saved per participant, shared with the coach or not.
    Exercise,
    /// A quiz scored against its pass mark.
    Quiz,
}

impl LessonKind {
    pub const ALL: [LessonKind; 5] = [
        LessonKind::Text,
        LessonKind::Video,
        LessonKind::Workbook,
        LessonKind::Exercise,
        LessonKind::Quiz,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LessonKind::Text => "text",
            LessonKind::Video => "video",
            LessonKind::Workbook => "workbook",
            LessonKind::Exercise => "exercise",
            LessonKind::Quiz => "quiz",
        }
    }

    pub fn parse(code: &str) -> Result<Self, DomainError> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .ok_or(DomainError::UnknownChoice)
    }
}

impl TryFrom<String> for LessonKind {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

/// A course is a draft until published; drafts are seen only by their authors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Published,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
        }
    }
}

impl TryFrom<String> for Status {
    type Error = DomainError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        match s.as_str() {
            "draft" => Ok(Status::Draft),
            "published" => Ok(Status::Published),
            _ => Err(DomainError::UnknownChoice),
        }
    }
}

/// The thematic tags of the catalogue.
pub const TAGS: [&str; 6] = [
    "bases",
    "financement",
    "mobilisation-benevole",
    "gouvernance",
    "mesure-impact",
    "communication",
];

/// Tags typed by an author (comma separated), kept when known, in the catalogue's order.
pub fn parse_tags(text: &str) -> Result<Vec<&'static str>, DomainError> {
    let mut tags = Vec::new();
    for t in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let known = TAGS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(t))
            .ok_or(DomainError::UnknownChoice)?;
        if !tags.contains(known) {
            tags.push(*known);
        }
    }
    tags.sort_by_key(|t| TAGS.iter().position(|k| k == t));
    Ok(tags)
}

/// The prompts of a workbook exercise: one per non-empty line of its definition.
pub fn exercise_prompts(definition: &str) -> Vec<&str> {
    definition
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// A certificate's public code: 16 random bytes as 32 lower-case hex digits (the caller draws
/// the bytes). A code in an address is checked for that shape before any lookup.
pub fn certificate_code(bytes: [u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn is_certificate_code(code: &str) -> bool {
    code.len() == 32 && code.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in LessonKind::ALL {
            assert_eq!(LessonKind::parse(k.code()), Ok(k));
        }
        assert!(LessonKind::parse("podcast").is_err());
        assert_eq!(Status::try_from("draft".to_string()), Ok(Status::Draft));
    }

    #[test]
    fn tags_known_only_in_order() {
        assert_eq!(
            parse_tags("communication, Financement,financement"),
            Ok(vec!["financement", "communication"])
        );
        assert_eq!(parse_tags(""), Ok(vec![]));
        assert!(parse_tags("cuisine").is_err());
    }

    #[test]
    fn prompts_and_codes() {
        assert_eq!(
            exercise_prompts("Qui ?\n\n  Pourquoi ?  \n"),
            vec!["Qui ?", "Pourquoi ?"]
        );
        let code = certificate_code([0xab; 16]);
        assert!(is_certificate_code(&code));
        assert!(!is_certificate_code("ABAB"));
        assert!(!is_certificate_code(&code.to_uppercase()));
    }
}
