//! A centre's team: the responsibility matrix (RACI) of its processes, its volunteers' hours and
//! the value of their time (hours × a rate, in cents), which the centre's budget records as a
//! contribution in kind.

/// `n / d` rounded half away from zero (`d` > 0).
fn round_div(n: i64, d: i64) -> i64 {
    i64::try_from(crate::forecast::money::round_div(
        i128::from(n),
        i128::from(d),
    ))
    .unwrap_or(i64::MAX)
}

/// The SMIC horaire brut (1 January 2026), the default value of an hour of volunteer time.
pub const SMIC_HOURLY_CENTS: i64 = 1_202;
/// The highest hourly rate a centre may set (1 000 €).
pub const MAX_RATE_CENTS: i64 = 100_000;
/// A volunteer logs at most this many minutes on one day.
pub const MAX_MINUTES_A_DAY: i64 = 24 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamError {
    NoAccountable,
    ManyAccountable,
    NoResponsible,
    UnknownLetter,
    HoursFormat,
    HoursRange,
    DayFull,
    RateRange,
}

impl TeamError {
    pub fn message_key(self) -> &'static str {
        match self {
            TeamError::NoAccountable => "team-error-no-accountable",
            TeamError::ManyAccountable => "team-error-many-accountable",
            TeamError::NoResponsible => "team-error-no-responsible",
            TeamError::UnknownLetter => "error-choice-unknown",
            TeamError::HoursFormat => "team-error-hours-format",
            TeamError::HoursRange => "team-error-hours-range",
            TeamError::DayFull => "team-error-day-full",
            TeamError::RateRange => "team-error-rate",
        }
    }
}

/// Responsible (does it), Accountable (answers for it: exactly one), Consulted, Informed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Letter {
    R,
    A,
    C,
    I,
}

impl Letter {
    pub const ALL: [Letter; 4] = [Letter::R, Letter::A, Letter::C, Letter::I];

    pub fn code(self) -> &'static str {
        match self {
            Letter::R => "R",
            Letter::A => "A",
            Letter::C => "C",
            Letter::I => "I",
        }
    }

    /// A letter, or `None` for an empty cell; anything else is refused.
    pub fn parse(code: &str) -> Result<Option<Self>, TeamError> {
        let code = code.trim();
        if code.is_empty() {
            return Ok(None);
        }
        Letter::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
            .map(Some)
            .ok_or(TeamError::UnknownLetter)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Letter::R => "team-raci-r",
            Letter::A => "team-raci-a",
            Letter::C => "team-raci-c",
            Letter::I => "team-raci-i",
        }
    }
}

/// What a cell of the matrix may hold: one letter, or `AR` for the one who answers for the
/// process and does it too (a small team); each with its label key.
pub const CELLS: [(&str, &str); 5] = [
    ("R", "team-raci-r"),
    ("A", "team-raci-a"),
    ("AR", "team-raci-ar"),
    ("C", "team-raci-c"),
    ("I", "team-raci-i"),
];

/// A cell's letters (`""` none, `"AR"` both), written as [`CELLS`] names them.
pub fn parse_cell(code: &str) -> Result<Vec<Letter>, TeamError> {
    let code = code.trim().to_uppercase().replace(['/', ' '], "");
    match code.as_str() {
        "" => Ok(Vec::new()),
        "AR" | "RA" => Ok(vec![Letter::A, Letter::R]),
        other => Letter::parse(other).map(|l| l.into_iter().collect()),
    }
}

/// How a cell's letters are stored and shown (`AR` for both).
pub fn cell_code(letters: &[Letter]) -> String {
    if letters.contains(&Letter::A) && letters.contains(&Letter::R) {
        "AR".to_string()
    } else {
        letters.iter().map(|l| l.code()).collect()
    }
}

/// A process's row of the matrix: exactly one Accountable and at least one Responsible.
pub fn check_row(letters: &[Letter]) -> Result<(), TeamError> {
    match letters.iter().filter(|l| **l == Letter::A).count() {
        0 => return Err(TeamError::NoAccountable),
        1 => {}
        _ => return Err(TeamError::ManyAccountable),
    }
    if !letters.contains(&Letter::R) {
        return Err(TeamError::NoResponsible);
    }
    Ok(())
}

