//! The forecast as entered: the input of the exchange format (docs/forecast-extensions.md adds
//! options whose defaults keep the format's rules exact).
use serde::Serialize;

/// Months covered by a forecast: 1–36 from its start.
pub const MONTHS: usize = 36;
/// One volume unit, as stored: volumes keep up to four decimals (`VOLUME_SCALE` = 1 unit).
pub const VOLUME_SCALE: i64 = 10_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Forecast {
    pub name: String,
    /// First month, `YYYY-MM`.
    pub start: YearMonth,
    pub legal_form: LegalForm,
    /// Extension: informational VAT regime (amounts stay before VAT).
    #[serde(skip_serializing_if = "VatRegime::is_default")]
    pub vat_regime: VatRegime,
    pub opening_cash_cents: i64,
    pub revenues: Vec<Revenue>,
    pub expenses: Vec<Expense>,
    pub salaries: Vec<Salary>,
    pub investments: Vec<Investment>,
    pub financing: Vec<Financing>,
    /// Extension: contributions in kind (volunteer work, services and goods given), valued for
    /// the association budget (Cerfa 12156, accounts 86/87); they change no computed figure.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub in_kind: Vec<InKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearMonth {
    pub year: i32,
    pub month: u8,
}

impl YearMonth {
    pub fn parse(text: &str) -> Option<YearMonth> {
        let (y, m) = text.split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        ((1..=12).contains(&month) && year >= 1900).then_some(YearMonth { year, month })
    }

    /// The calendar month of forecast month `m` (1-based).
    pub fn plus(self, m: usize) -> YearMonth {
        let index = self.year as i64 * 12 + (self.month as i64 - 1) + m as i64 - 1;
        YearMonth {
            year: (index / 12) as i32,
            month: (index % 12 + 1) as u8,
        }
    }
}

impl std::fmt::Display for YearMonth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            pub fn parse(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}

choice!(LegalForm {
    Association = "association",
    Sas = "sas",
    Sarl = "sarl",
    Scop = "scop",
    Scic = "scic",
    Micro = "micro",
});

impl LegalForm {
    /// Whether the form pays corporate tax (impôt sur les sociétés).
    pub fn pays_corporate_tax(self) -> bool {
        matches!(
            self,
            LegalForm::Sas | LegalForm::Sarl | LegalForm::Scop | LegalForm::Scic
        )
    }

    /// Extension: the employer-charge rate offered by default for a new salary line (the editor
    /// proposes it; the file always states `employer_rate_bp`).
    pub fn default_employer_rate_bp(self) -> i64 {
        match self {
            LegalForm::Association => 3_800,
            LegalForm::Micro => 0,
            _ => 4_200,
        }
    }
}

choice!(
    /// Extension: the VAT regime, recorded for the business plan; VAT flows stay outside the computation.
    VatRegime {
        None = "none",
        Franchise = "franchise",
        Simplified = "reel_simplifie",
        Normal = "reel_normal",
    }
);

impl VatRegime {
    pub fn is_default(&self) -> bool {
        *self == VatRegime::None
    }
}

choice!(RevenueKind {
    Sales = "sales",
    Service = "service",
    Subsidy = "subsidy",
    Donation = "donation",
    Membership = "membership",
});

choice!(
    /// Extension: what a contribution in kind is (Cerfa 12156: 864/870, 861/871, 860/875).
    InKindKind {
        Volunteering = "volunteering",
        Services = "services",
        Goods = "goods",
    }
);

/// Extension: a contribution in kind over the first year, valued in cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InKind {
    pub name: String,
    pub kind: InKindKind,
    pub yearly_cents: i64,
}

choice!(FinancingKind {
    Equity = "equity",
    BankLoan = "bank_loan",
    HonourLoan = "honour_loan",
    OtherLoan = "other_loan",
    InvestmentSubsidy = "investment_subsidy",
});

impl FinancingKind {
    pub fn is_loan(self) -> bool {
        matches!(
            self,
            FinancingKind::BankLoan | FinancingKind::HonourLoan | FinancingKind::OtherLoan
        )
    }
}

/// Year 1's volumes: one for every month, or twelve (in `VOLUME_SCALE` units).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Volumes {
    Same(i64),
    Monthly([i64; 12]),
}

impl Volumes {
    /// Volume of calendar position `i` (0–11) of the year, in `VOLUME_SCALE` units.
    pub fn at(&self, i: usize) -> i64 {
        match self {
            Volumes::Same(v) => *v,
            Volumes::Monthly(vs) => vs[i % 12],
        }
    }
}

fn volume_value(v: i64) -> serde_json::Value {
    if v % VOLUME_SCALE == 0 {
        serde_json::Value::from(v / VOLUME_SCALE)
    } else {
        serde_json::Value::from(v as f64 / VOLUME_SCALE as f64)
    }
}

impl Serialize for Volumes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Volumes::Same(v) => volume_value(*v).serialize(s),
            Volumes::Monthly(vs) => vs
                .iter()
                .map(|v| volume_value(*v))
                .collect::<Vec<_>>()
                .serialize(s),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revenue {
    pub name: String,
    pub kind: RevenueKind,
    pub unit_price_cents: i64,
    pub monthly_volume: Volumes,
    pub growth_bp: i64,
    pub variable_cost_bp: i64,
    pub start_month: u32,
    /// Extension: months between the sale and its payment (cash only).
    #[serde(skip_serializing_if = "is_zero")]
    pub payment_delay_months: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Expense {
    pub name: String,
    pub monthly_cents: i64,
    pub start_month: u32,
    pub indexation_bp: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Salary {
    pub name: String,
    pub gross_monthly_cents: i64,
    pub employer_rate_bp: i64,
    pub start_month: u32,
    pub raise_bp: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Investment {
    pub name: String,
    pub amount_cents: i64,
    pub month: u32,
    pub years: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Financing {
    pub kind: FinancingKind,
    pub name: String,
    pub amount_cents: i64,
    pub month: u32,
    /// Loans only.
    pub rate_bp: i64,
    /// Loans only: number of repayments.
    pub months: u32,
    /// Loans only.
    pub deferral_months: u32,
    /// Investment subsidies only.
    pub years: u32,
}

impl Serialize for Financing {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("kind", &self.kind)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("amount_cents", &self.amount_cents)?;
        map.serialize_entry("month", &self.month)?;
        if self.kind.is_loan() {
            map.serialize_entry("rate_bp", &self.rate_bp)?;
            map.serialize_entry("months", &self.months)?;
            map.serialize_entry("deferral_months", &self.deferral_months)?;
        }
        if self.kind == FinancingKind::InvestmentSubsidy {
            map.serialize_entry("years", &self.years)?;
        }
        map.end()
    }
}

fn is_zero(v: &u32) -> bool {
    *v == 0
}

impl Forecast {
    /// The format's JSON, as `impact-studio forecast compute` reads it (import gives it back).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
