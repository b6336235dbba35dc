//! The PDFs say what their data says, verbatim (user text never runs as Typst code), as
//! poppler's `pdftotext` reads them back.
use documents::{Block, Poster, PosterBlock, PosterNote, Report, Section, Template, pdf};

fn block(number: usize, column: u8, notes: &[&str]) -> PosterBlock {
    PosterBlock {
        number,
        title: format!("Bloc {number}"),
        question: "Quelle est la question ?".into(),
        column,
        row: 0,
        width: 2,
        height: 2,
        items: notes
            .iter()
            .map(|t| PosterNote {
                text: t.to_string(),
                fill: "#fff3b0".into(),
                status: "hypothèse".into(),
                validated: false,
            })
            .collect(),
        font_size: 0.0,
    }
}

#[test]
fn a_report_is_a_pdf_holding_its_text_verbatim() {
    let report = Report {
        lang: "fr".into(),
        title: "Rapport d'impact 2026".into(),
        subtitle: "Studio d'Impact Local".into(),
        meta: vec!["25 novembre 2026".into()],
        footer: "Impact Studio".into(),
        sections: vec![Section {
            heading: "Indicateurs".into(),
            level: 1,
            page_break: false,
            blocks: vec![
                Block::Paragraph {
                    text: "Tonnes détournées : 12,5 t ; #set text(red) [injection] $x$ \\ * _"
                        .into(),
                },
                Block::Bullets {
                    items: vec!["Emplois créés".into(), "Bénévoles € œuvre".into()],
                },
                Block::Table {
                    columns: vec!["Indicateur".into(), "Valeur".into()],
                    numeric: vec![false, true],
                    rows: vec![vec!["Personnes accueillies".into(), "1 234".into()]],
                },
                Block::Callout {
                    title: "Exemple".into(),
                    text: "Une recyclerie".into(),
                },
                Block::Labelled {
                    label: "Source".into(),
                    text: "pesées".into(),
                },
            ],
        }],
    };
    let bytes = pdf(Template::Report, &report).unwrap();
    let Some(text) = testkit::pdf_text(&bytes) else {
        return;
    };
    for needle in [
        "Rapport d'impact 2026",
        "Personnes accueillies",
        "#set text(red) [injection] $x$",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from {text:?}");
    }
}

#[test]
fn the_poster_holds_every_note() {
    let poster = Poster {
        lang: "fr".into(),
        title: "La Recyclerie du Diois".into(),
        subtitle: "Impact Model Canvas".into(),
        centre: "Studio d'Impact Local".into(),
        date: "25 novembre 2026".into(),
        footer: "Impact Studio".into(),
        columns: 10,
        rows: 4,
        blocks: vec![
            block(1, 0, &["Des objets jetés faute de réparateurs"]),
            block(2, 2, &["Les habitant·es du Diois", "#strong[pas du code]"]),
        ],
    }
    .fit();
    let bytes = pdf(Template::CanvasPoster, &poster).unwrap();
    let Some(text) = testkit::pdf_text(&bytes) else {
        return;
    };
    for needle in [
        "La Recyclerie du Diois",
        "Des objets jetés faute de réparateurs",
        "#strong[pas du code]",
        "Studio d'Impact Local",
    ] {
        assert!(text.contains(needle), "{needle:?} missing from {text:?}");
    }
}
