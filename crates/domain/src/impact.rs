//! Impact indicators: the catalogue (shipped as data in `domain/data/impact-indicators.json`),
//! quantities in thousandths of a unit, progress to target, trends, sparklines and the network
//! aggregation (which never adds two different units together).
use crate::Locale;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A measured value in thousandths of its unit (`1,5 t` is 1 500): integers on both databases.
pub type Milli = i64;

/// What an indicator is measured in. Values of different units are never added together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Fte,
    People,
    Hours,
    Tonnes,
    Items,
    Percent,
    Euros,
    Organisations,
    Meals,
    Tco2e,
    Kwh,
    M2,
    M3,
    Events,
    Km,
}

impl Unit {
    pub fn code(self) -> &'static str {
        match self {
            Unit::Fte => "fte",
            Unit::People => "people",
            Unit::Hours => "hours",
            Unit::Tonnes => "tonnes",
            Unit::Items => "items",
            Unit::Percent => "percent",
            Unit::Euros => "euros",
            Unit::Organisations => "organisations",
            Unit::Meals => "meals",
            Unit::Tco2e => "tco2e",
            Unit::Kwh => "kwh",
            Unit::M2 => "m2",
            Unit::M3 => "m3",
            Unit::Events => "events",
            Unit::Km => "km",
        }
    }
    /// The catalogue key of the unit's short label.
    pub fn label_key(self) -> String {
        format!("unit-{}", self.code())
    }
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Increase,
    Decrease,
}

/// A flow adds up over time (people reached per month); a stock is a level at a date (jobs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Flow,
    Stock,
}

/// How projects combine: counts add up, rates and shares are averaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Aggregation {
    Sum,
    Mean,
}

/// The five dimensions of impact of the Impact Management Project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    What,
    Who,
    HowMuch,
    Contribution,
    Risk,
}

impl Dimension {
    pub fn label_key(self) -> &'static str {
        match self {
            Dimension::What => "impact-dimension-what",
            Dimension::Who => "impact-dimension-who",
            Dimension::HowMuch => "impact-dimension-how-much",
            Dimension::Contribution => "impact-dimension-contribution",
            Dimension::Risk => "impact-dimension-risk",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct IndicatorText {
    pub name: String,
    pub definition: String,
}

/// One indicator of the catalogue.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub code: String,
    pub unit: Unit,
    pub direction: Direction,
    pub kind: Kind,
    pub aggregation: Aggregation,
    /// UN Sustainable Development Goals (1 to 17).
    pub sdgs: Vec<u8>,
    pub dimension: Dimension,
    /// An IRIS+ metric id, when one matches exactly.
    #[serde(default)]
    pub iris: Option<String>,
    fr: IndicatorText,
    en: IndicatorText,
}

impl Indicator {
    pub fn text(&self, locale: Locale) -> &IndicatorText {
        match locale {
            Locale::Fr => &self.fr,
            Locale::En => &self.en,
        }
    }
}

/// The indicator catalogue, in the order of the data file.
pub fn catalogue() -> &'static [Indicator] {
    static CATALOGUE: OnceLock<Vec<Indicator>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        serde_json::from_str(include_str!("../data/impact-indicators.json"))
            .unwrap_or_else(|e| panic!("impact-indicators.json is invalid: {e}"))
    })
}

pub fn indicator(code: &str) -> Option<&'static Indicator> {
    catalogue().iter().find(|i| i.code == code)
}

/// Why a value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImpactError {
    Required,
    NotANumber,
    TooManyDecimals,
    OutOfRange,
    UnknownIndicator,
}

impl ImpactError {
    pub fn message_key(self) -> &'static str {
        match self {
            ImpactError::Required => "impact-error-required",
            ImpactError::NotANumber => "impact-error-number",
            ImpactError::TooManyDecimals => "impact-error-decimals",
            ImpactError::OutOfRange => "impact-error-range",
            ImpactError::UnknownIndicator => "impact-error-indicator",
        }
    }
}

