//! The year's review: next year's objectives as measurable targets, each tied to a figure of
//! the dashboard or to an impact indicator, with a unit and a deadline, and the roadmap they
//! become (the Markdown format of `feuille-de-route.md`: one item per objective, in the month
//! of its deadline).
use crate::DomainError;
use crate::forecast::actuals::{Actual, Category, by_month};
use crate::forecast::compute::Monthly;
use crate::forecast::model::{MONTHS, YearMonth};
use crate::impact;
use crate::locale::Locale;
use crate::roadmap::{Roadmap, RoadmapError};
use time::Date;

/// What an objective measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Figure {
    /// Revenue invoiced before VAT, in cents.
    Revenue,
    /// Participants who joined.
    Participants,
    /// Projects started.
    Projects,
    /// Cohorts run.
    Cohorts,
    /// Net promoter score of the feedback, in points.
    Satisfaction,
    /// An impact indicator of the catalogue, in thousandths of its unit.
    Indicator(String),
}

impl Figure {
    pub const FIGURES: [Figure; 5] = [
        Figure::Revenue,
        Figure::Participants,
        Figure::Projects,
        Figure::Cohorts,
        Figure::Satisfaction,
    ];

    /// The code kept in storage: `revenue`…, or `indicator:<code>`.
    pub fn code(&self) -> String {
        match self {
            Figure::Revenue => "revenue".into(),
            Figure::Participants => "participants".into(),
            Figure::Projects => "projects".into(),
            Figure::Cohorts => "cohorts".into(),
            Figure::Satisfaction => "satisfaction".into(),
            Figure::Indicator(code) => format!("indicator:{code}"),
        }
    }

    pub fn parse(code: &str) -> Result<Figure, DomainError> {
        let code = code.trim();
        if let Some(ind) = code.strip_prefix("indicator:") {
            return impact::indicator(ind)
                .map(|_| Figure::Indicator(ind.to_string()))
                .ok_or(DomainError::UnknownChoice);
        }
        Figure::FIGURES
            .into_iter()
            .find(|f| f.code() == code)
            .ok_or(DomainError::UnknownChoice)
    }

    /// The i18n key of a figure's name (an indicator is named by the catalogue).
    pub fn label_key(&self) -> Option<&'static str> {
        Some(match self {
            Figure::Revenue => "review-figure-revenue",
            Figure::Participants => "review-figure-participants",
            Figure::Projects => "review-figure-projects",
            Figure::Cohorts => "review-figure-cohorts",
            Figure::Satisfaction => "review-figure-satisfaction",
            Figure::Indicator(_) => return None,
        })
    }

    /// The unit's code as stored with the objective: `eur`, `participants`, `projects`,
    /// `cohorts`, `points`, or the indicator's unit.
    pub fn unit(&self) -> String {
        match self {
            Figure::Revenue => "eur".into(),
            Figure::Participants => "participants".into(),
            Figure::Projects => "projects".into(),
            Figure::Cohorts => "cohorts".into(),
            Figure::Satisfaction => "points".into(),
            Figure::Indicator(code) => impact::indicator(code)
                .map(|i| i.unit.code().to_string())
                .unwrap_or_default(),
        }
    }

    /// Reads a target typed in a form, in the figure's stored scale (cents for money,
    /// thousandths for an indicator, a whole number otherwise; a score from -100 to 100).
    pub fn target(&self, text: &str) -> Result<i64, DomainError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(DomainError::Required);
        }
        let value = match self {
            Figure::Revenue => {
                crate::crm::amount_cents(text).map_err(|_| DomainError::UnknownChoice)?
            }
            Figure::Indicator(_) => {
                impact::parse_quantity(text).map_err(|_| DomainError::UnknownChoice)?
            }
            _ => text
                .replace(['\u{a0}', '\u{202f}', ' '], "")
                .parse::<i64>()
                .map_err(|_| DomainError::UnknownChoice)?,
        };
        let ok = match self {
            Figure::Satisfaction => (-100..=100).contains(&value),
            _ => (0..=1_000_000_000_000).contains(&value),
        };
        if ok {
            Ok(value)
        } else {
            Err(DomainError::UnknownChoice)
        }
    }

    /// A stored value in words, for a roadmap item or a table (« 12 000,00 € », « 40 »).
    pub fn format(&self, locale: Locale, value: i64) -> String {
        match self {
            Figure::Revenue => crate::format::euros(locale, value),
            Figure::Indicator(_) => impact::format_quantity(locale, value),
            _ => crate::format::integer(locale, value),
        }
    }
}

/// One line of a year's finance: the budget's amount for the whole calendar year, its amount
/// for the months of that year that have actuals, and the actuals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FinanceLine {
    pub planned_year: i64,
    pub planned_to_date: i64,
    pub actual: i64,
}

