//! Scenarios: the base plan with volumes and costs moved by a share; « réaliste » is the plan itself.
use super::model::Forecast;
use super::model::Volumes;
use super::money::share;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    Pessimistic,
    Realistic,
    Optimistic,
}

impl Scenario {
    pub const ALL: [Scenario; 3] = [
        Scenario::Pessimistic,
        Scenario::Realistic,
        Scenario::Optimistic,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Scenario::Pessimistic => "pessimistic",
            Scenario::Realistic => "realistic",
            Scenario::Optimistic => "optimistic",
        }
    }

    /// Default (volumes, external charges) in basis points of the base plan.
    pub fn default_factors(self) -> (i64, i64) {
        match self {
            Scenario::Pessimistic => (8_000, 10_500),
            Scenario::Realistic => (10_000, 10_000),
            Scenario::Optimistic => (12_000, 10_000),
        }
    }

    pub fn apply(self, base: &Forecast) -> Forecast {
        let (volume_bp, cost_bp) = self.default_factors();
        apply_factors(base, volume_bp, cost_bp)
    }
}

/// The plan with every volume × `volume_bp` and every expense × `cost_bp` (rounded).
pub fn apply_factors(base: &Forecast, volume_bp: i64, cost_bp: i64) -> Forecast {
    let mut f = base.clone();
    for line in &mut f.revenues {
        line.monthly_volume = match &line.monthly_volume {
            Volumes::Same(v) => Volumes::Same(share(*v, volume_bp)),
            Volumes::Monthly(vs) => Volumes::Monthly(vs.map(|v| share(v, volume_bp))),
        };
    }
    for e in &mut f.expenses {
        e.monthly_cents = share(e.monthly_cents, cost_bp);
    }
    f
}
