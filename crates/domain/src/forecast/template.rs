//! The template a centre's own budget starts from: what a Studio d'Impact Local, run as an
//! association, typically plans for its first three years. Every figure is there to be changed.
use super::model::YearMonth;
use super::{Forecast, parse};

/// The template in the exchange format (an association, no loan, no corporate tax).
pub const CENTRE_TEMPLATE: &str = r#"{
  "name": "Budget du centre",
  "start": "2027-01",
  "legal_form": "association",
  "opening_cash_cents": 1500000,
  "revenues": [
    { "name": "Accompagnement des porteurs de projets", "kind": "service", "unit_price_cents": 45000,
      "monthly_volume": 6, "growth_bp": 1000 },
    { "name": "Ateliers et formations", "kind": "service", "unit_price_cents": 30000,
      "monthly_volume": [2, 2, 3, 3, 3, 2, 1, 0, 3, 3, 3, 2], "growth_bp": 1000 },
    { "name": "Subvention de fonctionnement (Région)", "kind": "subsidy", "unit_price_cents": 250000,
      "monthly_volume": 1 },
    { "name": "Adhésions", "kind": "membership", "unit_price_cents": 2000,
      "monthly_volume": 10, "growth_bp": 500 }
  ],
  "expenses": [
    { "name": "Loyer et charges du local", "monthly_cents": 90000, "indexation_bp": 200 },
    { "name": "Énergie, assurance et télécoms", "monthly_cents": 25000, "indexation_bp": 300 },
    { "name": "Communication et événements", "monthly_cents": 20000 }
  ],
  "salaries": [
    { "name": "Coordinatrice ou coordinateur", "gross_monthly_cents": 230000,
      "employer_rate_bp": 3800, "start_month": 1, "raise_bp": 200 }
  ],
  "investments": [
    { "name": "Mobilier et matériel informatique", "amount_cents": 600000, "month": 1, "years": 3 }
  ],
  "financing": [
    { "kind": "investment_subsidy", "name": "Subvention d'équipement", "amount_cents": 600000,
      "month": 1, "years": 3 }
  ],
  "in_kind": [
    { "name": "Mentors bénévoles", "kind": "volunteering", "yearly_cents": 960000 },
    { "name": "Salle de réunion prêtée par la mairie", "kind": "services", "yearly_cents": 180000 }
  ]
}"#;

/// A centre's first budget: the template, named after the centre, starting at `start`.
pub fn centre_budget(name: &str, start: YearMonth) -> Forecast {
    // The template is a constant checked by the tests below: it always reads.
    let mut plan = parse(CENTRE_TEMPLATE).unwrap_or_else(|e| panic!("centre template: {e}"));
    let name: String = name.trim().chars().take(200).collect();
    if !name.is_empty() {
        plan.name = name;
    }
    plan.start = start;
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forecast::compute;

    #[test]
    fn the_template_reads_and_balances() {
        let start = YearMonth {
            year: 2028,
            month: 9,
        };
        let plan = centre_budget("Studio d'Impact du Diois", start);
        assert_eq!(plan.name, "Studio d'Impact du Diois");
        assert_eq!(plan.start, start);
        let r = compute(&plan);
        assert!(r.years[0].subventions_exploitation > 0);
        assert_eq!(r.years[0].impot_societes, 0, "an association");
        assert_eq!(centre_budget("  ", start).name, "Budget du centre");
        assert_eq!(plan.in_kind.len(), 2);
    }
}
