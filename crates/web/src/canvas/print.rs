//! Printable canvas: the A3 poster as PDF, and the practical guide as a page and a PDF.
use super::canvas_for;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use documents::{Block, Poster, PosterBlock, PosterNote, Report, Section};
use domain::Action;
use domain::canvas::{ItemStatus, template};

/// A file name made of the title's ASCII letters and digits.
fn file_name(title: &str, suffix: &str) -> String {
    let mut name: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while name.contains("--") {
        name = name.replace("--", "-");
    }
    let name = name.trim_matches('-');
    format!("{}{suffix}", if name.is_empty() { "canvas" } else { name })
}

/// `GET /canvases/{id}/poster.pdf`: every block and note on one A3 landscape page, with the
/// centre's name and the date.
pub async fn poster_pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(&state, &ctx, id, Action::ViewProject).await?;
    let items = store::canvas::items(&state.db, canvas.id).await?;
    let centre = state.centre_name(project.centre_id).await?;
    let i = ctx.i;
    let status_label = |status: ItemStatus| match status {
        ItemStatus::Validated => i.t("canvas-validated"),
        ItemStatus::Hypothesis => i.t("canvas-hypothesis"),
    };
    let poster = Poster {
        lang: i.code().to_string(),
        title: canvas.title.clone(),
        subtitle: project.name,
        centre,
        date: i.date(canvas.updated_at),
        footer: i.t("canvas-pdf-footer"),
        columns: template().grid.columns,
        rows: template().grid.rows,
        blocks: template()
            .blocks
            .iter()
            .enumerate()
            .map(|(n, b)| PosterBlock {
                number: n + 1,
                title: b.text(i.locale).title.clone(),
                question: b.text(i.locale).question.clone(),
                column: b.area.column.saturating_sub(1),
                row: b.area.row.saturating_sub(1),
                width: b.area.width,
                height: b.area.height,
                items: items
                    .iter()
                    .filter(|it| it.block == b.key)
                    .map(|it| PosterNote {
                        text: it.text.clone(),
                        fill: it.colour.hex().to_string(),
                        status: status_label(it.status),
                        validated: it.status == ItemStatus::Validated,
                    })
                    .collect(),
                font_size: 0.0,
            })
            .collect(),
    }
    .fit();
    respond::inline_pdf(
        documents::Template::CanvasPoster,
        poster,
        &file_name(&canvas.title, ".pdf"),
    )
    .await
}

/// The guide as sections: the method first, then one chapter per block.
fn guide_sections(i: I18n) -> (String, Vec<Section>) {
    let guide = template().guide.text(i.locale);
    let mut sections = vec![Section {
        heading: i.t("canvas-guide-method"),
        level: 1,
        page_break: false,
        blocks: vec![
            Block::Paragraph {
                text: guide.intro.clone(),
            },
            Block::Bullets {
                items: guide.steps.clone(),
            },
        ],
    }];
    for (n, b) in template().blocks.iter().enumerate() {
        let text = b.text(i.locale);
        let mut blocks = vec![Block::Callout {
            title: i.t("canvas-guide-question"),
            text: text.question.clone(),
        }];
        blocks.extend(text.guide.split("\n\n").map(|p| Block::Paragraph {
            text: p.to_string(),
        }));
        blocks.push(Block::Labelled {
            label: i.t("canvas-prompts"),
            text: String::new(),
        });
        blocks.push(Block::Bullets {
            items: text.prompts.clone(),
        });
        blocks.push(Block::Callout {
            title: i.t("canvas-example"),
            text: text.example.clone(),
        });
        blocks.push(Block::Labelled {
            label: i.t("canvas-mistakes"),
            text: String::new(),
        });
        blocks.push(Block::Bullets {
            items: text.mistakes.clone(),
        });
        sections.push(Section {
            heading: format!("{}. {}", n + 1, text.title),
            level: 1,
            page_break: false,
            blocks,
        });
    }
    (guide.title.clone(), sections)
}

#[derive(Template)]
#[template(path = "canvas/guide.html")]
struct GuideView {
    layout: Layout,
    title: String,
    intro: String,
    steps: Vec<String>,
    blocks: Vec<GuideBlock>,
}

struct GuideBlock {
    key: String,
    number: usize,
    title: String,
    question: String,
    guide: Vec<String>,
    prompts: Vec<String>,
    example: String,
    mistakes: Vec<String>,
}

/// `GET /canvas/guide`: the practical guide, public, with a table of contents.
pub async fn guide(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let i = ctx.i;
    let text = template().guide.text(i.locale);
    let view = GuideView {
        layout: Layout::new(&state, &ctx, text.title.clone()),
        title: text.title.clone(),
        intro: text.intro.clone(),
        steps: text.steps.clone(),
        blocks: template()
            .blocks
            .iter()
            .enumerate()
            .map(|(n, b)| {
                let t = b.text(i.locale);
                GuideBlock {
                    key: b.key.clone(),
                    number: n + 1,
                    title: t.title.clone(),
                    question: t.question.clone(),
                    guide: t.guide.split("\n\n").map(str::to_string).collect(),
                    prompts: t.prompts.clone(),
                    example: t.example.clone(),
                    mistakes: t.mistakes.clone(),
                }
            })
            .collect(),
    };
    Ok(Html(view.render()?).into_response())
}

/// `GET /canvas/guide.pdf`: the same guide, printable.
pub async fn guide_pdf(ctx: Ctx) -> WebResult<Response> {
    let i = ctx.i;
    let (title, sections) = guide_sections(i);
    let report = Report {
        lang: i.code().to_string(),
        subtitle: i.t("canvas-guide-subtitle"),
        meta: vec![i.ta(
            "canvas-guide-version",
            &[("version", &template().version.to_string())],
        )],
        footer: i.t("canvas-pdf-footer"),
        sections,
        title: title.clone(),
    };
    respond::inline_pdf(
        documents::Template::Report,
        report,
        &file_name(&title, ".pdf"),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_keep_ascii_letters_only() {
        assert_eq!(
            file_name("Canvas de « L'Épicerie » !", ".pdf"),
            "canvas-de-l-picerie.pdf"
        );
        assert_eq!(file_name("«»", ".pdf"), "canvas.pdf");
    }
}
