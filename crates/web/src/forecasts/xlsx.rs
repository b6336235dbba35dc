//! The forecast as a workbook (rust_xlsxwriter): one sheet per statement, amounts in euros with
//! a number format, and live formulas for every balance, total and month-end cash, so the holder
//! can change a figure in the spreadsheet and see the rest follow.
use domain::forecast::ForecastResult;
use domain::forecast::actuals::ComparisonMonth;
use domain::forecast::model::{Forecast, MONTHS};
use rust_xlsxwriter::{Color, Format, Formula, Workbook, Worksheet, XlsxError};

fn eur(cents: i64) -> f64 {
    cents as f64 / 100.0
}

fn col(c: u16) -> char {
    (b'A' + c as u8) as char
}

/// A formula with its computed value cached, so readers that do not recalculate see it too.
fn formula(text: String, cents: i64) -> Formula {
    Formula::new(text).set_result(format!("{}", eur(cents)))
}

/// The compte de résultat's lines: (label, field, the formula of a balance over earlier rows).
const STATEMENT: [(&str, &str, Option<&str>); 18] = [
    ("Chiffre d'affaires", "chiffre_affaires", None),
    (
        "Subventions d'exploitation",
        "subventions_exploitation",
        None,
    ),
    ("Autres produits", "autres_produits", None),
    ("Achats consommés", "achats", None),
    ("Marge", "marge", Some("{c}2-{c}5")),
    ("Charges externes", "charges_externes", None),
    ("Valeur ajoutée", "valeur_ajoutee", Some("{c}6-{c}7")),
    ("Salaires bruts", "salaires", None),
    ("Charges sociales", "charges_sociales", None),
    (
        "Excédent brut d'exploitation",
        "ebe",
        Some("{c}8+{c}3-{c}9-{c}10"),
    ),
    (
        "Dotations aux amortissements",
        "dotations_amortissements",
        None,
    ),
    (
        "Résultat d'exploitation",
        "resultat_exploitation",
        Some("{c}11+{c}4-{c}12"),
    ),
    ("Charges financières", "charges_financieres", None),
    ("Résultat courant", "resultat_courant", Some("{c}13-{c}14")),
    ("Produits exceptionnels", "produits_exceptionnels", None),
    (
        "Résultat avant impôt",
        "resultat_avant_impot",
        Some("{c}15+{c}16"),
    ),
    ("Impôt sur les sociétés", "impot_societes", None),
    ("Résultat net", "resultat_net", Some("{c}17-{c}18")),
];

struct Formats {
    money: Format,
    bold_money: Format,
    head: Format,
}

