//! The two charts drawn on the server as SVG: revenue against costs, and month-end cash.
use domain::forecast::ForecastResult;

const W: f64 = 720.0;
const H: f64 = 240.0;
const PAD: f64 = 8.0;

fn points(values: &[i64], low: i64, high: i64) -> String {
    let span = (high - low).max(1) as f64;
    let step = (W - 2.0 * PAD) / (values.len().max(2) - 1) as f64;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = PAD + step * i as f64;
            let y = H - PAD - (*v - low) as f64 / span * (H - 2.0 * PAD);
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn svg(title: &str, body: String) -> String {
    let title = crate::xml::escape(title);
    format!(
        "<svg class=\"fc-chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{title}\" \
         preserveAspectRatio=\"none\"><title>{title}</title>{body}</svg>"
    )
}

/// Monthly products (all kinds) and monthly costs (everything the income statement charges).
pub fn revenue_vs_costs(r: &ForecastResult, title: &str) -> String {
    let m = &r.monthly;
    let revenue: Vec<i64> = (0..36)
        .map(|i| m.chiffre_affaires[i] + m.subventions_exploitation[i] + m.autres_produits[i])
        .collect();
    let costs: Vec<i64> = (0..36)
        .map(|i| {
            m.achats[i]
                + m.charges_externes[i]
                + m.salaires[i]
                + m.charges_sociales[i]
                + m.dotations_amortissements[i]
                + m.charges_financieres[i]
        })
        .collect();
    let high = revenue
        .iter()
        .chain(&costs)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    svg(
        title,
        format!(
            "<polyline class=\"fc-line fc-revenue\" points=\"{}\"/><polyline class=\"fc-line fc-costs\" points=\"{}\"/>",
            points(&revenue, 0, high),
            points(&costs, 0, high)
        ),
    )
}

/// Month-end cash with the zero line.
pub fn cash(r: &ForecastResult, title: &str) -> String {
    let low = r.cash.iter().copied().min().unwrap_or(0).min(0);
    let high = r.cash.iter().copied().max().unwrap_or(0).max(1);
    let zero = points(&[0, 0], low, high);
    svg(
        title,
        format!(
            "<polyline class=\"fc-zero\" points=\"{zero}\"/><polyline class=\"fc-line fc-cash\" points=\"{}\"/>",
            points(&r.cash, low, high)
        ),
    )
}

/// Actual amounts (the solid line) against planned ones (dashed), month by month: the network
/// dashboard's pilot and the year's review draw theirs like the forecast's revenue chart.
pub fn actual_vs_planned(actual: &[i64], planned: &[i64], title: &str) -> String {
    let low = actual
        .iter()
        .chain(planned)
        .copied()
        .min()
        .unwrap_or(0)
        .min(0);
    let high = actual
        .iter()
        .chain(planned)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    svg(
        title,
        format!(
            "<polyline class=\"fc-line fc-revenue\" points=\"{}\"/><polyline class=\"fc-line fc-costs\" points=\"{}\"/>",
            points(actual, low, high),
            points(planned, low, high)
        ),
    )
}

/// A chart of this module as a standalone SVG document for the PDF: its namespace and the
/// page's chart styles inline (no stylesheet reaches a PDF).
pub fn standalone(svg: &str) -> String {
    const STYLE: &str = "<style>.fc-line{fill:none;stroke-width:2.5}\
        .fc-revenue{stroke:#0e6a60}.fc-costs{stroke:#a8482a;stroke-dasharray:6 4}\
        .fc-cash{stroke:#0e6a60}.fc-zero{fill:none;stroke:#5a605c;stroke-width:1}</style>";
    let svg = svg.replacen(
        "<svg class=\"fc-chart\"",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fc-chart\"",
        1,
    );
    match svg.find("<title>") {
        Some(at) => format!("{}{STYLE}{}", &svg[..at], &svg[at..]),
        None => svg,
    }
}