/// The largest value accepted (a thousand billion units), so sums never overflow.
pub const MAX_VALUE: Milli = 1_000_000_000_000_000;

/// Reads `12`, `12,5`, `1 234,567`, `1234.5` or `-3` (French or English writing) into thousandths.
pub fn parse_quantity(text: &str) -> Result<Milli, ImpactError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{202F}' | '\u{A0}' | '_'))
        .collect();
    if cleaned.is_empty() {
        return Err(ImpactError::Required);
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    // One decimal separator; a comma followed by exactly three digits and no other separator
    // in English (`1,234`) is a thousands separator.
    let commas = digits.matches(',').count();
    let dots = digits.matches('.').count();
    // Thousands groups (`1,234,567`) must have three digits each after the first.
    let grouped = |text: &str, sep: char| {
        let int_part = text
            .split(if sep == ',' { '.' } else { ',' })
            .next()
            .unwrap_or("");
        let groups: Vec<&str> = int_part.split(sep).collect();
        groups.len() < 2
            || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3))
    };
    let normalised = if commas > 0 && dots > 0 {
        // `1,234.5` (English) or `1.234,5` (French): the last one is the decimal separator.
        let last_comma = digits.rfind(',').unwrap_or(0);
        let last_dot = digits.rfind('.').unwrap_or(0);
        if last_dot > last_comma {
            if !grouped(digits, ',') {
                return Err(ImpactError::NotANumber);
            }
            digits.replace(',', "")
        } else {
            if !grouped(digits, '.') {
                return Err(ImpactError::NotANumber);
            }
            digits.replace('.', "").replace(',', ".")
        }
    } else if commas > 1 {
        if !grouped(digits, ',') {
            return Err(ImpactError::NotANumber);
        }
        digits.replace(',', "")
    } else {
        digits.replace(',', ".")
    };
    let (int_part, frac_part) = match normalised.split_once('.') {
        Some((a, b)) => (a, b),
        None => (normalised.as_str(), ""),
    };
    if (int_part.is_empty() && frac_part.is_empty())
        || !int_part.chars().all(|c| c.is_ascii_digit())
        || !frac_part.chars().all(|c| c.is_ascii_digit())
        || normalised.matches('.').count() > 1
    {
        return Err(ImpactError::NotANumber);
    }
    if frac_part.len() > 3 {
        return Err(ImpactError::TooManyDecimals);
    }
    if int_part.len() > 15 {
        return Err(ImpactError::OutOfRange);
    }
    let whole: i64 = if int_part.is_empty() {
        0
    } else {
        int_part.parse().map_err(|_| ImpactError::NotANumber)?
    };
    let mut frac: i64 = 0;
    for (i, c) in frac_part.chars().enumerate() {
        frac += i64::from(c.to_digit(10).unwrap_or(0)) * [100, 10, 1][i];
    }
    let value = whole
        .checked_mul(1000)
        .and_then(|w| w.checked_add(frac))
        .filter(|v| *v <= MAX_VALUE)
        .ok_or(ImpactError::OutOfRange)?;
    Ok(if negative { -value } else { value })
}

/// `1 234,5` / `1,234.5`: grouped thousands, up to three decimals, trailing zeros dropped.
pub fn format_quantity(locale: Locale, value: Milli) -> String {
    let whole = crate::format::integer(locale, value / 1000);
    let whole = if value < 0 && value > -1000 {
        format!("-{whole}")
    } else {
        whole
    };
    let frac = (value % 1000).abs();
    if frac == 0 {
        return whole;
    }
    let digits = format!("{frac:03}");
    let digits = digits.trim_end_matches('0');
    let sep = match locale {
        Locale::Fr => ',',
        Locale::En => '.',
    };
    format!("{whole}{sep}{digits}")
}

