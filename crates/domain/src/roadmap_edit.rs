//! Editing a roadmap in the web: add, edit, move and delete items and periods, and importing a
//! new version of the file over it. Every change says where each surviving item went, so that
//! what hangs off an item's position (owner, due date, notes, links) follows it; and a change is
//! refused unless the roadmap still writes back to a file that reads the same.
use crate::roadmap::{Item, MAX_ITEMS, Period, Roadmap, parse};
use thiserror::Error;

/// (phase, period, item), from 0.
pub type Pos = (usize, usize, usize);

/// Longest item text or period heading.
pub const MAX_TEXT: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    AddItem {
        phase: usize,
        period: usize,
        text: String,
    },
    EditItem {
        at: Pos,
        text: String,
    },
    DeleteItem {
        at: Pos,
    },
    /// Moves an item to `index` of another (or the same) period; the index is clamped.
    MoveItem {
        at: Pos,
        phase: usize,
        period: usize,
        index: usize,
    },
    AddPeriod {
        phase: usize,
        heading: String,
    },
    RenamePeriod {
        phase: usize,
        period: usize,
        heading: String,
    },
    /// Deletes a period with its items.
    DeletePeriod {
        phase: usize,
        period: usize,
    },
    /// Moves a period one place earlier (`up`) or later within its phase.
    MovePeriod {
        phase: usize,
        period: usize,
        up: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum EditError {
    #[error("no such item or period")]
    NotFound,
    #[error("the text is empty")]
    Empty,
    #[error("the text is too long")]
    TooLong,
    #[error("too many items")]
    TooManyItems,
    #[error("the roadmap would not read back the same")]
    NotWritable,
}

impl EditError {
    pub fn message_key(self) -> &'static str {
        match self {
            EditError::NotFound => "roadmap-edit-not-found",
            EditError::Empty => "error-required",
            EditError::TooLong => "error-too-long",
            EditError::TooManyItems => "roadmap-error-too-many-items",
            EditError::NotWritable => "roadmap-edit-not-writable",
        }
    }
}

/// A one-line text: line breaks become spaces, spaces around are trimmed.
fn one_line(text: &str) -> Result<String, EditError> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        Err(EditError::Empty)
    } else if text.chars().count() > MAX_TEXT {
        Err(EditError::TooLong)
    } else {
        Ok(text)
    }
}

/// The roadmap's shape with, in each item's place, where that item was before the change.
type Origins = Vec<Vec<Vec<Option<Pos>>>>;

fn origins(doc: &Roadmap) -> Origins {
    doc.phases
        .iter()
        .enumerate()
        .map(|(p, phase)| {
            phase
                .periods
                .iter()
                .enumerate()
                .map(|(q, period)| (0..period.items.len()).map(|i| Some((p, q, i))).collect())
                .collect()
        })
        .collect()
}

/// Applies `edit`; returns (before, after) for every item that is still there. On an error the
/// roadmap is left as it was.
pub fn apply(doc: &mut Roadmap, edit: &Edit) -> Result<Vec<(Pos, Pos)>, EditError> {
    let mut next = doc.clone();
    let mut from = origins(doc);
    change(&mut next, &mut from, edit)?;
    // The document is stored as parsed Markdown: it must still read back as itself.
    if parse(&next.render()).as_ref() != Ok(&next) {
        return Err(EditError::NotWritable);
    }
    *doc = next;
    let mut moves = Vec::new();
    for (p, periods) in from.iter().enumerate() {
        for (q, items) in periods.iter().enumerate() {
            for (i, origin) in items.iter().enumerate() {
                if let Some(before) = origin {
                    moves.push((*before, (p, q, i)));
                }
            }
        }
    }
    Ok(moves)
}

fn period_mut<'a>(
    doc: &'a mut Roadmap,
    from: &'a mut Origins,
    phase: usize,
    period: usize,
) -> Result<(&'a mut Period, &'a mut Vec<Option<Pos>>), EditError> {
    let p = doc
        .phases
        .get_mut(phase)
        .and_then(|p| p.periods.get_mut(period))
        .ok_or(EditError::NotFound)?;
    let o = from
        .get_mut(phase)
        .and_then(|p| p.get_mut(period))
        .ok_or(EditError::NotFound)?;
    Ok((p, o))
}

