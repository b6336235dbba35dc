//! Why a forecast was refused: the field's path (`revenues[1].unit_price_cents`) and the problem.
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{path}: {problem}")]
pub struct FieldError {
    /// The field's path in the format, e.g. `financing[0].months`; empty for the whole file.
    pub path: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Problem {
    #[error("not valid JSON ({0})")]
    NotJson(String),
    #[error("is required")]
    Missing,
    #[error("must be an object")]
    NotObject,
    #[error("must be a list")]
    NotList,
    #[error("must be text")]
    NotText,
    #[error("must not be empty")]
    Empty,
    #[error("is too long")]
    TooLong,
    #[error("must be a whole number")]
    NotInteger,
    #[error("must be a number with at most 4 decimals")]
    NotVolume,
    #[error("must not be negative")]
    Negative,
    #[error("must be between {0} and {1}")]
    OutOfRange(i64, i64),
    #[error("must be a month of the forecast (1 to 36)")]
    MonthOutside,
    #[error("must be a month like 2027-01")]
    NotYearMonth,
    #[error("must be one of: {0}")]
    UnknownChoice(String),
    #[error("must hold 12 numbers (or one for every month)")]
    VolumeCount,
    #[error("must be 0 for an honour loan")]
    HonourLoanRate,
    #[error("too many lines (at most {0})")]
    TooMany(usize),
}

impl Problem {
    /// The i18n key of the message shown beside the field.
    pub fn message_key(&self) -> &'static str {
        match self {
            Problem::NotJson(_) => "forecast-error-json",
            Problem::Missing | Problem::Empty => "forecast-error-required",
            Problem::NotObject | Problem::NotList | Problem::NotText => "forecast-error-type",
            Problem::TooLong => "forecast-error-too-long",
            Problem::NotInteger => "forecast-error-integer",
            Problem::NotVolume => "forecast-error-volume",
            Problem::Negative => "forecast-error-negative",
            Problem::OutOfRange(..) => "forecast-error-range",
            Problem::MonthOutside => "forecast-error-month",
            Problem::NotYearMonth => "forecast-error-start",
            Problem::UnknownChoice(_) => "forecast-error-choice",
            Problem::VolumeCount => "forecast-error-volume-count",
            Problem::HonourLoanRate => "forecast-error-honour-rate",
            Problem::TooMany(_) => "forecast-error-too-many",
        }
    }
}
