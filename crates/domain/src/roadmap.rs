//! Roadmaps written in Markdown (the format of `feuille-de-route.md`).
//!
//! # Format
//!
//! ```text
//! # Title                                   <- line 1, required
//! free lines (the preamble)
//! ## Phase 1: FONDATIONS (Mois 1-3)          <- any `## ` heading starts a phase
//! free lines (the phase's notes)
//! ### Mois 1: Conception                     <- any `### ` heading inside a phase is a period
//! free lines (the period's notes)
//! - [ ] an item                              <- `- [ ] `, `- [x] ` or `- [X] ` at column 0
//! free lines following an item (continuation text, blank lines)
//! ```
//!
//! * Every line that is neither a heading of level 1 to 3 nor an item is a *free line*, kept
//!   verbatim (blank lines too) where it was written, so that `render(&parse(text)?)` gives back
//!   `text` byte for byte. Level 4 to 6 headings are free lines.
//! * Headings of the form `<Word> <number>: <title>` give a number (`Phase 1: FONDATIONS` → 1,
//!   `Trimestre 2 : Bilan` → 2); a trailing `(<Word> a-b)` or `(<Word> a)` gives a span
//!   (`(Mois 1-3)`). A span or period counts in months when the word is a month word
//!   (`Mois`, `Month`, `Mes`, `Monat`, `Mese`, case-insensitive).
//! * Line endings: the ending of the first line decides (`\n` or `\r\n`). In a `\r\n` file the
//!   `\r` before each `\n` is removed from the lines and written back on render; lines of such a
//!   file that end with a bare `\n` are normalised to `\r\n`. In a `\n` file, lines are kept
//!   verbatim. Whether the file ends with a line ending, and a UTF-8 byte order mark, are kept.
//! * The title must be on line 1. Only one `# ` title. Items must be inside a period, periods
//!   inside a phase. A line that looks like a checkbox (`- [?] x`, `- [] x`, `* [ ] x`, `- [ ]x`)
//!   but is not exactly `- [ ] text`, `- [x] text` or `- [X] text` is refused, and so is an
//!   indented (nested) checkbox. A bullet with a link (`- [Guide](…)`) is a free line.
use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;
use time::{Date, Month};

/// Largest roadmap file accepted, in bytes (1 MiB).
pub const MAX_BYTES: usize = 1024 * 1024;
/// Largest number of items accepted in one roadmap.
pub const MAX_ITEMS: usize = 5_000;

const BOM: char = '\u{feff}';
const MONTH_WORDS: [&str; 9] = [
    "mois", "month", "months", "mes", "meses", "monat", "monate", "mese", "mesi",
];

/// A whole roadmap, with what is needed to write it back identically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roadmap {
    /// The text after `# ` on line 1, verbatim (must not contain a line break).
    pub title: String,
    /// The free lines between the title and the first phase, verbatim, blank lines included.
    /// See [`Roadmap::intro`] for the text without surrounding blank lines.
    pub preamble: Vec<String>,
    pub phases: Vec<Phase>,
    /// The line ending the file is written with.
    pub line_ending: LineEnding,
    /// Whether the last line ends with a line ending.
    pub trailing_newline: bool,
    /// Whether the file starts with a UTF-8 byte order mark.
    #[serde(default)]
    pub bom: bool,
}

/// How lines end in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEnding {
    /// `\n`
    #[default]
    Lf,
    /// `\r\n`
    CrLf,
}

impl LineEnding {
    /// The characters that end a line.
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
        }
    }
}

/// A `## ` section, e.g. `## Phase 1: FONDATIONS (Mois 1-3)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub heading: Heading,
    /// The free lines between the heading and the first period, verbatim, blank lines included.
    pub notes: Vec<String>,
    pub periods: Vec<Period>,
}

/// A `### ` section inside a phase, e.g. `### Mois 4: Approfondissement du Micro-centre`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub heading: Heading,
    /// The free lines between the heading and the first item, verbatim, blank lines included.
    pub notes: Vec<String>,
    pub items: Vec<Item>,
}

