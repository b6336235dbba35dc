//! Loan schedules: deferral with interest only, then constant payments; the last repays the
//! balance exactly.
use super::model::{Financing, MONTHS};
use super::money::round_div;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Payment {
    /// Forecast month (may pass 36 in the full schedule).
    pub month: u32,
    pub interest: i64,
    pub principal: i64,
    /// Balance after this payment.
    pub balance: i64,
}

/// Every payment of a loan over its whole life.
pub fn schedule(loan: &Financing) -> Vec<Payment> {
    let amount = loan.amount_cents;
    let interest_of =
        |balance: i64| round_div(balance as i128 * loan.rate_bp as i128, 120_000) as i64;
    let n = loan.months.max(1);
    let payment = if loan.rate_bp == 0 {
        round_div(amount as i128, n as i128) as i64
    } else {
        let r = loan.rate_bp as f64 / 10_000.0 / 12.0;
        (amount as f64 * r / (1.0 - (1.0 + r).powi(-(n as i32)))).round() as i64
    };
    let mut out = Vec::with_capacity((loan.deferral_months + n) as usize);
    let mut balance = amount;
    let mut month = loan.month;
    for _ in 0..loan.deferral_months {
        month += 1;
        out.push(Payment {
            month,
            interest: interest_of(balance),
            principal: 0,
            balance,
        });
    }
    for k in 1..=n {
        month += 1;
        let interest = interest_of(balance);
        let principal = if k == n { balance } else { payment - interest };
        balance -= principal;
        out.push(Payment {
            month,
            interest,
            principal,
            balance,
        });
    }
    out
}

/// A loan in the result: its payments within the 36 months and its interest over its whole life.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoanResult {
    pub name: String,
    pub kind: super::model::FinancingKind,
    pub amount: i64,
    pub interest_total: i64,
    pub schedule: Vec<Payment>,
}

pub fn loan_result(loan: &Financing) -> LoanResult {
    let all = schedule(loan);
    LoanResult {
        name: loan.name.clone(),
        kind: loan.kind,
        amount: loan.amount_cents,
        interest_total: all.iter().map(|p| p.interest).sum(),
        schedule: all
            .into_iter()
            .filter(|p| p.month as usize <= MONTHS)
            .collect(),
    }
}
