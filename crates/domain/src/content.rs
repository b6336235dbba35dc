//! Content written by the network team: pages, blog posts, podcast episodes, case studies and
//! guides in chapters. Rules only: kinds and their public addresses, publication status
//! (scheduled items become public once their time has passed, no job needed), limits, tags,
//! key figures, Paris dates typed in forms, podcast durations and the outline of a Markdown
//! document (for the PDF export of a guide).
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Longest title, summary and body accepted (in characters).
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 600;
pub const MAX_BODY: usize = 200_000;
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG: usize = 40;
pub const MAX_FIGURES: usize = 12;

/// Why a content field was refused; each maps to one catalogue key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentError {
    Required,
    TooLong,
    BodyTooLong,
    Slug,
    Date,
    Duration,
    Tags,
    Figures,
    Kind,
    Url,
    Number,
}

impl ContentError {
    pub fn message_key(self) -> &'static str {
        match self {
            ContentError::Required => "error-required",
            ContentError::TooLong => "error-too-long",
            ContentError::BodyTooLong => "content-error-body-too-long",
            ContentError::Slug => "content-error-slug",
            ContentError::Date => "content-error-date",
            ContentError::Duration => "content-error-duration",
            ContentError::Tags => "content-error-tags",
            ContentError::Figures => "content-error-figures",
            ContentError::Kind => "content-error-kind",
            ContentError::Url => "content-error-url",
            ContentError::Number => "content-error-number",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Page,
    Post,
    Episode,
    CaseStudy,
    Guide,
    Chapter,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Page,
        Kind::Post,
        Kind::Episode,
        Kind::CaseStudy,
        Kind::Guide,
        Kind::Chapter,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Post => "post",
            Kind::Episode => "episode",
            Kind::CaseStudy => "case_study",
            Kind::Guide => "guide",
            Kind::Chapter => "chapter",
        }
    }

    pub fn parse(code: &str) -> Result<Kind, ContentError> {
        Kind::ALL
            .into_iter()
            .find(|k| k.code() == code)
            .ok_or(ContentError::Kind)
    }

    /// The catalogue key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Page => "content-kind-page",
            Kind::Post => "content-kind-post",
            Kind::Episode => "content-kind-episode",
            Kind::CaseStudy => "content-kind-case-study",
            Kind::Guide => "content-kind-guide",
            Kind::Chapter => "content-kind-chapter",
        }
    }

    /// Where the public list of this kind lives (pages and chapters have none).
    pub fn list_path(self) -> Option<&'static str> {
        match self {
            Kind::Post => Some("/blog"),
            Kind::Episode => Some("/podcast"),
            Kind::CaseStudy => Some("/etudes-de-cas"),
            Kind::Guide => Some("/guides"),
            Kind::Page | Kind::Chapter => None,
        }
    }

    /// The public address of an item of this kind; a chapter needs its guide's slug.
    pub fn path(self, slug: &str, guide_slug: Option<&str>) -> String {
        match (self, self.list_path()) {
            (Kind::Chapter, _) => format!("/guides/{}/{slug}", guide_slug.unwrap_or("")),
            (_, Some(base)) => format!("{base}/{slug}"),
            (_, None) => format!("/{slug}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    /// Published at `publish_at`, which may still be ahead.
    Scheduled,
    Published,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Draft, Status::Scheduled, Status::Published];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Scheduled => "scheduled",
            Status::Published => "published",
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Status::Draft => "content-status-draft",
            Status::Scheduled => "content-status-scheduled",
            Status::Published => "content-status-published",
        }
    }
}

/// Whether an item is visible to the public at `now`.
pub fn is_public(status: Status, publish_at: Option<i64>, now: i64) -> bool {
    match status {
        Status::Draft => false,
        Status::Scheduled | Status::Published => publish_at.is_some_and(|t| t <= now),
    }
}

/// A required, trimmed, bounded single-line text.
pub fn text(value: &str, max: usize) -> Result<String, ContentError> {
    let v = value.trim();
    if v.is_empty() {
        Err(ContentError::Required)
    } else if v.chars().count() > max {
        Err(ContentError::TooLong)
    } else {
        Ok(v.to_string())
    }
}

/// An optional bounded text (the summary).
pub fn optional_text(value: &str, max: usize) -> Result<String, ContentError> {
    let v = value.trim();
    if v.chars().count() > max {
        Err(ContentError::TooLong)
    } else {
        Ok(v.to_string())
    }
}