fn change(doc: &mut Roadmap, from: &mut Origins, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddItem {
            phase,
            period,
            text,
        } => {
            let text = one_line(text)?;
            if doc.item_count() >= MAX_ITEMS {
                return Err(EditError::TooManyItems);
            }
            let (p, o) = period_mut(doc, from, *phase, *period)?;
            p.items.push(Item::new(&text, false));
            o.push(None);
        }
        Edit::EditItem { at, text } => {
            let text = one_line(text)?;
            let (p, _) = period_mut(doc, from, at.0, at.1)?;
            p.items.get_mut(at.2).ok_or(EditError::NotFound)?.text = text;
        }
        Edit::DeleteItem { at } => {
            let (p, o) = period_mut(doc, from, at.0, at.1)?;
            if at.2 >= p.items.len() {
                return Err(EditError::NotFound);
            }
            p.items.remove(at.2);
            o.remove(at.2);
        }
        Edit::MoveItem {
            at,
            phase,
            period,
            index,
        } => {
            period_mut(doc, from, *phase, *period)?;
            let (p, o) = period_mut(doc, from, at.0, at.1)?;
            if at.2 >= p.items.len() {
                return Err(EditError::NotFound);
            }
            let item = p.items.remove(at.2);
            let origin = o.remove(at.2);
            let (p, o) = period_mut(doc, from, *phase, *period)?;
            let index = (*index).min(p.items.len());
            p.items.insert(index, item);
            o.insert(index, origin);
        }
        Edit::AddPeriod { phase, heading } => {
            let heading = one_line(heading)?;
            let p = doc.phases.get_mut(*phase).ok_or(EditError::NotFound)?;
            p.periods.push(Period::new(&heading));
            from[*phase].push(Vec::new());
        }
        Edit::RenamePeriod {
            phase,
            period,
            heading,
        } => {
            let heading = one_line(heading)?;
            let (p, _) = period_mut(doc, from, *phase, *period)?;
            p.heading = crate::roadmap::Heading::new(&heading);
        }
        Edit::DeletePeriod { phase, period } => {
            period_mut(doc, from, *phase, *period)?;
            doc.phases[*phase].periods.remove(*period);
            from[*phase].remove(*period);
        }
        Edit::MovePeriod { phase, period, up } => {
            period_mut(doc, from, *phase, *period)?;
            let other = if *up {
                period.checked_sub(1).ok_or(EditError::NotFound)?
            } else {
                period + 1
            };
            if other >= doc.phases[*phase].periods.len() {
                return Err(EditError::NotFound);
            }
            doc.phases[*phase].periods.swap(*period, other);
            from[*phase].swap(*period, other);
        }
    }
    Ok(())
}

/// What importing a new version of the file over a roadmap changes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportChanges {
    /// Items of the new file whose text is new: (period heading, text).
    pub added: Vec<(String, String)>,
    /// Items of the roadmap that the new file no longer has: (period heading, text).
    pub removed: Vec<(String, String)>,
    /// Items found again by their text (their details follow them): (before, after).
    pub kept: Vec<(Pos, Pos)>,
    /// Period headings that are new, and those that are gone.
    pub periods_added: Vec<String>,
    pub periods_removed: Vec<String>,
}

impl ImportChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.periods_added.is_empty()
            && self.periods_removed.is_empty()
            && self.kept.iter().all(|(a, b)| a == b)
    }
}

fn items(doc: &Roadmap) -> Vec<(Pos, &str, &str)> {
    let mut out = Vec::new();
    for (p, phase) in doc.phases.iter().enumerate() {
        for (q, period) in phase.periods.iter().enumerate() {
            for (i, item) in period.items.iter().enumerate() {
                out.push(((p, q, i), period.heading.text(), item.text.as_str()));
            }
        }
    }
    out
}

fn headings(doc: &Roadmap) -> Vec<&str> {
    doc.phases
        .iter()
        .flat_map(|p| p.periods.iter().map(|q| q.heading.text()))
        .collect()
}

