//! Ambassadors: their referral code (a campaign of their own over the site's campaign
//! tracking), the tiers the network defines, where an ambassador stands, and their results
//! month by month.
use crate::DomainError;
use crate::time_zone::to_paris;

/// The `utm_source` of an ambassador's link; their code is its `utm_campaign`.
pub const SOURCE: &str = "ambassadeur";
/// The `utm_medium` of an ambassador's link.
pub const MEDIUM: &str = "parrainage";
/// Length of a referral code.
pub const CODE_LEN: usize = 8;
/// The letters of a code: lowercase, without the ones read wrong (0/o, 1/l/i).
pub const CODE_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A code made from random bytes (one letter per byte).
pub fn code_from(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take(CODE_LEN)
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect()
}

/// Whether `text` has the shape of a referral code (what a link or a campaign may carry).
pub fn is_code(text: &str) -> bool {
    text.len() == CODE_LEN && text.bytes().all(|b| CODE_ALPHABET.contains(&b))
}

/// The referral code a remembered campaign carries, if it is an ambassador's.
pub fn code_of_campaign(source: &str, campaign: &str) -> Option<String> {
    (source == SOURCE && is_code(campaign)).then(|| campaign.to_string())
}

/// What a tier's threshold counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// Accounts created through the ambassador's link.
    Signups,
    /// Paid orders of the people they brought.
    Payments,
}

impl Metric {
    pub const ALL: [Metric; 2] = [Metric::Signups, Metric::Payments];

    pub fn code(self) -> &'static str {
        match self {
            Metric::Signups => "signups",
            Metric::Payments => "payments",
        }
    }

    pub fn parse(text: &str) -> Result<Metric, DomainError> {
        Metric::ALL
            .into_iter()
            .find(|m| m.code() == text.trim())
            .ok_or(DomainError::UnknownChoice)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Metric::Signups => "ambassador-metric-signups",
            Metric::Payments => "ambassador-metric-payments",
        }
    }
}

/// A tier as the network defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub name: String,
    pub metric: Metric,
    pub threshold: i64,
    pub reward: String,
}

/// A tier's threshold typed in a form: a whole number from 1 to 1,000,000.
pub fn threshold(text: &str) -> Result<i64, DomainError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DomainError::Required);
    }
    match text.parse::<i64>() {
        Ok(n) if (1..=1_000_000).contains(&n) => Ok(n),
        _ => Err(DomainError::UnknownChoice),
    }
}

/// What counts towards the tiers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub signups: i64,
    pub payments: i64,
}

impl Totals {
    pub fn of(&self, metric: Metric) -> i64 {
        match metric {
            Metric::Signups => self.signups,
            Metric::Payments => self.payments,
        }
    }
}

/// Where an ambassador stands: the highest tier reached, and the next with what is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Index in the tiers given.
    pub current: Option<usize>,
    /// Index in the tiers given, and how many more sign-ups or payments it takes.
    pub next: Option<(usize, i64)>,
}

/// Tiers climb by threshold (ties in the order given): the current tier is the last one
/// reached on that ladder, the next the first one not reached yet.
pub fn standing(tiers: &[Tier], totals: Totals) -> Standing {
    let mut order: Vec<usize> = (0..tiers.len()).collect();
    order.sort_by_key(|&i| tiers[i].threshold);
    let mut current = None;
    let mut next = None;
    for i in order {
        let t = &tiers[i];
        let have = totals.of(t.metric);
        if have >= t.threshold {
            if next.is_none() {
                current = Some(i);
            }
        } else if next.is_none() {
            next = Some((i, t.threshold - have));
        }
    }
    Standing { current, next }
}

/// What an ambassador brought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Visit,
    Lead,
    Signup,
    Registration,
    Payment,
}

impl Kind {
    pub fn parse(code: &str) -> Option<Kind> {
        Some(match code {
            "visit" => Kind::Visit,
            "lead" => Kind::Lead,
            "signup" => Kind::Signup,
            "registration" => Kind::Registration,
            "payment" => Kind::Payment,
            _ => return None,
        })
    }
}

/// One month of results.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u8,
    pub visits: i64,
    pub leads: i64,
    pub signups: i64,
    pub registrations: i64,
    pub payments: i64,
    pub paid_cents: i64,
}

