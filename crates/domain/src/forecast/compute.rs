//! The computation rules of the exchange format (shared/formats/forecast.md), in integer cents.
use super::loans::{LoanResult, loan_result};
use super::model::*;
use super::money::{round_div, share};
use serde::Serialize;

/// Corporate tax: 15 % up to this result (42 500,00 €), 25 % above.
const REDUCED_TAX_CEILING: i64 = 4_250_000;

/// One amount per forecast month (index 0 = month 1).
pub type Months = [i64; MONTHS];

/// Every monthly amount the statements are built from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Monthly {
    pub chiffre_affaires: Vec<i64>,
    pub subventions_exploitation: Vec<i64>,
    pub autres_produits: Vec<i64>,
    pub achats: Vec<i64>,
    pub charges_externes: Vec<i64>,
    pub salaires: Vec<i64>,
    pub charges_sociales: Vec<i64>,
    pub dotations_amortissements: Vec<i64>,
    pub charges_financieres: Vec<i64>,
    pub produits_exceptionnels: Vec<i64>,
    /// Cash side.
    pub encaissements: Vec<i64>,
    pub investissements: Vec<i64>,
    pub financements_recus: Vec<i64>,
    pub remboursements_capital: Vec<i64>,
    pub impot_paye: Vec<i64>,
}

/// The income statement of one year with its soldes intermédiaires de gestion and break-even.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct YearStatement {
    pub year: u32,
    pub chiffre_affaires: i64,
    pub subventions_exploitation: i64,
    pub autres_produits: i64,
    pub achats: i64,
    pub marge: i64,
    pub charges_externes: i64,
    pub valeur_ajoutee: i64,
    pub salaires: i64,
    pub charges_sociales: i64,
    pub ebe: i64,
    pub dotations_amortissements: i64,
    pub resultat_exploitation: i64,
    pub charges_financieres: i64,
    pub resultat_courant: i64,
    pub produits_exceptionnels: i64,
    pub resultat_avant_impot: i64,
    pub impot_societes: i64,
    pub resultat_net: i64,
    pub seuil_rentabilite: Option<i64>,
    pub point_mort_mois: Option<u32>,
    /// Extra: produits − seuil (marge de sécurité), null without a seuil.
    pub marge_securite: Option<i64>,
    /// Extra: besoin en fonds de roulement at year end (receivables − tax payable).
    pub bfr: i64,
}

/// One year of the plan de financement: needs, resources and the change of cash that balances them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlanYear {
    pub year: u32,
    pub investissements: i64,
    pub remboursements_emprunts: i64,
    pub variation_bfr: i64,
    pub total_besoins: i64,
    pub capacite_autofinancement: i64,
    pub apports: i64,
    pub emprunts: i64,
    pub subventions_investissement: i64,
    pub total_ressources: i64,
    pub variation_tresorerie: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
}

/// The output of the format (plus extra fields other tools may ignore).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForecastResult {
    pub years: Vec<YearStatement>,
    pub cash: Vec<i64>,
    pub loans: Vec<LoanResult>,
    pub warnings: Vec<Warning>,
    pub opening_cash: i64,
    pub financing_plan: Vec<PlanYear>,
    pub monthly: Monthly,
}

