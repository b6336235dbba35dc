//! The exchange formats of a canvas: JSON that imports back identically, and Markdown; and the
//! completeness hints shown on each block.
use super::item::check_room;
use super::{CanvasError, ItemDraft, ItemStatus, template};
use crate::Locale;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "impact-studio-canvas";

/// A whole canvas as exchanged in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CanvasDocument {
    pub format: String,
    pub template: String,
    pub template_version: u32,
    pub title: String,
    pub items: Vec<DocumentItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentItem {
    pub block: String,
    pub text: String,
    #[serde(default)]
    pub colour: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub evidence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
}

impl CanvasDocument {
    /// A document for the current template; items are sorted by block order, keeping the
    /// order they were given in within a block.
    pub fn new(title: &str, mut items: Vec<DocumentItem>) -> Self {
        let t = template();
        items.sort_by_key(|i| t.order(&i.block));
        CanvasDocument {
            format: FORMAT.to_string(),
            template: t.id.clone(),
            template_version: t.version,
            title: title.to_string(),
            items,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads and checks an import file. Nothing is half-imported: any bad item refuses the file.
    pub fn parse(json: &str) -> Result<(String, Vec<ItemDraft>), CanvasError> {
        let doc: CanvasDocument = serde_json::from_str(json).map_err(|e| {
            CanvasError::MalformedImport(format!(
                "line {}, column {}: {}",
                e.line(),
                e.column(),
                e.classify_label()
            ))
        })?;
        if doc.format != FORMAT {
            return Err(CanvasError::MalformedImport(format!(
                "format {:?}",
                doc.format
            )));
        }
        let t = template();
        if doc.template != t.id || doc.template_version > t.version {
            return Err(CanvasError::OtherTemplate(format!(
                "{} v{}",
                doc.template, doc.template_version
            )));
        }
        let title = super::item::check_title(&doc.title)?;
        check_room(0, doc.items.len())?;
        let drafts = doc
            .items
            .iter()
            .map(|i| ItemDraft::new(&i.block, &i.text, &i.colour, &i.status, &i.evidence))
            .collect::<Result<Vec<_>, _>>()?;
        Ok((title, drafts))
    }
}

trait Classify {
    fn classify_label(&self) -> &'static str;
}

impl Classify for serde_json::Error {
    fn classify_label(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "unreadable",
            serde_json::error::Category::Syntax => "not valid JSON",
            serde_json::error::Category::Data => "unexpected or missing field",
            serde_json::error::Category::Eof => "file ends too early",
        }
    }
}

/// Labels the Markdown export needs from the catalogue.
pub struct MarkdownLabels<'a> {
    pub hypothesis: &'a str,
    pub evidence: &'a str,
    pub empty: &'a str,
}

/// The canvas as Markdown: one section per block, in template order.
pub fn to_markdown(doc: &CanvasDocument, locale: Locale, labels: &MarkdownLabels<'_>) -> String {
    let mut out = format!("# {}\n", doc.title);
    for block in &template().blocks {
        out.push_str(&format!("\n## {}\n\n", block.text(locale).title));
        let items: Vec<_> = doc.items.iter().filter(|i| i.block == block.key).collect();
        if items.is_empty() {
            out.push_str(&format!("_{}_\n", labels.empty));
        }
        for item in items {
            let text = item.text.replace('\n', "\n  ");
            if item.status == ItemStatus::Hypothesis.code() || item.status.is_empty() {
                out.push_str(&format!("- {text} _({})_\n", labels.hypothesis));
            } else {
                out.push_str(&format!("- {text}\n"));
            }
            // The label carries its own punctuation (« Preuve : », "Evidence:").
            if !item.evidence.is_empty() {
                out.push_str(&format!(
                    "  - {} {}\n",
                    labels.evidence,
                    item.evidence.replace('\n', " ")
                ));
            }
        }
    }
    out
}

pub use super::document_hint::BlockHint;

