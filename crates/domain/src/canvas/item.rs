use super::{CanvasError, template};
use serde::{Deserialize, Serialize};

pub const MAX_ITEM_CHARS: usize = 2_000;
pub const MAX_ITEMS: usize = 300;
pub const MAX_TITLE_CHARS: usize = 120;

/// Whether a note states a hypothesis still to test or something validated (with evidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ItemStatus {
    #[default]
    Hypothesis,
    Validated,
}

impl ItemStatus {
    pub fn code(self) -> &'static str {
        match self {
            ItemStatus::Hypothesis => "hypothesis",
            ItemStatus::Validated => "validated",
        }
    }

    pub fn parse(input: &str) -> Result<Self, CanvasError> {
        match input {
            "hypothesis" | "" => Ok(ItemStatus::Hypothesis),
            "validated" => Ok(ItemStatus::Validated),
            other => Err(CanvasError::UnknownStatus(other.chars().take(40).collect())),
        }
    }
}

/// Sticky-note colours, used as tags. Each pairs with text at AA contrast in the stylesheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    #[default]
    Yellow,
    Green,
    Blue,
    Pink,
    Orange,
    Purple,
}

impl Colour {
    pub const ALL: [Colour; 6] = [
        Colour::Yellow,
        Colour::Green,
        Colour::Blue,
        Colour::Pink,
        Colour::Orange,
        Colour::Purple,
    ];

    /// The paper colour of a printed note (the same as on screen).
    pub fn hex(self) -> &'static str {
        match self {
            Colour::Yellow => "#fdf1b8",
            Colour::Green => "#d8f0d9",
            Colour::Blue => "#d7e8f7",
            Colour::Pink => "#f8dbe6",
            Colour::Orange => "#fde0c5",
            Colour::Purple => "#e6dcf5",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Colour::Yellow => "yellow",
            Colour::Green => "green",
            Colour::Blue => "blue",
            Colour::Pink => "pink",
            Colour::Orange => "orange",
            Colour::Purple => "purple",
        }
    }

    pub fn parse(input: &str) -> Result<Self, CanvasError> {
        if input.is_empty() {
            return Ok(Colour::Yellow);
        }
        Colour::ALL
            .into_iter()
            .find(|c| c.code() == input)
            .ok_or_else(|| CanvasError::UnknownColour(input.chars().take(40).collect()))
    }
}

/// A note as typed by someone, validated before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDraft {
    pub block: String,
    pub text: String,
    pub colour: Colour,
    pub status: ItemStatus,
    pub evidence: String,
}

/// What an edit changes in a note (its block stays where it is), validated before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteContent {
    pub text: String,
    pub colour: Colour,
    pub status: ItemStatus,
    pub evidence: String,
}

impl NoteContent {
    /// Checks a note's content: the text is there and not too long, colour and status known.
    pub fn new(
        text: &str,
        colour: &str,
        status: &str,
        evidence: &str,
    ) -> Result<Self, CanvasError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(CanvasError::EmptyText);
        }
        if text.chars().count() > MAX_ITEM_CHARS {
            return Err(CanvasError::TextTooLong);
        }
        let evidence = evidence.trim();
        if evidence.chars().count() > MAX_ITEM_CHARS {
            return Err(CanvasError::EvidenceTooLong);
        }
        Ok(NoteContent {
            text: text.to_string(),
            colour: Colour::parse(colour)?,
            status: ItemStatus::parse(status)?,
            evidence: evidence.to_string(),
        })
    }
}

impl ItemDraft {
    /// Checks a note: the block exists in the template, then its content (see `NoteContent`).
    pub fn new(
        block: &str,
        text: &str,
        colour: &str,
        status: &str,
        evidence: &str,
    ) -> Result<Self, CanvasError> {
        let block = block.trim();
        if template().block(block).is_none() {
            return Err(CanvasError::UnknownBlock(block.chars().take(60).collect()));
        }
        let content = NoteContent::new(text, colour, status, evidence)?;
        Ok(ItemDraft {
            block: block.to_string(),
            text: content.text,
            colour: content.colour,
            status: content.status,
            evidence: content.evidence,
        })
    }
}

/// A canvas title: required, at most 120 characters.
pub fn check_title(title: &str) -> Result<String, CanvasError> {
    let t = title.trim();
    if t.is_empty() || t.chars().count() > MAX_TITLE_CHARS {
        Err(CanvasError::BadTitle)
    } else {
        Ok(t.to_string())
    }
}

/// Refuses one more item when the canvas is full.
pub fn check_room(current_items: usize, adding: usize) -> Result<(), CanvasError> {
    if current_items + adding > MAX_ITEMS {
        Err(CanvasError::TooManyItems)
    } else {
        Ok(())
    }
}