/// The Markdown body: kept as typed (line ends made LF), at most [`MAX_BODY`] characters.
pub fn body(value: &str) -> Result<String, ContentError> {
    let v = value.replace("\r\n", "\n");
    if v.chars().count() > MAX_BODY {
        Err(ContentError::BodyTooLong)
    } else {
        Ok(v.trim_end().to_string())
    }
}

/// The slug typed, or one made from the title when left empty.
pub fn slug(value: &str, title: &str) -> Result<String, ContentError> {
    let parsed = if value.trim().is_empty() {
        crate::Slug::from_name(title)
    } else {
        crate::Slug::parse(&value.trim().to_lowercase())
    };
    parsed
        .map(|s| s.as_str().to_string())
        .map_err(|_| ContentError::Slug)
}

/// Tags typed as `économie, alimentation`: trimmed, lower-cased, without duplicates.
pub fn parse_tags(value: &str) -> Result<Vec<String>, ContentError> {
    let mut tags: Vec<String> = Vec::new();
    for raw in value.split(',') {
        let tag = raw.trim().to_lowercase();
        if tag.is_empty() {
            continue;
        }
        if tag.chars().count() > MAX_TAG || tag.chars().any(|c| c.is_control() || c == '|') {
            return Err(ContentError::Tags);
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(ContentError::Tags);
    }
    Ok(tags)
}

/// Tags as stored: `,a,b,` so that one tag is found with `LIKE '%,a,%'`.
pub fn stored_tags(tags: &[String]) -> String {
    if tags.is_empty() {
        String::new()
    } else {
        format!(",{},", tags.join(","))
    }
}

pub fn tags_of(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A key figure of a case study: `12,4` `tonnes` « de déchets évités », and the day it was
/// measured when it was taken from the linked project's measurements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: String,
    pub unit: String,
    pub label: String,
    /// `YYYY-MM-DD`: the figure is a measurement of that day (shown beside it).
    pub measured_on: Option<String>,
}

/// Figures typed one a line as `valeur | unité | libellé` (the unit may be empty), with an
/// optional fourth part, the day of the measurement (`2026-11-03`).
pub fn parse_figures(value: &str) -> Result<Vec<Figure>, ContentError> {
    let mut figures = Vec::new();
    for line in value.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let (value, unit, label, measured_on) = match parts.as_slice() {
            [value, unit, label] => (*value, *unit, *label, None),
            [value, unit, label, day] => {
                let day = crate::tracking::parse_date(day).map_err(|_| ContentError::Figures)?;
                (*value, *unit, *label, Some(crate::tracking::iso(day)))
            }
            _ => return Err(ContentError::Figures),
        };
        if value.is_empty()
            || label.is_empty()
            || value.chars().count() > 20
            || unit.chars().count() > 30
            || label.chars().count() > 120
        {
            return Err(ContentError::Figures);
        }
        figures.push(Figure {
            value: value.to_string(),
            unit: unit.to_string(),
            label: label.to_string(),
            measured_on,
        });
    }
    if figures.len() > MAX_FIGURES {
        return Err(ContentError::Figures);
    }
    Ok(figures)
}

/// Figures back as the text the form shows.
pub fn figures_text(figures: &[Figure]) -> String {
    figures
        .iter()
        .map(|f| match &f.measured_on {
            Some(day) => format!("{} | {} | {} | {day}", f.value, f.unit, f.label),
            None => format!("{} | {} | {}", f.value, f.unit, f.label),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The figures after filling from the project's latest measurements: the figures typed by
/// hand (no date) stay first, in their order; those taken from earlier measurements are
/// replaced by the new ones; at most `MAX_FIGURES` in all.
pub fn with_measured(typed: &[Figure], measured: Vec<Figure>) -> Vec<Figure> {
    typed
        .iter()
        .filter(|f| f.measured_on.is_none())
        .cloned()
        .chain(measured)
        .take(MAX_FIGURES)
        .collect()
}

/// A date and time typed in Paris time (`2026-12-01T09:30`, as an `<input type=datetime-local>`
/// sends it, seconds allowed) as a Unix timestamp.
pub fn parse_paris_datetime(value: &str) -> Result<i64, ContentError> {
    let v = value.trim();
    let (date, time) = v.split_once(['T', ' ']).ok_or(ContentError::Date)?;
    let d: Vec<&str> = date.split('-').collect();
    let t: Vec<&str> = time.split(':').collect();
    let num = |s: &str| -> Result<i64, ContentError> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ContentError::Date);
        }
        s.parse().map_err(|_| ContentError::Date)
    };
    if d.len() != 3 || !(2..=3).contains(&t.len()) {
        return Err(ContentError::Date);
    }
    let year = num(d[0])?;
    let month = u8::try_from(num(d[1])?).map_err(|_| ContentError::Date)?;
    let day = u8::try_from(num(d[2])?).map_err(|_| ContentError::Date)?;
    let hour = u8::try_from(num(t[0])?).map_err(|_| ContentError::Date)?;
    let minute = u8::try_from(num(t[1])?).map_err(|_| ContentError::Date)?;
    let second = match t.get(2) {
        Some(s) => u8::try_from(num(s)?).map_err(|_| ContentError::Date)?,
        None => 0,
    };
    if !(2000..=2200).contains(&year) {
        return Err(ContentError::Date);
    }
    let month = time::Month::try_from(month).map_err(|_| ContentError::Date)?;
    let date =
        time::Date::from_calendar_date(year as i32, month, day).map_err(|_| ContentError::Date)?;
    let local = date
        .with_hms(hour, minute, second)
        .map_err(|_| ContentError::Date)?;
    // The offset of the UTC instant one hour either side decides; try both and keep the one
    // that reads back as the time typed.
    for hours in [1i64, 2] {
        let unix = local.assume_utc().unix_timestamp() - hours * 3600;
        let back = crate::time_zone::to_paris(unix);
        if back.hour() == hour && back.minute() == minute {
            return Ok(unix);
        }
    }
    Err(ContentError::Date)
}

