//! The deployment kit (issue 21): what the network gives each licensed centre (guides and the
//! operations manual, offer templates, courses, diagnostics, canvas examples, the standard
//! equipment list, checklists, the opening plan), in numbered versions. A centre holds its
//! own copy of the items at the version it took; a newer version shows it exactly what changed
//! (items added, removed, retitled, and the lines of each text added and removed) and it takes
//! the changes it wants.
use crate::centre::CentreKind;
use crate::licence::Status;

/// Longest item title.
pub const MAX_TITLE: usize = 120;
/// Longest item text (a manual chapter).
pub const MAX_BODY: usize = 60_000;
/// Longest version notes.
pub const MAX_NOTES: usize = 2_000;

/// The parts of the kit, in the order the pages show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Manual,
    Guide,
    Offer,
    Course,
    Diagnostic,
    Canvas,
    Equipment,
    Checklist,
    Opening,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Manual,
        Section::Guide,
        Section::Offer,
        Section::Course,
        Section::Diagnostic,
        Section::Canvas,
        Section::Equipment,
        Section::Checklist,
        Section::Opening,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Section::Manual => "manual",
            Section::Guide => "guide",
            Section::Offer => "offer",
            Section::Course => "course",
            Section::Diagnostic => "diagnostic",
            Section::Canvas => "canvas",
            Section::Equipment => "equipment",
            Section::Checklist => "checklist",
            Section::Opening => "opening",
        }
    }

    pub fn parse(code: &str) -> Result<Section, KitError> {
        Section::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
            .ok_or(KitError::Section)
    }

    /// The catalogue key of its name (`kit-section-manual`).
    pub fn label_key(self) -> String {
        format!("kit-section-{}", self.code())
    }
}

/// Why a kit form is refused; each has its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KitError {
    Required,
    TooLong,
    Section,
    /// Publishing a draft identical to the version before it.
    NothingChanged,
    /// Publishing a draft with no item.
    Empty,
}

impl KitError {
    pub fn message_key(self) -> &'static str {
        match self {
            KitError::Required => "kit-error-required",
            KitError::TooLong => "kit-error-too-long",
            KitError::Section => "kit-error-section",
            KitError::NothingChanged => "kit-error-nothing-changed",
            KitError::Empty => "kit-error-empty",
        }
    }
}

/// A text field trimmed and bounded (`required`: not empty).
pub fn text(input: &str, max: usize, required: bool) -> Result<String, KitError> {
    let t = input.trim().replace("\r\n", "\n");
    if required && t.is_empty() {
        return Err(KitError::Required);
    }
    if t.chars().count() > max {
        return Err(KitError::TooLong);
    }
    Ok(t)
}

/// The stable key of an item from its section and title (`manual/accueillir-un-porteur`): it
/// names the item across versions, so a retitled item stays the same item.
pub fn key_of(section: Section, title: &str) -> String {
    let slug = crate::slug::Slug::from_name(title)
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|_| "element".into());
    format!("{}/{slug}", section.code())
}

/// One item of a kit version or of a centre's copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub section: Section,
    pub title: String,
    pub body: String,
}

/// Whether a line of a text was kept, added or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Same,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub op: Op,
    pub text: String,
}

/// What happened to one item between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    pub section: Section,
    pub kind: ChangeKind,
    /// The title it had before, when it changed (or was removed).
    pub old_title: Option<String>,
    pub title: String,
    /// The text's lines added and removed, with the kept lines around them
    /// ([`CONTEXT`] each side); empty when only the title changed.
    pub lines: Vec<Line>,
}

/// Kept lines shown around each change of a text.
pub const CONTEXT: usize = 1;

