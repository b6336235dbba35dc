//! Scoring: each asked question gives a fraction of its best answer, weighted per dimension;
//! a dimension's score is the weighted mean (0–100), the overall score the weighted mean of the
//! dimensions; thresholds give the levels. Documented for users on the scoring page.
use super::answers::{Answer, Answers, fits};
use super::definition::{Definition, Kind, Question, Recommendation};

/// The key under which the overall score is stored beside the dimensions.
pub const OVERALL: &str = "overall";

/// Fewest comparable responses before quartiles are shown (fewer would say too much about
/// too few people).
pub const MIN_PEERS: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scores {
    /// (dimension key, score 0–100), in the definition's order.
    pub dimensions: Vec<(String, u8)>,
    pub overall: u8,
}

impl Scores {
    pub fn get(&self, dimension: &str) -> Option<u8> {
        if dimension == OVERALL {
            return Some(self.overall);
        }
        self.dimensions
            .iter()
            .find(|(k, _)| k == dimension)
            .map(|(_, s)| *s)
    }
}

/// The share (0–1) of its best answer that an answer reaches; 0 when unanswered.
pub fn fraction(q: &Question, answer: Option<&Answer>) -> f64 {
    let max = q.max_points();
    let Some(a) = answer.filter(|a| fits(q, a)) else {
        return 0.0;
    };
    if max == 0 {
        return 0.0;
    }
    let points: u32 = match (q.kind, a) {
        (Kind::Single, Answer::Text(k)) => q.option(k).map_or(0, |o| o.points),
        (Kind::Multiple, Answer::Many(keys)) => keys
            .iter()
            .filter_map(|k| q.option(k))
            .map(|o| o.points)
            .sum(),
        (Kind::Scale, Answer::Number(n)) => u32::try_from(n - 1).unwrap_or(0).min(4),
        (Kind::Number, Answer::Number(n)) => q
            .bands
            .iter()
            .rev()
            .find(|b| b.min <= *n)
            .map_or(0, |b| b.points),
        _ => 0,
    };
    f64::from(points.min(max)) / f64::from(max)
}

fn percent(x: f64) -> u8 {
    (x * 100.0).round().clamp(0.0, 100.0) as u8
}

/// Scores a set of answers. Questions not asked (condition unmet) count for nothing; asked but
/// unanswered ones count as 0.
pub fn score(def: &Definition, answers: &Answers) -> Scores {
    let mut sums: Vec<(f64, f64)> = vec![(0.0, 0.0); def.dimensions.len()];
    for q in def.questions() {
        if q.weights.is_empty() || !def.applies(q, answers) {
            continue;
        }
        let f = fraction(q, answers.get(&q.key));
        for (i, d) in def.dimensions.iter().enumerate() {
            if let Some(w) = q.weights.get(&d.key) {
                sums[i].0 += f64::from(*w) * f;
                sums[i].1 += f64::from(*w);
            }
        }
    }
    let exact: Vec<f64> = sums
        .iter()
        .map(|(got, total)| if *total > 0.0 { got / total } else { 0.0 })
        .collect();
    let (num, den) = def
        .dimensions
        .iter()
        .zip(&exact)
        .fold((0.0, 0.0), |(n, d), (dim, x)| {
            (n + f64::from(dim.weight) * x, d + f64::from(dim.weight))
        });
    Scores {
        dimensions: def
            .dimensions
            .iter()
            .zip(&exact)
            .map(|(d, x)| (d.key.clone(), percent(*x)))
            .collect(),
        overall: if den > 0.0 { percent(num / den) } else { 0 },
    }
}

/// What the results page says: levels, strengths, priorities and recommendations.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'a> {
    pub scores: Scores,
    /// (dimension key, level key), in the definition's order.
    pub levels: Vec<(String, String)>,
    pub overall_level: String,
    /// Dimensions at the top level, best first (at most three).
    pub strengths: Vec<String>,
    /// The lowest dimensions not yet at the top level, lowest first (at most three).
    pub priorities: Vec<String>,
    /// For each priority (in order) the recommendations of its level, then those of the overall level.
    pub recommendations: Vec<&'a Recommendation>,
}