/// A Unix time as the value of an `<input type=datetime-local>`, in Paris time.
pub fn paris_input(unix: i64) -> String {
    let t = crate::time_zone::to_paris(unix);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// A duration typed as `754`, `12:34` or `1:02:03`, in seconds (at most 24 hours).
pub fn parse_duration(value: &str) -> Result<i64, ContentError> {
    let parts: Vec<&str> = value.trim().split(':').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(ContentError::Duration);
    }
    let mut total: i64 = 0;
    for (i, p) in parts.iter().enumerate() {
        let n: i64 = p.parse().map_err(|_| ContentError::Duration)?;
        if i > 0 && n >= 60 {
            return Err(ContentError::Duration);
        }
        total = total * 60 + n;
    }
    if total == 0 || total > 86_400 {
        return Err(ContentError::Duration);
    }
    Ok(total)
}

/// `HH:MM:SS`, as podcast directories read `itunes:duration`.
pub fn clock(seconds: i64) -> String {
    let s = seconds.max(0);
    format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// `M:SS` or `H:MM:SS`, as shown to listeners.
pub fn short_clock(seconds: i64) -> String {
    let s = seconds.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// An optional positive whole number (episode, season).
pub fn optional_number(value: &str) -> Result<Option<i64>, ContentError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    match v.parse::<i64>() {
        Ok(n) if (1..=100_000).contains(&n) => Ok(Some(n)),
        _ => Err(ContentError::Number),
    }
}

/// An optional external audio address: `https://` or `http://` only.
pub fn optional_url(value: &str) -> Result<Option<String>, ContentError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let ok = (v.starts_with("https://") || v.starts_with("http://"))
        && v.len() <= 500
        && v.len() > 10
        && !v
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    if ok {
        Ok(Some(v.to_string()))
    } else {
        Err(ContentError::Url)
    }
}

/// One block of a Markdown document's outline, for layouts that are not HTML (the PDF of a guide).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutlineBlock {
    /// Level 2 to 6 (a `#` heading is level 2, as on the web page).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    Bullets(Vec<String>),
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Quote(String),
}