/// The `count` months up to the one of `now` (Paris time), oldest first, from what happened:
/// (kind, Unix time, amount in cents for a payment). Older events are left out.
pub fn months(events: &[(Kind, i64, i64)], now: i64, count: usize) -> Vec<Month> {
    let today = to_paris(now);
    let last = i64::from(today.year()) * 12 + i64::from(u8::from(today.month())) - 1;
    let first = last - count as i64 + 1;
    let mut out: Vec<Month> = (first..=last)
        .map(|m| Month {
            year: m.div_euclid(12) as i32,
            month: (m.rem_euclid(12) + 1) as u8,
            ..Month::default()
        })
        .collect();
    for &(kind, at, cents) in events {
        let d = to_paris(at);
        let m = i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1;
        let Some(slot) = usize::try_from(m - first).ok().and_then(|i| out.get_mut(i)) else {
            continue;
        };
        match kind {
            Kind::Visit => slot.visits += 1,
            Kind::Lead => slot.leads += 1,
            Kind::Signup => slot.signups += 1,
            Kind::Registration => slot.registrations += 1,
            Kind::Payment => {
                slot.payments += 1;
                slot.paid_cents += cents;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(name: &str, metric: Metric, threshold: i64) -> Tier {
        Tier {
            name: name.into(),
            metric,
            threshold,
            reward: String::new(),
        }
    }

    #[test]
    fn codes_are_tame_and_recognised() {
        let c = code_from(&[0, 1, 2, 3, 4, 5, 6, 255]);
        assert_eq!(c.len(), CODE_LEN);
        assert!(is_code(&c));
        assert!(!is_code("abc"));
        assert!(!is_code("ABCDEFGH"));
        assert!(!is_code("abcdefg0"));
        assert_eq!(code_of_campaign(SOURCE, &c), Some(c.clone()));
        assert_eq!(code_of_campaign("facebook", &c), None);
        assert_eq!(code_of_campaign(SOURCE, "lancement"), None);
    }

    #[test]
    fn standing_climbs_by_threshold() {
        let tiers = vec![
            tier("Or", Metric::Signups, 10),
            tier("Bronze", Metric::Signups, 1),
            tier("Argent", Metric::Payments, 3),
        ];
        let none = standing(&tiers, Totals::default());
        assert_eq!(none.current, None);
        assert_eq!(none.next, Some((1, 1)));
        let some = standing(
            &tiers,
            Totals {
                signups: 4,
                payments: 1,
            },
        );
        assert_eq!(some.current, Some(1));
        assert_eq!(some.next, Some((2, 2)));
        // A higher tier reached past a missed one does not count until the ladder gets there.
        let skipped = standing(
            &tiers,
            Totals {
                signups: 12,
                payments: 0,
            },
        );
        assert_eq!(skipped.current, Some(1));
        assert_eq!(skipped.next, Some((2, 3)));
        let top = standing(
            &tiers,
            Totals {
                signups: 12,
                payments: 3,
            },
        );
        assert_eq!(top.current, Some(0));
        assert_eq!(top.next, None);
        assert_eq!(standing(&[], Totals::default()).current, None);
    }

    #[test]
    fn thresholds_are_whole_positive_numbers() {
        assert_eq!(threshold(" 5 "), Ok(5));
        assert_eq!(threshold(""), Err(DomainError::Required));
        assert_eq!(threshold("0"), Err(DomainError::UnknownChoice));
        assert_eq!(threshold("2,5"), Err(DomainError::UnknownChoice));
        assert_eq!(Metric::parse("payments"), Ok(Metric::Payments));
        assert!(Metric::parse("likes").is_err());
    }

    #[test]
    fn months_bucket_in_paris_time() {
        // 2027-03-31 22:30 UTC is already April in Paris (UTC+2).
        let april_in_paris = 1_806_532_200;
        let now = 1_807_000_000; // 2027-04-05
        let events = [
            (Kind::Visit, april_in_paris, 0),
            (Kind::Payment, april_in_paris + 60, 12_000),
            (Kind::Signup, april_in_paris - 86_400 * 40, 0),
            (Kind::Lead, 1_000, 0),
        ];
        let m = months(&events, now, 3);
        assert_eq!(m.len(), 3);
        assert_eq!((m[2].year, m[2].month), (2027, 4));
        assert_eq!(m[2].visits, 1);
        assert_eq!(m[2].payments, 1);
        assert_eq!(m[2].paid_cents, 12_000);
        assert_eq!((m[0].year, m[0].month), (2027, 2));
        assert_eq!(m[0].signups, 1);
        assert_eq!(m.iter().map(|x| x.leads).sum::<i64>(), 0);
    }
}
