//! The guided editor's fields: each step's columns named after the format's keys, so that a
//! refusal's path (`revenues[1].unit_price_cents`) lands beside the field that caused it. The
//! holder types euros and percentages; they are turned into cents and basis points here.
use domain::Locale;
use serde_json::{Map, Value};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Choice(&'static [&'static str]),
    /// Euros typed, cents stored.
    Money,
    /// Percent typed, basis points stored.
    Percent,
    Int,
    /// One volume for every month, or twelve, separated by spaces.
    Volume,
}

pub struct Step {
    pub key: &'static str,
    /// The list in the format (None: the plan's own fields).
    pub list: Option<&'static str>,
    pub columns: &'static [(&'static str, Kind)],
}

const LEGAL_FORMS: &[&str] = &["association", "sas", "sarl", "scop", "scic", "micro"];
const VAT: &[&str] = &["none", "franchise", "reel_simplifie", "reel_normal"];
const REVENUE_KINDS: &[&str] = &["sales", "service", "subsidy", "donation", "membership"];
const FINANCING_KINDS: &[&str] = &[
    "equity",
    "bank_loan",
    "honour_loan",
    "other_loan",
    "investment_subsidy",
];

pub const STEPS: &[Step] = &[
    Step {
        key: "assumptions",
        list: None,
        columns: &[
            ("name", Kind::Text),
            ("start", Kind::Text),
            ("legal_form", Kind::Choice(LEGAL_FORMS)),
            ("vat_regime", Kind::Choice(VAT)),
            ("opening_cash_cents", Kind::Money),
        ],
    },
    Step {
        key: "revenues",
        list: Some("revenues"),
        columns: &[
            ("name", Kind::Text),
            ("kind", Kind::Choice(REVENUE_KINDS)),
            ("unit_price_cents", Kind::Money),
            ("monthly_volume", Kind::Volume),
            ("growth_bp", Kind::Percent),
            ("variable_cost_bp", Kind::Percent),
            ("start_month", Kind::Int),
            ("payment_delay_months", Kind::Int),
        ],
    },
    Step {
        key: "expenses",
        list: Some("expenses"),
        columns: &[
            ("name", Kind::Text),
            ("monthly_cents", Kind::Money),
            ("start_month", Kind::Int),
            ("indexation_bp", Kind::Percent),
        ],
    },
    Step {
        key: "salaries",
        list: Some("salaries"),
        columns: &[
            ("name", Kind::Text),
            ("gross_monthly_cents", Kind::Money),
            ("employer_rate_bp", Kind::Percent),
            ("start_month", Kind::Int),
            ("raise_bp", Kind::Percent),
        ],
    },
    Step {
        key: "investments",
        list: Some("investments"),
        columns: &[
            ("name", Kind::Text),
            ("amount_cents", Kind::Money),
            ("month", Kind::Int),
            ("years", Kind::Int),
        ],
    },
    Step {
        key: "financing",
        list: Some("financing"),
        columns: &[
            ("kind", Kind::Choice(FINANCING_KINDS)),
            ("name", Kind::Text),
            ("amount_cents", Kind::Money),
            ("month", Kind::Int),
            ("rate_bp", Kind::Percent),
            ("months", Kind::Int),
            ("deferral_months", Kind::Int),
            ("years", Kind::Int),
        ],
    },
];

pub fn step(key: &str) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.key == key)
}

/// A stored value as the holder reads it in the field (`1234,56`, `4,5`, `300 320 …`).
pub fn display(kind: Kind, value: &Value, locale: Locale) -> String {
    let comma = |s: String| match locale {
        Locale::Fr => s.replace('.', ","),
        Locale::En => s,
    };
    match (kind, value) {
        (_, Value::Null) => String::new(),
        (Kind::Money, Value::Number(n)) => {
            let c = n.as_i64().unwrap_or(0);
            let sign = if c < 0 { "-" } else { "" };
            let (units, rest) = ((c / 100).abs(), (c % 100).abs());
            if rest == 0 {
                format!("{sign}{units}")
            } else {
                comma(format!("{sign}{units}.{rest:02}"))
            }
        }
        (Kind::Percent, Value::Number(n)) => {
            let bp = n.as_i64().unwrap_or(0);
            comma(trim(format!("{:.2}", bp as f64 / 100.0)))
        }
        (Kind::Volume, Value::Array(items)) => items
            .iter()
            .map(|v| comma(v.to_string()))
            .collect::<Vec<_>>()
            .join(" "),
        (_, Value::String(s)) => s.clone(),
        (_, v) => comma(v.to_string()),
    }
}

fn trim(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// A decimal typed with a comma or a point (spaces between thousands allowed) scaled by
/// 10^`decimals`; None when it is not such a number or has more decimals.
pub fn scaled(text: &str, decimals: u32) -> Option<i64> {
    let t: String = text
        .chars()
        .filter(|c| {
            !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}' && *c != '€' && *c != '%'
        })
        .collect();
    let t = t.replace(',', ".");
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, t),
    };
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty()
        || frac.len() > decimals as usize
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
        || whole.len() > 13
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<width$}", width = decimals as usize)
            .parse()
            .ok()?
    };
    let v = whole * 10i64.pow(decimals) + frac;
    Some(if neg { -v } else { v })
}

/// A field's typed text as the format's value; Err(message key) when it cannot be read.
pub fn read(kind: Kind, text: &str) -> Result<Option<Value>, &'static str> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let number = |decimals| scaled(text, decimals).map(Value::from);
    let value = match kind {
        Kind::Text | Kind::Choice(_) => Some(Value::from(text)),
        Kind::Money => number(2).ok_or("forecast-error-amount")?.into(),
        Kind::Percent => number(2).ok_or("forecast-error-percent")?.into(),
        Kind::Int => number(0).ok_or("forecast-error-integer")?.into(),
        Kind::Volume => {
            let mut values = Vec::new();
            for part in text.split(|c: char| c.is_whitespace() || c == ';') {
                if part.is_empty() {
                    continue;
                }
                let v = scaled(part, 4).ok_or("forecast-error-volume")?;
                values.push(if v % 10_000 == 0 {
                    Value::from(v / 10_000)
                } else {
                    Value::from(v as f64 / 10_000.0)
                });
            }
            Some(if values.len() == 1 {
                values.remove(0)
            } else {
                Value::Array(values)
            })
        }
    };
    Ok(value)
}

/// Puts `value` at `key` of `object` (or removes it when None).
pub fn set(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    match value {
        Some(v) => {
            object.insert(key.to_string(), v);
        }
        None => {
            object.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_numbers_become_cents_and_basis_points() {
        assert_eq!(scaled("1 234,56", 2), Some(123_456));
        assert_eq!(scaled("6.5", 2), Some(650));
        assert_eq!(scaled("4,5 %", 2), Some(450));
        assert_eq!(scaled("12", 0), Some(12));
        assert_eq!(scaled("1,234", 2), None);
        assert_eq!(scaled("abc", 2), None);
        assert_eq!(scaled("-3", 2), Some(-300));
        assert_eq!(
            read(Kind::Volume, "300 320").unwrap(),
            Some(serde_json::json!([300, 320]))
        );
        assert_eq!(
            read(Kind::Volume, "7,5").unwrap(),
            Some(serde_json::json!(7.5))
        );
        assert_eq!(
            display(Kind::Money, &Value::from(123_456), Locale::Fr),
            "1234,56"
        );
        assert_eq!(display(Kind::Percent, &Value::from(450), Locale::Fr), "4,5");
        assert_eq!(display(Kind::Percent, &Value::from(1500), Locale::En), "15");
    }
}
