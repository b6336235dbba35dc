//! Contacts and organisations of a centre (the CRM): organisation kinds and their SIRET,
//! interactions with their follow-up, the prospecting pipeline's default stages, the CSV
//! import's classification of rows, and segments (saved filters).
pub mod csv;
pub mod import;
pub mod siret;

/// What an organisation is to the centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    Partner,
    Funder,
    Institution,
    Supplier,
    Client,
}

impl OrgKind {
    pub const ALL: [OrgKind; 5] = [
        OrgKind::Partner,
        OrgKind::Funder,
        OrgKind::Institution,
        OrgKind::Supplier,
        OrgKind::Client,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Partner => "partner",
            OrgKind::Funder => "funder",
            OrgKind::Institution => "institution",
            OrgKind::Supplier => "supplier",
            OrgKind::Client => "client",
        }
    }

    /// A stored code, or a French or English word of an imported file (« partenaire »).
    pub fn parse(text: &str) -> Option<OrgKind> {
        let t = text.trim().to_lowercase();
        OrgKind::ALL.into_iter().find(|k| {
            k.code() == t
                || match k {
                    OrgKind::Partner => t == "partenaire",
                    OrgKind::Funder => t == "financeur",
                    OrgKind::Institution => t == "institution",
                    OrgKind::Supplier => t == "fournisseur",
                    OrgKind::Client => t == "client",
                }
        })
    }

    pub fn label_key(self) -> &'static str {
        match self {
            OrgKind::Partner => "crm-kind-partner",
            OrgKind::Funder => "crm-kind-funder",
            OrgKind::Institution => "crm-kind-institution",
            OrgKind::Supplier => "crm-kind-supplier",
            OrgKind::Client => "crm-kind-client",
        }
    }
}

/// How the centre was in touch with a person or an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionKind {
    Call,
    Meeting,
    Email,
    Note,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 4] = [
        InteractionKind::Call,
        InteractionKind::Meeting,
        InteractionKind::Email,
        InteractionKind::Note,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InteractionKind::Call => "call",
            InteractionKind::Meeting => "meeting",
            InteractionKind::Email => "email",
            InteractionKind::Note => "note",
        }
    }

    pub fn parse(code: &str) -> Option<InteractionKind> {
        InteractionKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            InteractionKind::Call => "crm-interaction-call",
            InteractionKind::Meeting => "crm-interaction-meeting",
            InteractionKind::Email => "crm-interaction-email",
            InteractionKind::Note => "crm-interaction-note",
        }
    }
}

impl TryFrom<String> for OrgKind {
    type Error = crate::stored::UnknownCode;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        OrgKind::parse(&code).ok_or(crate::stored::UnknownCode(code))
    }
}

impl TryFrom<String> for InteractionKind {
    type Error = crate::stored::UnknownCode;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        InteractionKind::parse(&code).ok_or(crate::stored::UnknownCode(code))
    }
}

/// What a prospect is: an institutional partner or a premium client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealKind {
    Partner,
    Premium,
}

impl DealKind {
    pub const ALL: [DealKind; 2] = [DealKind::Partner, DealKind::Premium];

    pub fn code(self) -> &'static str {
        match self {
            DealKind::Partner => "partner",
            DealKind::Premium => "premium",
        }
    }

    pub fn parse(code: &str) -> Option<DealKind> {
        DealKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            DealKind::Partner => "crm-deal-partner",
            DealKind::Premium => "crm-deal-premium",
        }
    }
}

impl TryFrom<String> for DealKind {
    type Error = crate::stored::UnknownCode;
    fn try_from(code: String) -> Result<Self, Self::Error> {
        DealKind::parse(&code).ok_or(crate::stored::UnknownCode(code))
    }
}

/// The stages a centre's pipeline starts with (it renames them and adds its own).
pub const DEFAULT_STAGES: [&str; 6] = [
    "À contacter",
    "Contacté",
    "Rendez-vous",
    "Proposition",
    "Gagné",
    "Perdu",
];

/// Longest name of a person, an organisation, a stage or a deal.
pub const NAME_MAX: usize = 120;
/// Longest interaction or organisation notes.
pub const NOTES_MAX: usize = 5000;