impl ForecastResult {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Spreads `amount` linearly over `months` months from `from` (1-based): each month
/// round(amount ÷ months), the last takes what remains. Adds the months within the forecast.
pub fn spread_into(out: &mut Months, amount: i64, months: u32, from: u32) {
    let each = round_div(amount as i128, months as i128) as i64;
    for k in 0..months {
        let month = from + k;
        if month as usize > MONTHS {
            break;
        }
        let value = if k + 1 == months {
            amount - each * (months as i64 - 1)
        } else {
            each
        };
        out[month as usize - 1] += value;
    }
}

fn add(out: &mut Months, month: u32, amount: i64) {
    if (1..=MONTHS as u32).contains(&month) {
        out[month as usize - 1] += amount;
    }
}

/// Amount of a revenue line in month index `i` (0-based).
pub fn revenue_amount(line: &Revenue, i: usize) -> i64 {
    if (i as u32) + 1 < line.start_month {
        return 0;
    }
    let years = (i / 12) as u32;
    let n = line.unit_price_cents as i128
        * line.monthly_volume.at(i % 12) as i128
        * (10_000 + line.growth_bp as i128).pow(years);
    round_div(n, VOLUME_SCALE as i128 * 10_000i128.pow(years)) as i64
}

fn indexed(monthly: i64, bp: i64, i: usize) -> i64 {
    super::money::compound(monthly as i128, bp, (i / 12) as u32)
}

fn corporate_tax(result: i64) -> i64 {
    if result <= 0 {
        return 0;
    }
    let reduced = result.min(REDUCED_TAX_CEILING) as i128;
    let full = (result - REDUCED_TAX_CEILING).max(0) as i128;
    round_div(reduced * 15 + full * 25, 100) as i64
}

fn year_sum(m: &Months, y: usize) -> i64 {
    m[12 * y..12 * (y + 1)].iter().sum()
}

/// Computes a forecast exactly as the format says.
pub fn compute(f: &Forecast) -> ForecastResult {
    let z = [0i64; MONTHS];
    let (mut ca, mut subv, mut autres, mut achats) = (z, z, z, z);
    let (mut ext, mut sal, mut soc, mut dot, mut fin, mut exc) = (z, z, z, z, z, z);
    let (mut receipts, mut invest, mut received, mut principal, mut tax_paid) = (z, z, z, z, z);

    for line in &f.revenues {
        let target = match line.kind {
            RevenueKind::Sales | RevenueKind::Service => &mut ca,
            RevenueKind::Subsidy => &mut subv,
            RevenueKind::Donation | RevenueKind::Membership => &mut autres,
        };
        for i in 0..MONTHS {
            let amount = revenue_amount(line, i);
            if amount == 0 {
                continue;
            }
            target[i] += amount;
            achats[i] += share(amount, line.variable_cost_bp);
            add(
                &mut receipts,
                i as u32 + 1 + line.payment_delay_months,
                amount,
            );
        }
    }
    for e in &f.expenses {
        for (i, out) in ext.iter_mut().enumerate().skip(e.start_month as usize - 1) {
            *out += indexed(e.monthly_cents, e.indexation_bp, i);
        }
    }
    for s in &f.salaries {
        for i in (s.start_month as usize - 1)..MONTHS {
            let gross = indexed(s.gross_monthly_cents, s.raise_bp, i);
            sal[i] += gross;
            soc[i] += share(gross, s.employer_rate_bp);
        }
    }
    for inv in &f.investments {
        add(&mut invest, inv.month, inv.amount_cents);
        spread_into(&mut dot, inv.amount_cents, inv.years * 12, inv.month);
    }
    let mut loans = Vec::new();
    for item in &f.financing {
        add(&mut received, item.month, item.amount_cents);
        match item.kind {
            FinancingKind::InvestmentSubsidy => {
                spread_into(&mut exc, item.amount_cents, item.years * 12, item.month)
            }
            kind if kind.is_loan() => {
                let loan = loan_result(item);
                for p in &loan.schedule {
                    add(&mut fin, p.month, p.interest);
                    add(&mut principal, p.month, p.principal);
                }
                loans.push(loan);
            }
            _ => {}
        }
    }

    let mut years = Vec::with_capacity(3);
    for y in 0..3 {
        let mut s = YearStatement {
            year: y as u32 + 1,
            chiffre_affaires: year_sum(&ca, y),
            subventions_exploitation: year_sum(&subv, y),
            autres_produits: year_sum(&autres, y),
            achats: year_sum(&achats, y),
            charges_externes: year_sum(&ext, y),
            salaires: year_sum(&sal, y),
            charges_sociales: year_sum(&soc, y),
            dotations_amortissements: year_sum(&dot, y),
            charges_financieres: year_sum(&fin, y),
            produits_exceptionnels: year_sum(&exc, y),
            ..YearStatement::default()
        };
        s.marge = s.chiffre_affaires - s.achats;
        s.valeur_ajoutee = s.marge - s.charges_externes;
        s.ebe = s.valeur_ajoutee + s.subventions_exploitation - s.salaires - s.charges_sociales;
        s.resultat_exploitation = s.ebe + s.autres_produits - s.dotations_amortissements;
        s.resultat_courant = s.resultat_exploitation - s.charges_financieres;
        s.resultat_avant_impot = s.resultat_courant + s.produits_exceptionnels;
        s.impot_societes = if f.legal_form.pays_corporate_tax() {
            corporate_tax(s.resultat_avant_impot)
        } else {
            0
        };
        s.resultat_net = s.resultat_avant_impot - s.impot_societes;
        add(&mut tax_paid, 12 * (y as u32 + 1) + 1, s.impot_societes);
        break_even(&mut s, y, &ca, &subv, &autres);
        years.push(s);
    }

    let mut cash = Vec::with_capacity(MONTHS);
    let mut balance = f.opening_cash_cents;
    for i in 0..MONTHS {
        balance += receipts[i] - achats[i] - ext[i] - sal[i] - soc[i] - invest[i] + received[i]
            - fin[i]
            - principal[i]
            - tax_paid[i];
        cash.push(balance);
    }

    // BFR at each year end: sales not yet paid, less corporate tax not yet paid.
    let mut produced = 0;
    let mut cashed = 0;
    let mut previous_bfr = 0;
    let mut plan = Vec::with_capacity(3);
    for (y, s) in years.iter_mut().enumerate() {
        produced += s.chiffre_affaires + s.subventions_exploitation + s.autres_produits;
        cashed += year_sum(&receipts, y);
        s.bfr = produced - cashed - s.impot_societes;
        let mut p = PlanYear {
            year: s.year,
            investissements: year_sum(&invest, y),
            remboursements_emprunts: year_sum(&principal, y),
            variation_bfr: s.bfr - previous_bfr,
            capacite_autofinancement: s.resultat_net + s.dotations_amortissements
                - s.produits_exceptionnels,
            ..PlanYear::default()
        };
        previous_bfr = s.bfr;
        for item in f
            .financing
            .iter()
            .filter(|i| (i.month as usize - 1) / 12 == y)
        {
            match item.kind {
                FinancingKind::Equity => p.apports += item.amount_cents,
                FinancingKind::InvestmentSubsidy => {
                    p.subventions_investissement += item.amount_cents
                }
                _ => p.emprunts += item.amount_cents,
            }
        }
        p.total_besoins = p.investissements + p.remboursements_emprunts + p.variation_bfr;
        p.total_ressources =
            p.capacite_autofinancement + p.apports + p.emprunts + p.subventions_investissement;
        p.variation_tresorerie = p.total_ressources - p.total_besoins;
        plan.push(p);
    }

    let mut warnings = Vec::new();
    if let Some(i) = cash.iter().position(|c| *c < 0) {
        warnings.push(Warning {
            code: "negative_cash",
            month: Some(i as u32 + 1),
        });
    }
    let total = |kind: FinancingKind| -> i64 {
        f.financing
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.amount_cents)
            .sum()
    };
    let honour = total(FinancingKind::HonourLoan);
    if honour > 0 && total(FinancingKind::BankLoan) < 2 * honour {
        warnings.push(Warning {
            code: "honour_loan_not_matched",
            month: None,
        });
    }

