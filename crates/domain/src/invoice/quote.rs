//! Quotes (devis): what may be done in each status, and the mentions a quote prints, in *vous*.
//! A draft is edited; a sent quote waits for its answer; an accepted quote has become an
//! invoice and a declined one is closed: neither changes any more.

const NBSP: char = '\u{a0}';

/// Days a new quote stays valid by default.
pub const VALIDITY_DAYS: i64 = 30;

/// The statuses of a quote, in the order of its life.
pub const STATUSES: [&str; 4] = ["draft", "sent", "accepted", "declined"];

/// Only a draft is edited.
pub fn is_editable(status: &str) -> bool {
    status == "draft"
}

/// A draft or a sent quote can still be accepted or declined.
pub fn is_open(status: &str) -> bool {
    matches!(status, "draft" | "sent")
}

/// The mentions printed under a quote: its validity, how to accept it, and the VAT exemption
/// when there is one. `valid_until` is already written for the reader (« 6 janvier 2027 »).
pub fn quote_mentions(valid_until: &str, exemption: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !valid_until.trim().is_empty() {
        out.push(format!(
            "Ce devis est valable jusqu'au {} inclus. Passé cette date, les prix et conditions \
             peuvent être révisés.",
            valid_until.trim()
        ));
    }
    out.push(format!(
        "Pour l'accepter, retournez-le daté et signé avec la mention «{NBSP}Bon pour accord{NBSP}», \
         ou acceptez-le en ligne depuis votre compte. La facture suivra l'acceptation{NBSP}; le \
         paiement sera dû dans le délai qu'elle indiquera."
    ));
    if !exemption.trim().is_empty() {
        out.push(exemption.trim().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_mentions() {
        assert!(is_editable("draft") && !is_editable("sent"));
        assert!(is_open("sent") && !is_open("accepted") && !is_open("declined"));
        let m = quote_mentions("6 janvier 2027", "TVA non applicable, art. 293 B du CGI");
        assert_eq!(m.len(), 3);
        assert!(m[0].contains("valable jusqu'au 6 janvier 2027"));
        assert!(m[1].contains("«\u{a0}Bon pour accord\u{a0}»"));
        assert_eq!(quote_mentions("", "").len(), 1);
    }
}
