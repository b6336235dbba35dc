//! Reading the exchange format: every refusal names the field's path.
use super::error::{FieldError, Problem};
use super::model::*;
use serde_json::{Map, Value};

/// Largest amount accepted, in cents (one billion euros): keeps every sum far from overflow.
pub const MAX_CENTS: i64 = 100_000_000_000;
/// Largest monthly volume accepted (units).
pub const MAX_VOLUME: i64 = 10_000_000;
/// Most lines in one list.
pub const MAX_LINES: usize = 1_000;
const MAX_TEXT: usize = 200;

type Result<T> = std::result::Result<T, FieldError>;

fn err<T>(path: &str, problem: Problem) -> Result<T> {
    Err(FieldError {
        path: path.to_string(),
        problem,
    })
}

/// Parses and validates a forecast from the format's JSON text.
pub fn parse(text: &str) -> Result<Forecast> {
    let value: Value = serde_json::from_str(text).map_err(|e| FieldError {
        path: String::new(),
        problem: Problem::NotJson(e.to_string()),
    })?;
    from_value(&value)
}

/// Validates a forecast already read as JSON.
pub fn from_value(value: &Value) -> Result<Forecast> {
    let o = Obj::new(value, "")?;
    let start_text = o.text("start")?;
    let start = YearMonth::parse(&start_text)
        .map_or_else(|| err(&o.path("start"), Problem::NotYearMonth), Ok)?;
    Ok(Forecast {
        name: o.text("name")?,
        start,
        legal_form: o.choice(
            "legal_form",
            LegalForm::ALL,
            LegalForm::code,
            LegalForm::parse,
        )?,
        vat_regime: if o.has("vat_regime") {
            o.choice(
                "vat_regime",
                VatRegime::ALL,
                VatRegime::code,
                VatRegime::parse,
            )?
        } else {
            VatRegime::None
        },
        opening_cash_cents: o.cents_or("opening_cash_cents", 0)?,
        revenues: o.list("revenues", revenue)?,
        expenses: o.list("expenses", expense)?,
        salaries: o.list("salaries", salary)?,
        investments: o.list("investments", investment)?,
        financing: o.list("financing", financing)?,
        in_kind: o.list("in_kind", in_kind)?,
    })
}

fn in_kind(o: &Obj) -> Result<InKind> {
    Ok(InKind {
        name: o.text("name")?,
        kind: o.choice("kind", InKindKind::ALL, InKindKind::code, InKindKind::parse)?,
        yearly_cents: o.cents("yearly_cents")?,
    })
}

fn revenue(o: &Obj) -> Result<Revenue> {
    Ok(Revenue {
        name: o.text("name")?,
        kind: o.choice(
            "kind",
            RevenueKind::ALL,
            RevenueKind::code,
            RevenueKind::parse,
        )?,
        unit_price_cents: o.cents("unit_price_cents")?,
        monthly_volume: o.volumes("monthly_volume")?,
        growth_bp: o.int_or("growth_bp", 0, -10_000, 100_000)?,
        variable_cost_bp: o.int_or("variable_cost_bp", 0, 0, 10_000)?,
        start_month: o.month_or("start_month", 1)?,
        payment_delay_months: o.int_or("payment_delay_months", 0, 0, 12)? as u32,
    })
}

fn expense(o: &Obj) -> Result<Expense> {
    Ok(Expense {
        name: o.text("name")?,
        monthly_cents: o.cents("monthly_cents")?,
        start_month: o.month_or("start_month", 1)?,
        indexation_bp: o.int_or("indexation_bp", 0, -10_000, 10_000)?,
    })
}

fn salary(o: &Obj) -> Result<Salary> {
    Ok(Salary {
        name: o.text("name")?,
        gross_monthly_cents: o.cents("gross_monthly_cents")?,
        employer_rate_bp: o.int("employer_rate_bp", 0, 10_000)?,
        start_month: o.month_or("start_month", 1)?,
        raise_bp: o.int_or("raise_bp", 0, -10_000, 10_000)?,
    })
}

fn investment(o: &Obj) -> Result<Investment> {
    Ok(Investment {
        name: o.text("name")?,
        amount_cents: o.cents("amount_cents")?,
        month: o.month("month")?,
        years: o.int("years", 1, 50)? as u32,
    })
}

fn financing(o: &Obj) -> Result<Financing> {
    let kind = o.choice(
        "kind",
        FinancingKind::ALL,
        FinancingKind::code,
        FinancingKind::parse,
    )?;
    let name = o.text("name")?;
    let amount_cents = o.cents("amount_cents")?;
    let month = o.month("month")?;
    let mut f = Financing {
        kind,
        name,
        amount_cents,
        month,
        rate_bp: 0,
        months: 0,
        deferral_months: 0,
        years: 0,
    };
    if kind.is_loan() {
        f.rate_bp = o.int_or("rate_bp", 0, 0, 10_000)?;
        if kind == FinancingKind::HonourLoan && f.rate_bp != 0 {
            return err(&o.path("rate_bp"), Problem::HonourLoanRate);
        }
        f.months = o.int("months", 1, 600)? as u32;
        f.deferral_months = o.int_or("deferral_months", 0, 0, 60)? as u32;
    }
    if kind == FinancingKind::InvestmentSubsidy {
        f.years = o.int_or("years", 5, 1, 50)? as u32;
    }
    Ok(f)
}

/// An object of the file with its path, to name fields in errors.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    at: String,
}

