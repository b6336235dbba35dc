//! Forecasts: three complete cases checked line by line against an independent reference
//! (scripts/forecast_reference.py, exact fractions), the invariants as property tests over
//! generated plans, and refusals that name the field.
use domain::forecast::model::*;
use domain::forecast::{Scenario, compute, parse};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/forecasts/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Compares every line the reference holds with ours; extra fields of ours are allowed.
fn same_lines(case: &str, path: &str, expected: &Value, actual: &Value, diffs: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let sub = format!("{path}.{k}");
                match a.get(k) {
                    Some(w) => same_lines(case, &sub, v, w, diffs),
                    None => diffs.push(format!("{case} {sub}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                diffs.push(format!(
                    "{case} {path}: {} lines, expected {}",
                    a.len(),
                    e.len()
                ));
            }
            for (i, (v, w)) in e.iter().zip(a).enumerate() {
                same_lines(case, &format!("{path}[{i}]"), v, w, diffs);
            }
        }
        (e, a) if e != a => diffs.push(format!("{case} {path}: {a}, expected {e}")),
        _ => {}
    }
}

#[test]
fn three_complete_cases_match_the_reference_line_by_line() {
    for case in ["recyclerie", "atelier-velo", "cafe-cooperatif"] {
        let forecast = parse(&fixture(&format!("{case}.json"))).unwrap();
        let expected: Value =
            serde_json::from_str(&fixture(&format!("{case}.expected.json"))).unwrap();
        let actual = serde_json::to_value(compute(&forecast)).unwrap();
        let mut diffs = Vec::new();
        same_lines(case, "", &expected, &actual, &mut diffs);
        assert!(diffs.is_empty(), "{}", diffs.join("\n"));
        assert_eq!(actual["cash"].as_array().unwrap().len(), 36);
        assert_eq!(actual["years"].as_array().unwrap().len(), 3);
    }
}

#[test]
fn the_format_example_by_hand() {
    let r = compute(&parse(&fixture("recyclerie.json")).unwrap());
    let m = &r.monthly;
    // Month 1: 650 × 300 = 1 950,00 €; purchases 10 % = 195,00 €; rent 900,00 €.
    assert_eq!(m.chiffre_affaires[0], 195_000);
    assert_eq!(m.achats[0], 19_500);
    assert_eq!(m.charges_externes[0], 90_000);
    // Year 2: × 1.15: 650 × 300 × 1.15 = 224 250; rent 900 × 1.02 = 918.
    assert_eq!(m.chiffre_affaires[12], 224_250);
    assert_eq!(m.charges_externes[12], 91_800);
    // Year 3, month 1: 195 000 × 1.3225 = 257 887.5 → 257 888 (half away from zero).
    assert_eq!(m.chiffre_affaires[24], 257_888);
    // Salary from month 4: 2 100 € gross + 40 % = 840 €.
    assert_eq!(
        (m.salaires[2], m.salaires[3], m.charges_sociales[3]),
        (0, 210_000, 84_000)
    );
    // Truck: 18 000 € over 60 months = 300 € a month.
    assert_eq!(m.dotations_amortissements[0], 30_000);
    // Loan: 15 000 € at 4.50 % over 60 months: 279,65 € a month, first interest 56,25 €.
    let first = &r.loans[0].schedule[0];
    assert_eq!(
        (first.month, first.interest, first.principal),
        (2, 5_625, 22_340)
    );
    // Cash month 1: 1 950 − 195 − 900 − 18 000 + 15 000 = −2 145 €.
    assert_eq!(r.cash[0], -214_500);
    assert_eq!(r.warnings[0].code, "negative_cash");
    assert_eq!(r.warnings[0].month, Some(1));
    let y1 = &r.years[0];
    assert_eq!(y1.chiffre_affaires, 650 * 4_720);
    assert_eq!(y1.marge, y1.chiffre_affaires - y1.achats);
}

#[test]
fn export_then_import_gives_the_same_forecast() {
    for case in ["recyclerie", "atelier-velo", "cafe-cooperatif"] {
        let forecast = parse(&fixture(&format!("{case}.json"))).unwrap();
        let exported = forecast.to_json();
        let again = parse(&exported).unwrap();
        assert_eq!(again, forecast, "{case}");
        assert_eq!(again.to_json(), exported, "{case}");
    }
}