impl std::ops::AddAssign for FinanceLine {
    fn add_assign(&mut self, o: FinanceLine) {
        self.planned_year += o.planned_year;
        self.planned_to_date += o.planned_to_date;
        self.actual += o.actual;
    }
}

/// A budget's forecast against its actuals (`forecasts` module) for the calendar year `year`,
/// per category. `start` is the budget's first month, `monthly` its computed months.
pub fn finance(
    start: YearMonth,
    monthly: &Monthly,
    actuals: &[Actual],
    year: i32,
) -> Vec<(Category, FinanceLine)> {
    let first = impact::month_index(start.year, start.month);
    // Forecast months (1-based) that fall in the year.
    let in_year: Vec<usize> = (1..=MONTHS)
        .filter(|m| (first + *m as i64 - 1).div_euclid(12) == i64::from(year))
        .collect();
    let sums = by_month(actuals);
    let with_actuals: Vec<usize> = in_year
        .iter()
        .copied()
        .filter(|m| !sums[m - 1].is_empty())
        .collect();
    Category::ALL
        .into_iter()
        .map(|c| {
            let line = FinanceLine {
                planned_year: in_year.iter().map(|m| c.forecast(monthly, *m)).sum(),
                planned_to_date: with_actuals.iter().map(|m| c.forecast(monthly, *m)).sum(),
                actual: with_actuals
                    .iter()
                    .map(|m| sums[m - 1].get(&c).copied().unwrap_or(0))
                    .sum(),
            };
            (c, line)
        })
        .collect()
}

/// An objective as its roadmap item says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Objective {
    /// What is aimed at, in words (« Atteindre 40 participants »).
    pub label: String,
    /// The target in words, with its unit (« 40 participants »).
    pub target: String,
    pub deadline: Date,
}

/// The roadmap of the year `year` from its objectives: `# title`, one phase per quarter that
/// holds a deadline, one period per month, one unchecked item per objective (« label — target,
/// d'ici le 30/06/2027 »). The months count from January of `year` (Mois 1); a deadline outside
/// the year goes to the nearest month. The text is the roadmap format, parsed back to check it.
pub fn roadmap(
    title: &str,
    intro: &str,
    year: i32,
    objectives: &[Objective],
    words: &RoadmapWords,
) -> Result<(String, Roadmap), RoadmapError> {
    let month_of = |d: Date| -> u32 {
        if d.year() < year {
            1
        } else if d.year() > year {
            12
        } else {
            u8::from(d.month()) as u32
        }
    };
    let mut sorted: Vec<&Objective> = objectives.iter().collect();
    sorted.sort_by_key(|o| o.deadline);
    let mut out = format!("# {}\n\n{}\n", one_line(title), one_line(intro));
    let mut quarter = 0;
    let mut month = 0;
    for o in sorted {
        let m = month_of(o.deadline);
        let q = (m - 1) / 3 + 1;
        if q != quarter {
            quarter = q;
            let first = (q - 1) * 3 + 1;
            out.push_str(&format!(
                "\n## {} {q}: {} (Mois {first}-{})\n",
                words.phase,
                words.quarter_name(q),
                first + 2
            ));
        }
        if m != month {
            month = m;
            out.push_str(&format!(
                "\n### Mois {m}: {} {year}\n",
                words.month_names[(m - 1) as usize]
            ));
        }
        out.push_str(&format!(
            "- [ ] {} — {}, {} {:02}/{:02}/{}\n",
            one_line(&o.label),
            one_line(&o.target),
            words.by,
            o.deadline.day(),
            u8::from(o.deadline.month()),
            o.deadline.year()
        ));
    }
    let parsed = crate::roadmap::parse(&out)?;
    Ok((out, parsed))
}

/// The words of a generated roadmap, in its language.
#[derive(Debug, Clone)]
pub struct RoadmapWords {
    /// « Phase ».
    pub phase: String,
    /// The quarters' names (« 1er trimestre »…).
    pub quarters: [String; 4],
    /// January to December.
    pub month_names: [String; 12],
    /// « d'ici le ».
    pub by: String,
}

impl RoadmapWords {
    fn quarter_name(&self, q: u32) -> &str {
        &self.quarters[((q.clamp(1, 4)) - 1) as usize]
    }
}

