//! A local impact project's own rules: its stages, cover colours, the text of its card, and how
//! a new project starts (a blank canvas, a worked example, the roadmap template or a file).
use crate::DomainError;

pub const NAME_MAX: usize = 120;
pub const SUMMARY_MAX: usize = 200;
pub const TOWN_MAX: usize = 80;

/// The studio's path for a project, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Idea,
    Test,
    Launch,
    Activity,
    Spread,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Idea,
        Stage::Test,
        Stage::Launch,
        Stage::Activity,
        Stage::Spread,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Stage::Idea => "idea",
            Stage::Test => "test",
            Stage::Launch => "launch",
            Stage::Activity => "activity",
            Stage::Spread => "spread",
        }
    }

    pub fn parse(code: &str) -> Result<Self, DomainError> {
        Stage::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .ok_or(DomainError::UnknownChoice)
    }

    /// i18n key of the stage's label (« Idée », « Essaimage »…).
    pub fn label_key(self) -> &'static str {
        match self {
            Stage::Idea => "stage-idea",
            Stage::Test => "stage-test",
            Stage::Launch => "stage-launch",
            Stage::Activity => "stage-activity",
            Stage::Spread => "stage-spread",
        }
    }
}

/// The colour of a project's cover band, one of the design's tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    Sun,
    Leaf,
    Sky,
    Berry,
    Clay,
    Slate,
}

impl Colour {
    pub const ALL: [Colour; 6] = [
        Colour::Sun,
        Colour::Leaf,
        Colour::Sky,
        Colour::Berry,
        Colour::Clay,
        Colour::Slate,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Colour::Sun => "sun",
            Colour::Leaf => "leaf",
            Colour::Sky => "sky",
            Colour::Berry => "berry",
            Colour::Clay => "clay",
            Colour::Slate => "slate",
        }
    }

    pub fn parse(code: &str) -> Result<Self, DomainError> {
        Colour::ALL
            .into_iter()
            .find(|c| c.code() == code.trim())
            .ok_or(DomainError::UnknownChoice)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Colour::Sun => "colour-sun",
            Colour::Leaf => "colour-leaf",
            Colour::Sky => "colour-sky",
            Colour::Berry => "colour-berry",
            Colour::Clay => "colour-clay",
            Colour::Slate => "colour-slate",
        }
    }
}

/// A person's relation to a project: one of its holders (members), a coach who follows it, or
/// neither (a manager or the network team looking at it, or a stranger).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    Member,
    Follower,
    Unrelated,
}

impl Relation {
    pub fn code(self) -> Option<&'static str> {
        match self {
            Relation::Member => Some("member"),
            Relation::Follower => Some("follower"),
            Relation::Unrelated => None,
        }
    }
}

/// How a new project starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// A blank Impact Model Canvas.
    Blank,
    /// A canvas filled from one of the worked examples (its key).
    Example(String),
    /// The « Lancer mon projet local » roadmap, from a start date.
    RoadmapTemplate,
    /// A roadmap file (Markdown) sent with the form.
    RoadmapFile,
}

impl Start {
    /// The choices, in the order they are offered.
    pub const CODES: [&'static str; 4] = ["example", "blank", "template", "file"];

    /// Reads the form's choice: `blank`, `example`, `template` or `file`; the example's key
    /// comes with `example`.
    pub fn parse(choice: &str, example: &str) -> Result<Self, DomainError> {
        match choice.trim() {
            "blank" => Ok(Start::Blank),
            "example" if !example.trim().is_empty() => Ok(Start::Example(example.trim().into())),
            "example" => Err(DomainError::Required),
            "template" => Ok(Start::RoadmapTemplate),
            "file" => Ok(Start::RoadmapFile),
            _ => Err(DomainError::UnknownChoice),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Start::Blank => "blank",
            Start::Example(_) => "example",
            Start::RoadmapTemplate => "template",
            Start::RoadmapFile => "file",
        }
    }
}

/// A project's own texts, checked: a required name, an optional summary and town.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub name: String,
    pub summary: String,
    pub town: String,
}

/// Field name and error of each text that is refused.
pub fn check_card(
    name: &str,
    summary: &str,
    town: &str,
) -> Result<Card, Vec<(&'static str, DomainError)>> {
    let mut errors = Vec::new();
    let mut field = |key: &'static str, text: &str, max: usize, required: bool| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if required && text.is_empty() {
            errors.push((key, DomainError::Required));
        } else if text.chars().count() > max {
            errors.push((key, DomainError::TooLong));
        }
        text
    };
    let card = Card {
        name: field("name", name, NAME_MAX, true),
        summary: field("summary", summary, SUMMARY_MAX, false),
        town: field("town", town, TOWN_MAX, false),
    };
    if errors.is_empty() {
        Ok(card)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_and_colours_round_trip_and_refuse_unknown_codes() {
        for s in Stage::ALL {
            assert_eq!(Stage::parse(s.code()), Ok(s));
        }
        for c in Colour::ALL {
            assert_eq!(Colour::parse(c.code()), Ok(c));
        }
        assert_eq!(Stage::parse("design"), Err(DomainError::UnknownChoice));
        assert_eq!(Colour::parse("red"), Err(DomainError::UnknownChoice));
        assert!(Stage::Idea < Stage::Spread);
    }

    #[test]
    fn start_choices() {
        assert_eq!(Start::parse("blank", "x"), Ok(Start::Blank));
        assert_eq!(
            Start::parse("example", " epicerie "),
            Ok(Start::Example("epicerie".into()))
        );
        assert_eq!(Start::parse("example", ""), Err(DomainError::Required));
        assert_eq!(Start::parse("template", ""), Ok(Start::RoadmapTemplate));
        assert_eq!(Start::parse("file", ""), Ok(Start::RoadmapFile));
        assert_eq!(Start::parse("", ""), Err(DomainError::UnknownChoice));
    }

    #[test]
    fn card_texts_are_tidied_and_bounded() {
        let card = check_card("  La   Recyclerie ", " Réparer\nensemble ", "").unwrap();
        assert_eq!(card.name, "La Recyclerie");
        assert_eq!(card.summary, "Réparer ensemble");
        let errors = check_card(" ", &"x".repeat(201), &"y".repeat(81)).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("name", DomainError::Required),
                ("summary", DomainError::TooLong),
                ("town", DomainError::TooLong)
            ]
        );
    }
}
