//! Named versions of a canvas: the notes as they were, and a readable difference between two
//! moments (what was added, removed, rewritten or moved, block by block).
use super::template;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One note as it was when the version was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotItem {
    pub id: i64,
    pub block: String,
    pub text: String,
    pub colour: String,
    pub status: String,
    pub evidence: String,
}

/// A change to one note between two moments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteChange {
    Added(SnapshotItem),
    Removed(SnapshotItem),
    /// Its text, colour, status or evidence changed.
    Edited {
        before: SnapshotItem,
        after: SnapshotItem,
    },
    /// It went to another block (it may also have been edited: see `before`).
    Moved {
        before: SnapshotItem,
        after: SnapshotItem,
    },
}

/// The changes of one block, in the template's order of blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockChanges {
    pub block: String,
    pub changes: Vec<NoteChange>,
}

/// What changed from `old` to `new`, notes matched by their id. Unchanged blocks are left out;
/// a moved note is listed under the block it went to.
pub fn diff(old: &[SnapshotItem], new: &[SnapshotItem]) -> Vec<BlockChanges> {
    let before: HashMap<i64, &SnapshotItem> = old.iter().map(|i| (i.id, i)).collect();
    let after: HashMap<i64, &SnapshotItem> = new.iter().map(|i| (i.id, i)).collect();
    let mut by_block: HashMap<&str, Vec<NoteChange>> = HashMap::new();
    for item in new {
        let change = match before.get(&item.id) {
            None => Some(NoteChange::Added(item.clone())),
            Some(was) if was.block != item.block => Some(NoteChange::Moved {
                before: (*was).clone(),
                after: item.clone(),
            }),
            Some(was) if *was != item => Some(NoteChange::Edited {
                before: (*was).clone(),
                after: item.clone(),
            }),
            Some(_) => None,
        };
        if let Some(change) = change {
            by_block
                .entry(item.block.as_str())
                .or_default()
                .push(change);
        }
    }
    for item in old.iter().filter(|i| !after.contains_key(&i.id)) {
        by_block
            .entry(item.block.as_str())
            .or_default()
            .push(NoteChange::Removed(item.clone()));
    }
    let t = template();
    let mut blocks: Vec<BlockChanges> = by_block
        .into_iter()
        .map(|(block, changes)| BlockChanges {
            block: block.to_string(),
            changes,
        })
        .collect();
    blocks.sort_by_key(|b| t.order(&b.block));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: i64, block: &str, text: &str) -> SnapshotItem {
        SnapshotItem {
            id,
            block: block.into(),
            text: text.into(),
            colour: "yellow".into(),
            status: "hypothesis".into(),
            evidence: String::new(),
        }
    }

    #[test]
    fn the_difference_names_each_kind_of_change_under_its_block() {
        let old = vec![
            note(1, "local_problem", "Déchets"),
            note(2, "solution", "Atelier"),
            note(3, "risks_assumptions", "Local trop petit"),
            note(4, "partners", "Mairie"),
        ];
        let mut validated = note(4, "partners", "Mairie");
        validated.status = "validated".into();
        let new = vec![
            note(1, "local_problem", "Déchets encombrants"),
            note(2, "value_proposition", "Atelier"),
            validated.clone(),
            note(5, "solution", "Boutique"),
        ];
        let d = diff(&old, &new);
        let blocks: Vec<&str> = d.iter().map(|b| b.block.as_str()).collect();
        assert_eq!(
            blocks,
            [
                "local_problem",
                "solution",
                "value_proposition",
                "partners",
                "risks_assumptions"
            ]
        );
        assert!(
            matches!(&d[0].changes[0], NoteChange::Edited { after, .. } if after.text == "Déchets encombrants")
        );
        assert!(matches!(&d[1].changes[0], NoteChange::Added(i) if i.id == 5));
        assert!(
            matches!(&d[2].changes[0], NoteChange::Moved { before, .. } if before.block == "solution")
        );
        assert!(
            matches!(&d[3].changes[0], NoteChange::Edited { after, .. } if *after == validated)
        );
        assert!(matches!(&d[4].changes[0], NoteChange::Removed(i) if i.id == 3));
        assert!(diff(&new, &new).is_empty());
    }
}