/// A text on one line (a heading or an item cannot hold a line break), never blank.
fn one_line(text: &str) -> String {
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() { "—".into() } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    fn words() -> RoadmapWords {
        RoadmapWords {
            phase: "Phase".into(),
            quarters: [
                "1er trimestre".into(),
                "2e trimestre".into(),
                "3e trimestre".into(),
                "4e trimestre".into(),
            ],
            month_names: [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ]
            .map(String::from),
            by: "d'ici le".into(),
        }
    }

    fn day(y: i32, m: Month, d: u8) -> Date {
        Date::from_calendar_date(y, m, d).unwrap()
    }

    #[test]
    fn finance_compares_the_months_of_the_year_that_have_actuals() {
        let start = YearMonth {
            year: 2026,
            month: 11,
        };
        let monthly = Monthly {
            chiffre_affaires: vec![1_000; 36],
            ..Monthly::default()
        };
        let actuals = [
            // Month 2 is December 2026: not this year's.
            Actual {
                month: 2,
                category: Category::ChiffreAffaires,
                cents: 5_000,
            },
            // Months 3 and 4: January and February 2027.
            Actual {
                month: 3,
                category: Category::ChiffreAffaires,
                cents: 700,
            },
            Actual {
                month: 4,
                category: Category::ChargesExternes,
                cents: 300,
            },
        ];
        let lines = finance(start, &monthly, &actuals, 2027);
        let ca = lines
            .iter()
            .find(|(c, _)| *c == Category::ChiffreAffaires)
            .unwrap()
            .1;
        assert_eq!(
            ca,
            FinanceLine {
                planned_year: 12_000,
                planned_to_date: 2_000,
                actual: 700
            }
        );
        let external = lines
            .iter()
            .find(|(c, _)| *c == Category::ChargesExternes)
            .unwrap()
            .1;
        assert_eq!(external.actual, 300);
        // A year the budget does not reach.
        assert!(
            finance(start, &monthly, &actuals, 2031)
                .iter()
                .all(|(_, l)| *l == FinanceLine::default())
        );
    }

    #[test]
    fn figures_read_their_targets_in_their_scale() {
        assert_eq!(Figure::parse("revenue"), Ok(Figure::Revenue));
        assert_eq!(
            Figure::parse("indicator:people-reached"),
            Ok(Figure::Indicator("people-reached".into()))
        );
        assert!(Figure::parse("indicator:nope").is_err());
        assert!(Figure::parse("likes").is_err());
        assert_eq!(Figure::Revenue.target("12 000,50"), Ok(1_200_050));
        assert_eq!(Figure::Participants.target(" 40 "), Ok(40));
        assert_eq!(Figure::Participants.target(""), Err(DomainError::Required));
        assert_eq!(
            Figure::Participants.target("quarante"),
            Err(DomainError::UnknownChoice)
        );
        assert_eq!(Figure::Satisfaction.target("-20"), Ok(-20));
        assert!(Figure::Satisfaction.target("150").is_err());
        assert!(Figure::Projects.target("-3").is_err());
        assert_eq!(
            Figure::Indicator("people-reached".into()).target("1,5"),
            Ok(1_500)
        );
        assert_eq!(Figure::Revenue.unit(), "eur");
        assert_eq!(Figure::Indicator("people-reached".into()).unit(), "people");
        assert_eq!(
            Figure::Revenue.format(Locale::Fr, 1_200_050),
            "12\u{202f}000,50\u{a0}€"
        );
    }

    #[test]
    fn objectives_become_a_roadmap_one_item_each_in_their_month() {
        let objectives = vec![
            Objective {
                label: "Former de nouveaux participants".into(),
                target: "40 participants".into(),
                deadline: day(2028, Month::June, 30),
            },
            Objective {
                label: "Chiffre d'affaires".into(),
                target: "60 000,00 €".into(),
                deadline: day(2028, Month::December, 31),
            },
            Objective {
                label: "Première cohorte\nde l'année".into(),
                target: "1 cohorte".into(),
                deadline: day(2028, Month::February, 15),
            },
            Objective {
                label: "En retard".into(),
                target: "1".into(),
                deadline: day(2027, Month::December, 1),
            },
        ];
        let (text, parsed) = roadmap(
            "Feuille de route 2028",
            "Les objectifs du bilan 2027.",
            2028,
            &objectives,
            &words(),
        )
        .unwrap();
        assert!(text.starts_with("# Feuille de route 2028\n"), "{text}");
        assert!(
            text.contains("## Phase 1: 1er trimestre (Mois 1-3)\n"),
            "{text}"
        );
        assert!(text.contains("### Mois 2: février 2028\n- [ ] Première cohorte de l'année — 1 cohorte, d'ici le 15/02/2028\n"), "{text}");
        assert!(
            text.contains("## Phase 4: 4e trimestre (Mois 10-12)"),
            "{text}"
        );
        let items: usize = parsed
            .phases
            .iter()
            .flat_map(|p| &p.periods)
            .map(|p| p.items.len())
            .sum();
        assert_eq!(items, 4);
        // Byte-identical round trip, as any roadmap file.
        assert_eq!(parsed.render(), text);
        // An objective past the year is placed in its last month, one before it in its first.
        assert!(
            text.contains("### Mois 1: janvier 2028\n- [ ] En retard"),
            "{text}"
        );
    }
}