/// Hours typed as `2`, `2,5`, `2.25`, `2h30` or `2:30` → minutes, more than 0 and at most 24 h.
pub fn parse_hours(text: &str) -> Result<i64, TeamError> {
    let t = text.trim().to_lowercase().replace(' ', "");
    if t.is_empty() {
        return Err(TeamError::HoursFormat);
    }
    let minutes = if let Some((h, m)) = t.split_once(['h', ':']) {
        let h: i64 = h.parse().map_err(|_| TeamError::HoursFormat)?;
        let m: i64 = if m.is_empty() {
            0
        } else {
            m.parse().map_err(|_| TeamError::HoursFormat)?
        };
        if !(0..60).contains(&m) || h < 0 {
            return Err(TeamError::HoursFormat);
        }
        h.checked_mul(60)
            .and_then(|x| x.checked_add(m))
            .ok_or(TeamError::HoursRange)?
    } else {
        let t = t.replace(',', ".");
        let negative = t.starts_with('-');
        let t = t.trim_start_matches('-');
        let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
        if whole.is_empty() && frac.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
            || frac.len() > 2
            || whole.len() > 6
        {
            return Err(TeamError::HoursFormat);
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| TeamError::HoursFormat)?
        };
        let hundredths: i64 = format!("{frac:0<2}").parse().unwrap_or(0);
        let minutes = whole * 60 + round_div(hundredths * 60, 100);
        if negative { -minutes } else { minutes }
    };
    if minutes <= 0 || minutes > MAX_MINUTES_A_DAY {
        return Err(TeamError::HoursRange);
    }
    Ok(minutes)
}

/// Whether `adding` minutes on a day that already holds `logged` stays within 24 h.
pub fn fits_day(logged: i64, adding: i64) -> Result<(), TeamError> {
    if logged + adding > MAX_MINUTES_A_DAY {
        Err(TeamError::DayFull)
    } else {
        Ok(())
    }
}

/// The value of `minutes` of volunteer time at `rate_cents` an hour, rounded half away from zero.
pub fn value_cents(minutes: i64, rate_cents: i64) -> i64 {
    round_div(minutes * rate_cents, 60)
}

/// An hourly rate typed in euros (`12,02`), within 0,01 € and 1 000 €.
pub fn parse_rate(text: &str) -> Result<i64, TeamError> {
    crate::offer::parse_price(text)
        .filter(|c| (1..=MAX_RATE_CENTS).contains(c))
        .ok_or(TeamError::RateRange)
}

/// Totals of logged time per period (a month `YYYY-MM` or a year `YYYY`), in the order given.
pub fn totals<'a>(
    entries: impl Iterator<Item = (&'a str, i64)>,
    key_len: usize,
) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = Vec::new();
    for (day, minutes) in entries {
        let key: String = day.chars().take(key_len).collect();
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, total)) => *total += minutes,
            None => out.push((key, minutes)),
        }
    }
    out
}