/// A checkbox line `- [ ] text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The text after `- [ ] `, verbatim (must not contain a line break nor be blank).
    pub text: String,
    pub done: bool,
    /// The box was written `[X]` rather than `[x]`; kept so the file comes back identical.
    /// Ignored while the item is not done.
    #[serde(default)]
    pub capital_x: bool,
    /// Free lines written after the item and before the next item or heading (continuation
    /// text, blank lines), verbatim.
    #[serde(default)]
    pub trailing: Vec<String>,
}

/// The text of a `## ` or `### ` heading and what was recognised in it. The text is what is
/// written back; the other parts are derived from it and cannot be changed separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "HeadingRepr")]
pub struct Heading {
    text: String,
    label: Option<String>,
    number: Option<u32>,
    /// `6` in `Mois 5-6: …`: the last number of a heading that covers a range.
    last: Option<u32>,
    title: String,
    span: Option<Span>,
}

#[derive(Deserialize)]
struct HeadingRepr {
    text: String,
}

impl From<HeadingRepr> for Heading {
    fn from(r: HeadingRepr) -> Self {
        Heading::new(&r.text)
    }
}

/// A `(<unit> first-last)` suffix of a heading, e.g. `(Mois 1-3)`; `(Mois 4)` has first = last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The word before the numbers, e.g. `Mois`.
    pub unit: String,
    pub first: u32,
    pub last: u32,
}

/// An inclusive range of month numbers, Mois 1 being the start month of the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRange {
    pub first: u32,
    pub last: u32,
}

impl MonthRange {
    /// Whether `month` is within the range.
    pub fn contains(&self, month: u32) -> bool {
        self.first <= month && month <= self.last
    }
}

impl Heading {
    /// Recognises `<Word> <number>: <title> (<Word> a-b)`; every part is optional.
    /// Line feeds in `text` are replaced by spaces.
    pub fn new(text: &str) -> Self {
        let text = text.replace('\n', " ");
        let trimmed = text.trim();
        let (label, number, last, rest) = match split_numbered(trimmed) {
            Some((label, number, last, rest)) => {
                (Some(label.to_string()), Some(number), last, rest)
            }
            None => (None, None, None, trimmed),
        };
        let (title, span) = match split_span(rest) {
            Some((title, span)) => (title, Some(span)),
            None => (rest, None),
        };
        Heading {
            label,
            number,
            last,
            title: title.to_string(),
            span,
            text,
        }
    }
    /// The heading as written after `## ` or `### `.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The word before the number: `Phase`, `Mois`, `Trimestre`…
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }
    pub fn number(&self) -> Option<u32> {
        self.number
    }
    /// The last number of a range (`6` in `Mois 5-6`), or the number itself.
    pub fn last_number(&self) -> Option<u32> {
        self.last.or(self.number)
    }
    /// The name without number nor span, e.g. `FONDATIONS`; the whole trimmed text if there
    /// is neither.
    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn span(&self) -> Option<&Span> {
        self.span.as_ref()
    }
}

/// `Word 12: rest`, `Word 12`, `Word 5-6: rest` → (Word, 12 or 5, the range's last number, rest).
fn split_numbered(s: &str) -> Option<(&str, u32, Option<u32>, &str)> {
    let word_end = s.find(|c: char| !c.is_alphabetic())?;
    if word_end == 0 {
        return None;
    }
    let after_word = &s[word_end..];
    let digits = after_word.trim_start();
    if digits.len() == after_word.len() {
        return None;
    }
    let digits_end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    let number: u32 = digits[..digits_end].parse().ok()?;
    let mut after = digits[digits_end..].trim_start();
    let mut last = None;
    if let Some(range) = after.strip_prefix(['-', '–', '—']) {
        let range = range.trim_start();
        let end = range
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(range.len());
        let second: u32 = range[..end].parse().ok()?;
        if second < number {
            return None;
        }
        last = Some(second);
        after = range[end..].trim_start();
    }
    if after.is_empty() {
        return Some((&s[..word_end], number, last, ""));
    }
    let rest = after.strip_prefix(':')?;
    Some((&s[..word_end], number, last, rest.trim()))
}

