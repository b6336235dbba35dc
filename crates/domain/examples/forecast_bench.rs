//! Recompute time of a 200-line forecast (parse + compute, as `forecast compute` does).
//! `cargo run --release -p domain --example forecast_bench` (the business plan PDF's and the
//! workbook's times: `cargo run --release -p testkit --example bench_forecast_pdf`).
use domain::forecast::model::*;
use std::time::Instant;

fn plan() -> Forecast {
    let n = |i: usize, m: i64| (i as i64 * 7919) % m;
    Forecast {
        name: "Plan de 200 lignes".into(),
        start: YearMonth {
            year: 2027,
            month: 1,
        },
        legal_form: LegalForm::Sas,
        vat_regime: VatRegime::None,
        opening_cash_cents: 1_000_000,
        revenues: (0..80)
            .map(|i| Revenue {
                name: format!("Recette {i}"),
                kind: RevenueKind::ALL[i % 5],
                unit_price_cents: 500 + n(i, 100_000),
                monthly_volume: Volumes::Monthly(std::array::from_fn(|m| {
                    (10 + n(i + m, 400)) * 10_000
                })),
                growth_bp: n(i, 3_000),
                variable_cost_bp: n(i, 6_000),
                start_month: 1 + (i % 12) as u32,
                payment_delay_months: (i % 3) as u32,
            })
            .collect(),
        expenses: (0..50)
            .map(|i| Expense {
                name: format!("Charge {i}"),
                monthly_cents: 5_000 + n(i, 200_000),
                start_month: 1 + (i % 6) as u32,
                indexation_bp: n(i, 400),
            })
            .collect(),
        salaries: (0..30)
            .map(|i| Salary {
                name: format!("Poste {i}"),
                gross_monthly_cents: 180_000 + n(i, 200_000),
                employer_rate_bp: 4_200,
                start_month: 1 + (i % 24) as u32,
                raise_bp: 200,
            })
            .collect(),
        investments: (0..25)
            .map(|i| Investment {
                name: format!("Investissement {i}"),
                amount_cents: 100_000 + n(i, 5_000_000),
                month: 1 + (i % 36) as u32,
                years: 1 + (i % 7) as u32,
            })
            .collect(),
        financing: (0..15)
            .map(|i| {
                let kind = FinancingKind::ALL[i % 5];
                Financing {
                    kind,
                    name: format!("Financement {i}"),
                    amount_cents: 1_000_000 + n(i, 10_000_000),
                    month: 1 + (i % 12) as u32,
                    rate_bp: if kind == FinancingKind::HonourLoan {
                        0
                    } else {
                        300 + n(i, 400)
                    },
                    months: 12 + (i % 72) as u32,
                    deferral_months: (i % 6) as u32,
                    years: 5,
                }
            })
            .collect(),
        in_kind: Vec::new(),
    }
}

fn main() {
    let plan = plan();
    let text = plan.to_json();
    let lines = plan.revenues.len()
        + plan.expenses.len()
        + plan.salaries.len()
        + plan.investments.len()
        + plan.financing.len();
    let runs = 200;
    let started = Instant::now();
    let mut last = None;
    for _ in 0..runs {
        last = Some(domain::forecast::compute_text(&text).expect("valid plan"));
    }
    let per = started.elapsed() / runs;
    println!("{lines} lines: parse + compute {per:?} a run (target < 2 ms)");
    let parsed = domain::forecast::parse(&text).expect("valid plan");
    let started = Instant::now();
    for _ in 0..runs {
        last = Some(domain::forecast::compute(&parsed));
    }
    println!("compute alone {:?} a run", started.elapsed() / runs);
    let result = last.expect("computed");
    println!("cash at month 36: {} cents", result.cash[35]);
}
