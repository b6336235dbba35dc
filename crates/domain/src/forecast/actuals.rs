//! Actuals: what really came in and went out, month by month and by category, compared with the
//! forecast (the month-12 review « Analyser les résultats financiers » reads from here). Amounts
//! are positive cents on both sides; a bank export (CSV) is read into the same figures.
use super::compute::Monthly;
use super::model::{MONTHS, YearMonth};
use super::money::round_div;
use std::collections::BTreeMap;

/// The categories actuals are entered by: the income statement's operating lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    ChiffreAffaires,
    SubventionsExploitation,
    AutresProduits,
    Achats,
    ChargesExternes,
    /// Gross salaries and employer charges together, as a payslip shows them.
    ChargesPersonnel,
}

impl Category {
    pub const ALL: [Category; 6] = [
        Category::ChiffreAffaires,
        Category::SubventionsExploitation,
        Category::AutresProduits,
        Category::Achats,
        Category::ChargesExternes,
        Category::ChargesPersonnel,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::ChiffreAffaires => "chiffre_affaires",
            Category::SubventionsExploitation => "subventions_exploitation",
            Category::AutresProduits => "autres_produits",
            Category::Achats => "achats",
            Category::ChargesExternes => "charges_externes",
            Category::ChargesPersonnel => "charges_personnel",
        }
    }

    pub fn parse(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Money in (produits) rather than out (charges).
    pub fn is_revenue(self) -> bool {
        matches!(
            self,
            Category::ChiffreAffaires
                | Category::SubventionsExploitation
                | Category::AutresProduits
        )
    }

    /// The forecast's amount of this category in month `m` (1-based).
    pub fn forecast(self, monthly: &Monthly, m: usize) -> i64 {
        let at = |v: &Vec<i64>| v.get(m - 1).copied().unwrap_or(0);
        match self {
            Category::ChiffreAffaires => at(&monthly.chiffre_affaires),
            Category::SubventionsExploitation => at(&monthly.subventions_exploitation),
            Category::AutresProduits => at(&monthly.autres_produits),
            Category::Achats => at(&monthly.achats),
            Category::ChargesExternes => at(&monthly.charges_externes),
            Category::ChargesPersonnel => at(&monthly.salaires) + at(&monthly.charges_sociales),
        }
    }
}

/// One actual figure: month 1–36 of the forecast, its category, positive cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actual {
    pub month: u32,
    pub category: Category,
    pub cents: i64,
}

/// Forecast and actual of one figure, with the variance (actual − forecast) in cents and in
/// basis points of the forecast (None when the forecast is 0), flagged over the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Variance {
    pub forecast: i64,
    pub actual: i64,
    pub variance: i64,
    pub variance_bp: Option<i64>,
    pub flagged: bool,
}

impl Variance {
    pub fn new(forecast: i64, actual: i64, threshold_bp: i64) -> Variance {
        let variance = actual - forecast;
        let variance_bp = (forecast != 0)
            .then(|| round_div(variance as i128 * 10_000, forecast.abs() as i128) as i64);
        let flagged = match variance_bp {
            Some(bp) => bp.abs() > threshold_bp,
            None => variance != 0,
        };
        Variance {
            forecast,
            actual,
            variance,
            variance_bp,
            flagged,
        }
    }
}

/// One month of the comparison: produits, charges and their difference (the operating
/// result before depreciation and interest), for the month and cumulated since month 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonMonth {
    pub month: u32,
    pub revenue: Variance,
    pub expenses: Variance,
    pub result: Variance,
    pub cumulated_revenue: Variance,
    pub cumulated_expenses: Variance,
    pub cumulated_result: Variance,
}

/// The sums of `actuals` by month (index 0 = month 1) and category.
pub fn by_month(actuals: &[Actual]) -> Vec<BTreeMap<Category, i64>> {
    let mut out = vec![BTreeMap::new(); MONTHS];
    for a in actuals {
        if (1..=MONTHS as u32).contains(&a.month) {
            let sum: &mut i64 = out[a.month as usize - 1].entry(a.category).or_insert(0);
            *sum = sum.saturating_add(a.cents);
        }
    }
    out
}