/// Compares a roadmap with a new version of its file: an item whose text did not change is the
/// same item (the first one not yet matched, in reading order), wherever it now stands.
pub fn compare(old: &Roadmap, new: &Roadmap) -> ImportChanges {
    let before = items(old);
    let mut used = vec![false; before.len()];
    let mut changes = ImportChanges::default();
    for (pos, heading, text) in items(new) {
        let found = before
            .iter()
            .enumerate()
            .find(|(k, (_, _, t))| !used[*k] && t.trim() == text.trim());
        match found {
            Some((k, (old_pos, _, _))) => {
                used[k] = true;
                changes.kept.push((*old_pos, pos));
            }
            None => changes.added.push((heading.to_string(), text.to_string())),
        }
    }
    for (k, (_, heading, text)) in before.iter().enumerate() {
        if !used[k] {
            changes
                .removed
                .push((heading.to_string(), text.to_string()));
        }
    }
    let (old_h, new_h) = (headings(old), headings(new));
    changes.periods_added = new_h
        .iter()
        .filter(|h| !old_h.contains(h))
        .map(|h| h.to_string())
        .collect();
    changes.periods_removed = old_h
        .iter()
        .filter(|h| !new_h.contains(h))
        .map(|h| h.to_string())
        .collect();
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# R\n## Phase 1: A\n### Mois 1: Un\n- [ ] a\n- [x] b\n### Mois 2: Deux\n- [ ] c\n## Phase 2: B\n### Mois 3: Trois\n- [ ] d\n";

    fn doc() -> Roadmap {
        parse(DOC).unwrap()
    }

    #[test]
    fn items_are_added_edited_moved_and_deleted_and_their_places_followed() {
        let mut r = doc();
        let moves = apply(
            &mut r,
            &Edit::AddItem {
                phase: 0,
                period: 1,
                text: "  nouvelle\n action ".into(),
            },
        )
        .unwrap();
        assert_eq!(r.phases[0].periods[1].items[1].text, "nouvelle action");
        assert_eq!(moves.len(), 4, "the new item came from nowhere");
        assert!(
            r.render()
                .contains("- [ ] c\n- [ ] nouvelle action\n## Phase 2")
        );

        let moves = apply(
            &mut r,
            &Edit::MoveItem {
                at: (0, 0, 0),
                phase: 1,
                period: 0,
                index: 0,
            },
        )
        .unwrap();
        assert_eq!(r.phases[1].periods[0].items[0].text, "a");
        assert!(moves.contains(&((0, 0, 0), (1, 0, 0))));
        assert!(
            moves.contains(&((0, 0, 1), (0, 0, 0))),
            "b moved up in its period"
        );
        assert!(moves.contains(&((1, 0, 0), (1, 0, 1))));

        let moves = apply(&mut r, &Edit::DeleteItem { at: (0, 0, 0) }).unwrap();
        assert!(r.phases[0].periods[0].items.is_empty());
        assert!(!moves.iter().any(|(a, _)| *a == (0, 0, 0)));

        apply(
            &mut r,
            &Edit::EditItem {
                at: (1, 0, 1),
                text: "d, reformulé".into(),
            },
        )
        .unwrap();
        assert_eq!(r.phases[1].periods[0].items[1].text, "d, reformulé");
        assert_eq!(parse(&r.render()).unwrap(), r);
    }

    #[test]
    fn periods_are_added_renamed_moved_and_deleted() {
        let mut r = doc();
        apply(
            &mut r,
            &Edit::AddPeriod {
                phase: 1,
                heading: "Mois 4-5: Lancer".into(),
            },
        )
        .unwrap();
        assert_eq!(r.phases[1].periods[1].months().map(|m| m.last), Some(5));
        let moves = apply(
            &mut r,
            &Edit::MovePeriod {
                phase: 0,
                period: 1,
                up: true,
            },
        )
        .unwrap();
        assert_eq!(r.phases[0].periods[0].heading.text(), "Mois 2: Deux");
        assert!(moves.contains(&((0, 1, 0), (0, 0, 0))));
        assert!(moves.contains(&((0, 0, 1), (0, 1, 1))));
        apply(
            &mut r,
            &Edit::RenamePeriod {
                phase: 0,
                period: 0,
                heading: "Mois 2: Deux, revu".into(),
            },
        )
        .unwrap();
        let moves = apply(
            &mut r,
            &Edit::DeletePeriod {
                phase: 0,
                period: 0,
            },
        )
        .unwrap();
        assert_eq!(r.phases[0].periods.len(), 1);
        assert!(moves.contains(&((0, 1, 0), (0, 0, 0))));
        assert_eq!(parse(&r.render()).unwrap(), r);
    }

    #[test]
    fn bad_edits_change_nothing() {
        let mut r = doc();
        let before = r.clone();
        for edit in [
            Edit::AddItem {
                phase: 0,
                period: 9,
                text: "x".into(),
            },
            Edit::AddItem {
                phase: 0,
                period: 0,
                text: "   ".into(),
            },
            Edit::EditItem {
                at: (0, 0, 0),
                text: "y".repeat(MAX_TEXT + 1),
            },
            Edit::DeleteItem { at: (0, 0, 7) },
            Edit::MovePeriod {
                phase: 0,
                period: 0,
                up: true,
            },
            Edit::MoveItem {
                at: (0, 0, 0),
                phase: 5,
                period: 0,
                index: 0,
            },
            Edit::RenamePeriod {
                phase: 0,
                period: 0,
                heading: "\n \t".into(),
            },
        ] {
            assert!(apply(&mut r, &edit).is_err(), "{edit:?}");
            assert_eq!(r, before, "{edit:?}");
        }
    }

    #[test]
    fn an_import_keeps_items_whose_text_did_not_change() {
        let old = doc();
        let new = parse("# R\n## Phase 1: A\n### Mois 1: Un\n- [ ] b\n- [ ] e\n### Mois 2-3: Deux\n- [ ] c\n## Phase 2: B\n### Mois 3: Trois\n- [ ] a\n").unwrap();
        let changes = compare(&old, &new);
        assert_eq!(
            changes.kept,
            vec![
                ((0, 0, 1), (0, 0, 0)),
                ((0, 1, 0), (0, 1, 0)),
                ((0, 0, 0), (1, 0, 0))
            ]
        );
        assert_eq!(changes.added, vec![("Mois 1: Un".into(), "e".into())]);
        assert_eq!(changes.removed, vec![("Mois 3: Trois".into(), "d".into())]);
        assert_eq!(changes.periods_added, vec!["Mois 2-3: Deux".to_string()]);
        assert_eq!(changes.periods_removed, vec!["Mois 2: Deux".to_string()]);
        assert!(!changes.is_empty());
        assert!(compare(&old, &old).is_empty());
    }
}