/// Why a CRM field was refused: each has its message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrmError {
    Siret,
    Phone,
    Website,
    Amount,
    Date,
}

impl CrmError {
    pub fn message_key(self) -> &'static str {
        match self {
            CrmError::Siret => "crm-error-siret",
            CrmError::Phone => "crm-error-phone",
            CrmError::Website => "crm-error-website",
            CrmError::Amount => "crm-error-amount",
            CrmError::Date => "crm-error-date",
        }
    }
}

/// A phone number as typed, kept when it holds only digits, spaces, dots, dashes, brackets and
/// one leading `+` (6 to 20 digits). Empty is allowed.
pub fn phone(text: &str) -> Result<String, CrmError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    let allowed = t.char_indices().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')') || (c == '+' && i == 0)
    });
    if allowed && (6..=20).contains(&digits) && t.chars().count() <= 30 {
        Ok(t.to_string())
    } else {
        Err(CrmError::Phone)
    }
}

/// A website: `https://…` or `http://…`, or a bare host that gets `https://`. Empty is allowed.
pub fn website(text: &str) -> Result<String, CrmError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(String::new());
    }
    let url = if t.starts_with("https://") || t.starts_with("http://") {
        t.to_string()
    } else {
        format!("https://{t}")
    };
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split('/')
        .next()
        .unwrap_or("");
    if host.contains('.')
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '<')
        && url.len() <= 300
    {
        Ok(url)
    } else {
        Err(CrmError::Website)
    }
}

/// An amount in euros as typed (`12 500`, `12500,50`, `1 200 €`) → cents; empty is zero.
pub fn amount_cents(text: &str) -> Result<i64, CrmError> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    if t.is_empty() {
        return Ok(0);
    }
    let t = t.replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty()
        || whole.len() > 10
        || !whole.chars().all(|c| c.is_ascii_digit())
        || frac.len() > 2
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(CrmError::Amount);
    }
    let euros: i64 = whole.parse().map_err(|_| CrmError::Amount)?;
    let cents: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}")
            .parse()
            .map_err(|_| CrmError::Amount)?
    };
    Ok(euros * 100 + cents)
}

/// Tags typed as `a, b ,c` → `,a,b,c,` (lower-case, trimmed, unique, at most 20 of 40
/// characters), the stored form a `LIKE '%,tag,%'` finds.
pub fn tags(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for t in text.split([',', ';']) {
        let t: String = t.trim().to_lowercase().chars().take(40).collect();
        if !t.is_empty() && !out.contains(&t) && out.len() < 20 {
            out.push(t);
        }
    }
    if out.is_empty() {
        String::new()
    } else {
        format!(",{},", out.join(","))
    }
}

/// Stored tags (`,a,b,`) one by one.
pub fn tag_list(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Stored tags shown back as typed: `a, b`.
pub fn tags_text(stored: &str) -> String {
    tag_list(stored).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_french_and_codes() {
        assert_eq!(OrgKind::parse("Financeur"), Some(OrgKind::Funder));
        assert_eq!(OrgKind::parse("supplier"), Some(OrgKind::Supplier));
        assert_eq!(OrgKind::parse("banque"), None);
        assert_eq!(InteractionKind::parse("call"), Some(InteractionKind::Call));
        assert_eq!(DealKind::parse("x"), None);
    }

    #[test]
    fn fields() {
        assert_eq!(phone("+33 6 12 34 56 78").unwrap(), "+33 6 12 34 56 78");
        assert!(phone("06 12 ab").is_err() && phone("12").is_err() && phone("6+12345678").is_err());
        assert_eq!(website("ville.fr").unwrap(), "https://ville.fr");
        assert!(website("pas un site").is_err() && website("javascript:alert(1)").is_err());
        assert_eq!(amount_cents("12 500").unwrap(), 1_250_000);
        assert_eq!(amount_cents("1200,5 €").unwrap(), 120_050);
        assert_eq!(amount_cents("").unwrap(), 0);
        assert!(amount_cents("-3").is_err() && amount_cents("1,234").is_err());
        assert_eq!(tags(" Mécène, ESS ;ess,"), ",mécène,ess,");
        assert_eq!(tags_text(",a,b,"), "a, b");
        assert_eq!(tags(" , "), "");
    }
}