/// How far `current` has gone from `baseline` towards `target`, in percent (may pass 100, never
/// below 0). `None` when the target equals the baseline or points the wrong way.
pub fn progress_to_target(
    baseline: Milli,
    target: Milli,
    current: Milli,
    direction: Direction,
) -> Option<u32> {
    let (gap, done) = match direction {
        Direction::Increase => (target - baseline, current - baseline),
        Direction::Decrease => (baseline - target, baseline - current),
    };
    if gap <= 0 {
        return None;
    }
    let pct = (i128::from(done.max(0)) * 100 / i128::from(gap)).min(999);
    u32::try_from(pct).ok()
}

/// Whether the latest values are getting better, worse or staying put.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Improving,
    Worsening,
    Steady,
    /// Fewer than two values.
    Unknown,
}

impl Trend {
    pub fn label_key(self) -> &'static str {
        match self {
            Trend::Improving => "impact-trend-improving",
            Trend::Worsening => "impact-trend-worsening",
            Trend::Steady => "impact-trend-steady",
            Trend::Unknown => "impact-trend-unknown",
        }
    }
}

/// Compares the last value with the one before it, in the indicator's direction.
pub fn trend(values: &[Milli], direction: Direction) -> Trend {
    let [.., before, last] = values else {
        return Trend::Unknown;
    };
    let change = match direction {
        Direction::Increase => last - before,
        Direction::Decrease => before - last,
    };
    match change.signum() {
        1 => Trend::Improving,
        -1 => Trend::Worsening,
        _ => Trend::Steady,
    }
}

/// A month counted from year 0 (`year * 12 + month - 1`), so months subtract.
pub fn month_index(year: i32, month: u8) -> i64 {
    i64::from(year) * 12 + i64::from(month) - 1
}

/// One value per month from `first` for `months` months, from dated values given as
/// (month index, value). A flow adds its values within a month and a month without any is
/// `None` (missing, not zero); a stock takes the month's last value and carries the last known
/// level into months without a measurement (`None` only before the first one).
pub fn monthly(
    points: &[(i64, Milli)],
    kind: Kind,
    first: i64,
    months: usize,
) -> Vec<Option<Milli>> {
    let mut out: Vec<Option<Milli>> = vec![None; months];
    let mut sorted: Vec<(i64, Milli)> = points.to_vec();
    sorted.sort_by_key(|p| p.0);
    let mut carried: Option<Milli> = None;
    let mut next = 0;
    for (slot, value) in out.iter_mut().enumerate() {
        let month = first + slot as i64;
        let mut in_month: Option<Milli> = None;
        while let Some(&(m, v)) = sorted.get(next) {
            if m > month {
                break;
            }
            if m == month {
                in_month = Some(match kind {
                    Kind::Flow => in_month.unwrap_or(0).saturating_add(v),
                    Kind::Stock => v,
                });
            } else if kind == Kind::Stock {
                carried = Some(v);
            }
            next += 1;
        }
        *value = match kind {
            Kind::Flow => in_month,
            Kind::Stock => {
                if in_month.is_some() {
                    carried = in_month;
                }
                carried
            }
        };
    }
    out
}

/// The points of an SVG polyline drawing `values` in a `width` × `height` box (2 px margin),
/// skipping missing values. Empty when fewer than two values are known.
pub fn sparkline(values: &[Option<Milli>], width: u32, height: u32) -> String {
    spark(values, None, width, height).points
}

/// A sparkline with its last point and, when given, a target drawn as a line on the same scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Spark {
    /// The polyline's points (empty when fewer than two values are known).
    pub points: String,
    /// Where the last known value sits, to mark it with a dot.
    pub last: Option<(f64, f64)>,
    /// The height of the target line, when there is a target.
    pub target_y: Option<f64>,
}

