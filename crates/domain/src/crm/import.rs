//! A CSV import of people and organisations, classified before anything is written: each line
//! is new, a duplicate (of what the centre holds or of a line above) or invalid, with its
//! reason. Duplicates are found by e-mail for people and by SIRET for organisations (by name
//! when there is none), so importing the same file twice creates nothing the second time.
use super::{OrgKind, siret};
use crate::Email;
use std::collections::HashSet;

/// The columns understood, by their header (French or English, any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Email,
    Phone,
    Role,
    Organisation,
    Kind,
    Siret,
    Address,
    Website,
    Tags,
    Newsletter,
}

fn column(header: &str) -> Option<Column> {
    let h = header.trim().to_lowercase();
    Some(match h.as_str() {
        "nom" | "name" | "personne" | "contact" => Column::Name,
        "email" | "e-mail" | "courriel" | "mail" => Column::Email,
        "téléphone" | "telephone" | "tél" | "tel" | "phone" => Column::Phone,
        "rôle" | "role" | "fonction" => Column::Role,
        "organisation" | "organization" | "structure" | "entreprise" => Column::Organisation,
        "type" | "kind" | "catégorie" => Column::Kind,
        "siret" => Column::Siret,
        "adresse" | "address" => Column::Address,
        "site" | "site web" | "website" => Column::Website,
        "tags" | "étiquettes" | "etiquettes" => Column::Tags,
        "newsletter" | "consentement newsletter" => Column::Newsletter,
        _ => return None,
    })
}

/// An organisation as a line gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrgLine {
    pub name: String,
    pub kind: Option<OrgKind>,
    pub siret: Option<String>,
    pub address: String,
    pub website: String,
}

/// What one valid line holds: a person (perhaps of an organisation) or an organisation alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Person {
        name: String,
        email: Option<String>,
        phone: String,
        role: String,
        organisation: Option<OrgLine>,
        tags: String,
        newsletter: bool,
    },
    Organisation {
        org: OrgLine,
        tags: String,
    },
}

