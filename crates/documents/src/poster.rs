//! The view data of the canvas poster, and the note size that lets every block fit its cell.
use serde::Serialize;

/// The Impact Model Canvas as printed, for [`crate::Template::CanvasPoster`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct Poster {
    pub lang: String,
    pub title: String,
    pub subtitle: String,
    pub centre: String,
    pub date: String,
    pub footer: String,
    pub columns: u8,
    pub rows: u8,
    pub blocks: Vec<PosterBlock>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PosterBlock {
    pub number: usize,
    pub title: String,
    pub question: String,
    /// The block's place on the grid, counted from 0.
    pub column: u8,
    pub row: u8,
    pub width: u8,
    pub height: u8,
    pub items: Vec<PosterNote>,
    /// Filled by [`Poster::fit`]: the text size of this block's notes, in points.
    pub font_size: f32,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PosterNote {
    pub text: String,
    /// The note's colour, `#rrggbb`.
    pub fill: String,
    /// "Hypothesis" or "Validated", translated; empty when neither.
    pub status: String,
    pub validated: bool,
}

/// Characters of 9 pt text one grid cell of an A3 landscape poster holds comfortably.
const CHARS_PER_CELL_AT_9PT: f32 = 420.0;
/// Each note costs about this many characters of room (its padding and gap).
const NOTE_OVERHEAD_CHARS: f32 = 40.0;

impl Poster {
    /// Gives each block the largest note size (≤ 9 pt, ≥ 4.5 pt) at which its notes fit:
    /// the room text takes grows with the square of its size.
    pub fn fit(mut self) -> Poster {
        for block in &mut self.blocks {
            let cells = f32::from(block.width.max(1)) * f32::from(block.height.max(1));
            let needed: f32 = block
                .items
                .iter()
                .map(|n| n.text.chars().count() as f32 + NOTE_OVERHEAD_CHARS)
                .sum();
            let room = cells * CHARS_PER_CELL_AT_9PT;
            let scale = if needed <= room {
                1.0
            } else {
                (room / needed).sqrt()
            };
            block.font_size = (9.0 * scale).clamp(4.5, 9.0);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(number: usize, column: u8, notes: &[&str]) -> PosterBlock {
        PosterBlock {
            number,
            title: format!("Bloc {number}"),
            question: "Quelle est la question ?".into(),
            column,
            row: 0,
            width: 2,
            height: 2,
            items: notes
                .iter()
                .map(|t| PosterNote {
                    text: t.to_string(),
                    fill: "#fff3b0".into(),
                    status: "hypothèse".into(),
                    validated: false,
                })
                .collect(),
            font_size: 0.0,
        }
    }

    #[test]
    fn crowded_blocks_get_smaller_notes_and_quiet_ones_stay_large() {
        let long = "mot ".repeat(500);
        let poster = Poster {
            blocks: vec![block(1, 0, &["court"]), block(2, 2, &[long.as_str(); 6])],
            ..Poster::default()
        }
        .fit();
        assert_eq!(poster.blocks[0].font_size, 9.0);
        assert!(poster.blocks[1].font_size < 9.0 && poster.blocks[1].font_size >= 4.5);
    }
}
