//! The first draft of a forecast: one revenue line per note of the canvas's revenue block and one
//! expense per note of its cost block, amounts left at zero for the holder to fill in.
use domain::canvas::{Link, template};
use domain::forecast::model::*;

/// A draft plan named after the project, starting next month, from the canvas notes (block, text).
pub fn draft(name: &str, start: YearMonth, notes: &[(String, String)]) -> Forecast {
    let link_of = |block: &str| template().block(block).and_then(|b| b.link);
    let short = |text: &str| -> String {
        let line = text.lines().next().unwrap_or("").trim();
        line.chars().take(120).collect()
    };
    let mut f = Forecast {
        name: short(name),
        start,
        legal_form: LegalForm::Association,
        vat_regime: VatRegime::None,
        opening_cash_cents: 0,
        revenues: Vec::new(),
        expenses: Vec::new(),
        salaries: Vec::new(),
        investments: Vec::new(),
        financing: Vec::new(),
        in_kind: Vec::new(),
    };
    for (block, text) in notes {
        let line = short(text);
        if line.is_empty() {
            continue;
        }
        match link_of(block) {
            Some(Link::Revenue) => f.revenues.push(Revenue {
                name: line,
                kind: RevenueKind::Sales,
                unit_price_cents: 0,
                monthly_volume: Volumes::Same(0),
                growth_bp: 0,
                variable_cost_bp: 0,
                start_month: 1,
                payment_delay_months: 0,
            }),
            Some(Link::Costs) => f.expenses.push(Expense {
                name: line,
                monthly_cents: 0,
                start_month: 1,
                indexation_bp: 0,
            }),
            _ => {}
        }
    }
    if f.name.is_empty() {
        f.name = "Prévisionnel".to_string();
    }
    f
}