/// The comparison of every month from 1 to the last month with an actual (empty without
/// actuals). A variance is flagged when its share of the forecast is above `threshold_bp`.
pub fn compare(monthly: &Monthly, actuals: &[Actual], threshold_bp: i64) -> Vec<ComparisonMonth> {
    let last = actuals
        .iter()
        .map(|a| a.month as usize)
        .filter(|m| (1..=MONTHS).contains(m))
        .max()
        .unwrap_or(0);
    let sums = by_month(actuals);
    let mut out = Vec::with_capacity(last);
    let (mut fr, mut ar, mut fe, mut ae) = (0, 0, 0, 0);
    for m in 1..=last {
        let (mut f_rev, mut a_rev, mut f_exp, mut a_exp) = (0, 0, 0, 0);
        for c in Category::ALL {
            let f = c.forecast(monthly, m);
            let a = sums[m - 1].get(&c).copied().unwrap_or(0);
            if c.is_revenue() {
                f_rev += f;
                a_rev += a;
            } else {
                f_exp += f;
                a_exp += a;
            }
        }
        fr += f_rev;
        ar += a_rev;
        fe += f_exp;
        ae += a_exp;
        let v = |f, a| Variance::new(f, a, threshold_bp);
        out.push(ComparisonMonth {
            month: m as u32,
            revenue: v(f_rev, a_rev),
            expenses: v(f_exp, a_exp),
            result: v(f_rev - f_exp, a_rev - a_exp),
            cumulated_revenue: v(fr, ar),
            cumulated_expenses: v(fe, ae),
            cumulated_result: v(fr - fe, ar - ae),
        });
    }
    out
}

/// Whether the comparison's latest month is off the forecast: its cumulated produits, charges
/// or result flagged (false without actuals).
pub fn flagged(months: &[ComparisonMonth]) -> bool {
    months.last().is_some_and(|m| {
        m.cumulated_revenue.flagged || m.cumulated_expenses.flagged || m.cumulated_result.flagged
    })
}

/// Why a line of a CSV import was refused (line 1 is the header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub problem: CsvProblem,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvProblem {
    /// No header naming a date column and an amount column.
    Header,
    Date,
    /// The date falls outside the forecast's 36 months.
    MonthOutside,
    Amount,
    Category,
    Empty,
}

impl CsvProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            CsvProblem::Header => "actuals-csv-header",
            CsvProblem::Date => "actuals-csv-date",
            CsvProblem::MonthOutside => "actuals-csv-month",
            CsvProblem::Amount => "actuals-csv-amount",
            CsvProblem::Category => "actuals-csv-category",
            CsvProblem::Empty => "actuals-csv-empty",
        }
    }
}

fn split_line(line: &str, sep: char) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

fn normalise(head: &str) -> String {
    head.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .replace(['é', 'è'], "e")
}

/// The forecast month (1-based) of a date `JJ/MM/AAAA`, `AAAA-MM-JJ` or `AAAA-MM`.
fn month_of(text: &str, start: YearMonth) -> Result<u32, CsvProblem> {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let (year, month) = match parts.as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 => (y, m),
        [y, m, _] | [y, m] if y.len() == 4 => (y, m),
        _ => return Err(CsvProblem::Date),
    };
    let year: i32 = year.parse().map_err(|_| CsvProblem::Date)?;
    let month: i32 = month.parse().map_err(|_| CsvProblem::Date)?;
    if !(1..=12).contains(&month) {
        return Err(CsvProblem::Date);
    }
    let index = (year * 12 + month - 1) - (start.year * 12 + start.month as i32 - 1) + 1;
    if (1..=MONTHS as i32).contains(&index) {
        Ok(index as u32)
    } else {
        Err(CsvProblem::MonthOutside)
    }
}

