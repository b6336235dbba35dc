//! The view data of a layout plan printed at scale, for [`crate::Template::PlanSheet`]: the
//! page is cut to the drawing (plus its margins and title), so 1 m of building measures exactly
//! 1000 ÷ `scale` mm on paper, whatever the building's size.
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanSheet {
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    /// « Échelle 1:50 »
    pub scale_label: String,
    /// « 1 m »
    pub metre_label: String,
    pub footer: String,
    /// The drawing: a standalone SVG whose view box is the building, in centimetres.
    pub svg: String,
    /// The drawing's size on paper, in millimetres.
    pub width_mm: f64,
    pub height_mm: f64,
    /// 1 m of building on paper, in millimetres.
    pub metre_mm: f64,
    /// The shapes as text: (kind, label, size) lines under the drawing.
    pub legend: Vec<String>,
}
