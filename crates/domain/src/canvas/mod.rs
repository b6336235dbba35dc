//! The Impact Model Canvas: a versioned template (blocks, guidance; shipped as data) and the
//! canvases built on it (sticky notes in blocks), with their limits, merge rules and exchange
//! formats. Pure: no I/O.
mod document;
mod document_hint;
mod item;
mod merge;
mod template;
mod versions;

pub use document::{
    BlockHint, CanvasDocument, DocumentItem, FORMAT, MarkdownLabels, completeness, to_markdown,
};
pub use item::{
    Colour, ItemDraft, ItemStatus, MAX_ITEM_CHARS, MAX_ITEMS, MAX_TITLE_CHARS, NoteContent,
    check_room, check_title,
};
pub use merge::{EditOutcome, resolve_edit};
pub use template::{
    Area, BlockDef, BlockText, Example, Grid, Guide, GuideText, Link, Template, examples, template,
};
pub use versions::{BlockChanges, NoteChange, SnapshotItem, diff};

use thiserror::Error;

/// Why a canvas change was refused; each maps to an i18n key.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CanvasError {
    #[error("unknown block {0:?}")]
    UnknownBlock(String),
    #[error("item text is empty")]
    EmptyText,
    #[error("item text is over {MAX_ITEM_CHARS} characters")]
    TextTooLong,
    #[error("evidence is over {MAX_ITEM_CHARS} characters")]
    EvidenceTooLong,
    #[error("title is empty or too long")]
    BadTitle,
    #[error("a canvas holds at most {MAX_ITEMS} items")]
    TooManyItems,
    #[error("unknown colour {0:?}")]
    UnknownColour(String),
    #[error("unknown status {0:?}")]
    UnknownStatus(String),
    #[error("the item changed since you loaded it")]
    Stale,
    #[error("import file is not a canvas: {0}")]
    MalformedImport(String),
    #[error("import file is for another template: {0}")]
    OtherTemplate(String),
}

impl CanvasError {
    pub fn message_key(&self) -> &'static str {
        match self {
            CanvasError::UnknownBlock(_) => "canvas-error-unknown-block",
            CanvasError::EmptyText => "canvas-error-empty",
            CanvasError::TextTooLong => "canvas-error-too-long",
            CanvasError::EvidenceTooLong => "canvas-error-evidence-too-long",
            CanvasError::BadTitle => "canvas-error-title",
            CanvasError::TooManyItems => "canvas-error-too-many",
            CanvasError::UnknownColour(_) => "canvas-error-colour",
            CanvasError::UnknownStatus(_) => "canvas-error-status",
            CanvasError::Stale => "canvas-error-stale",
            CanvasError::MalformedImport(_) => "canvas-error-import",
            CanvasError::OtherTemplate(_) => "canvas-error-template",
        }
    }
}
