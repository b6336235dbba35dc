//! The association budget of the subsidy request (Cerfa 12156, « budget prévisionnel de
//! l'action »): the forecast's first year on the official charges 60–68 and produits 70–79
//! accounts, balanced by the year's surplus or shortfall, and the contributions in kind on
//! accounts 86 (their use) and 87 (their source). Total charges = total produits, always.
use super::ForecastResult;
use super::model::{Forecast, InKindKind};

/// One account line: its number, the catalogue key of its official wording, its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CerfaLine {
    pub account: &'static str,
    pub key: &'static str,
    pub cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CerfaBudget {
    /// 60 to 68 (69 when corporate tax is due), then the surplus when there is one.
    pub charges: Vec<CerfaLine>,
    /// 70 to 79, then the shortfall when there is one.
    pub produits: Vec<CerfaLine>,
    pub total_charges: i64,
    pub total_produits: i64,
    /// 860, 861, 864: the use of the contributions in kind.
    pub emplois_nature: Vec<CerfaLine>,
    /// 870, 871, 875: their source, the same amounts.
    pub contributions_nature: Vec<CerfaLine>,
    pub total_nature: i64,
}

impl CerfaBudget {
    /// Total charges with the use of the contributions in kind (the form's last line).
    pub fn grand_total_charges(&self) -> i64 {
        self.total_charges + self.total_nature
    }

    pub fn grand_total_produits(&self) -> i64 {
        self.total_produits + self.total_nature
    }
}

fn line(account: &'static str, key: &'static str, cents: i64) -> CerfaLine {
    CerfaLine {
        account,
        key,
        cents,
    }
}