#[test]
fn refusals_name_the_field() {
    let base: Value = serde_json::from_str(&fixture("atelier-velo.json")).unwrap();
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "/revenues/1/unit_price_cents",
            Value::from(-5),
            "revenues[1].unit_price_cents: must not be negative",
        ),
        (
            "/revenues/0/monthly_volume",
            Value::from(-1),
            "revenues[0].monthly_volume: must not be negative",
        ),
        (
            "/revenues/1/monthly_volume/3",
            Value::from(-2),
            "revenues[1].monthly_volume[3]: must not be negative",
        ),
        (
            "/revenues/1/monthly_volume",
            serde_json::json!([1, 2]),
            "revenues[1].monthly_volume: must hold 12 numbers",
        ),
        (
            "/revenues/0/variable_cost_bp",
            Value::from(12_000),
            "revenues[0].variable_cost_bp: must be between 0 and 10000",
        ),
        (
            "/revenues/0/kind",
            Value::from("gift"),
            "revenues[0].kind: must be one of",
        ),
        (
            "/expenses/2/start_month",
            Value::from(37),
            "expenses[2].start_month: must be a month of the forecast",
        ),
        (
            "/investments/1/month",
            Value::from(0),
            "investments[1].month: must be a month of the forecast",
        ),
        (
            "/financing/2/months",
            Value::from(0),
            "financing[2].months: must be between 1 and 600",
        ),
        (
            "/financing/1/rate_bp",
            Value::from(100),
            "financing[1].rate_bp: must be 0 for an honour loan",
        ),
        (
            "/legal_form",
            Value::from("gmbh"),
            "legal_form: must be one of: association, sas",
        ),
        (
            "/start",
            Value::from("2027-13"),
            "start: must be a month like 2027-01",
        ),
        (
            "/salaries/0/employer_rate_bp",
            Value::Null,
            "salaries[0].employer_rate_bp: is required",
        ),
        (
            "/salaries/1/gross_monthly_cents",
            Value::from(12.5),
            "salaries[1].gross_monthly_cents: must be a whole number",
        ),
        ("/name", Value::from(" "), "name: must not be empty"),
    ];
    for (pointer, value, message) in cases {
        let mut v = base.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        match v.pointer_mut(parent).unwrap() {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
            _ => unreachable!(),
        }
        let err = domain::forecast::parse::from_value(&v).unwrap_err();
        assert!(err.to_string().starts_with(message), "{pointer}: {err}");
    }
    assert!(
        parse("{")
            .unwrap_err()
            .to_string()
            .starts_with(": not valid JSON")
    );
}

/// A small deterministic generator (xorshift): the property tests need no extra crate.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next() as usize % items.len()]
    }
}

fn random_forecast(g: &mut Gen) -> Forecast {
    let month = |g: &mut Gen| g.range(1, 36) as u32;
    Forecast {
        name: "Plan généré".into(),
        start: YearMonth {
            year: 2027,
            month: g.range(1, 12) as u8,
        },
        legal_form: g.pick(LegalForm::ALL),
        vat_regime: VatRegime::None,
        opening_cash_cents: g.range(0, 5_000_000),
        revenues: (0..g.range(0, 6))
            .map(|_| Revenue {
                name: "Ligne".into(),
                kind: g.pick(RevenueKind::ALL),
                unit_price_cents: g.range(0, 500_000),
                monthly_volume: if g.range(0, 1) == 0 {
                    Volumes::Same(g.range(0, 2_000_000))
                } else {
                    Volumes::Monthly(std::array::from_fn(|_| g.range(0, 5_000_000)))
                },
                growth_bp: g.range(-5_000, 20_000),
                variable_cost_bp: g.range(0, 10_000),
                start_month: month(g),
                payment_delay_months: g.range(0, 3) as u32,
            })
            .collect(),
        expenses: (0..g.range(0, 5))
            .map(|_| Expense {
                name: "Charge".into(),
                monthly_cents: g.range(0, 1_000_000),
                start_month: month(g),
                indexation_bp: g.range(-1_000, 1_000),
            })
            .collect(),
        salaries: (0..g.range(0, 4))
            .map(|_| Salary {
                name: "Poste".into(),
                gross_monthly_cents: g.range(0, 600_000),
                employer_rate_bp: g.range(0, 6_000),
                start_month: month(g),
                raise_bp: g.range(0, 1_000),
            })
            .collect(),
        investments: (0..g.range(0, 4))
            .map(|_| Investment {
                name: "Matériel".into(),
                amount_cents: g.range(0, 10_000_000),
                month: month(g),
                years: g.range(1, 10) as u32,
            })
            .collect(),
        financing: (0..g.range(0, 5))
            .map(|_| {
                let kind = g.pick(FinancingKind::ALL);
                Financing {
                    kind,
                    name: "Financement".into(),
                    amount_cents: g.range(0, 20_000_000),
                    month: month(g),
                    rate_bp: if kind.is_loan() && kind != FinancingKind::HonourLoan {
                        g.range(0, 1_200)
                    } else {
                        0
                    },
                    months: if kind.is_loan() {
                        g.range(1, 120) as u32
                    } else {
                        0
                    },
                    deferral_months: if kind.is_loan() {
                        g.range(0, 12) as u32
                    } else {
                        0
                    },
                    years: if kind == FinancingKind::InvestmentSubsidy {
                        g.range(1, 10) as u32
                    } else {
                        0
                    },
                }
            })
            .collect(),
        in_kind: Vec::new(),
    }
}

