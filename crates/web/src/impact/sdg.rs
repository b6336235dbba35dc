//! The UN Sustainable Development Goals (ODD in French) as people know them: their number in
//! the goal's official colour, and their name (`sdg-name-{n}` in the catalogues). The colours are
//! CSS classes (`.sdg-{n}` in app.css); nothing is fetched from elsewhere.
use crate::i18n::I18n;

/// One goal, ready to show as a badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sdg {
    pub goal: u8,
    /// « ODD 3 » / « SDG 3 », read before the name by screen readers.
    pub short: String,
    pub name: String,
}

impl Sdg {
    pub fn new(i: I18n, goal: u8) -> Self {
        Sdg {
            goal,
            short: i.ta("impact-sdg", &[("goal", &goal.to_string())]),
            name: i.t(&format!("sdg-name-{goal}")),
        }
    }

    /// `ODD 3 · Bonne santé et bien-être`, for a list's option or a file.
    pub fn label(&self) -> String {
        format!("{} · {}", self.short, self.name)
    }
}

/// The goals of a list, in order.
pub fn badges(i: I18n, goals: &[u8]) -> Vec<Sdg> {
    goals.iter().map(|g| Sdg::new(i, *g)).collect()
}

/// All seventeen goals, for a filter.
pub fn all(i: I18n) -> Vec<Sdg> {
    (1..=17).map(|g| Sdg::new(i, g)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::Locale;

    #[test]
    fn every_goal_has_a_name_in_both_languages() {
        for locale in [Locale::Fr, Locale::En] {
            let i = I18n::new(locale);
            for sdg in all(i) {
                assert!(!sdg.name.contains("sdg-name"), "{locale:?} {}", sdg.goal);
                assert!(!sdg.name.is_empty());
            }
        }
        assert_eq!(
            Sdg::new(I18n::new(Locale::Fr), 3).label(),
            "ODD 3 · Bonne santé et bien-être"
        );
    }
}