/// The line diff of two texts (longest common subsequence), every line marked.
pub fn line_diff(old: &str, new: &str) -> Vec<Line> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    // Trim the common head and tail first: texts differ in a few places.
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    // lcs[i][j]: the common length of ma[i..] and mb[j..].
    let mut lcs = vec![vec![0u32; mb.len() + 1]; ma.len() + 1];
    for i in (0..ma.len()).rev() {
        for j in (0..mb.len()).rev() {
            lcs[i][j] = if ma[i] == mb[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let line = |op, text: &str| Line {
        op,
        text: text.to_string(),
    };
    let mut out: Vec<Line> = a[..head].iter().map(|t| line(Op::Same, t)).collect();
    let (mut i, mut j) = (0, 0);
    while i < ma.len() || j < mb.len() {
        if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
            out.push(line(Op::Same, ma[i]));
            i += 1;
            j += 1;
        } else if i < ma.len() && (j == mb.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            // At equal length, the removed line before the one that replaces it.
            out.push(line(Op::Removed, ma[i]));
            i += 1;
        } else {
            out.push(line(Op::Added, mb[j]));
            j += 1;
        }
    }
    out.extend(a[a.len() - tail..].iter().map(|t| line(Op::Same, t)));
    out
}

/// The changed lines of a diff with [`CONTEXT`] kept lines around each.
fn around_changes(lines: Vec<Line>) -> Vec<Line> {
    let near = |k: usize| {
        let from = k.saturating_sub(CONTEXT);
        let to = (k + CONTEXT + 1).min(lines.len());
        lines[from..to].iter().any(|l| l.op != Op::Same)
    };
    let keep: Vec<bool> = (0..lines.len()).map(near).collect();
    lines
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(l, _)| l)
        .collect()
}

/// What changed from one set of items to another, in section then title order: each item
/// added, removed or changed (title or text), with the text's changed lines.
pub fn changes(old: &[Item], new: &[Item]) -> Vec<Change> {
    let mut out = Vec::new();
    for n in new {
        match old.iter().find(|o| o.key == n.key) {
            None => out.push(Change {
                key: n.key.clone(),
                section: n.section,
                kind: ChangeKind::Added,
                old_title: None,
                title: n.title.clone(),
                lines: line_diff("", &n.body),
            }),
            Some(o) if o.title != n.title || o.body != n.body || o.section != n.section => out
                .push(Change {
                    key: n.key.clone(),
                    section: n.section,
                    kind: ChangeKind::Changed,
                    old_title: (o.title != n.title).then(|| o.title.clone()),
                    title: n.title.clone(),
                    lines: around_changes(line_diff(&o.body, &n.body)),
                }),
            Some(_) => {}
        }
    }
    for o in old.iter().filter(|o| !new.iter().any(|n| n.key == o.key)) {
        out.push(Change {
            key: o.key.clone(),
            section: o.section,
            kind: ChangeKind::Removed,
            old_title: Some(o.title.clone()),
            title: o.title.clone(),
            lines: Vec::new(),
        });
    }
    out.sort_by(|a, b| a.section.cmp(&b.section).then(a.title.cmp(&b.title)));
    out
}