pub fn outcome<'a>(def: &'a Definition, scores: &Scores) -> Outcome<'a> {
    let top = def.levels.last().map_or(0, |l| l.min);
    let levels: Vec<(String, String)> = scores
        .dimensions
        .iter()
        .map(|(k, s)| (k.clone(), def.level_for(*s).key.clone()))
        .collect();
    let mut ranked: Vec<(usize, &(String, u8))> = scores.dimensions.iter().enumerate().collect();
    // Best first; ties keep the definition's order.
    ranked.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(&b.0)));
    let strengths = ranked
        .iter()
        .filter(|(_, (_, s))| *s >= top)
        .take(3)
        .map(|(_, (k, _))| k.clone())
        .collect();
    ranked.sort_by(|a, b| a.1.1.cmp(&b.1.1).then(a.0.cmp(&b.0)));
    let priorities: Vec<String> = ranked
        .iter()
        .filter(|(_, (_, s))| *s < top)
        .take(3)
        .map(|(_, (k, _))| k.clone())
        .collect();
    let overall_level = def.level_for(scores.overall).key.clone();
    let mut recommendations: Vec<&Recommendation> = Vec::new();
    for p in &priorities {
        let level = levels
            .iter()
            .find(|(k, _)| k == p)
            .map(|(_, l)| l.as_str())
            .unwrap_or("");
        recommendations.extend(def.recommendations.iter().filter(|r| {
            r.dimension.as_deref() == Some(p.as_str()) && r.levels.iter().any(|l| l == level)
        }));
    }
    recommendations.extend(
        def.recommendations
            .iter()
            .filter(|r| r.dimension.is_none() && r.levels.contains(&overall_level)),
    );
    Outcome {
        scores: scores.clone(),
        levels,
        overall_level,
        strengths,
        priorities,
        recommendations,
    }
}

/// Median and quartiles of comparable scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quartiles {
    pub q1: u8,
    pub median: u8,
    pub q3: u8,
    pub count: usize,
}

/// Quartiles of sorted scores by the nearest-rank method; none below `MIN_PEERS` responses.
pub fn quartiles(sorted: &[u8]) -> Option<Quartiles> {
    if sorted.len() < MIN_PEERS {
        return None;
    }
    let rank = |p: usize| {
        // Nearest rank: ceil(p/100 × n), 1-based.
        let r = (p * sorted.len()).div_ceil(100).max(1);
        sorted[r - 1]
    };
    Some(Quartiles {
        q1: rank(25),
        median: rank(50),
        q3: rank(75),
        count: sorted.len(),
    })
}

/// Quartiles from how many responses reached each score (`(score, count)` in any order), the
/// same as `quartiles` over the expanded sorted list, without expanding it.
pub fn quartiles_of_counts(counts: &[(u8, u64)]) -> Option<Quartiles> {
    let mut sorted: Vec<(u8, u64)> = counts.iter().copied().filter(|(_, c)| *c > 0).collect();
    sorted.sort_unstable();
    let total: u64 = sorted.iter().map(|(_, c)| c).sum();
    if total < MIN_PEERS as u64 {
        return None;
    }
    let at_rank = |p: u64| {
        let rank = (p * total).div_ceil(100).max(1);
        let mut seen = 0;
        for (score, c) in &sorted {
            seen += c;
            if seen >= rank {
                return *score;
            }
        }
        sorted.last().map_or(0, |(s, _)| *s)
    };
    Some(Quartiles {
        q1: at_rank(25),
        median: at_rank(50),
        q3: at_rank(75),
        count: usize::try_from(total).unwrap_or(usize::MAX),
    })
}