fn header(ws: &mut Worksheet, f: &Formats, titles: &[&str]) -> Result<(), XlsxError> {
    for (i, t) in titles.iter().enumerate() {
        ws.write_string_with_format(0, i as u16, *t, &f.head)?;
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_range_width(1, titles.len() as u16, 16)?;
    ws.set_freeze_panes(1, 1)?;
    Ok(())
}

/// The workbook's bytes, with the comparison with the actuals as a last sheet when there are.
pub fn workbook(
    plan: &Forecast,
    r: &ForecastResult,
    comparison: &[ComparisonMonth],
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats {
        money: Format::new().set_num_format("#,##0.00\\ \"€\""),
        bold_money: Format::new().set_bold().set_num_format("#,##0.00\\ \"€\""),
        head: Format::new()
            .set_bold()
            .set_background_color(Color::RGB(0xE0F0EC)),
    };
    let mut wb = Workbook::new();
    let years = serde_json::to_value(&r.years).unwrap_or_default();

    let ws = wb.add_worksheet().set_name("Compte de résultat")?;
    header(ws, &f, &["Poste", "Année 1", "Année 2", "Année 3"])?;
    for (n, (label, field, balance)) in STATEMENT.iter().enumerate() {
        let row = n as u32 + 1;
        ws.write_string(row, 0, *label)?;
        for y in 0..3u16 {
            let cents = years[y as usize][*field].as_i64().unwrap_or(0);
            match balance {
                Some(expr) => {
                    let text = format!("={}", expr.replace("{c}", &col(y + 1).to_string()));
                    ws.write_formula_with_format(row, y + 1, formula(text, cents), &f.bold_money)?;
                }
                None => {
                    ws.write_number_with_format(row, y + 1, eur(cents), &f.money)?;
                }
            }
        }
    }
    let row = STATEMENT.len() as u32 + 2;
    ws.write_string(row, 0, "Seuil de rentabilité")?;
    ws.write_string(row + 1, 0, "Point mort (mois)")?;
    for (y, s) in r.years.iter().enumerate() {
        if let Some(seuil) = s.seuil_rentabilite {
            ws.write_number_with_format(row, y as u16 + 1, eur(seuil), &f.money)?;
        }
        if let Some(m) = s.point_mort_mois {
            ws.write_number(row + 1, y as u16 + 1, m as f64)?;
        }
    }

    let ws = wb.add_worksheet().set_name("Plan de financement")?;
    header(ws, &f, &["Poste", "Année 1", "Année 2", "Année 3"])?;
    let labels = [
        "Investissements",
        "Remboursements d'emprunts",
        "Variation du BFR",
        "Total des besoins",
        "Capacité d'autofinancement",
        "Apports",
        "Emprunts",
        "Subventions d'investissement",
        "Total des ressources",
        "Variation de trésorerie",
    ];
    for (n, label) in labels.iter().enumerate() {
        ws.write_string(n as u32 + 1, 0, *label)?;
    }
    for (y, p) in r.financing_plan.iter().enumerate() {
        let c = y as u16 + 1;
        let l = col(c);
        let values = [
            p.investissements,
            p.remboursements_emprunts,
            p.variation_bfr,
            0,
            p.capacite_autofinancement,
            p.apports,
            p.emprunts,
            p.subventions_investissement,
        ];
        for (n, v) in values.iter().enumerate() {
            if n != 3 {
                ws.write_number_with_format(n as u32 + 1, c, eur(*v), &f.money)?;
            }
        }
        ws.write_formula_with_format(
            4,
            c,
            formula(format!("=SUM({l}2:{l}4)"), p.total_besoins),
            &f.bold_money,
        )?;
        ws.write_formula_with_format(
            9,
            c,
            formula(format!("=SUM({l}6:{l}9)"), p.total_ressources),
            &f.bold_money,
        )?;
        ws.write_formula_with_format(
            10,
            c,
            formula(format!("={l}10-{l}5"), p.variation_tresorerie),
            &f.bold_money,
        )?;
    }

    let ws = wb.add_worksheet().set_name("Trésorerie")?;
    let titles = [
        "Mois",
        "Encaissements",
        "Achats",
        "Charges externes",
        "Salaires",
        "Charges sociales",
        "Investissements",
        "Financements reçus",
        "Intérêts",
        "Capital remboursé",
        "Impôt",
        "Trésorerie fin de mois",
    ];
    header(ws, &f, &titles)?;
    let m = &r.monthly;
    for i in 0..MONTHS {
        let row = i as u32 + 1;
        let ym = plan.start.plus(i + 1);
        ws.write_string(row, 0, format!("{:02}/{}", ym.month, ym.year))?;
        let values = [
            m.encaissements[i],
            m.achats[i],
            m.charges_externes[i],
            m.salaires[i],
            m.charges_sociales[i],
            m.investissements[i],
            m.financements_recus[i],
            m.charges_financieres[i],
            m.remboursements_capital[i],
            m.impot_paye[i],
        ];
        for (n, v) in values.iter().enumerate() {
            ws.write_number_with_format(row, n as u16 + 1, eur(*v), &f.money)?;
        }
        let previous = if i == 0 {
            format!("{}", eur(plan.opening_cash_cents))
        } else {
            format!("L{row}")
        };
        let r1 = row + 1;
        let text =
            format!("={previous}+B{r1}-C{r1}-D{r1}-E{r1}-F{r1}-G{r1}+H{r1}-I{r1}-J{r1}-K{r1}");
        ws.write_formula_with_format(row, 11, formula(text, r.cash[i]), &f.bold_money)?;
    }

    let ws = wb.add_worksheet().set_name("Prêts")?;
    header(
        ws,
        &f,
        &["Prêt", "Mois", "Intérêts", "Capital", "Capital restant dû"],
    )?;
    let mut row = 1;
    for loan in &r.loans {
        for p in &loan.schedule {
            ws.write_string(row, 0, &loan.name)?;
            ws.write_number(row, 1, p.month as f64)?;
            ws.write_number_with_format(row, 2, eur(p.interest), &f.money)?;
            ws.write_number_with_format(row, 3, eur(p.principal), &f.money)?;
            ws.write_number_with_format(row, 4, eur(p.balance), &f.money)?;
            row += 1;
        }
    }
    if !comparison.is_empty() {
        actuals_sheet(&mut wb, &f, plan, comparison)?;
    }
    wb.save_to_buffer()
}

/// « Prévu et réalisé »: produits and charges forecast and actual per month, the variances in
/// euros and percent, the result and its cumulation, every variance and total a live formula.
fn actuals_sheet(
    wb: &mut Workbook,
    f: &Formats,
    plan: &Forecast,
    comparison: &[ComparisonMonth],
) -> Result<(), XlsxError> {
    let percent = Format::new().set_num_format("0.0%");
    let ws = wb.add_worksheet().set_name("Prévu et réalisé")?;
    let titles = [
        "Mois",
        "Produits prévus",
        "Produits réalisés",
        "Écart produits",
        "Écart produits %",
        "Charges prévues",
        "Charges réalisées",
        "Écart charges",
        "Écart charges %",
        "Résultat prévu",
        "Résultat réalisé",
        "Écart résultat",
        "Résultat prévu cumulé",
        "Résultat réalisé cumulé",
    ];
    header(ws, f, &titles)?;
    for (i, m) in comparison.iter().enumerate() {
        let row = i as u32 + 1;
        let r1 = row + 1;
        let ym = plan.start.plus(m.month as usize);
        ws.write_string(row, 0, format!("{:02}/{}", ym.month, ym.year))?;
        for (c, v) in [(1, &m.revenue), (5, &m.expenses)] {
            let (fc, ac, dc) = (col(c), col(c + 1), col(c + 2));
            ws.write_number_with_format(row, c, eur(v.forecast), &f.money)?;
            ws.write_number_with_format(row, c + 1, eur(v.actual), &f.money)?;
            ws.write_formula_with_format(
                row,
                c + 2,
                formula(format!("={ac}{r1}-{fc}{r1}"), v.variance),
                &f.money,
            )?;
            let share = v
                .variance_bp
                .map_or(String::new(), |bp| format!("{}", bp as f64 / 10_000.0));
            ws.write_formula_with_format(
                row,
                c + 3,
                Formula::new(format!("=IF({fc}{r1}=0,\"\",{dc}{r1}/{fc}{r1})")).set_result(share),
                &percent,
            )?;
        }
        ws.write_formula_with_format(
            row,
            9,
            formula(format!("=B{r1}-F{r1}"), m.result.forecast),
            &f.money,
        )?;
        ws.write_formula_with_format(
            row,
            10,
            formula(format!("=C{r1}-G{r1}"), m.result.actual),
            &f.money,
        )?;
        ws.write_formula_with_format(
            row,
            11,
            formula(format!("=K{r1}-J{r1}"), m.result.variance),
            &f.money,
        )?;
        ws.write_formula_with_format(
            row,
            12,
            formula(format!("=SUM(J$2:J{r1})"), m.cumulated_result.forecast),
            &f.bold_money,
        )?;
        ws.write_formula_with_format(
            row,
            13,
            formula(format!("=SUM(K$2:K{r1})"), m.cumulated_result.actual),
            &f.bold_money,
        )?;
    }
    Ok(())
}