/// The document as headings, paragraphs, lists, tables and quotes of plain text (inline markup
/// dropped, links kept as their text).
pub fn outline(source: &str) -> Vec<OutlineBlock> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut text = String::new();
    let mut items: Vec<String> = Vec::new();
    let mut list_depth = 0usize;
    let mut in_item = false;
    let mut heading: Option<u8> = None;
    let mut quote = 0usize;
    let mut quote_text = String::new();
    let mut table: Option<(Vec<String>, Vec<Vec<String>>)> = None;
    let mut row: Vec<String> = Vec::new();
    let mut in_head = false;
    for event in Parser::new_ext(source, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8 + 1).min(6));
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(level) = heading.take() {
                    out.push(OutlineBlock::Heading {
                        level,
                        text: text.trim().to_string(),
                    });
                }
                text.clear();
            }
            Event::Start(Tag::List(_)) => {
                if list_depth > 0 && in_item && !text.trim().is_empty() {
                    items.push(text.trim().to_string());
                    text.clear();
                }
                list_depth += 1;
            }
            Event::End(TagEnd::List(_)) => {
                list_depth = list_depth.saturating_sub(1);
                if list_depth == 0 && !items.is_empty() {
                    out.push(OutlineBlock::Bullets(std::mem::take(&mut items)));
                }
            }
            Event::Start(Tag::Item) => {
                in_item = true;
                text.clear();
            }
            Event::End(TagEnd::Item) => {
                if !text.trim().is_empty() {
                    items.push(text.trim().to_string());
                }
                text.clear();
                in_item = list_depth > 1;
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                quote = quote.saturating_sub(1);
                if quote == 0 && !quote_text.trim().is_empty() {
                    out.push(OutlineBlock::Quote(quote_text.trim().to_string()));
                    quote_text.clear();
                }
            }
            Event::Start(Tag::Paragraph) if !in_item => text.clear(),
            Event::End(TagEnd::Paragraph) => {
                if in_item {
                    text.push(' ');
                } else if quote > 0 {
                    quote_text.push_str(text.trim());
                    quote_text.push(' ');
                    text.clear();
                } else if !text.trim().is_empty() {
                    out.push(OutlineBlock::Paragraph(text.trim().to_string()));
                    text.clear();
                }
            }
            Event::Start(Tag::CodeBlock(_)) => text.clear(),
            Event::End(TagEnd::CodeBlock) => {
                if !text.trim().is_empty() {
                    out.push(OutlineBlock::Paragraph(text.trim().to_string()));
                }
                text.clear();
            }
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new())),
            Event::End(TagEnd::Table) => {
                if let Some((columns, rows)) = table.take() {
                    out.push(OutlineBlock::Table { columns, rows });
                }
            }
            Event::Start(Tag::TableHead) => {
                in_head = true;
                row.clear();
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some((columns, _)) = table.as_mut() {
                    *columns = std::mem::take(&mut row);
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if !in_head && let Some((_, rows)) = table.as_mut() {
                    rows.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) => {
                row.push(text.trim().to_string());
                text.clear();
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scheduled_items_wait_for_their_time() {
        assert!(!is_public(Status::Draft, Some(0), 10));
        assert!(!is_public(Status::Scheduled, Some(20), 10));
        assert!(is_public(Status::Scheduled, Some(10), 10));
        assert!(is_public(Status::Published, Some(5), 10));
        assert!(!is_public(Status::Published, None, 10));
    }

    #[test]
    fn paths_of_each_kind() {
        assert_eq!(Kind::Post.path("bonjour", None), "/blog/bonjour");
        assert_eq!(Kind::Page.path("offres", None), "/offres");
        assert_eq!(
            Kind::Chapter.path("le-local", Some("guide-du-micro-centre")),
            "/guides/guide-du-micro-centre/le-local"
        );
        assert_eq!(Kind::parse("case_study"), Ok(Kind::CaseStudy));
        assert_eq!(Kind::parse("tract"), Err(ContentError::Kind));
    }

    #[test]
    fn tags_and_figures() {
        assert_eq!(
            parse_tags(" Économie, alimentation,économie ,").unwrap(),
            vec!["économie", "alimentation"]
        );
        assert_eq!(stored_tags(&["a".into(), "b".into()]), ",a,b,");
        assert_eq!(tags_of(",a,b,"), vec!["a", "b"]);
        assert!(parse_tags(&"x,".repeat(20)).is_ok());
        assert!(
            parse_tags(
                &(0..20)
                    .map(|i| format!("t{i}"))
                    .collect::<Vec<_>>()
                    .join(",")
            )
            .is_err()
        );
        let f = parse_figures("12,4 | t | de déchets évités\n\n38 |  | bénévoles").unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].unit, "");
        assert_eq!(parse_figures(&figures_text(&f)).unwrap(), f);
        assert_eq!(parse_figures("12 tonnes"), Err(ContentError::Figures));
        // A measured figure carries its day, written back as typed.
        let m = parse_figures("1 240 | personnes | accompagnées | 2026-11-03").unwrap();
        assert_eq!(m[0].measured_on.as_deref(), Some("2026-11-03"));
        assert_eq!(
            figures_text(&m),
            "1 240 | personnes | accompagnées | 2026-11-03"
        );
        assert_eq!(
            parse_figures("3 | t | évitées | le 3 novembre"),
            Err(ContentError::Figures)
        );
        assert_eq!(
            parse_figures("3 | t | évitées | 2026-02-30"),
            Err(ContentError::Figures)
        );
        assert_eq!(
            parse_figures("1 | 2 | 3 | 2026-01-01 | 5"),
            Err(ContentError::Figures)
        );
    }

    #[test]
    fn filling_from_measurements_keeps_the_typed_figures() {
        let typed = parse_figures(
            "3 | ateliers | par mois\n9 | t | évitées | 2026-01-31\n40 |  | bénévoles",
        )
        .unwrap();
        let fresh = parse_figures("12 | t | évitées | 2026-11-20").unwrap();
        let out = with_measured(&typed, fresh);
        assert_eq!(
            figures_text(&out),
            "3 | ateliers | par mois\n40 |  | bénévoles\n12 | t | évitées | 2026-11-20"
        );
        // Never past the limit: the typed figures win.
        let many: Vec<Figure> = (0..MAX_FIGURES)
            .map(|n| Figure {
                value: n.to_string(),
                unit: String::new(),
                label: "mesure".into(),
                measured_on: Some("2026-11-20".into()),
            })
            .collect();
        let out = with_measured(&typed, many);
        assert_eq!(out.len(), MAX_FIGURES);
        assert_eq!(out[0].label, "par mois");
    }

    #[test]
    fn paris_dates_both_ways() {
        // 1 December 2026 09:30 in Paris is 08:30 UTC (winter).
        let t = parse_paris_datetime("2026-12-01T09:30").unwrap();
        assert_eq!(t, 1_796_113_800);
        assert_eq!(paris_input(t), "2026-12-01T09:30");
        // Summer: UTC+2.
        let s = parse_paris_datetime("2026-07-01T12:00").unwrap();
        assert_eq!(crate::time_zone::to_paris(s).hour(), 12);
        assert_eq!(paris_input(s), "2026-07-01T12:00");
        for bad in [
            "",
            "demain",
            "2026-13-01T10:00",
            "2026-02-30T10:00",
            "2026-01-01T25:00",
            "2026-01-01",
        ] {
            assert_eq!(parse_paris_datetime(bad), Err(ContentError::Date), "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("754"), Ok(754));
        assert_eq!(parse_duration("12:34"), Ok(754));
        assert_eq!(parse_duration("1:02:03"), Ok(3723));
        assert!(parse_duration("1:75").is_err());
        assert!(parse_duration("-3").is_err());
        assert!(parse_duration("").is_err());
        assert_eq!(clock(3723), "01:02:03");
        assert_eq!(short_clock(65), "1:05");
        assert_eq!(optional_number("3"), Ok(Some(3)));
        assert_eq!(optional_number("trois"), Err(ContentError::Number));
        assert_eq!(optional_url("javascript:alert(1)"), Err(ContentError::Url));
        assert!(
            optional_url("https://audio.example/e1.mp3")
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn body_limit_and_slugs() {
        assert_eq!(
            body(&"a".repeat(MAX_BODY + 1)),
            Err(ContentError::BodyTooLong)
        );
        assert!(body(&"é".repeat(MAX_BODY)).is_ok());
        assert_eq!(
            slug("", "Pourquoi partir d'un problème local ?").unwrap(),
            "pourquoi-partir-d-un-probleme-local"
        );
        assert_eq!(slug("Mon Slug", "x"), Err(ContentError::Slug));
        assert_eq!(slug("mon-slug", "x").unwrap(), "mon-slug");
    }

    #[test]
    fn outline_of_a_chapter() {
        let md = "# Le local\n\nUn *bon* local est [visible](https://ex.org).\n\n- clair\n- accessible\n  - rampe\n\n| Poste | Coût |\n|---|---|\n| Loyer | 800 |\n\n> Astuce : visite-le deux fois.\n\n## Ensuite\n\nFin.";
        let o = outline(md);
        assert_eq!(
            o,
            vec![
                OutlineBlock::Heading {
                    level: 2,
                    text: "Le local".into()
                },
                OutlineBlock::Paragraph("Un bon local est visible.".into()),
                OutlineBlock::Bullets(vec!["clair".into(), "accessible".into(), "rampe".into()]),
                OutlineBlock::Table {
                    columns: vec!["Poste".into(), "Coût".into()],
                    rows: vec![vec!["Loyer".into(), "800".into()]]
                },
                OutlineBlock::Quote("Astuce : visite-le deux fois.".into()),
                OutlineBlock::Heading {
                    level: 3,
                    text: "Ensuite".into()
                },
                OutlineBlock::Paragraph("Fin.".into()),
            ]
        );
    }
}
