//! The radar chart of the results page: one axis a dimension, rings at the levels' thresholds,
//! the scores as a polygon, with the earlier attempt and the peers' median when known
//! (coordinates as text for the SVG).
/// A dimension's label around the radar: its number, then its name wrapped in lines short
/// enough to stay inside the drawing (on a phone the stylesheet keeps only the number, the
/// table under the chart names each number).
pub struct LabelView {
    pub x: String,
    pub y: String,
    pub anchor: &'static str,
    pub number: String,
    pub lines: Vec<String>,
}

/// The drawing's width (its `viewBox`), and the label font's average character width.
const WIDTH: f64 = 720.0;
const CHAR: f64 = 7.4;
const LINE: f64 = 16.0;

/// Splits `text` into lines of at most `max` characters, at spaces (a longer word stays whole).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The radar chart, drawn from the scores (coordinates as text for the SVG).
pub struct Radar {
    pub rings: Vec<String>,
    pub axes: Vec<(String, String)>,
    pub labels: Vec<LabelView>,
    pub current: String,
    pub dots: Vec<(String, String)>,
    pub previous: Option<String>,
    pub median: Option<String>,
}

const CX: f64 = 360.0;
const CY: f64 = 210.0;
const R: f64 = 150.0;

fn point(i: usize, n: usize, value: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
    (
        CX + R * value / 100.0 * angle.cos(),
        CY + R * value / 100.0 * angle.sin(),
    )
}

fn polygon(values: &[f64]) -> String {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = point(i, values.len(), *v);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn radar(
    names: &[String],
    now: &[u8],
    previous: Option<&[u8]>,
    median: Option<&[u8]>,
    rings: &[u8],
) -> Radar {
    let n = now.len().max(3);
    let as_f = |v: &[u8]| v.iter().map(|x| f64::from(*x)).collect::<Vec<_>>();
    Radar {
        rings: rings
            .iter()
            .map(|r| polygon(&vec![f64::from(*r); n]))
            .collect(),
        axes: (0..n)
            .map(|i| {
                let (x, y) = point(i, n, 100.0);
                (format!("{x:.1}"), format!("{y:.1}"))
            })
            .collect(),
        labels: names
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let (x, y) = point(i, n, 112.0);
                let (anchor, room) = if (x - CX).abs() < 1.0 {
                    ("middle", 2.0 * R)
                } else if x > CX {
                    ("start", WIDTH - x - 8.0)
                } else {
                    ("end", x - 8.0)
                };
                let number = format!("{}.", i + 1);
                let max = ((room / CHAR) as usize).max(10);
                let lines = wrap(&format!("{number} {name}"), max);
                // Above the centre the label grows upwards, below it downwards.
                let first = if y > CY + 1.0 {
                    y + 10.0
                } else if y < CY - 1.0 {
                    y - LINE * (lines.len() - 1) as f64
                } else {
                    y - LINE * (lines.len() - 1) as f64 / 2.0
                };
                let mut lines = lines;
                // The number is drawn on its own (so a phone can show it alone).
                if let Some(head) = lines.first_mut() {
                    *head = head[number.len()..].trim_start().to_string();
                }
                LabelView {
                    x: format!("{x:.1}"),
                    y: format!("{first:.1}"),
                    anchor,
                    number,
                    lines,
                }
            })
            .collect(),
        current: polygon(&as_f(now)),
        dots: as_f(now)
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (x, y) = point(i, n, *v);
                (format!("{x:.1}"), format!("{y:.1}"))
            })
            .collect(),
        previous: previous.map(|p| polygon(&as_f(p))),
        median: median.map(|m| polygon(&as_f(m))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_wrap_to_stay_inside_the_drawing() {
        let names: Vec<String> = [
            "Utilité sociale et environnementale du projet",
            "Modèle économique et financement durable",
            "Gouvernance et coopération avec les parties prenantes",
            "Équipe",
            "Mesure de l'impact et amélioration continue",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let r = radar(&names, &[50; 5], None, None, &[25, 50, 75]);
        for label in &r.labels {
            let x: f64 = label.x.parse().unwrap();
            let widest = label
                .lines
                .iter()
                .map(|l| l.chars().count())
                .max()
                .unwrap_or(0) as f64
                + if label.lines.len() == 1 { 3.0 } else { 0.0 };
            let (left, right) = match label.anchor {
                "start" => (x, x + widest * CHAR),
                "end" => (x - widest * CHAR, x),
                _ => (x - widest * CHAR / 2.0, x + widest * CHAR / 2.0),
            };
            assert!(
                left >= 0.0 && right <= WIDTH,
                "{:?} {left}..{right}",
                label.lines
            );
            assert!(label.lines.len() <= 4, "{:?}", label.lines);
        }
        assert_eq!(r.labels[3].number, "4.");
        assert_eq!(r.labels[3].lines, vec!["Équipe".to_string()]);
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
    }
}