impl<'a> Obj<'a> {
    fn new(value: &'a Value, at: &str) -> Result<Obj<'a>> {
        match value {
            Value::Object(map) => Ok(Obj {
                map,
                at: at.to_string(),
            }),
            _ => err(at, Problem::NotObject),
        }
    }

    fn path(&self, field: &str) -> String {
        if self.at.is_empty() {
            field.to_string()
        } else {
            format!("{}.{field}", self.at)
        }
    }

    fn has(&self, field: &str) -> bool {
        self.map.get(field).is_some_and(|v| !v.is_null())
    }

    fn get(&self, field: &str) -> Result<&'a Value> {
        match self.map.get(field) {
            Some(v) if !v.is_null() => Ok(v),
            _ => err(&self.path(field), Problem::Missing),
        }
    }

    fn text(&self, field: &str) -> Result<String> {
        let Value::String(s) = self.get(field)? else {
            return err(&self.path(field), Problem::NotText);
        };
        let s = s.trim();
        if s.is_empty() {
            return err(&self.path(field), Problem::Empty);
        }
        if s.chars().count() > MAX_TEXT {
            return err(&self.path(field), Problem::TooLong);
        }
        Ok(s.to_string())
    }

    fn choice<T: Copy>(
        &self,
        field: &str,
        all: &[T],
        code: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) -> Result<T> {
        let unknown = || {
            let codes: Vec<&str> = all.iter().map(|c| code(*c)).collect();
            Problem::UnknownChoice(codes.join(", "))
        };
        match self.get(field)? {
            Value::String(s) => {
                parse(s.trim()).map_or_else(|| err(&self.path(field), unknown()), Ok)
            }
            _ => err(&self.path(field), unknown()),
        }
    }

    fn integer(&self, field: &str, v: &Value) -> Result<i64> {
        let n = match v {
            Value::Number(n) => n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                    .map(|f| f as i64)
            }),
            _ => None,
        };
        n.map_or_else(|| err(&self.path(field), Problem::NotInteger), Ok)
    }

    fn int(&self, field: &str, min: i64, max: i64) -> Result<i64> {
        let n = self.integer(field, self.get(field)?)?;
        if !(min..=max).contains(&n) {
            return err(&self.path(field), Problem::OutOfRange(min, max));
        }
        Ok(n)
    }

    fn int_or(&self, field: &str, default: i64, min: i64, max: i64) -> Result<i64> {
        if self.has(field) {
            self.int(field, min, max)
        } else {
            Ok(default)
        }
    }

    fn cents(&self, field: &str) -> Result<i64> {
        let n = self.integer(field, self.get(field)?)?;
        if n < 0 {
            return err(&self.path(field), Problem::Negative);
        }
        if n > MAX_CENTS {
            return err(&self.path(field), Problem::OutOfRange(0, MAX_CENTS));
        }
        Ok(n)
    }

    fn cents_or(&self, field: &str, default: i64) -> Result<i64> {
        if self.has(field) {
            self.cents(field)
        } else {
            Ok(default)
        }
    }

    fn month(&self, field: &str) -> Result<u32> {
        let n = self.integer(field, self.get(field)?)?;
        if !(1..=MONTHS as i64).contains(&n) {
            return err(&self.path(field), Problem::MonthOutside);
        }
        Ok(n as u32)
    }

    fn month_or(&self, field: &str, default: u32) -> Result<u32> {
        if self.has(field) {
            self.month(field)
        } else {
            Ok(default)
        }
    }

    fn volumes(&self, field: &str) -> Result<Volumes> {
        let path = self.path(field);
        match self.get(field)? {
            Value::Array(items) if items.len() == 12 => {
                let mut vs = [0; 12];
                for (i, item) in items.iter().enumerate() {
                    vs[i] = volume(&format!("{path}[{i}]"), item)?;
                }
                Ok(Volumes::Monthly(vs))
            }
            Value::Array(items) if items.len() == 1 => {
                Ok(Volumes::Same(volume(&format!("{path}[0]"), &items[0])?))
            }
            Value::Array(_) => err(&path, Problem::VolumeCount),
            v => Ok(Volumes::Same(volume(&path, v)?)),
        }
    }

    fn list<T>(&self, field: &str, item: fn(&Obj) -> Result<T>) -> Result<Vec<T>> {
        if !self.has(field) {
            return Ok(Vec::new());
        }
        let path = self.path(field);
        let Value::Array(items) = self.get(field)? else {
            return err(&path, Problem::NotList);
        };
        if items.len() > MAX_LINES {
            return err(&path, Problem::TooMany(MAX_LINES));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, v)| item(&Obj::new(v, &format!("{path}[{i}]"))?))
            .collect()
    }
}

/// A volume: a non-negative number with at most 4 decimals, in `VOLUME_SCALE` units.
fn volume(path: &str, v: &Value) -> Result<i64> {
    let Value::Number(n) = v else {
        return err(path, Problem::NotVolume);
    };
    let scaled = if let Some(i) = n.as_i64() {
        i.checked_mul(VOLUME_SCALE)
    } else {
        n.as_f64().and_then(decimal_scaled)
    };
    match scaled {
        Some(s) if s < 0 => err(path, Problem::Negative),
        Some(s) if s > MAX_VOLUME * VOLUME_SCALE => err(path, Problem::OutOfRange(0, MAX_VOLUME)),
        Some(s) => Ok(s),
        None if n.as_f64().is_some_and(|f| f < 0.0) => err(path, Problem::Negative),
        None => err(path, Problem::NotVolume),
    }
}

/// `f` × 10 000 when its shortest decimal form has at most 4 decimals.
fn decimal_scaled(f: f64) -> Option<i64> {
    if !f.is_finite() || f.abs() > 1e12 {
        return None;
    }
    let text = format!("{f}");
    let (neg, text) = match text.strip_prefix('-') {
        Some(t) => (true, t),
        None => (false, text.as_str()),
    };
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if frac.len() > 4
        || !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<4}").parse().ok()?
    };
    let v = whole * VOLUME_SCALE + frac;
    Some(if neg { -v } else { v })
}
