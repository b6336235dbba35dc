//! Merge rules for co-editing. Every item carries a version that grows with each change. Edits
//! to different items never meet. When two people edit the same item from the same version, the
//! first one wins the item and the second one's text is kept as a new note beside it, so no
//! text ever vanishes; the history keeps both.

/// What to do with an edit of an item, given the version the editor started from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOutcome {
    /// Nobody changed the item meanwhile (or the change is the same): apply it.
    Apply,
    /// The item changed meanwhile to a different text: keep the stored text and add the
    /// incoming one as a new note in the same block.
    KeepBoth,
    /// The item changed meanwhile but the incoming text equals it: nothing to do.
    AlreadyThere,
}

pub fn resolve_edit(
    current_version: i64,
    current_text: &str,
    base_version: i64,
    incoming_text: &str,
) -> EditOutcome {
    if base_version >= current_version {
        EditOutcome::Apply
    } else if current_text == incoming_text {
        EditOutcome::AlreadyThere
    } else {
        EditOutcome::KeepBoth
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stale_edits_never_lose_text() {
        assert_eq!(resolve_edit(3, "a", 3, "b"), EditOutcome::Apply);
        assert_eq!(resolve_edit(4, "a", 3, "b"), EditOutcome::KeepBoth);
        assert_eq!(resolve_edit(4, "b", 3, "b"), EditOutcome::AlreadyThere);
        // A client ahead of the server (should not happen) still applies: nothing is lost.
        assert_eq!(resolve_edit(2, "a", 5, "b"), EditOutcome::Apply);
    }
}