/// The first year of `result` (computed from `plan`) in the Cerfa layout.
pub fn budget(plan: &Forecast, result: &ForecastResult) -> CerfaBudget {
    let y = &result.years[0];
    let mut charges = vec![
        line("60", "cerfa-60", y.achats),
        line("61", "cerfa-61", y.charges_externes),
        line("62", "cerfa-62", 0),
        line("63", "cerfa-63", 0),
        line("64", "cerfa-64", y.salaires + y.charges_sociales),
        line("65", "cerfa-65", 0),
        line("66", "cerfa-66", y.charges_financieres),
        line("67", "cerfa-67", 0),
        line("68", "cerfa-68", y.dotations_amortissements),
    ];
    if y.impot_societes != 0 {
        charges.push(line("69", "cerfa-69", y.impot_societes));
    }
    let mut produits = vec![
        line("70", "cerfa-70", y.chiffre_affaires),
        line("73", "cerfa-73", 0),
        line("74", "cerfa-74", y.subventions_exploitation),
        line("75", "cerfa-75", y.autres_produits),
        line("76", "cerfa-76", 0),
        line("77", "cerfa-77", y.produits_exceptionnels),
        line("78", "cerfa-78", 0),
        line("79", "cerfa-79", 0),
    ];
    // The result balances the two sides: a surplus is spent on nothing yet, a shortfall is
    // what the budget still has to find.
    if y.resultat_net > 0 {
        charges.push(line("", "cerfa-surplus", y.resultat_net));
    } else if y.resultat_net < 0 {
        produits.push(line("", "cerfa-shortfall", -y.resultat_net));
    }
    let sum = |lines: &[CerfaLine]| lines.iter().map(|l| l.cents).sum::<i64>();
    let in_kind = |kind: InKindKind| {
        plan.in_kind
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| c.yearly_cents)
            .sum::<i64>()
    };
    let (goods, services, volunteering) = (
        in_kind(InKindKind::Goods),
        in_kind(InKindKind::Services),
        in_kind(InKindKind::Volunteering),
    );
    let emplois_nature = vec![
        line("860", "cerfa-860", goods),
        line("861", "cerfa-861", services),
        line("864", "cerfa-864", volunteering),
    ];
    let contributions_nature = vec![
        line("870", "cerfa-870", volunteering),
        line("871", "cerfa-871", services),
        line("875", "cerfa-875", goods),
    ];
    CerfaBudget {
        total_charges: sum(&charges),
        total_produits: sum(&produits),
        total_nature: sum(&emplois_nature),
        charges,
        produits,
        emplois_nature,
        contributions_nature,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::{compute, parse};

    const PLAN: &str = r#"{
      "name": "Repair café", "start": "2027-01", "legal_form": "association",
      "revenues": [
        { "name": "Ateliers", "kind": "service", "unit_price_cents": 1000, "monthly_volume": 50,
          "variable_cost_bp": 1000 },
        { "name": "Subvention Ville", "kind": "subsidy", "unit_price_cents": 50000, "monthly_volume": 1 },
        { "name": "Adhésions", "kind": "membership", "unit_price_cents": 1500, "monthly_volume": 4 }
      ],
      "expenses": [ { "name": "Local", "monthly_cents": 40000 } ],
      "salaries": [ { "name": "Animatrice", "gross_monthly_cents": 50000, "employer_rate_bp": 3800 } ],
      "investments": [ { "name": "Outillage", "amount_cents": 360000, "month": 1, "years": 3 } ],
      "financing": [
        { "kind": "investment_subsidy", "name": "Département", "amount_cents": 180000, "month": 1, "years": 3 }
      ],
      "in_kind": [
        { "name": "Bénévoles réparateurs", "kind": "volunteering", "yearly_cents": 1200000 },
        { "name": "Salle prêtée", "kind": "services", "yearly_cents": 240000 },
        { "name": "Outils donnés", "kind": "goods", "yearly_cents": 30000 }
      ]
    }"#;

    fn amount(lines: &[CerfaLine], account: &str) -> i64 {
        lines
            .iter()
            .find(|l| l.account == account)
            .map_or(0, |l| l.cents)
    }

    #[test]
    fn the_first_year_maps_to_the_accounts_and_balances() {
        let plan = parse(PLAN).unwrap();
        let b = budget(&plan, &compute(&plan));
        // By hand, year 1: ateliers 12 × 50 × 10,00 € = 6 000,00 €, purchases 10 % of it.
        assert_eq!(amount(&b.produits, "70"), 600_000);
        assert_eq!(amount(&b.charges, "60"), 60_000);
        assert_eq!(amount(&b.produits, "74"), 600_000);
        assert_eq!(amount(&b.produits, "75"), 12 * 4 * 1_500);
        assert_eq!(amount(&b.charges, "61"), 12 * 40_000);
        // 12 × (500,00 € gross + 38 % charges).
        assert_eq!(amount(&b.charges, "64"), 12 * (50_000 + 19_000));
        // 3 600,00 € over 3 years: 1 200,00 € a year; the subsidy released the same way.
        assert_eq!(amount(&b.charges, "68"), 120_000);
        assert_eq!(amount(&b.produits, "77"), 60_000);
        // Produits 6 000 + 6 000 + 720 + 600 = 13 320,00 €; charges 600 + 4 800 + 8 280 +
        // 1 200 = 14 880,00 €: a shortfall of 1 560,00 € on the produits side.
        assert_eq!(amount(&b.produits, ""), 156_000);
        assert_eq!(amount(&b.charges, ""), 0);
        assert_eq!(b.total_charges, 1_488_000);
        assert_eq!(b.total_charges, b.total_produits);
        // Contributions in kind: the same amounts on both sides.
        assert_eq!(amount(&b.emplois_nature, "864"), 1_200_000);
        assert_eq!(amount(&b.contributions_nature, "870"), 1_200_000);
        assert_eq!(amount(&b.emplois_nature, "861"), 240_000);
        assert_eq!(amount(&b.contributions_nature, "875"), 30_000);
        assert_eq!(b.total_nature, 1_470_000);
        assert_eq!(b.grand_total_charges(), b.grand_total_produits());
    }

    #[test]
    fn a_surplus_balances_on_the_charges_side() {
        let plan = parse(
            r#"{ "name": "Épicerie", "start": "2027-01", "legal_form": "sas",
                 "revenues": [ { "name": "Ventes", "kind": "sales", "unit_price_cents": 100000,
                                 "monthly_volume": 10 } ] }"#,
        )
        .unwrap();
        let r = compute(&plan);
        let b = budget(&plan, &r);
        let y = &r.years[0];
        assert!(y.impot_societes > 0);
        assert_eq!(amount(&b.charges, "69"), y.impot_societes);
        assert_eq!(amount(&b.charges, ""), y.resultat_net);
        assert_eq!(b.total_charges, b.total_produits);
        assert_eq!(b.total_produits, 12_000_000);
        assert!(b.contributions_nature.iter().all(|l| l.cents == 0));
    }
}