/// Draws `values` in a `width` × `height` box (2 px margin), the scale stretched to include
/// `target` so the line shows how far the last value is from it.
pub fn spark(values: &[Option<Milli>], target: Option<Milli>, width: u32, height: u32) -> Spark {
    let known: Vec<(usize, Milli)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    if known.len() < 2 {
        return Spark {
            points: String::new(),
            last: None,
            target_y: None,
        };
    }
    let all = known.iter().map(|p| p.1).chain(target);
    let min = all.clone().min().unwrap_or(0);
    let max = all.max().unwrap_or(0);
    let span = (max - min).max(1) as f64;
    let w = f64::from(width.saturating_sub(4));
    let h = f64::from(height.saturating_sub(4));
    let steps = (values.len().max(2) - 1) as f64;
    let at = |i: usize, v: Milli| {
        (
            2.0 + w * i as f64 / steps,
            2.0 + h - h * (v - min) as f64 / span,
        )
    };
    Spark {
        points: known
            .iter()
            .map(|&(i, v)| {
                let (x, y) = at(i, v);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" "),
        last: known.last().map(|&(i, v)| at(i, v)),
        target_y: target.map(|t| at(0, t).1),
    }
}

/// The measurements of one project indicator packed for reading at once: `(day, value)` pairs,
/// by date then entry order, 12 bytes each (day number as `i32`, value as `i64`, little endian).
/// The network report reads one of these per indicator instead of searching each history.
pub fn encode_series(measurements: &[(String, Milli)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(measurements.len() * 12);
    for (on, value) in measurements {
        out.extend_from_slice(&day_number(on).unwrap_or(i32::MIN).to_le_bytes());
        out.extend_from_slice(&value.to_le_bytes());
    }
    out
}

/// A `YYYY-MM-DD` date as a day number (ordered like the dates); `None` if it is not a date.
pub fn day_number(date: &str) -> Option<i32> {
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let month = time::Month::try_from(month).ok()?;
    Some(
        time::Date::from_calendar_date(year, month, day)
            .ok()?
            .to_julian_day(),
    )
}

fn series_entries(series: &[u8]) -> impl Iterator<Item = (i32, Milli)> + '_ {
    series.chunks_exact(12).map(|c| {
        let mut day = [0u8; 4];
        let mut value = [0u8; 8];
        day.copy_from_slice(&c[..4]);
        value.copy_from_slice(&c[4..]);
        (i32::from_le_bytes(day), i64::from_le_bytes(value))
    })
}

/// Every project's series for one indicator in one centre, packed end to end: per project, its
/// id (`i64`), its number of measurements (`u32`) and its series. The network report reads one
/// pack per centre and indicator.
pub fn encode_pack(series: &[(i64, &[u8])]) -> Vec<u8> {
    let mut out = Vec::with_capacity(series.iter().map(|(_, s)| s.len() + 12).sum());
    for (project, s) in series {
        out.extend_from_slice(&project.to_le_bytes());
        out.extend_from_slice(&((s.len() / 12) as u32).to_le_bytes());
        out.extend_from_slice(&s[..s.len() / 12 * 12]);
    }
    out
}

/// The figures of the period `from..=to` for each project of a pack (only those `keep` accepts).
/// A damaged pack ends where it stops making sense.
pub fn figures_from_pack(
    centre_id: i64,
    indicator: &str,
    pack: &[u8],
    from: i32,
    to: i32,
    keep: impl Fn(i64) -> bool,
) -> Vec<ProjectFigure> {
    let mut out = Vec::new();
    let mut rest = pack;
    while rest.len() >= 12 {
        let (head, tail) = rest.split_at(12);
        let mut project = [0u8; 8];
        let mut count = [0u8; 4];
        project.copy_from_slice(&head[..8]);
        count.copy_from_slice(&head[8..]);
        let project = i64::from_le_bytes(project);
        let Some(len) = (u32::from_le_bytes(count) as usize).checked_mul(12) else {
            break;
        };
        if tail.len() < len {
            break;
        }
        let (series, tail) = tail.split_at(len);
        if keep(project) {
            out.push(figure_from_series(
                project,
                centre_id,
                indicator.to_string(),
                series,
                from,
                to,
            ));
        }
        rest = tail;
    }
    out
}

/// One project indicator's figure for the period `from..=to` (day numbers) from its series.
pub fn figure_from_series(
    project_id: i64,
    centre_id: i64,
    indicator: String,
    series: &[u8],
    from: i32,
    to: i32,
) -> ProjectFigure {
    let (mut sum, mut count, mut last, mut last_on) = (0, 0, None, None);
    for (day, value) in series_entries(series).take_while(|(day, _)| *day <= to) {
        if day >= from {
            sum += value;
            count += 1;
        }
        last = Some(value);
        last_on = Some(day);
    }
    ProjectFigure {
        project_id,
        centre_id,
        indicator,
        sum_in_period: sum,
        count_in_period: count,
        last,
        last_before_period: last_on.is_some_and(|d| d < from),
    }
}

/// What one project reported for one indicator up to the end of a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFigure {
    pub project_id: i64,
    pub centre_id: i64,
    pub indicator: String,
    /// Sum and count of the measurements dated inside the period.
    pub sum_in_period: Milli,
    pub count_in_period: i64,
    /// The latest measurement up to the end of the period, and whether it is dated before the
    /// period started (a level carried over).
    pub last: Option<Milli>,
    pub last_before_period: bool,
}