/// `title (Word a-b)` → (title, span).
fn split_span(s: &str) -> Option<(&str, Span)> {
    let inner_end = s.strip_suffix(')')?;
    let open = inner_end.rfind('(')?;
    let inner = inner_end[open + 1..].trim();
    let word_end = inner.find(|c: char| !c.is_alphabetic())?;
    if word_end == 0 {
        return None;
    }
    let nums = inner[word_end..].trim_start();
    if nums.len() == inner.len() - word_end {
        return None;
    }
    let first_end = nums
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(nums.len());
    let first: u32 = nums[..first_end].parse().ok()?;
    let after = nums[first_end..].trim_start();
    let last = if after.is_empty() {
        first
    } else {
        let second = after.strip_prefix(['-', '–', '—'])?.trim_start();
        if second.is_empty() || !second.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        second.parse().ok()?
    };
    if last < first {
        return None;
    }
    let span = Span {
        unit: inner[..word_end].to_string(),
        first,
        last,
    };
    Some((s[..open].trim_end(), span))
}

fn is_month_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    MONTH_WORDS.contains(&lower.as_str())
}

/// The free lines without the blank lines around them, joined with `\n`.
fn text_block(lines: &[String]) -> String {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    match (start, end) {
        (Some(s), Some(e)) => lines[s..=e].join("\n"),
        _ => String::new(),
    }
}

impl Phase {
    /// A phase with no notes nor periods.
    pub fn new(heading: &str) -> Self {
        Phase {
            heading: Heading::new(heading),
            notes: Vec::new(),
            periods: Vec::new(),
        }
    }
    /// `FONDATIONS` in `Phase 1: FONDATIONS (Mois 1-3)`.
    pub fn title(&self) -> &str {
        self.heading.title()
    }
    /// `1` in `Phase 1: FONDATIONS (Mois 1-3)`.
    pub fn number(&self) -> Option<u32> {
        self.heading.number()
    }
    /// `1..=3` in `Phase 1: FONDATIONS (Mois 1-3)`: only when the span counts months.
    pub fn months(&self) -> Option<MonthRange> {
        self.heading
            .span()
            .filter(|s| is_month_word(&s.unit))
            .map(|s| MonthRange {
                first: s.first,
                last: s.last,
            })
    }
    /// The notes without the blank lines around them.
    pub fn notes_text(&self) -> String {
        text_block(&self.notes)
    }
    pub fn item_count(&self) -> usize {
        self.periods.iter().map(|p| p.items.len()).sum()
    }
}

impl Period {
    /// A period with no notes nor items.
    pub fn new(heading: &str) -> Self {
        Period {
            heading: Heading::new(heading),
            notes: Vec::new(),
            items: Vec::new(),
        }
    }
    /// `Conception et modélisation` in `Mois 1: Conception et modélisation`.
    pub fn title(&self) -> &str {
        self.heading.title()
    }
    /// `Mois`, `Trimestre`, `Semaine`… when the heading starts with `<Word> <number>`.
    pub fn label(&self) -> Option<&str> {
        self.heading.label()
    }
    /// `2` in `Trimestre 2: …`, whatever the word.
    pub fn number(&self) -> Option<u32> {
        self.heading.number()
    }
    /// `4` in `Mois 4: …` (`5` in `Mois 5-6: …`): the number only when the word is a month
    /// word.
    pub fn month(&self) -> Option<u32> {
        self.months().map(|m| m.first)
    }
    /// The months a period covers: `4..=4` in `Mois 4: …`, `5..=6` in `Mois 5-6: …`.
    pub fn months(&self) -> Option<MonthRange> {
        match (self.heading.label(), self.heading.number()) {
            (Some(l), Some(first)) if is_month_word(l) => Some(MonthRange {
                first,
                last: self.heading.last_number().unwrap_or(first),
            }),
            _ => None,
        }
    }
    pub fn notes_text(&self) -> String {
        text_block(&self.notes)
    }
}