/// An amount in euros as banks write it (`-1 234,56`, `1234.56`, `+45`), in cents.
pub fn parse_euros(text: &str) -> Option<i64> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '€' | '+'))
        .collect();
    let t = t.replace(',', ".");
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || whole.len() > 13
        || frac.len() > 2
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let cents = whole.parse::<i64>().ok()? * 100 + format!("{frac:0<2}").parse::<i64>().ok()?;
    Some(if neg { -cents } else { cents })
}

/// Reads a bank export: a header naming a date column (`date`, `mois`, `month`) and an amount
/// column (`montant`, `amount`), or a credit and a debit column (`crédit`, `débit`); an optional
/// `catégorie`/`category` column holds a category code. Other columns (the label) are ignored.
/// Separator `;` (or `,`, or a tab). Without a category, money in counts as chiffre d'affaires
/// and money out as charges externes. The actuals are summed by month and category; refused
/// whole at the first bad line.
pub fn parse_csv(text: &str, start: YearMonth) -> Result<Vec<Actual>, CsvError> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let header_error = |line| CsvError {
        line,
        problem: CsvProblem::Header,
    };
    let (_, header) = lines.next().ok_or(CsvError {
        line: 1,
        problem: CsvProblem::Empty,
    })?;
    let sep = [';', '\t', ',']
        .into_iter()
        .find(|s| header.contains(*s))
        .unwrap_or(';');
    let heads: Vec<String> = split_line(header, sep)
        .iter()
        .map(|h| normalise(h))
        .collect();
    let find = |names: &[&str]| heads.iter().position(|h| names.contains(&h.as_str()));
    let date = find(&[
        "date",
        "mois",
        "month",
        "date operation",
        "date d'operation",
    ])
    .ok_or(header_error(1))?;
    let amount = find(&["montant", "amount", "montant (eur)", "montant eur"]);
    let credit = find(&["credit", "credit (eur)"]);
    let debit = find(&["debit", "debit (eur)"]);
    if amount.is_none() && credit.is_none() && debit.is_none() {
        return Err(header_error(1));
    }
    let category = find(&["categorie", "category"]);
    let mut sums: BTreeMap<(u32, Category), i64> = BTreeMap::new();
    for (n, line) in lines {
        let at = |problem| CsvError {
            line: n + 1,
            problem,
        };
        let cells = split_line(line, sep);
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |s| s.as_str());
        let month = month_of(cell(Some(date)), start).map_err(at)?;
        let money = |i: Option<usize>| -> Result<i64, CsvError> {
            match cell(i) {
                "" => Ok(0),
                t => parse_euros(t).ok_or(at(CsvProblem::Amount)),
            }
        };
        let signed = match amount {
            Some(_) if !cell(amount).is_empty() => money(amount)?,
            _ => money(credit)?.abs() - money(debit)?.abs(),
        };
        let cat = match cell(category) {
            "" => {
                if signed >= 0 {
                    Category::ChiffreAffaires
                } else {
                    Category::ChargesExternes
                }
            }
            code => Category::parse(code).ok_or(at(CsvProblem::Category))?,
        };
        // Money in for a charge (a refund) lowers it; money out for a produit lowers it.
        let cents = if cat.is_revenue() { signed } else { -signed };
        let sum: &mut i64 = sums.entry((month, cat)).or_insert(0);
        *sum = sum.checked_add(cents).ok_or(at(CsvProblem::Amount))?;
    }
    if sums.is_empty() {
        return Err(CsvError {
            line: 2,
            problem: CsvProblem::Empty,
        });
    }
    Ok(sums
        .into_iter()
        .map(|((month, category), cents)| Actual {
            month,
            category,
            cents,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monthly() -> Monthly {
        let mut m = Monthly {
            chiffre_affaires: vec![0; MONTHS],
            subventions_exploitation: vec![0; MONTHS],
            autres_produits: vec![0; MONTHS],
            achats: vec![0; MONTHS],
            charges_externes: vec![0; MONTHS],
            salaires: vec![0; MONTHS],
            charges_sociales: vec![0; MONTHS],
            ..Monthly::default()
        };
        m.chiffre_affaires[0] = 100_000;
        m.chiffre_affaires[1] = 200_000;
        m.subventions_exploitation[1] = 50_000;
        m.charges_externes[0] = 40_000;
        m.charges_externes[1] = 40_000;
        m.salaires[1] = 100_000;
        m.charges_sociales[1] = 40_000;
        m
    }

    #[test]
    fn a_variance_is_in_cents_and_in_share_of_the_forecast() {
        let v = Variance::new(100_000, 88_000, 1_000);
        assert_eq!(
            (v.variance, v.variance_bp, v.flagged),
            (-12_000, Some(-1_200), true)
        );
        let v = Variance::new(100_000, 109_000, 1_000);
        assert_eq!(
            (v.variance, v.variance_bp, v.flagged),
            (9_000, Some(900), false)
        );
        // Exactly at the threshold is not over it.
        assert!(!Variance::new(100_000, 110_000, 1_000).flagged);
        // Nothing forecast: no share, flagged when something happened.
        let v = Variance::new(0, 5_000, 1_000);
        assert_eq!((v.variance_bp, v.flagged), (None, true));
        assert!(!Variance::new(0, 0, 1_000).flagged);
        // A negative forecast (a loss) keeps the variance's sign: better than a loss is positive.
        assert_eq!(
            Variance::new(-10_000, -5_000, 1_000).variance_bp,
            Some(5_000)
        );
    }

    #[test]
    fn the_latest_cumul_decides_the_flag() {
        let m = monthly();
        assert!(!flagged(&compare(&m, &[], 1_000)));
        let on_plan = [
            Actual {
                month: 1,
                category: Category::ChiffreAffaires,
                cents: 100_000,
            },
            Actual {
                month: 1,
                category: Category::ChargesExternes,
                cents: 40_000,
            },
        ];
        assert!(!flagged(&compare(&m, &on_plan, 1_000)));
        let short = [
            on_plan[0],
            Actual {
                cents: 80_000,
                ..on_plan[1]
            },
        ];
        assert!(flagged(&compare(&m, &short, 1_000)));
        // A wider threshold lets the same gap through.
        assert!(!flagged(&compare(&m, &short, 10_000)));
    }

    #[test]
    fn the_comparison_runs_to_the_last_month_entered_and_cumulates() {
        let actuals = [
            Actual {
                month: 1,
                category: Category::ChiffreAffaires,
                cents: 90_000,
            },
            Actual {
                month: 1,
                category: Category::ChargesExternes,
                cents: 41_000,
            },
            Actual {
                month: 2,
                category: Category::ChiffreAffaires,
                cents: 150_000,
            },
            Actual {
                month: 2,
                category: Category::SubventionsExploitation,
                cents: 50_000,
            },
            Actual {
                month: 2,
                category: Category::ChargesPersonnel,
                cents: 140_000,
            },
        ];
        let rows = compare(&monthly(), &actuals, 1_000);
        assert_eq!(rows.len(), 2);
        let m1 = &rows[0];
        assert_eq!((m1.revenue.forecast, m1.revenue.actual), (100_000, 90_000));
        assert_eq!(m1.revenue.variance_bp, Some(-1_000));
        assert!(!m1.revenue.flagged);
        assert_eq!((m1.expenses.forecast, m1.expenses.actual), (40_000, 41_000));
        assert_eq!((m1.result.forecast, m1.result.actual), (60_000, 49_000));
        let m2 = &rows[1];
        // Forecast month 2: 250 000 in; 40 000 + 100 000 + 40 000 out.
        assert_eq!((m2.revenue.forecast, m2.revenue.actual), (250_000, 200_000));
        assert!(m2.revenue.flagged);
        assert_eq!(
            (m2.expenses.forecast, m2.expenses.actual),
            (180_000, 140_000)
        );
        assert_eq!(m2.cumulated_revenue.forecast, 350_000);
        assert_eq!(m2.cumulated_revenue.actual, 290_000);
        assert_eq!(m2.cumulated_expenses.actual, 181_000);
        assert_eq!(m2.cumulated_result.forecast, 350_000 - 220_000);
        assert_eq!(m2.cumulated_result.actual, 290_000 - 181_000);
        assert!(compare(&monthly(), &[], 1_000).is_empty());
    }

    #[test]
    fn a_bank_export_becomes_monthly_actuals() {
        let start = YearMonth {
            year: 2027,
            month: 1,
        };
        let csv = "\u{feff}Date;Libellé;Montant;Catégorie\n\
                   05/01/2027;Ventes marché;1 250,50;\n\
                   12/01/2027;\"Loyer; janvier\";-900,00;\n\
                   2027-01-28;Salaire;-2 940,00;charges_personnel\n\
                   03/02/2027;Subvention Ville;5000;subventions_exploitation\n\
                   \n\
                   15/02/2027;Remboursement assurance;+60;charges_externes\n";
        let got = parse_csv(csv, start).unwrap();
        let find = |m, c| {
            got.iter()
                .find(|a| a.month == m && a.category == c)
                .map(|a| a.cents)
        };
        assert_eq!(find(1, Category::ChiffreAffaires), Some(125_050));
        assert_eq!(find(1, Category::ChargesExternes), Some(90_000));
        assert_eq!(find(1, Category::ChargesPersonnel), Some(294_000));
        assert_eq!(find(2, Category::SubventionsExploitation), Some(500_000));
        assert_eq!(find(2, Category::ChargesExternes), Some(-6_000));
        assert_eq!(got.len(), 5);
        // Credit and debit columns, comma separated.
        let csv = "date,label,debit,credit\n2027-03-02,Achat,\"45,10\",\n2027-03,Vente,,100\n";
        let got = parse_csv(csv, start).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(find_in(&got, 3, Category::ChargesExternes), Some(4_510));
        assert_eq!(find_in(&got, 3, Category::ChiffreAffaires), Some(10_000));
    }

    fn find_in(got: &[Actual], m: u32, c: Category) -> Option<i64> {
        got.iter()
            .find(|a| a.month == m && a.category == c)
            .map(|a| a.cents)
    }

    #[test]
    fn a_bad_bank_export_is_refused_at_its_line() {
        let start = YearMonth {
            year: 2027,
            month: 1,
        };
        let err = |csv: &str| parse_csv(csv, start).unwrap_err();
        assert_eq!(err("").problem, CsvProblem::Empty);
        assert_eq!(err("libellé;valeur\nx;1").problem, CsvProblem::Header);
        assert_eq!(err("date;montant\n").problem, CsvProblem::Empty);
        let e = err("date;montant\n01/01/2027;10\n31/13/2027;5");
        assert_eq!((e.line, e.problem), (3, CsvProblem::Date));
        let e = err("date;montant\n01/12/2026;10");
        assert_eq!((e.line, e.problem), (2, CsvProblem::MonthOutside));
        assert_eq!(
            err("date;montant\n01/01/2030;10").problem,
            CsvProblem::MonthOutside
        );
        assert_eq!(
            err("date;montant\n01/01/2027;dix").problem,
            CsvProblem::Amount
        );
        assert_eq!(
            err("date;montant\n01/01/2027;1,234").problem,
            CsvProblem::Amount
        );
        let e = err("date;montant;categorie\n01/01/2027;10;loyer");
        assert_eq!(e.problem, CsvProblem::Category);
        assert_eq!(parse_euros("-1 234,56"), Some(-123_456));
        assert_eq!(parse_euros("12.5"), Some(1_250));
        assert_eq!(parse_euros("-"), None);
    }
}
