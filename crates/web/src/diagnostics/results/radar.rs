//! The radar chart of the results page: one axis a dimension, rings at the levels' thresholds,
//! the scores as a polygon, with the earlier attempt and the peers' median when known
//! (coordinates as text for the SVG).
pub struct LabelView {
    pub x: String,
    pub y: String,
    pub anchor: &'static str,
    pub text: String,
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
                let anchor = if (x - CX).abs() < 1.0 {
                    "middle"
                } else if x > CX {
                    "start"
                } else {
                    "end"
                };
                LabelView {
                    x: format!("{x:.1}"),
                    y: format!("{:.1}", if y > CY + 1.0 { y + 10.0 } else { y }),
                    anchor,
                    text: format!("{}. {name}", i + 1),
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