/// The network figure of one indicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorTotal {
    pub code: String,
    pub unit: Unit,
    pub aggregation: Aggregation,
    /// The sum (counts) or mean (rates) across projects, in thousandths.
    pub value: Milli,
    /// Projects whose figure went in.
    pub reporting: usize,
    /// Projects following the indicator with nothing to count for the period.
    pub missing: usize,
    /// Projects whose level was carried over from before the period (stocks).
    pub carried: usize,
    pub measurements: i64,
}

/// Adds up each indicator across projects: flows sum the period's measurements, stocks take
/// each project's latest level (carried over when the period has none); rates are averaged.
/// Unknown indicators are left out. Sorted by catalogue order.
///
/// One total per indicator, and two indicators are never added together, even in the same
/// unit: volunteers are not people reached, waste diverted is not food redistributed, and
/// the people counts overlap (low-income beneficiaries and young people are among the people
/// reached), so the catalogue declares no family that could be summed.
pub fn aggregate(figures: &[ProjectFigure]) -> Vec<IndicatorTotal> {
    let mut by_code: BTreeMap<&str, Vec<&ProjectFigure>> = BTreeMap::new();
    for f in figures {
        by_code.entry(f.indicator.as_str()).or_default().push(f);
    }
    let mut out = Vec::new();
    for ind in catalogue() {
        let Some(list) = by_code.get(ind.code.as_str()) else {
            continue;
        };
        let mut values: Vec<Milli> = Vec::new();
        let (mut missing, mut carried, mut measurements) = (0, 0, 0);
        for f in list {
            measurements += f.count_in_period;
            let value = match ind.kind {
                Kind::Flow if f.count_in_period > 0 => Some(match ind.aggregation {
                    Aggregation::Sum => f.sum_in_period,
                    Aggregation::Mean => f.sum_in_period / f.count_in_period,
                }),
                Kind::Flow => None,
                Kind::Stock => {
                    if f.last.is_some() && f.last_before_period {
                        carried += 1;
                    }
                    f.last
                }
            };
            match value {
                Some(v) => values.push(v),
                None => missing += 1,
            }
        }
        let sum = values.iter().fold(0i64, |a, v| a.saturating_add(*v));
        let value = match ind.aggregation {
            Aggregation::Sum => sum,
            Aggregation::Mean if values.is_empty() => 0,
            Aggregation::Mean => sum / values.len() as i64,
        };
        out.push(IndicatorTotal {
            code: ind.code.clone(),
            unit: ind.unit,
            aggregation: ind.aggregation,
            value,
            reporting: values.len(),
            missing,
            carried,
            measurements,
        });
    }
    out
}

