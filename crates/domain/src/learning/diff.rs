//! A line diff for a lesson's revisions: the longest common subsequence of lines, then the
//! lines kept, removed and added in order. Quadratic, so past a few million line pairs it
//! says everything was replaced rather than take the memory.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    Removed,
    Added,
}

pub fn line_diff<'a>(old: &'a str, new: &'a str) -> Vec<(Change, &'a str)> {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    if a.len().saturating_mul(b.len()) > 4_000_000 {
        let removed = a.iter().map(|l| (Change::Removed, *l));
        return removed
            .chain(b.iter().map(|l| (Change::Added, *l)))
            .collect();
    }
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push((Change::Same, a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push((Change::Removed, a[i]));
            i += 1;
        } else {
            out.push((Change::Added, b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Change::*;

    #[test]
    fn keeps_removes_and_adds_lines_in_order() {
        let d = line_diff("titre\nun\ndeux\ntrois", "titre\nun\n2\ntrois\nquatre");
        assert_eq!(
            d,
            vec![
                (Same, "titre"),
                (Same, "un"),
                (Removed, "deux"),
                (Added, "2"),
                (Same, "trois"),
                (Added, "quatre"),
            ]
        );
        assert_eq!(line_diff("", "a"), vec![(Added, "a")]);
        assert_eq!(line_diff("a", ""), vec![(Removed, "a")]);
        assert!(line_diff("x\ny", "x\ny").iter().all(|(c, _)| *c == Same));
    }
}