/// Whether a centre's staff may read the kit: the network's own studio always; a micro-centre
/// while it holds a licence (in force, or suspended: its sales stop, its work goes on), never
/// before its licence is signed nor after it expired.
pub fn may_read(kind: CentreKind, licence: Option<Status>) -> bool {
    kind == CentreKind::Studio || matches!(licence, Some(Status::Active | Status::Suspended))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &str, title: &str, body: &str) -> Item {
        Item {
            key: key.into(),
            section: Section::parse(key.split('/').next().unwrap_or("")).unwrap(),
            title: title.into(),
            body: body.into(),
        }
    }

    fn ops(lines: &[Line]) -> Vec<(Op, &str)> {
        lines.iter().map(|l| (l.op, l.text.as_str())).collect()
    }

    #[test]
    fn a_line_diff_marks_exactly_the_lines_added_and_removed() {
        let d = line_diff("a\nb\nc\nd", "a\nc\nx\nd");
        assert_eq!(
            ops(&d),
            vec![
                (Op::Same, "a"),
                (Op::Removed, "b"),
                (Op::Same, "c"),
                (Op::Added, "x"),
                (Op::Same, "d"),
            ]
        );
        assert!(
            line_diff("same\ntext", "same\ntext")
                .iter()
                .all(|l| l.op == Op::Same)
        );
        assert_eq!(ops(&line_diff("", "one")), vec![(Op::Added, "one")]);
        assert_eq!(ops(&line_diff("one", "")), vec![(Op::Removed, "one")]);
    }

    #[test]
    fn changes_name_each_item_added_removed_or_changed_with_its_lines() {
        let old = vec![
            item("manual/accueil", "Accueil", "Bonjour\nFiche\nRendez-vous"),
            item("checklist/matin", "Ouverture", "- Lumières\n- Café"),
            item("guide/ancien", "Ancien guide", "texte"),
        ];
        let new = vec![
            item(
                "manual/accueil",
                "Accueillir",
                "Bonjour\nFiche de contact\nRendez-vous",
            ),
            item("checklist/matin", "Ouverture", "- Lumières\n- Café"),
            item("equipment/liste", "Équipement", "- 8 chaises"),
        ];
        let c = changes(&old, &new);
        assert_eq!(c.len(), 3, "{c:?}");
        assert_eq!(c[0].kind, ChangeKind::Changed);
        assert_eq!(c[0].old_title.as_deref(), Some("Accueil"));
        assert_eq!(
            ops(&c[0].lines),
            vec![
                (Op::Same, "Bonjour"),
                (Op::Removed, "Fiche"),
                (Op::Added, "Fiche de contact"),
                (Op::Same, "Rendez-vous"),
            ]
        );
        assert_eq!(
            (c[1].kind, c[1].key.as_str()),
            (ChangeKind::Removed, "guide/ancien")
        );
        assert_eq!(
            (c[2].kind, c[2].key.as_str()),
            (ChangeKind::Added, "equipment/liste")
        );
        assert_eq!(ops(&c[2].lines), vec![(Op::Added, "- 8 chaises")]);
        assert!(changes(&new, &new).is_empty());
    }

    #[test]
    fn a_long_text_shows_only_the_lines_around_its_change() {
        let old: String = (1..=20).map(|n| format!("ligne {n}\n")).collect();
        let new = old.replace("ligne 10\n", "ligne dix\n");
        let c = changes(
            &[item("manual/m", "M", &old)],
            &[item("manual/m", "M", &new)],
        );
        assert_eq!(
            ops(&c[0].lines),
            vec![
                (Op::Same, "ligne 9"),
                (Op::Removed, "ligne 10"),
                (Op::Added, "ligne dix"),
                (Op::Same, "ligne 11"),
            ]
        );
    }

    #[test]
    fn keys_stay_with_the_section_and_the_title_slug() {
        assert_eq!(
            key_of(Section::Manual, "Accueillir un porteur de projet"),
            "manual/accueillir-un-porteur-de-projet"
        );
        assert_eq!(Section::parse("opening"), Ok(Section::Opening));
        assert_eq!(Section::parse("autre"), Err(KitError::Section));
        assert_eq!(text("  ", 10, true), Err(KitError::Required));
        assert_eq!(text("abcdef", 3, false), Err(KitError::TooLong));
    }

    #[test]
    fn only_the_studio_and_licensed_centres_read_the_kit() {
        assert!(may_read(CentreKind::Studio, None));
        assert!(may_read(CentreKind::MicroCentre, Some(Status::Active)));
        assert!(may_read(CentreKind::MicroCentre, Some(Status::Suspended)));
        assert!(!may_read(CentreKind::MicroCentre, Some(Status::Expired)));
        assert!(!may_read(CentreKind::MicroCentre, Some(Status::Draft)));
        assert!(!may_read(CentreKind::MicroCentre, None));
    }
}
