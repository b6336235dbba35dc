//! Bytes out: documents built from view data, with no I/O and no knowledge of the database.
//!
//! PDFs are laid out by Typst from the templates in `templates/`. A template never receives
//! user text as markup: the view data goes in as `/data.json`, which the template reads with
//! `json(…)`, so nothing a user types can run as Typst code. The Inter family is embedded so
//! documents look the same everywhere.
mod bill;
mod facturx;
mod plan;
mod poster;
mod world;

pub use bill::Bill;
pub use facturx::{FACTURX_FILE, factur_x};
pub use plan::PlanSheet;
pub use poster::{Poster, PosterBlock, PosterNote};

use serde::Serialize;

/// The one error of this crate.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("document data could not be serialised: {0}")]
    Data(#[from] serde_json::Error),
    #[error("document layout failed: {0}")]
    Layout(String),
}

/// The PDF templates shipped with the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    /// A titled document of sections (paragraphs, bullet lists, tables): reports, guides.
    Report,
    /// The Impact Model Canvas on one A3 landscape page.
    CanvasPoster,
    /// A quote, an invoice or a credit note on A4 ([`Bill`]).
    Bill,
    /// A layout plan at scale on a page cut to it ([`PlanSheet`]).
    PlanSheet,
}

impl Template {
    fn source(self) -> &'static str {
        match self {
            Template::Report => include_str!("../templates/report.typ"),
            Template::CanvasPoster => include_str!("../templates/canvas-poster.typ"),
            Template::Bill => include_str!("../templates/bill.typ"),
            Template::PlanSheet => include_str!("../templates/plan-sheet.typ"),
        }
    }
}

/// Lays out `data` with `template` and returns the PDF bytes.
pub fn pdf(template: Template, data: &impl Serialize) -> Result<Vec<u8>, DocumentError> {
    let json = serde_json::to_vec(data)?;
    world::compile(template.source(), json)
}

/// A document of sections, for [`Template::Report`]. Every text is plain text (never markup).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// BCP 47 language of the text (`fr`, `en`): hyphenation and quotes follow it.
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    /// Small lines under the title: organisation, date, version.
    pub meta: Vec<String>,
    /// Printed at the foot of every page, beside the page number.
    pub footer: String,
    pub sections: Vec<Section>,
}

/// One titled part of a [`Report`]; `level` 1 is a chapter (starting a new page when
/// `page_break` is set), 2 a section.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Section {
    pub heading: String,
    pub level: u8,
    pub page_break: bool,
    pub blocks: Vec<Block>,
}

/// The content of a section, in order.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    /// A short label in bold followed by its text, on one paragraph.
    Labelled {
        label: String,
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    /// A highlighted box (an example, a warning), with a title.
    Callout {
        title: String,
        text: String,
    },
    /// A table; columns whose `numeric` flag is set are right-aligned.
    Table {
        columns: Vec<String>,
        numeric: Vec<bool>,
        rows: Vec<Vec<String>>,
    },
    /// A drawing as a standalone SVG document (with its `xmlns`), full width, with a caption.
    Svg {
        svg: String,
        caption: String,
    },
    /// A table whose last column holds a signature (an attendance sheet): `columns` names
    /// every column, signature included; each row's `cells` fill the others.
    SignedTable {
        columns: Vec<String>,
        rows: Vec<SignedRow>,
    },
}

/// A row of a [`Block::SignedTable`]: its cells, the drawn signature as a standalone SVG
/// document (empty when there is none) and a small note under it (the time, a typed name).
#[derive(Debug, Clone, Default, Serialize)]
pub struct SignedRow {
    pub cells: Vec<String>,
    pub svg: String,
    pub note: String,
}