    ForecastResult {
        years,
        cash,
        loans,
        warnings,
        opening_cash: f.opening_cash_cents,
        financing_plan: plan,
        monthly: Monthly {
            chiffre_affaires: ca.to_vec(),
            subventions_exploitation: subv.to_vec(),
            autres_produits: autres.to_vec(),
            achats: achats.to_vec(),
            charges_externes: ext.to_vec(),
            salaires: sal.to_vec(),
            charges_sociales: soc.to_vec(),
            dotations_amortissements: dot.to_vec(),
            charges_financieres: fin.to_vec(),
            produits_exceptionnels: exc.to_vec(),
            encaissements: receipts.to_vec(),
            investissements: invest.to_vec(),
            financements_recus: received.to_vec(),
            remboursements_capital: principal.to_vec(),
            impot_paye: tax_paid.to_vec(),
        },
    }
}

fn break_even(s: &mut YearStatement, y: usize, ca: &Months, subv: &Months, autres: &Months) {
    let produits = s.chiffre_affaires + s.subventions_exploitation + s.autres_produits;
    let fixed = s.charges_externes
        + s.salaires
        + s.charges_sociales
        + s.dotations_amortissements
        + s.charges_financieres;
    let margin = produits - s.achats;
    if produits <= 0 || margin <= 0 {
        return;
    }
    let seuil = round_div(fixed as i128 * produits as i128, margin as i128) as i64;
    s.seuil_rentabilite = Some(seuil);
    s.marge_securite = Some(produits - seuil);
    let mut cumulated = 0;
    for m in 0..12 {
        let i = 12 * y + m;
        cumulated += ca[i] + subv[i] + autres[i];
        if cumulated >= seuil {
            s.point_mort_mois = Some(m as u32 + 1);
            return;
        }
    }
}
