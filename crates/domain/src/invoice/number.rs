//! Invoice numbers: one continuous series per centre and year, shared by invoices and credit
//! notes, the prefix telling them apart (« F-2027-00012 », then « AV-2027-00013 »).

/// An invoice, or a credit note (avoir) cancelling an invoice in part or whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Invoice,
    CreditNote,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Invoice => "invoice",
            Kind::CreditNote => "credit_note",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        [Kind::Invoice, Kind::CreditNote]
            .into_iter()
            .find(|k| k.code() == code)
    }

    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Invoice => "F",
            Kind::CreditNote => "AV",
        }
    }
}

/// The printed number of the `sequence`-th document of `year`.
pub fn number(kind: Kind, year: i64, sequence: i64) -> String {
    format!("{}-{year}-{sequence:05}", kind.prefix())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(Kind::Invoice, 2027, 12), "F-2027-00012");
        assert_eq!(number(Kind::CreditNote, 2027, 13), "AV-2027-00013");
        assert_eq!(Kind::parse("credit_note"), Some(Kind::CreditNote));
    }
}
