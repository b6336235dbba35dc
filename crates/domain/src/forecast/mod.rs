//! Financial forecasts: the exchange format of shared/formats/forecast.md (parse, validate,
//! export) and its computation rules, money in integer cents. Extensions:
//! docs/forecast-extensions.md.
pub mod actuals;
pub mod cerfa;
pub mod compute;
pub mod error;
pub mod loans;
pub mod model;
pub mod money;
pub mod parse;
pub mod scenario;
pub mod template;

pub use compute::{ForecastResult, compute};
pub use error::{FieldError, Problem};
pub use model::Forecast;
pub use parse::parse;
pub use scenario::Scenario;

/// Reads a forecast file and computes it: what `impact-studio forecast compute FILE` prints.
pub fn compute_text(text: &str) -> Result<ForecastResult, FieldError> {
    Ok(compute(&parse(text)?))
}
