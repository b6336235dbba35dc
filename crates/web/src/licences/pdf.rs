//! The contract's PDF (`documents::Report`): its text article by article, then the signature
//! block: the SHA-256 fingerprint of the text and each party's signature (signer, time,
//! fingerprint signed). Contracts are in French, so is their PDF.
use documents::{Block, Report, Section};
use domain::contract::{self, Part};
use store::contracts::{Contract, Signature};

pub fn report(c: &Contract, centre_name: &str, sigs: &[Signature]) -> Report {
    let i = crate::i18n::I18n::new(domain::Locale::Fr);
    let mut sections: Vec<Section> = Vec::new();
    let mut current = Section {
        heading: String::new(),
        level: 2,
        page_break: false,
        blocks: Vec::new(),
    };
    let mut title = c.title.clone();
    for part in contract::outline(&c.body) {
        match part {
            Part::Heading { level: 1, text }
                if sections.is_empty() && current.heading.is_empty() =>
            {
                title = text;
            }
            Part::Heading { text, .. } => {
                if !current.heading.is_empty() || !current.blocks.is_empty() {
                    sections.push(current);
                }
                current = Section {
                    heading: text,
                    level: 2,
                    page_break: false,
                    blocks: Vec::new(),
                };
            }
            Part::Paragraph(text) => current.blocks.push(Block::Paragraph { text }),
            Part::Bullets(items) => current.blocks.push(Block::Bullets { items }),
        }
    }
    if !current.heading.is_empty() || !current.blocks.is_empty() {
        sections.push(current);
    }
    let grouped = contract::grouped(&c.body_hash);
    let mut blocks = vec![Block::Labelled {
        label: i.t("contract-fingerprint"),
        text: grouped.clone(),
    }];
    if sigs.is_empty() {
        blocks.push(Block::Paragraph {
            text: i.t("contract-unsigned"),
        });
    } else {
        blocks.push(Block::Table {
            columns: vec![
                i.t("contract-col-party"),
                i.t("contract-col-signer"),
                i.t("contract-col-signed-at"),
                i.t("contract-col-fingerprint"),
            ],
            numeric: vec![false, false, false, false],
            rows: sigs
                .iter()
                .map(|s| {
                    vec![
                        s.party().map(|p| i.t(p.label_key())).unwrap_or_default(),
                        format!("{} ({})", s.signer_name, s.signer_email),
                        i.datetime(s.signed_at),
                        contract::grouped(&s.body_hash),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Paragraph {
        text: i.t("contract-signature-note"),
    });
    sections.push(Section {
        heading: i.t("contract-signatures"),
        level: 2,
        page_break: false,
        blocks,
    });
    Report {
        lang: "fr".into(),
        title,
        subtitle: centre_name.to_string(),
        meta: vec![format!("{}\u{a0}: {grouped}", i.t("contract-fingerprint"))],
        footer: c.title.clone(),
        sections,
    }
}
