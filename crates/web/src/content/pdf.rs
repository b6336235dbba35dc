//! The PDF of a whole guide (`/guides/{slug}.pdf`): each chapter's Markdown mapped onto the
//! `Report` template: chapter → level-1 section on a new page, headings → level-2 sections,
//! paragraphs, lists, tables and quotes → their blocks. Text only, never markup.
use super::{LangQuery, content_lang};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use crate::respond;
use crate::state::AppState;
use axum::response::Response;
use documents::{Block, Report, Section};
use domain::content::OutlineBlock;

/// The sections of one chapter: its title as a chapter, then one section per heading.
pub fn report_sections(title: &str, markdown: &str, note_title: &str) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: title.to_string(),
        level: 1,
        page_break: true,
        blocks: Vec::new(),
    }];
    for block in domain::content::outline(markdown) {
        let push = |sections: &mut Vec<Section>, b: Block| {
            if let Some(last) = sections.last_mut() {
                last.blocks.push(b);
            }
        };
        match block {
            OutlineBlock::Heading { text, .. } => sections.push(Section {
                heading: text,
                level: 2,
                page_break: false,
                blocks: Vec::new(),
            }),
            OutlineBlock::Paragraph(text) => push(&mut sections, Block::Paragraph { text }),
            OutlineBlock::Bullets(items) => push(&mut sections, Block::Bullets { items }),
            OutlineBlock::Table { columns, rows } => {
                let numeric = (0..columns.len())
                    .map(|c| {
                        !rows.is_empty()
                            && rows.iter().all(|r| {
                                r.get(c).is_some_and(|v| {
                                    !v.is_empty()
                                        && v.chars().all(|ch| {
                                            ch.is_ascii_digit()
                                                || " ,.%€\u{a0}\u{202f}-+".contains(ch)
                                        })
                                })
                            })
                    })
                    .collect();
                let width = columns.len();
                let rows = rows
                    .into_iter()
                    .map(|mut r| {
                        r.resize(width, String::new());
                        r
                    })
                    .collect();
                push(
                    &mut sections,
                    Block::Table {
                        columns,
                        numeric,
                        rows,
                    },
                )
            }
            OutlineBlock::Quote(text) => push(
                &mut sections,
                Block::Callout {
                    title: note_title.to_string(),
                    text,
                },
            ),
        }
    }
    sections
}

pub async fn guide_pdf(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    query: &LangQuery,
) -> WebResult<Response> {
    let lang = content_lang(ctx, &query.lang);
    let now = store::now();
    let guide = store::content::public_by_slug(&state.db, "guide", 0, slug, lang, now)
        .await?
        .ok_or(WebError::NotFound)?;
    let i = I18n::new(domain::Locale::parse(&guide.lang).unwrap_or_default());
    let chapters =
        store::content::chapters(&state.db, guide.item.id, &guide.lang, now, false).await?;
    let note = i.t("content-pdf-note");
    let mut sections = Vec::new();
    if !guide.body.trim().is_empty() {
        sections.extend(report_sections(
            &i.t("content-pdf-introduction"),
            &guide.body,
            &note,
        ));
    }
    for c in &chapters {
        sections.extend(report_sections(&c.title, &c.body, &note));
    }
    let updated = chapters
        .iter()
        .map(|c| c.version_updated_at)
        .chain([guide.version_updated_at])
        .max()
        .unwrap_or(now);
    let report = Report {
        lang: guide.lang.clone(),
        title: guide.title.clone(),
        subtitle: guide.summary.clone(),
        meta: vec![
            i.t("content-publisher"),
            i.ta("content-updated-on", &[("date", &i.date(updated))]),
        ],
        footer: format!("{} · {}", guide.title, i.t("content-publisher")),
        sections,
    };
    respond::inline_pdf(
        documents::Template::Report,
        report,
        &format!("{}.pdf", guide.slug),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapters_become_sections() {
        let s = report_sections(
            "Le local",
            "Intro.\n\n## Surface\n\n- 80 m²\n- accessible\n\n| Poste | Montant |\n|---|---|\n| Loyer | 800 |\n\n> Visite deux fois.",
            "À retenir",
        );
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].level, 1);
        assert!(s[0].page_break);
        assert!(matches!(&s[0].blocks[0], Block::Paragraph { text } if text == "Intro."));
        assert_eq!(s[1].heading, "Surface");
        assert!(matches!(&s[1].blocks[0], Block::Bullets { items } if items.len() == 2));
        assert!(
            matches!(&s[1].blocks[1], Block::Table { numeric, .. } if numeric == &vec![false, true])
        );
        assert!(matches!(&s[1].blocks[2], Block::Callout { .. }));
    }
}
