//! The canvas template, shipped as data (`domain/data/impact-model-canvas.v1.json`): blocks with
//! their place on the one-page grid, guiding question, prompts, worked example, common mistakes
//! and guide text, in French and English; plus the worked example canvases.
use crate::Locale;
use serde::Deserialize;
use std::sync::OnceLock;

const TEMPLATE_JSON: &str = include_str!("../../data/impact-model-canvas.v1.json");
const EXAMPLES_JSON: &str = include_str!("../../data/canvas-examples.json");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub version: u32,
    pub grid: Grid,
    pub blocks: Vec<BlockDef>,
    pub guide: Guide,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    pub columns: u8,
    pub rows: u8,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub column: u8,
    pub row: u8,
    pub width: u8,
    pub height: u8,
}

/// What a block's items can later be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Link {
    Indicators,
    Revenue,
    Costs,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockDef {
    pub key: String,
    pub area: Area,
    pub link: Option<Link>,
    pub min_items: u8,
    pub fr: BlockText,
    pub en: BlockText,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockText {
    pub title: String,
    pub question: String,
    pub prompts: Vec<String>,
    pub example: String,
    pub mistakes: Vec<String>,
    pub guide: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub fr: GuideText,
    pub en: GuideText,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideText {
    pub title: String,
    pub intro: String,
    pub steps: Vec<String>,
}

impl BlockDef {
    pub fn text(&self, locale: Locale) -> &BlockText {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

impl Guide {
    pub fn text(&self, locale: Locale) -> &GuideText {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

impl Template {
    pub fn block(&self, key: &str) -> Option<&BlockDef> {
        self.blocks.iter().find(|b| b.key == key)
    }

    /// The index of a block in the template order (for sorting exports).
    pub fn order(&self, key: &str) -> usize {
        self.blocks
            .iter()
            .position(|b| b.key == key)
            .unwrap_or(usize::MAX)
    }
}

/// The current template. The shipped file is checked by the tests, so parsing cannot fail at
/// run time on a released binary.
pub fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        serde_json::from_str(TEMPLATE_JSON).expect("shipped canvas template is valid JSON")
    })
}

#[derive(Debug, Clone, Deserialize)]
pub struct Example {
    pub key: String,
    pub fr: ExampleName,
    pub en: ExampleName,
    pub items: Vec<ExampleItem>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ExampleName {
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ExampleItem {
    pub block: String,
    pub text: String,
    pub status: String,
    pub evidence: String,
}

impl Example {
    /// The example's notes, checked like any typed note.
    pub fn drafts(&self) -> Result<Vec<super::ItemDraft>, super::CanvasError> {
        self.items
            .iter()
            .map(|it| super::ItemDraft::new(&it.block, &it.text, "", &it.status, &it.evidence))
            .collect()
    }

    pub fn name(&self, locale: Locale) -> &ExampleName {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

#[derive(Deserialize)]
struct Examples {
    examples: Vec<Example>,
}

/// The worked example canvases (a recyclerie, a tiers-lieu, an épicerie solidaire).
pub fn examples() -> &'static [Example] {
    static EXAMPLES: OnceLock<Vec<Example>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        serde_json::from_str::<Examples>(EXAMPLES_JSON)
            .expect("shipped canvas examples are valid JSON")
            .examples
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_is_complete_and_tiles_its_grid() {
        let t = template();
        assert_eq!(t.id, "impact-model-canvas");
        assert!(t.blocks.len() >= 12);
        let mut cells = vec![0u8; usize::from(t.grid.columns) * usize::from(t.grid.rows)];
        for b in &t.blocks {
            for text in [&b.fr, &b.en] {
                assert!(
                    !text.title.is_empty() && !text.question.is_empty() && !text.example.is_empty()
                );
                assert!(
                    (3..=5).contains(&text.prompts.len()) && (2..=3).contains(&text.mistakes.len()),
                    "{}",
                    b.key
                );
                assert!(
                    text.guide.split_whitespace().count() >= 60,
                    "{} guide too short",
                    b.key
                );
            }
            for dc in 0..b.area.width {
                for dr in 0..b.area.height {
                    let c = usize::from(b.area.column + dc - 1);
                    let r = usize::from(b.area.row + dr - 1);
                    assert!(
                        c < usize::from(t.grid.columns) && r < usize::from(t.grid.rows),
                        "{} outside grid",
                        b.key
                    );
                    cells[r * usize::from(t.grid.columns) + c] += 1;
                }
            }
        }
        assert!(
            cells.iter().all(|&n| n == 1),
            "blocks must tile the grid: {cells:?}"
        );
        for key in [
            "local_problem",
            "beneficiaries",
            "customers",
            "solution",
            "value_proposition",
            "intended_change",
            "impact_indicators",
            "partners",
            "key_resources",
            "key_activities",
            "channels",
            "revenue_streams",
            "cost_structure",
            "risks_assumptions",
        ] {
            assert!(t.block(key).is_some(), "{key}");
        }
        assert_eq!(
            t.block("impact_indicators").and_then(|b| b.link),
            Some(Link::Indicators)
        );
        assert_eq!(
            t.block("revenue_streams").and_then(|b| b.link),
            Some(Link::Revenue)
        );
        assert_eq!(
            t.block("cost_structure").and_then(|b| b.link),
            Some(Link::Costs)
        );
    }

    #[test]
    fn examples_fill_every_block() {
        let t = template();
        assert_eq!(examples().len(), 3);
        for e in examples() {
            for b in &t.blocks {
                assert!(
                    e.items.iter().any(|i| i.block == b.key),
                    "{} lacks {}",
                    e.key,
                    b.key
                );
            }
            assert_eq!(e.drafts().map(|d| d.len()), Ok(e.items.len()), "{}", e.key);
        }
    }
}