impl Item {
    /// An item written `- [ ] text` or `- [x] text`, with no trailing lines.
    pub fn new(text: &str, done: bool) -> Self {
        Item {
            text: text.to_string(),
            done,
            capital_x: false,
            trailing: Vec::new(),
        }
    }
    fn mark(&self) -> &'static str {
        match (self.done, self.capital_x) {
            (false, _) => " ",
            (true, false) => "x",
            (true, true) => "X",
        }
    }
}

/// Done and total items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    fn of(items: &[Item]) -> Self {
        Progress {
            done: items.iter().filter(|i| i.done).count(),
            total: items.len(),
        }
    }
    fn add(self, other: Progress) -> Self {
        Progress {
            done: self.done + other.done,
            total: self.total + other.total,
        }
    }
    /// Whole percent done, rounded down; 0 when there is nothing to do.
    pub fn percent(&self) -> u8 {
        if self.total == 0 {
            return 0;
        }
        u8::try_from(self.done.min(self.total) * 100 / self.total).unwrap_or(100)
    }
    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

/// The progress of a roadmap, in the order of its phases and periods.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RoadmapProgress {
    pub overall: Progress,
    pub phases: Vec<PhaseProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PhaseProgress {
    pub overall: Progress,
    pub periods: Vec<Progress>,
}

/// Why a roadmap file was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct RoadmapError {
    /// 1-based line of the problem; 0 when it is about the whole file (size, encoding).
    pub line: usize,
    pub kind: RoadmapErrorKind,
}

/// What is wrong in a roadmap file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RoadmapErrorKind {
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large ({bytes} bytes, at most {limit})")]
    TooLarge { bytes: usize, limit: usize },
    #[error("the file is not valid UTF-8 text")]
    InvalidUtf8,
    #[error("the first line must be the title, written `# Title`")]
    MissingTitle,
    #[error("the title is empty")]
    EmptyTitle,
    #[error("only one `# ` title is allowed")]
    SecondTitle,
    #[error("the heading is empty")]
    EmptyHeading,
    #[error("a period (`### `) must come after a phase (`## `)")]
    PeriodOutsidePhase,
    #[error("an item must come after a period (`### `) inside a phase (`## `)")]
    ItemOutsidePeriod,
    #[error("malformed checkbox: write `- [ ] text` or `- [x] text`")]
    MalformedCheckbox,
    #[error("the item has no text")]
    EmptyItem,
    #[error("nested (indented) items are not supported")]
    NestedItem,
    #[error("too many items (at most {limit})")]
    TooManyItems { limit: usize },
}

impl fmt::Display for RoadmapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "line {}: {}", self.line, self.kind)
        }
    }
}

impl RoadmapError {
    fn at(line: usize, kind: RoadmapErrorKind) -> Self {
        RoadmapError { line, kind }
    }
    /// The i18n catalogue key of the message shown to the user (the line is in `self.line`).
    pub fn message_key(&self) -> &'static str {
        self.kind.message_key()
    }
}

impl RoadmapErrorKind {
    /// The i18n catalogue key of the message shown to the user.
    pub fn message_key(&self) -> &'static str {
        match self {
            RoadmapErrorKind::Empty => "roadmap-error-empty",
            RoadmapErrorKind::TooLarge { .. } => "roadmap-error-too-large",
            RoadmapErrorKind::InvalidUtf8 => "roadmap-error-invalid-utf8",
            RoadmapErrorKind::MissingTitle => "roadmap-error-missing-title",
            RoadmapErrorKind::EmptyTitle => "roadmap-error-empty-title",
            RoadmapErrorKind::SecondTitle => "roadmap-error-second-title",
            RoadmapErrorKind::EmptyHeading => "roadmap-error-empty-heading",
            RoadmapErrorKind::PeriodOutsidePhase => "roadmap-error-period-outside-phase",
            RoadmapErrorKind::ItemOutsidePeriod => "roadmap-error-item-outside-period",
            RoadmapErrorKind::MalformedCheckbox => "roadmap-error-malformed-checkbox",
            RoadmapErrorKind::EmptyItem => "roadmap-error-empty-item",
            RoadmapErrorKind::NestedItem => "roadmap-error-nested-item",
            RoadmapErrorKind::TooManyItems { .. } => "roadmap-error-too-many-items",
        }
    }
}

