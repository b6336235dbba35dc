//! French invoices: lines and their VAT rates, totals per rate in integer cents, numbering,
//! amounts in words and the mentions the law requires. No I/O.
pub mod cii;
mod credit;
pub mod fec;
mod lines;
mod mentions;
mod number;
pub mod quote;
pub mod reminder;
mod vat;
mod words;

pub use credit::credit_lines;
pub use lines::{
    Line, MAX_LINES, RateTotal, Totals, check_line, line_total_ht, parse_quantity, totals,
};
pub use mentions::{
    Terms, check_iban, check_siren, check_siret, check_vat_number, payment_mentions, percent,
};
pub use number::{Kind, number};
pub use vat::{EXEMPTION_293B, RATES_IN_FORCE, ht_from_ttc, is_rate_in_force, vat_of};
pub use words::{euros_in_words, number_in_words};

/// Why an invoice, a quote or one of their lines was refused. Each maps to one i18n key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InvoiceError {
    #[error("an invoice needs at least one line")]
    NoLines,
    #[error("too many lines")]
    TooManyLines,
    #[error("a line needs a label")]
    EmptyLabel,
    #[error("label too long")]
    LabelTooLong,
    #[error("quantity must be positive")]
    QuantityNotPositive,
    #[error("unit price must not be negative")]
    NegativePrice,
    #[error("VAT rate not in force in France")]
    RateNotInForce,
    #[error("amount too large")]
    TooLarge,
    #[error("an amount must be positive")]
    AmountNotPositive,
    #[error("more than what remains on the invoice")]
    MoreThanRemains,
    #[error("invalid SIREN")]
    BadSiren,
    #[error("invalid SIRET")]
    BadSiret,
    #[error("invalid VAT number")]
    BadVatNumber,
    #[error("invalid IBAN")]
    BadIban,
}

impl InvoiceError {
    /// The i18n catalogue key of the message shown beside the field.
    pub fn message_key(self) -> &'static str {
        match self {
            InvoiceError::NoLines => "invoice-error-no-lines",
            InvoiceError::TooManyLines => "invoice-error-too-many-lines",
            InvoiceError::EmptyLabel => "invoice-error-label",
            InvoiceError::LabelTooLong => "invoice-error-label-long",
            InvoiceError::QuantityNotPositive => "invoice-error-quantity",
            InvoiceError::NegativePrice => "invoice-error-price",
            InvoiceError::RateNotInForce => "invoice-error-rate",
            InvoiceError::TooLarge => "invoice-error-too-large",
            InvoiceError::AmountNotPositive => "invoice-error-amount",
            InvoiceError::MoreThanRemains => "invoice-error-more-than-remains",
            InvoiceError::BadSiren => "invoice-error-siren",
            InvoiceError::BadSiret => "invoice-error-siret",
            InvoiceError::BadVatNumber => "invoice-error-vat-number",
            InvoiceError::BadIban => "invoice-error-iban",
        }
    }
}
