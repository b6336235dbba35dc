//! Quizzes: single and multiple choice questions, feedback per answer, a pass mark and a
//! number of attempts. A quiz is kept as JSON beside its lesson and checked before it is saved.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quiz {
    /// Percentage of questions right needed to pass (1–100).
    pub pass_mark: u8,
    /// Attempts allowed (1–20).
    pub max_attempts: u32,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    /// Several answers may be right (checkboxes) rather than one (radio buttons).
    #[serde(default)]
    pub multiple: bool,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub text: String,
    #[serde(default)]
    pub correct: bool,
    /// Shown after an attempt beside this answer when it was chosen.
    #[serde(default)]
    pub feedback: String,
}

/// Why a quiz definition is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizError {
    Json,
    NoQuestion,
    PassMark,
    Attempts,
    /// The question (0-based) has fewer than two choices, or no right one, or a single-choice
    /// question has several right ones.
    Question(usize),
}

impl QuizError {
    pub fn message_key(&self) -> &'static str {
        match self {
            QuizError::Json => "learn-error-quiz-json",
            QuizError::NoQuestion => "learn-error-quiz-empty",
            QuizError::PassMark => "learn-error-quiz-pass-mark",
            QuizError::Attempts => "learn-error-quiz-attempts",
            QuizError::Question(_) => "learn-error-quiz-question",
        }
    }
}

/// One attempt scored: how many questions were right, the percentage, passed or not, and for
/// each question whether it was right and the feedback of each answer chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graded {
    pub right: usize,
    pub total: usize,
    pub percent: u8,
    pub passed: bool,
    pub questions: Vec<GradedQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradedQuestion {
    pub right: bool,
    /// (choice index, its feedback) for each choice given.
    pub feedback: Vec<(usize, String)>,
}

impl Quiz {
    pub fn parse(json: &str) -> Result<Quiz, QuizError> {
        let quiz: Quiz = serde_json::from_str(json).map_err(|_| QuizError::Json)?;
        quiz.check()?;
        Ok(quiz)
    }

    pub fn check(&self) -> Result<(), QuizError> {
        if self.questions.is_empty() {
            return Err(QuizError::NoQuestion);
        }
        if !(1..=100).contains(&self.pass_mark) {
            return Err(QuizError::PassMark);
        }
        if !(1..=20).contains(&self.max_attempts) {
            return Err(QuizError::Attempts);
        }
        for (n, q) in self.questions.iter().enumerate() {
            let right = q.choices.iter().filter(|c| c.correct).count();
            if q.choices.len() < 2 || right == 0 || (!q.multiple && right > 1) {
                return Err(QuizError::Question(n));
            }
        }
        Ok(())
    }

    /// Scores the answers given (per question, the indices of the choices ticked; unknown
    /// indices are ignored). A question is right when exactly its right choices are ticked.
    pub fn grade(&self, answers: &[Vec<usize>]) -> Graded {
        let mut questions = Vec::with_capacity(self.questions.len());
        for (n, q) in self.questions.iter().enumerate() {
            let mut given: Vec<usize> = answers
                .get(n)
                .map(|a| a.iter().copied().filter(|i| *i < q.choices.len()).collect())
                .unwrap_or_default();
            given.sort_unstable();
            given.dedup();
            if !q.multiple {
                given.truncate(1);
            }
            let expected: Vec<usize> = (0..q.choices.len())
                .filter(|i| q.choices[*i].correct)
                .collect();
            questions.push(GradedQuestion {
                right: given == expected,
                feedback: given
                    .iter()
                    .map(|i| (*i, q.choices[*i].feedback.clone()))
                    .collect(),
            });
        }
        let total = questions.len();
        let right = questions.iter().filter(|q| q.right).count();
        let percent = (right * 100).checked_div(total).unwrap_or(0) as u8;
        Graded {
            right,
            total,
            percent,
            passed: percent >= self.pass_mark,
            questions,
        }
    }

    /// Whether another attempt may be made after `used` attempts, none of them passed.
    pub fn attempts_left(&self, used: u32) -> u32 {
        self.max_attempts.saturating_sub(used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quiz() -> Quiz {
        Quiz::parse(
            r#"{"pass_mark": 50, "max_attempts": 2, "questions": [
            {"text": "Un", "choices": [{"text": "a", "correct": true, "feedback": "Oui"}, {"text": "b", "feedback": "Non"}]},
            {"text": "Deux", "multiple": true, "choices": [{"text": "a", "correct": true}, {"text": "b", "correct": true}, {"text": "c"}]}
        ]}"#,
        )
        .unwrap()
    }

    #[test]
    fn grades_single_and_multiple() {
        let q = quiz();
        let g = q.grade(&[vec![0], vec![0, 1]]);
        assert_eq!((g.right, g.total, g.percent, g.passed), (2, 2, 100, true));
        assert_eq!(g.questions[0].feedback, vec![(0, "Oui".to_string())]);
        let g = q.grade(&[vec![1], vec![0]]);
        assert_eq!((g.right, g.percent, g.passed), (0, 0, false));
        assert_eq!(g.questions[0].feedback, vec![(1, "Non".to_string())]);
        // Half right is the pass mark; unknown choices are ignored.
        let g = q.grade(&[vec![0, 9], vec![0, 1, 2]]);
        assert_eq!((g.right, g.percent, g.passed), (1, 50, true));
        let g = q.grade(&[]);
        assert_eq!((g.right, g.passed), (0, false));
    }

    #[test]
    fn refuses_broken_definitions() {
        assert_eq!(Quiz::parse("{"), Err(QuizError::Json));
        let mut q = quiz();
        q.pass_mark = 0;
        assert_eq!(q.check(), Err(QuizError::PassMark));
        let mut q = quiz();
        q.max_attempts = 0;
        assert_eq!(q.check(), Err(QuizError::Attempts));
        let mut q = quiz();
        q.questions[0].choices[1].correct = true;
        assert_eq!(q.check(), Err(QuizError::Question(0)));
        let mut q = quiz();
        q.questions.clear();
        assert_eq!(q.check(), Err(QuizError::NoQuestion));
        assert_eq!(quiz().attempts_left(1), 1);
        assert_eq!(quiz().attempts_left(5), 0);
    }
}