/// The latest measurement of each project indicator, from `(project indicator, day, value)`:
/// the later day wins, and on the same day the one given last.
pub fn latest_measurements<'a>(
    measurements: impl IntoIterator<Item = (i64, &'a str, Milli)>,
) -> BTreeMap<i64, (&'a str, Milli)> {
    let mut out: BTreeMap<i64, (&'a str, Milli)> = BTreeMap::new();
    for (id, day, value) in measurements {
        match out.get(&id) {
            Some((latest, _)) if *latest > day => {}
            _ => {
                out.insert(id, (day, value));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_give_the_period_figure() {
        let m = |on: &str, v: Milli| (on.to_string(), v);
        let series = encode_series(&[
            m("2025-11-30", 4_000),
            m("2026-01-15", 1_000),
            m("2026-02-10", 2_500),
            m("2026-04-01", 7_000),
        ]);
        let d = |s: &str| day_number(s).unwrap();
        let f = figure_from_series(1, 2, "x".into(), &series, d("2026-01-01"), d("2026-03-31"));
        assert_eq!(
            (
                f.sum_in_period,
                f.count_in_period,
                f.last,
                f.last_before_period
            ),
            (3_500, 2, Some(2_500), false)
        );
        // Nothing in the period: the level is carried over from before it.
        let f = figure_from_series(1, 2, "x".into(), &series, d("2025-12-01"), d("2025-12-31"));
        assert_eq!(
            (
                f.sum_in_period,
                f.count_in_period,
                f.last,
                f.last_before_period
            ),
            (0, 0, Some(4_000), true)
        );
        // Before anything was measured.
        let f = figure_from_series(1, 2, "x".into(), &series, d("2024-01-01"), d("2024-12-31"));
        assert_eq!((f.count_in_period, f.last), (0, None));
        assert_eq!(d("2026-01-01") - d("2025-12-31"), 1);
        assert_eq!(day_number("2026-02-30"), None);
        // Packed with another project's empty series, each project gets its own figure.
        let pack = encode_pack(&[(7, &series), (8, &[])]);
        let all = figures_from_pack(2, "x", &pack, d("2026-01-01"), d("2026-03-31"), |_| true);
        assert_eq!(all.len(), 2);
        assert_eq!(
            (
                all[0].project_id,
                all[0].sum_in_period,
                all[0].count_in_period
            ),
            (7, 3_500, 2)
        );
        assert_eq!(
            (all[1].project_id, all[1].count_in_period, all[1].last),
            (8, 0, None)
        );
        let only = figures_from_pack(2, "x", &pack, d("2026-01-01"), d("2026-03-31"), |p| p == 8);
        assert_eq!(only.len(), 1);
        // A cut pack yields what is whole and never panics.
        for cut in 0..pack.len() {
            let _ = figures_from_pack(2, "x", &pack[..cut], 0, i32::MAX, |_| true);
        }
        assert_eq!(day_number("n'importe"), None);
    }

    #[test]
    fn the_catalogue_is_complete_in_both_languages() {
        let all = catalogue();
        assert!(all.len() >= 30, "{}", all.len());
        let mut codes: Vec<_> = all.iter().map(|i| i.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "codes are unique");
        for i in all {
            assert!(!i.sdgs.is_empty() && i.sdgs.iter().all(|g| (1..=17).contains(g)));
            for l in [Locale::Fr, Locale::En] {
                assert!(!i.text(l).name.is_empty() && i.text(l).definition.len() > 20);
            }
            if i.unit == Unit::Percent {
                assert_eq!(i.aggregation, Aggregation::Mean, "{}", i.code);
            }
        }
        assert!(indicator("waste-diverted").is_some());
    }

    #[test]
    fn quantities_in_both_writings() {
        assert_eq!(parse_quantity("12"), Ok(12_000));
        assert_eq!(parse_quantity(" 12,5 "), Ok(12_500));
        assert_eq!(parse_quantity("1 234,567"), Ok(1_234_567));
        assert_eq!(parse_quantity("1\u{202F}234"), Ok(1_234_000));
        assert_eq!(parse_quantity("1,234.5"), Ok(1_234_500));
        assert_eq!(parse_quantity("1.234,5"), Ok(1_234_500));
        assert_eq!(parse_quantity("0.25"), Ok(250));
        assert_eq!(parse_quantity("-3"), Ok(-3_000));
        assert_eq!(parse_quantity(""), Err(ImpactError::Required));
        assert_eq!(parse_quantity("douze"), Err(ImpactError::NotANumber));
        assert_eq!(parse_quantity("1.2.3"), Err(ImpactError::NotANumber));
        assert_eq!(parse_quantity("1,5,2"), Err(ImpactError::NotANumber));
        assert_eq!(parse_quantity("1,234,567"), Ok(1_234_567_000));
        assert_eq!(parse_quantity("12.34,5"), Err(ImpactError::NotANumber));
        assert_eq!(parse_quantity("-"), Err(ImpactError::NotANumber));
        assert_eq!(parse_quantity("1,2345"), Err(ImpactError::TooManyDecimals));
        assert_eq!(
            parse_quantity("99999999999999999999"),
            Err(ImpactError::OutOfRange)
        );
        assert_eq!(format_quantity(Locale::Fr, 1_234_500), "1\u{202F}234,5");
        assert_eq!(format_quantity(Locale::En, 1_234_500), "1,234.5");
        assert_eq!(format_quantity(Locale::En, -500), "-0.5");
        assert_eq!(format_quantity(Locale::Fr, 7_000), "7");
    }

    #[test]
    fn progress_and_trend_follow_the_direction() {
        assert_eq!(
            progress_to_target(0, 10_000, 2_500, Direction::Increase),
            Some(25)
        );
        assert_eq!(
            progress_to_target(100, 60, 80, Direction::Decrease),
            Some(50)
        );
        assert_eq!(
            progress_to_target(0, 10, 30, Direction::Increase),
            Some(300)
        );
        assert_eq!(progress_to_target(5, 5, 9, Direction::Increase), None);
        assert_eq!(progress_to_target(0, 10, -4, Direction::Increase), Some(0));
        assert_eq!(trend(&[1, 3], Direction::Increase), Trend::Improving);
        assert_eq!(trend(&[1, 3], Direction::Decrease), Trend::Worsening);
        assert_eq!(trend(&[4, 4, 4], Direction::Increase), Trend::Steady);
        assert_eq!(trend(&[4], Direction::Increase), Trend::Unknown);
    }

    #[test]
    fn monthly_series_handle_missing_months() {
        // Months 10..14; measurements in 10 (twice), 12 and 14.
        let points = [(10, 2_000), (10, 3_000), (12, 7_000), (14, 1_000)];
        assert_eq!(
            monthly(&points, Kind::Flow, 10, 5),
            vec![Some(5_000), None, Some(7_000), None, Some(1_000)]
        );
        // A stock keeps the month's last value and carries it over the gaps.
        assert_eq!(
            monthly(&points, Kind::Stock, 10, 5),
            vec![
                Some(3_000),
                Some(3_000),
                Some(7_000),
                Some(7_000),
                Some(1_000)
            ]
        );
        // A level measured before the window is carried into it; a flow is not.
        assert_eq!(
            monthly(&[(3, 9_000)], Kind::Stock, 10, 2),
            vec![Some(9_000), Some(9_000)]
        );
        assert_eq!(monthly(&[(3, 9_000)], Kind::Flow, 10, 2), vec![None, None]);
        assert_eq!(sparkline(&[Some(0), None], 100, 20), "");
        assert_eq!(
            sparkline(&[Some(0), None, Some(10)], 104, 24),
            "2.0,22.0 102.0,2.0"
        );
        // The target stretches the scale: halfway to a target of 20 sits mid-height.
        let s = spark(&[Some(0), None, Some(10)], Some(20), 104, 24);
        assert_eq!(s.points, "2.0,22.0 102.0,12.0");
        assert_eq!(s.last, Some((102.0, 12.0)));
        assert_eq!(s.target_y, Some(2.0));
        assert_eq!(spark(&[Some(1)], Some(2), 10, 10).points, "");
    }

    fn fig(
        project: i64,
        ind: &str,
        sum: Milli,
        count: i64,
        last: Option<Milli>,
        before: bool,
    ) -> ProjectFigure {
        ProjectFigure {
            project_id: project,
            centre_id: 1,
            indicator: ind.into(),
            sum_in_period: sum,
            count_in_period: count,
            last,
            last_before_period: before,
        }
    }

    #[test]
    fn aggregation_by_hand() {
        let figures = [
            // Flow, tonnes: 1.5 + 2.25 = 3.75 t; the third project sent nothing this period.
            fig(1, "waste-diverted", 1_500, 2, Some(1_000), false),
            fig(2, "waste-diverted", 2_250, 1, Some(2_250), false),
            fig(3, "waste-diverted", 0, 0, Some(4_000), true),
            // Stock, jobs: 2 (this period) + 3 (carried over from before) = 5 FTE.
            fig(1, "jobs-created", 2_000, 1, Some(2_000), false),
            fig(2, "jobs-created", 0, 0, Some(3_000), true),
            fig(3, "jobs-created", 0, 0, None, false),
            // Rate: the mean of 40 % and 70 % is 55 %, never their sum.
            fig(1, "local-purchases-share", 40_000, 1, Some(40_000), false),
            fig(2, "local-purchases-share", 70_000, 1, Some(70_000), false),
            // Another tonnes flow and an unknown code.
            fig(1, "food-redistributed", 500, 1, Some(500), false),
            fig(1, "not-in-catalogue", 1, 1, Some(1), false),
        ];
        let totals = aggregate(&figures);
        let get = |c: &str| totals.iter().find(|t| t.code == c).unwrap();
        let waste = get("waste-diverted");
        assert_eq!(
            (
                waste.value,
                waste.reporting,
                waste.missing,
                waste.measurements
            ),
            (3_750, 2, 1, 3)
        );
        let jobs = get("jobs-created");
        assert_eq!(
            (jobs.value, jobs.reporting, jobs.missing, jobs.carried),
            (5_000, 2, 1, 1)
        );
        let share = get("local-purchases-share");
        assert_eq!((share.value, share.unit), (55_000, Unit::Percent));
        assert_eq!(totals.len(), 4, "the unknown code is left out");
        // Two tonnes flows stay apart: 3.75 t of waste, 0.5 t of food, never 4.25 t.
        let food = get("food-redistributed");
        assert_eq!((food.value, food.unit), (500, Unit::Tonnes));
        assert!(totals.iter().all(|t| t.value != 4_250));
    }

    #[test]
    fn latest_measurement_of_each_indicator() {
        let latest = latest_measurements([
            (1, "2026-11-20", 12_000),
            (1, "2026-09-30", 6_000),
            (2, "2026-10-31", 750),
            (2, "2026-10-31", 800),
        ]);
        assert_eq!(latest.get(&1), Some(&("2026-11-20", 12_000)));
        assert_eq!(
            latest.get(&2),
            Some(&("2026-10-31", 800)),
            "the last given that day"
        );
        assert_eq!(latest.len(), 2);
    }

    #[test]
    fn indicators_of_the_same_unit_are_never_added() {
        // Every indicator of the catalogue, one project each, the same 1 unit: each total is
        // 1 whatever the other indicators of its unit (a roll-up by unit would give 2 or more).
        let figures: Vec<ProjectFigure> = catalogue()
            .iter()
            .enumerate()
            .map(|(n, ind)| fig(n as i64 + 1, &ind.code, 1_000, 1, Some(1_000), false))
            .collect();
        let totals = aggregate(&figures);
        assert_eq!(totals.len(), catalogue().len());
        let mut shared = 0;
        for t in &totals {
            assert_eq!(t.value, 1_000, "{} was added to another indicator", t.code);
            assert_eq!(t.reporting, 1, "{}", t.code);
            shared += usize::from(totals.iter().filter(|o| o.unit == t.unit).count() > 1);
        }
        assert!(shared > 2, "the catalogue has indicators sharing a unit");
    }
}