/// What one line is.
enum LineKind<'a> {
    Heading(usize, &'a str),
    Item(Item),
    Free,
}

fn classify(line: &str) -> Result<LineKind<'_>, RoadmapErrorKind> {
    if line.starts_with('#') {
        let level = line.bytes().take_while(|&b| b == b'#').count();
        let rest = &line[level..];
        if level <= 3 {
            if rest.trim().is_empty() {
                return Err(if level == 1 {
                    RoadmapErrorKind::EmptyTitle
                } else {
                    RoadmapErrorKind::EmptyHeading
                });
            }
            if let Some(text) = rest.strip_prefix(' ') {
                return Ok(LineKind::Heading(level, text));
            }
        }
        return Ok(LineKind::Free);
    }
    let body = line.trim_start_matches([' ', '\t']);
    let indented = body.len() != line.len();
    let Some(after_bullet) = body
        .strip_prefix("- ")
        .or_else(|| body.strip_prefix("* "))
        .or_else(|| body.strip_prefix("+ "))
    else {
        return Ok(LineKind::Free);
    };
    let Some(in_box) = after_bullet.strip_prefix('[') else {
        return Ok(LineKind::Free);
    };
    // A checkbox has at most two characters between the brackets; `- [Guide](url)` is a link.
    let Some(close) = in_box.find(']') else {
        return Ok(LineKind::Free);
    };
    let mark = &in_box[..close];
    if mark.chars().count() > 2 {
        return Ok(LineKind::Free);
    }
    if indented {
        return Err(RoadmapErrorKind::NestedItem);
    }
    let (done, capital_x) = match mark {
        " " => (false, false),
        "x" => (true, false),
        "X" => (true, true),
        _ => return Err(RoadmapErrorKind::MalformedCheckbox),
    };
    if !body.starts_with('-') {
        return Err(RoadmapErrorKind::MalformedCheckbox);
    }
    let after_box = &in_box[close + 1..];
    if after_box.trim().is_empty() {
        return Err(RoadmapErrorKind::EmptyItem);
    }
    let Some(text) = after_box.strip_prefix(' ') else {
        return Err(RoadmapErrorKind::MalformedCheckbox);
    };
    Ok(LineKind::Item(Item {
        text: text.to_string(),
        done,
        capital_x,
        trailing: Vec::new(),
    }))
}

/// Parses a roadmap file given as bytes (checks size and UTF-8, then [`parse`]).
pub fn parse_bytes(bytes: &[u8]) -> Result<Roadmap, RoadmapError> {
    check_size(bytes.len())?;
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(RoadmapError::at(line, RoadmapErrorKind::InvalidUtf8))
        }
    }
}

fn check_size(bytes: usize) -> Result<(), RoadmapError> {
    if bytes > MAX_BYTES {
        return Err(RoadmapError::at(
            0,
            RoadmapErrorKind::TooLarge {
                bytes,
                limit: MAX_BYTES,
            },
        ));
    }
    Ok(())
}