/// What becomes of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    New(Box<Record>),
    /// Already known: the message key of why.
    Duplicate(&'static str),
    /// Refused: the message key of why.
    Invalid(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line's number in the file (the header is line 1).
    pub number: usize,
    /// The name shown in the preview (person or organisation, or the line's first cell).
    pub label: String,
    pub outcome: Outcome,
}

/// What the centre already holds, lower-cased.
#[derive(Debug, Default)]
pub struct Known {
    pub emails: HashSet<String>,
    pub sirets: HashSet<String>,
    /// Organisations without a SIRET, by name.
    pub org_names: HashSet<String>,
    /// People without an e-mail, by name.
    pub person_names: HashSet<String>,
}

/// Most lines a file may hold.
pub const MAX_LINES: usize = 5000;

/// Classifies every line of a parsed file (`csv::parse`). `Err` names what is wrong with the
/// file as a whole (no header with a name column, too many lines).
pub fn classify(rows: &[(usize, Vec<String>)], known: &Known) -> Result<Vec<Line>, &'static str> {
    let Some((_, header)) = rows.first() else {
        return Err("crm-import-error-empty");
    };
    let columns: Vec<Option<Column>> = header.iter().map(|h| column(h)).collect();
    if !columns
        .iter()
        .any(|c| matches!(c, Some(Column::Name) | Some(Column::Organisation)))
    {
        return Err("crm-import-error-header");
    }
    if rows.len() > MAX_LINES + 1 {
        return Err("crm-import-error-too-long");
    }
    let mut seen_emails: HashSet<String> = HashSet::new();
    let mut seen_sirets: HashSet<String> = HashSet::new();
    let mut seen_names: HashSet<String> = HashSet::new();
    let mut lines = Vec::new();
    for (number, cells) in &rows[1..] {
        let get = |want: Column| -> String {
            columns
                .iter()
                .position(|c| *c == Some(want))
                .and_then(|i| cells.get(i))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let name = get(Column::Name);
        let org_name = get(Column::Organisation);
        let label = if !name.is_empty() {
            name.clone()
        } else if !org_name.is_empty() {
            org_name.clone()
        } else {
            cells.first().cloned().unwrap_or_default()
        };
        let outcome = line(
            &get,
            name,
            org_name,
            known,
            &mut seen_emails,
            &mut seen_sirets,
            &mut seen_names,
        );
        lines.push(Line {
            number: *number,
            label: label.chars().take(80).collect(),
            outcome,
        });
    }
    Ok(lines)
}

fn line(
    get: &dyn Fn(Column) -> String,
    name: String,
    org_name: String,
    known: &Known,
    seen_emails: &mut HashSet<String>,
    seen_sirets: &mut HashSet<String>,
    seen_names: &mut HashSet<String>,
) -> Outcome {
    if name.is_empty() && org_name.is_empty() {
        return Outcome::Invalid("crm-import-no-name");
    }
    if name.chars().count() > super::NAME_MAX || org_name.chars().count() > super::NAME_MAX {
        return Outcome::Invalid("crm-import-too-long");
    }
    let email = get(Column::Email);
    let email = if email.is_empty() {
        None
    } else {
        match Email::parse(&email) {
            Ok(e) => Some(e.as_str().to_lowercase()),
            Err(_) => return Outcome::Invalid("crm-import-bad-email"),
        }
    };
    let Ok(siret) = siret::parse(&get(Column::Siret)) else {
        return Outcome::Invalid("crm-import-bad-siret");
    };
    let kind_text = get(Column::Kind);
    let kind = if kind_text.is_empty() {
        None
    } else {
        match OrgKind::parse(&kind_text) {
            Some(k) => Some(k),
            None => return Outcome::Invalid("crm-import-bad-kind"),
        }
    };
    let Ok(phone) = super::phone(&get(Column::Phone)) else {
        return Outcome::Invalid("crm-import-bad-phone");
    };
    let Ok(website) = super::website(&get(Column::Website)) else {
        return Outcome::Invalid("crm-import-bad-website");
    };
    let tags = super::tags(&get(Column::Tags));
    let newsletter = matches!(
        get(Column::Newsletter).to_lowercase().as_str(),
        "oui" | "yes" | "1" | "x" | "vrai" | "true"
    );
    let org = (!org_name.is_empty()).then(|| OrgLine {
        name: org_name.clone(),
        kind,
        siret: siret.clone(),
        address: get(Column::Address).chars().take(300).collect(),
        website,
    });
    if name.is_empty() {
        // An organisation alone.
        if let Some(s) = &siret {
            if known.sirets.contains(s) {
                return Outcome::Duplicate("crm-import-dup-siret");
            }
            if !seen_sirets.insert(s.clone()) {
                return Outcome::Duplicate("crm-import-dup-siret-file");
            }
        } else {
            let key = format!("org:{}", org_name.to_lowercase());
            if known.org_names.contains(&org_name.to_lowercase()) {
                return Outcome::Duplicate("crm-import-dup-org-name");
            }
            if !seen_names.insert(key) {
                return Outcome::Duplicate("crm-import-dup-org-name-file");
            }
        }
        return Outcome::New(Box::new(Record::Organisation {
            org: org.unwrap_or_default(),
            tags,
        }));
    }
    match &email {
        Some(e) => {
            if known.emails.contains(e) {
                return Outcome::Duplicate("crm-import-dup-email");
            }
            if !seen_emails.insert(e.clone()) {
                return Outcome::Duplicate("crm-import-dup-email-file");
            }
        }
        None => {
            let key = format!("person:{}", name.to_lowercase());
            if known.person_names.contains(&name.to_lowercase()) {
                return Outcome::Duplicate("crm-import-dup-person-name");
            }
            if !seen_names.insert(key) {
                return Outcome::Duplicate("crm-import-dup-person-name-file");
            }
        }
    }
    Outcome::New(Box::new(Record::Person {
        name,
        email,
        phone,
        role: get(Column::Role).chars().take(super::NAME_MAX).collect(),
        organisation: org,
        tags,
        newsletter,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::csv;

    const FILE: &str = "nom;email;téléphone;organisation;type;siret;tags;newsletter\n\
        Marie Dupont;marie@asso.fr;06 12 34 56 78;Ville de Lyon;institution;21690123100011;élus;oui\n\
        ;;;Fondation Terre;financeur;12002701600019;;\n\
        Paul Martin;MARIE@asso.fr;;;;;;\n\
        Léa;pas-une-adresse;;;;;;\n\
        ;;;Banque X;banque;;;\n\
        Jean Roux;jean@x.fr;;Coop;client;12002701600018;;\n\
        ;;;;;;;\n\
        Sans Courriel;;;;;;;\n\
        Connu;connu@x.fr;;;;;;\n";

    #[test]
    fn every_line_has_its_outcome() {
        let mut known = Known::default();
        known.emails.insert("connu@x.fr".into());
        let lines = classify(&csv::parse(FILE), &known).unwrap();
        let outcomes: Vec<_> = lines
            .iter()
            .map(|l| match &l.outcome {
                Outcome::New(_) => "new",
                Outcome::Duplicate(k) | Outcome::Invalid(k) => k,
            })
            .collect();
        assert_eq!(
            outcomes,
            [
                "new",
                "new",
                "crm-import-dup-email-file",
                "crm-import-bad-email",
                "crm-import-bad-kind",
                "crm-import-bad-siret",
                "new",
                "crm-import-dup-email",
            ]
        );
        assert_eq!(lines[0].number, 2);
        let Outcome::New(record) = &lines[0].outcome else {
            panic!("{:?}", lines[0].outcome)
        };
        match record.as_ref() {
            Record::Person {
                email,
                organisation: Some(org),
                newsletter,
                tags,
                ..
            } => {
                assert_eq!(email.as_deref(), Some("marie@asso.fr"));
                assert_eq!(org.kind, Some(OrgKind::Institution));
                assert!(*newsletter);
                assert_eq!(tags, ",élus,");
            }
            other => panic!("{other:?}"),
        }
        // The same file again, once everything new is known: nothing new.
        let mut known = Known::default();
        known
            .emails
            .extend(["marie@asso.fr".to_string(), "connu@x.fr".to_string()]);
        known.sirets.insert("12002701600019".into());
        known.person_names.insert("sans courriel".into());
        let again = classify(&csv::parse(FILE), &known).unwrap();
        assert!(!again.iter().any(|l| matches!(l.outcome, Outcome::New(_))));
    }

    #[test]
    fn a_file_without_names_is_refused() {
        assert_eq!(
            classify(&csv::parse("a;b\n1;2"), &Known::default()),
            Err("crm-import-error-header")
        );
        assert_eq!(
            classify(&[], &Known::default()),
            Err("crm-import-error-empty")
        );
    }
}