#[test]
fn invariants_hold_on_generated_plans() {
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    for case in 0..400 {
        let f = random_forecast(&mut g);
        let r = compute(&f);
        // The exported file reads back as the same plan.
        assert_eq!(parse(&f.to_json()).unwrap(), f, "case {case}");
        // Cash at the end = opening + every flow of the 36 months.
        let m = &r.monthly;
        let total = |v: &Vec<i64>| v.iter().sum::<i64>();
        let loan_interest: i64 = r
            .loans
            .iter()
            .flat_map(|l| &l.schedule)
            .map(|p| p.interest)
            .sum();
        let flows = total(&m.encaissements)
            - total(&m.achats)
            - total(&m.charges_externes)
            - total(&m.salaires)
            - total(&m.charges_sociales)
            - total(&m.investissements)
            + total(&m.financements_recus)
            - loan_interest
            - total(&m.remboursements_capital)
            - total(&m.impot_paye);
        assert_eq!(r.cash[35], f.opening_cash_cents + flows, "case {case}");
        // The financing plan balances: each year's resources − needs is the change of cash.
        let mut before = f.opening_cash_cents;
        for p in &r.financing_plan {
            let after = r.cash[12 * p.year as usize - 1];
            assert_eq!(p.total_ressources - p.total_besoins, p.variation_tresorerie);
            assert_eq!(
                p.variation_tresorerie,
                after - before,
                "case {case} year {}",
                p.year
            );
            before = after;
        }
        // Depreciation over an asset's life sums to its cost.
        for inv in &f.investments {
            let mut months = [0i64; 36];
            let life = inv.years * 12;
            let mut long = vec![0i64; (inv.month + life) as usize];
            domain::forecast::compute::spread_into(&mut months, inv.amount_cents, life, inv.month);
            spread_long(&mut long, inv.amount_cents, life, inv.month);
            assert_eq!(long.iter().sum::<i64>(), inv.amount_cents, "case {case}");
            assert_eq!(&long[..36.min(long.len())], &months[..36.min(long.len())]);
        }
        // Every loan's principal is repaid in full, to a zero balance.
        for loan in f.financing.iter().filter(|i| i.kind.is_loan()) {
            let all = domain::forecast::loans::schedule(loan);
            assert_eq!(
                all.iter().map(|p| p.principal).sum::<i64>(),
                loan.amount_cents
            );
            assert_eq!(all.last().map(|p| p.balance), Some(0));
            assert_eq!(all.len() as u32, loan.deferral_months + loan.months);
        }
        // « Réaliste » is the base plan.
        assert_eq!(Scenario::Realistic.apply(&f), f);
        assert_eq!(compute(&Scenario::Realistic.apply(&f)), r);
    }
}

/// The depreciation rule over the asset's whole life (beyond the 36 months).
fn spread_long(out: &mut [i64], amount: i64, months: u32, from: u32) {
    let each = domain::forecast::money::round_div(amount as i128, months as i128) as i64;
    for k in 0..months {
        let v = if k + 1 == months {
            amount - each * (months as i64 - 1)
        } else {
            each
        };
        out[(from + k) as usize - 1] += v;
    }
}