/// Parses a roadmap file. See the module documentation for the format.
pub fn parse(text: &str) -> Result<Roadmap, RoadmapError> {
    check_size(text.len())?;
    let (bom, text) = match text.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if text.trim().is_empty() {
        return Err(RoadmapError::at(1, RoadmapErrorKind::Empty));
    }
    let (body, trailing_newline) = match text.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (text, false),
    };
    let line_ending = match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => LineEnding::CrLf,
        _ => LineEnding::Lf,
    };
    let mut raw_lines = body.split('\n').collect::<Vec<_>>();
    if line_ending == LineEnding::CrLf {
        // Every line but an unterminated last one lost its `\n`; remove the `\r` before it.
        let terminated = if trailing_newline {
            raw_lines.len()
        } else {
            raw_lines.len() - 1
        };
        for l in raw_lines.iter_mut().take(terminated) {
            if let Some(s) = l.strip_suffix('\r') {
                *l = s;
            }
        }
    }

    let mut lines = raw_lines.into_iter().enumerate().map(|(i, l)| (i + 1, l));
    let title = match lines.next() {
        Some((n, first)) => match classify(first) {
            Ok(LineKind::Heading(1, t)) => t.to_string(),
            Err(RoadmapErrorKind::EmptyTitle) => {
                return Err(RoadmapError::at(n, RoadmapErrorKind::EmptyTitle));
            }
            _ => return Err(RoadmapError::at(n, RoadmapErrorKind::MissingTitle)),
        },
        None => return Err(RoadmapError::at(1, RoadmapErrorKind::Empty)),
    };
    let mut roadmap = Roadmap {
        title,
        preamble: Vec::new(),
        phases: Vec::new(),
        line_ending,
        trailing_newline,
        bom,
    };
    let mut items = 0usize;
    for (n, line) in lines {
        let kind = classify(line).map_err(|k| {
            RoadmapError::at(
                n,
                if k == RoadmapErrorKind::EmptyTitle {
                    RoadmapErrorKind::SecondTitle
                } else {
                    k
                },
            )
        })?;
        match kind {
            LineKind::Heading(1, _) => {
                return Err(RoadmapError::at(n, RoadmapErrorKind::SecondTitle));
            }
            LineKind::Heading(2, text) => roadmap.phases.push(Phase::new(text)),
            LineKind::Heading(_, text) => match roadmap.phases.last_mut() {
                Some(phase) => phase.periods.push(Period::new(text)),
                None => return Err(RoadmapError::at(n, RoadmapErrorKind::PeriodOutsidePhase)),
            },
            LineKind::Item(item) => {
                let Some(period) = roadmap.phases.last_mut().and_then(|p| p.periods.last_mut())
                else {
                    return Err(RoadmapError::at(n, RoadmapErrorKind::ItemOutsidePeriod));
                };
                items += 1;
                if items > MAX_ITEMS {
                    return Err(RoadmapError::at(
                        n,
                        RoadmapErrorKind::TooManyItems { limit: MAX_ITEMS },
                    ));
                }
                period.items.push(item);
            }
            LineKind::Free => {
                let sink = match roadmap.phases.last_mut() {
                    None => &mut roadmap.preamble,
                    Some(phase) => match phase.periods.last_mut() {
                        None => &mut phase.notes,
                        Some(period) => match period.items.last_mut() {
                            None => &mut period.notes,
                            Some(item) => &mut item.trailing,
                        },
                    },
                };
                sink.push(line.to_string());
            }
        }
    }
    Ok(roadmap)
}

/// Writes a roadmap back as Markdown; `render(&parse(text)?) == text` for files whose lines
/// all end the same way.
pub fn render(roadmap: &Roadmap) -> String {
    let eol = roadmap.line_ending.as_str();
    let mut out = String::new();
    if roadmap.bom {
        out.push(BOM);
    }
    let mut first = true;
    let mut line = |out: &mut String, parts: &[&str]| {
        if !first {
            out.push_str(eol);
        }
        first = false;
        for p in parts {
            out.push_str(p);
        }
    };
    line(&mut out, &["# ", &roadmap.title]);
    for l in &roadmap.preamble {
        line(&mut out, &[l]);
    }
    for phase in &roadmap.phases {
        line(&mut out, &["## ", phase.heading.text()]);
        for l in &phase.notes {
            line(&mut out, &[l]);
        }
        for period in &phase.periods {
            line(&mut out, &["### ", period.heading.text()]);
            for l in &period.notes {
                line(&mut out, &[l]);
            }
            for item in &period.items {
                line(&mut out, &["- [", item.mark(), "] ", &item.text]);
                for l in &item.trailing {
                    line(&mut out, &[l]);
                }
            }
        }
    }
    if roadmap.trailing_newline {
        out.push_str(eol);
    }
    out
}