/// One hint per template block, in template order.
pub fn completeness(items: &[DocumentItem]) -> Vec<(String, BlockHint)> {
    template()
        .blocks
        .iter()
        .map(|b| {
            let mine: Vec<_> = items.iter().filter(|i| i.block == b.key).collect();
            let chars: usize = mine.iter().map(|i| i.text.chars().count()).sum();
            let hint = if mine.is_empty() {
                BlockHint::Empty
            } else if mine.len() < usize::from(b.min_items) || chars < 40 {
                BlockHint::TooShort
            } else if b.link == Some(super::Link::Indicators)
                && mine.iter().all(|i| i.indicator.is_none())
            {
                BlockHint::NoIndicator
            } else {
                BlockHint::Complete
            };
            (b.key.clone(), hint)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(block: &str, text: &str) -> DocumentItem {
        DocumentItem {
            block: block.into(),
            text: text.into(),
            colour: "yellow".into(),
            status: "hypothesis".into(),
            evidence: String::new(),
            indicator: None,
        }
    }

    #[test]
    fn json_round_trip_is_identical() {
        let mut validated = item(
            "solution",
            "Un atelier de réparation ouvert deux soirs par semaine",
        );
        validated.status = "validated".into();
        validated.evidence = "30 participants aux trois premiers ateliers".into();
        let doc = CanvasDocument::new(
            "Recyclerie",
            vec![
                validated,
                item(
                    "local_problem",
                    "Des encombrants jetés chaque semaine rue Burdeau",
                ),
            ],
        );
        assert_eq!(
            doc.items[0].block, "local_problem",
            "sorted by template order"
        );
        let json = doc.to_json();
        let (title, drafts) = CanvasDocument::parse(&json).unwrap();
        let again = CanvasDocument::new(
            &title,
            drafts
                .into_iter()
                .map(|d| DocumentItem {
                    block: d.block,
                    text: d.text,
                    colour: d.colour.code().into(),
                    status: d.status.code().into(),
                    evidence: d.evidence,
                    indicator: None,
                })
                .collect(),
        );
        assert_eq!(again.to_json(), json);
    }

    #[test]
    fn bad_imports_are_refused_whole() {
        assert!(matches!(
            CanvasDocument::parse("{"),
            Err(CanvasError::MalformedImport(_))
        ));
        assert!(matches!(
            CanvasDocument::parse("[]"),
            Err(CanvasError::MalformedImport(_))
        ));
        let mut doc = CanvasDocument::new("T", vec![item("solution", "ok")]);
        doc.items.push(item("nope", "x"));
        assert_eq!(
            CanvasDocument::parse(&doc.to_json()),
            Err(CanvasError::UnknownBlock("nope".into()))
        );
        let long = CanvasDocument::new("T", vec![item("solution", &"é".repeat(2_001))]);
        assert_eq!(
            CanvasDocument::parse(&long.to_json()),
            Err(CanvasError::TextTooLong)
        );
        let many = CanvasDocument::new(
            "T",
            (0..301)
                .map(|n| item("solution", &format!("idée {n}")))
                .collect(),
        );
        assert_eq!(
            CanvasDocument::parse(&many.to_json()),
            Err(CanvasError::TooManyItems)
        );
        let mut other = CanvasDocument::new("T", vec![]);
        other.template = "business-model-canvas".into();
        assert!(matches!(
            CanvasDocument::parse(&other.to_json()),
            Err(CanvasError::OtherTemplate(_))
        ));
        let untitled = CanvasDocument::new(" ", vec![]);
        assert_eq!(
            CanvasDocument::parse(&untitled.to_json()),
            Err(CanvasError::BadTitle)
        );
    }

    #[test]
    fn markdown_and_hints() {
        let doc = CanvasDocument::new(
            "Épicerie",
            vec![item(
                "local_problem",
                "Pas d'épicerie à moins de 2 km pour 3 000 habitants du quartier",
            )],
        );
        let labels = MarkdownLabels {
            hypothesis: "hypothèse",
            evidence: "Preuve\u{a0}:",
            empty: "Vide",
        };
        let md = to_markdown(&doc, Locale::Fr, &labels);
        let mut proven = doc.clone();
        proven.items[0].evidence = "Relevé de la mairie".into();
        let proven = to_markdown(&proven, Locale::Fr, &labels);
        assert!(
            proven.contains("  - Preuve\u{a0}: Relevé de la mairie\n"),
            "{proven}"
        );
        assert_eq!(proven.matches("Preuve").count(), 1);
        assert!(md.starts_with("# Épicerie\n"));
        assert!(md.contains(
            "- Pas d'épicerie à moins de 2 km pour 3 000 habitants du quartier _(hypothèse)_"
        ));
        let hints = completeness(&doc.items);
        assert_eq!(hints.len(), template().blocks.len());
        assert_ne!(
            hints
                .iter()
                .find(|(k, _)| k == "local_problem")
                .map(|(_, h)| *h),
            Some(BlockHint::Empty)
        );
        assert_eq!(
            hints.iter().find(|(k, _)| k == "solution").map(|(_, h)| *h),
            Some(BlockHint::Empty)
        );
        let with_indicator_block = CanvasDocument::new(
            "I",
            vec![
                item(
                    "impact_indicators",
                    "Nombre de foyers qui font leurs courses chaque mois",
                ),
                item(
                    "impact_indicators",
                    "Part des produits locaux dans les ventes",
                ),
            ],
        );
        let hints = completeness(&with_indicator_block.items);
        assert_eq!(
            hints
                .iter()
                .find(|(k, _)| k == "impact_indicators")
                .map(|(_, h)| *h),
            Some(BlockHint::NoIndicator)
        );
    }
}
