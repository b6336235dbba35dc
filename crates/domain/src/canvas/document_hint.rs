/// How complete a block looks, shown as a hint beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockHint {
    Empty,
    TooShort,
    /// The impact-indicators block has notes, none bound to a catalogue indicator.
    NoIndicator,
    Complete,
}

impl BlockHint {
    pub fn message_key(self) -> &'static str {
        match self {
            BlockHint::Empty => "canvas-hint-empty",
            BlockHint::TooShort => "canvas-hint-short",
            BlockHint::NoIndicator => "canvas-hint-no-indicator",
            BlockHint::Complete => "canvas-hint-complete",
        }
    }
}