/// Records the value of a year of volunteer time in a budget as its contribution in kind of
/// volunteering: it replaces the plan's volunteering lines (the log is their source now), and
/// leaves the other contributions as they are. Changes no computed figure.
pub fn use_in_budget(plan: &mut crate::forecast::model::Forecast, name: &str, cents: i64) {
    use crate::forecast::model::{InKind, InKindKind};
    plan.in_kind.retain(|k| k.kind != InKindKind::Volunteering);
    plan.in_kind.push(InKind {
        name: name.chars().take(200).collect(),
        kind: InKindKind::Volunteering,
        yearly_cents: cents.clamp(0, 100_000_000_000),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn volunteer_time_replaces_the_budgets_volunteering_in_kind() {
        use crate::forecast::model::InKindKind;
        let mut plan = crate::forecast::template::centre_budget(
            "Centre",
            crate::forecast::model::YearMonth {
                year: 2027,
                month: 1,
            },
        );
        let before = plan.in_kind.len();
        use_in_budget(&mut plan, "Bénévolat 2026", 360_600);
        let volunteering: Vec<_> = plan
            .in_kind
            .iter()
            .filter(|k| k.kind == InKindKind::Volunteering)
            .collect();
        assert_eq!(volunteering.len(), 1);
        assert_eq!(volunteering[0].yearly_cents, 360_600);
        assert_eq!(volunteering[0].name, "Bénévolat 2026");
        // The template's services line stays.
        assert_eq!(plan.in_kind.len(), before);
        // The file still reads back the same.
        let again = crate::forecast::parse(&plan.to_json()).expect("reads back");
        assert_eq!(again.in_kind, plan.in_kind);
    }

    #[test]
    fn a_process_has_exactly_one_accountable_and_a_responsible() {
        use Letter::*;
        assert_eq!(check_row(&[R, C]), Err(TeamError::NoAccountable));
        assert_eq!(check_row(&[]), Err(TeamError::NoAccountable));
        assert_eq!(check_row(&[A, A, R]), Err(TeamError::ManyAccountable));
        assert_eq!(check_row(&[A, I]), Err(TeamError::NoResponsible));
        assert_eq!(check_row(&[A, R, C, I, I]), Ok(()));
        assert_eq!(Letter::parse("a"), Ok(Some(A)));
        assert_eq!(Letter::parse(""), Ok(None));
        assert_eq!(Letter::parse("X"), Err(TeamError::UnknownLetter));
        // One person may answer for a process and do it.
        assert_eq!(parse_cell("a/r"), Ok(vec![A, R]));
        assert_eq!(check_row(&parse_cell("AR").unwrap_or_default()), Ok(()));
        assert_eq!(cell_code(&[A, R]), "AR");
        assert_eq!(parse_cell(""), Ok(vec![]));
        assert_eq!(parse_cell("Z"), Err(TeamError::UnknownLetter));
    }

    #[test]
    fn hours_are_minutes_within_a_day() {
        assert_eq!(parse_hours("2"), Ok(120));
        assert_eq!(parse_hours("2,5"), Ok(150));
        assert_eq!(parse_hours("1.25"), Ok(75));
        assert_eq!(parse_hours("2h30"), Ok(150));
        assert_eq!(parse_hours("3h"), Ok(180));
        assert_eq!(parse_hours("0:45"), Ok(45));
        assert_eq!(parse_hours("24"), Ok(1440));
        assert_eq!(parse_hours("0"), Err(TeamError::HoursRange));
        assert_eq!(parse_hours("-2"), Err(TeamError::HoursRange));
        assert_eq!(parse_hours("24,5"), Err(TeamError::HoursRange));
        assert_eq!(parse_hours("25h"), Err(TeamError::HoursRange));
        assert_eq!(parse_hours("deux"), Err(TeamError::HoursFormat));
        assert_eq!(parse_hours("2h75"), Err(TeamError::HoursFormat));
        assert_eq!(parse_hours(""), Err(TeamError::HoursFormat));
        assert_eq!(fits_day(1400, 40), Ok(()));
        assert_eq!(fits_day(1400, 41), Err(TeamError::DayFull));
    }

    #[test]
    fn the_value_of_volunteer_time_is_in_cents() {
        // 150 minutes at the SMIC: 2,5 × 12,02 € = 30,05 €.
        assert_eq!(value_cents(150, SMIC_HOURLY_CENTS), 3_005);
        // 1 minute at 12,02 €: 20,03… cents → 20.
        assert_eq!(value_cents(1, SMIC_HOURLY_CENTS), 20);
        // 20 minutes at 0,05 €: 1,666… → 2 (half away from zero).
        assert_eq!(value_cents(20, 5), 2);
        assert_eq!(value_cents(0, 1_000), 0);
        assert_eq!(parse_rate("12,02"), Ok(1_202));
        assert_eq!(parse_rate("0"), Err(TeamError::RateRange));
        assert_eq!(parse_rate("abc"), Err(TeamError::RateRange));
    }

    #[test]
    fn totals_group_by_month_and_year() {
        let rows = [("2026-11-02", 60), ("2026-11-20", 30), ("2026-12-01", 90)];
        assert_eq!(
            totals(rows.iter().map(|(d, m)| (*d, *m)), 7),
            vec![("2026-11".to_string(), 90), ("2026-12".to_string(), 90)]
        );
        assert_eq!(
            totals(rows.iter().map(|(d, m)| (*d, *m)), 4),
            vec![("2026".to_string(), 180)]
        );
    }
}