impl std::str::FromStr for Roadmap {
    type Err = RoadmapError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s)
    }
}

impl Roadmap {
    /// See [`parse`].
    pub fn parse(text: &str) -> Result<Self, RoadmapError> {
        parse(text)
    }
    /// See [`render`].
    pub fn render(&self) -> String {
        render(self)
    }
    /// The preamble without the blank lines around it.
    pub fn intro(&self) -> String {
        text_block(&self.preamble)
    }
    pub fn period_count(&self) -> usize {
        self.phases.iter().map(|p| p.periods.len()).sum()
    }
    pub fn item_count(&self) -> usize {
        self.phases.iter().map(Phase::item_count).sum()
    }
    pub fn item(&self, phase: usize, period: usize, item: usize) -> Option<&Item> {
        self.phases.get(phase)?.periods.get(period)?.items.get(item)
    }
    /// Checks or unchecks an item (indices from 0). Returns `false` when there is no such item.
    pub fn set_done(&mut self, phase: usize, period: usize, item: usize, done: bool) -> bool {
        let found = self
            .phases
            .get_mut(phase)
            .and_then(|p| p.periods.get_mut(period))
            .and_then(|p| p.items.get_mut(item));
        match found {
            Some(i) => {
                i.done = done;
                true
            }
            None => false,
        }
    }
    /// Done/total items per period, per phase and overall.
    pub fn progress(&self) -> RoadmapProgress {
        let phases: Vec<PhaseProgress> = self
            .phases
            .iter()
            .map(|phase| {
                let periods: Vec<Progress> = phase
                    .periods
                    .iter()
                    .map(|p| Progress::of(&p.items))
                    .collect();
                let overall = periods.iter().fold(Progress::default(), |a, &b| a.add(b));
                PhaseProgress { overall, periods }
            })
            .collect();
        let overall = phases
            .iter()
            .fold(Progress::default(), |a, b| a.add(b.overall));
        RoadmapProgress { overall, phases }
    }
    /// The (phase, period) indices of the first period whose month (`Mois N`) is the month of
    /// `today`, Mois 1 being the month of `start`.
    pub fn current_period(&self, start: Date, today: Date) -> Option<(usize, usize)> {
        let month = month_number(start, today)?;
        self.phases.iter().enumerate().find_map(|(pi, phase)| {
            phase
                .periods
                .iter()
                .position(|p| p.months().is_some_and(|m| m.contains(month)))
                .map(|qi| (pi, qi))
        })
    }
    /// The index of the first phase whose month span (`(Mois a-b)`) holds the month of `today`,
    /// or else which holds the current period.
    pub fn current_phase(&self, start: Date, today: Date) -> Option<usize> {
        let month = month_number(start, today)?;
        self.phases
            .iter()
            .position(|p| p.months().is_some_and(|m| m.contains(month)))
            .or_else(|| self.current_period(start, today).map(|(p, _)| p))
    }
}

/// The first day of month `month_number` of a project started on `start`: Mois 1 is the month
/// of `start`. `None` for month 0 or beyond the dates `time` can represent.
pub fn period_start(start: Date, month_number: u32) -> Option<Date> {
    let offset = i64::from(month_number.checked_sub(1)?);
    let index = i64::from(start.year()) * 12 + i64::from(u8::from(start.month())) - 1 + offset;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    Date::from_calendar_date(year, month, 1).ok()
}

/// The last day of month `month_number` of a project started on `start`.
pub fn period_end(start: Date, month_number: u32) -> Option<Date> {
    let first = period_start(start, month_number)?;
    first.replace_day(first.month().length(first.year())).ok()
}

/// Which month of the project `date` falls in (Mois 1 is the month of `start`); `None` before
/// the start month.
pub fn month_number(start: Date, date: Date) -> Option<u32> {
    let index = |d: Date| i64::from(d.year()) * 12 + i64::from(u8::from(d.month()));
    u32::try_from(index(date) - index(start) + 1)
        .ok()
        .filter(|&m| m >= 1)
}
