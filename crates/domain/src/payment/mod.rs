//! Payments: the signature of a provider's webhook (`signature`), bank transfers (the RF
//! creditor reference and the EPC QR payload, `transfer`), bank statements read and matched to
//! invoices (`bank`).
pub mod bank;
pub mod signature;
pub mod transfer;

/// The providers a centre may configure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// A Stripe-style card provider: checkout sessions, webhooks signed with HMAC-SHA256.
    Card,
    /// HelloAsso: checkout intents with OAuth client credentials, notifications verified by
    /// reading the order back from the API.
    HelloAsso,
}

impl Provider {
    pub const ALL: [Provider; 2] = [Provider::Card, Provider::HelloAsso];

    pub fn code(self) -> &'static str {
        match self {
            Provider::Card => "card",
            Provider::HelloAsso => "helloasso",
        }
    }

    pub fn parse(code: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// A secret as a page may show it: its last four characters after dots, or nothing.
pub fn masked(secret: &str) -> String {
    if secret.is_empty() {
        return String::new();
    }
    let chars: Vec<char> = secret.chars().collect();
    let tail: String = chars[chars.len().saturating_sub(4)..].iter().collect();
    format!("••••{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_show_only_their_end() {
        assert_eq!(masked("sk_test_abcd1234"), "••••1234");
        assert_eq!(masked("ab"), "••••ab");
        assert_eq!(masked(""), "");
        assert_eq!(Provider::parse("helloasso"), Some(Provider::HelloAsso));
        assert_eq!(Provider::parse("paypal"), None);
    }
}
