//! The business plan's narrative: the sections the holder writes in Markdown (`## Titre` starts
//! a section, a blank line a paragraph, `- ` a bullet), shown in the business plan PDF after the
//! canvas summary. Saved whole or refused beside the field with what was typed.
use super::owner::{Key, Owner, editable_row};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use documents::Block;
use serde::Deserialize;

/// The longest narrative kept (characters).
pub const MAX_CHARS: usize = 20_000;

/// One section of the narrative: its title (None before the first `#` heading) and its blocks.
pub struct NarrativeSection {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// Strips the inline marks a PDF paragraph does not render (`**bold**`, `_em_`, `` `code` ``).
fn plain(text: &str) -> String {
    text.replace("**", "").replace("__", "").replace('`', "")
}

/// The narrative's sections in order: headings (`#`, `##`, `###`) open a section, blank lines
/// separate paragraphs, consecutive `- ` or `* ` lines make one list.
pub fn sections(text: &str) -> Vec<NarrativeSection> {
    let mut out: Vec<NarrativeSection> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut bullets: Vec<String> = Vec::new();
    fn current(out: &mut Vec<NarrativeSection>) -> &mut NarrativeSection {
        if out.is_empty() {
            out.push(NarrativeSection {
                title: None,
                blocks: Vec::new(),
            });
        }
        let last = out.len() - 1;
        &mut out[last]
    }
    let flush =
        |out: &mut Vec<NarrativeSection>, paragraph: &mut Vec<&str>, bullets: &mut Vec<String>| {
            if !paragraph.is_empty() {
                let text = plain(&paragraph.join(" "));
                current(out).blocks.push(Block::Paragraph { text });
                paragraph.clear();
            }
            if !bullets.is_empty() {
                let items = std::mem::take(bullets);
                current(out).blocks.push(Block::Bullets { items });
            }
        };
    for line in text.lines() {
        let t = line.trim();
        if let Some(title) = t
            .strip_prefix("### ")
            .or_else(|| t.strip_prefix("## "))
            .or_else(|| t.strip_prefix("# "))
        {
            flush(&mut out, &mut paragraph, &mut bullets);
            out.push(NarrativeSection {
                title: Some(plain(title.trim())),
                blocks: Vec::new(),
            });
        } else if let Some(item) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
            if !paragraph.is_empty() {
                flush(&mut out, &mut paragraph, &mut bullets);
            }
            bullets.push(plain(item.trim()));
        } else if t.is_empty() {
            flush(&mut out, &mut paragraph, &mut bullets);
        } else {
            if !bullets.is_empty() {
                flush(&mut out, &mut paragraph, &mut bullets);
            }
            paragraph.push(t);
        }
    }
    flush(&mut out, &mut paragraph, &mut bullets);
    out.retain(|s| s.title.is_some() || !s.blocks.is_empty());
    out
}

#[derive(Template)]
#[template(path = "forecasts/narrative.html")]
struct NarrativeView {
    layout: Layout,
    base: String,
    text: String,
    error: Option<String>,
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    owner: &Owner,
    text: String,
    error: Option<String>,
) -> WebResult<Response> {
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let view = NarrativeView {
        layout: Layout::new(state, ctx, ctx.i.t("forecast-narrative-title"))
            .under(owner.base.clone(), owner.name.clone()),
        base: owner.base.clone(),
        text,
        error,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
) -> WebResult<Response> {
    let (owner, row) = editable_row(&state, &ctx, &key).await?;
    render(&state, &ctx, &owner, row.narrative, None)
}

#[derive(Deserialize)]
pub struct NarrativeForm {
    #[serde(default)]
    narrative: String,
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(key): Path<Key>,
    Form(form): Form<NarrativeForm>,
) -> WebResult<Response> {
    let (owner, row) = editable_row(&state, &ctx, &key).await?;
    let text = form.narrative.replace("\r\n", "\n");
    if text.chars().count() > MAX_CHARS {
        let message = ctx.i.ta(
            "forecast-narrative-too-long",
            &[("max", &MAX_CHARS.to_string())],
        );
        return render(&state, &ctx, &owner, text, Some(message));
    }
    store::forecasts::set_narrative(&state.db, row.id, text.trim()).await?;
    Ok(crate::respond::redirect_with_flash(
        &format!("{}/narrative", owner.base),
        "flash-forecast-narrative-saved",
        &state,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_open_sections_of_paragraphs_and_lists() {
        let text = "Une recyclerie pour les pentes.\nSur deux lignes.\n\n## Le marché\n\
                    Les habitants **donnent** beaucoup.\n- Meubles\n- Vaisselle\n\n### L'équipe\n\n# Vide\n";
        let got = sections(text);
        let titles: Vec<_> = got.iter().map(|s| s.title.clone()).collect();
        assert_eq!(
            titles,
            vec![
                None,
                Some("Le marché".to_string()),
                Some("L'équipe".to_string()),
                Some("Vide".to_string())
            ]
        );
        assert!(
            matches!(&got[0].blocks[..], [Block::Paragraph { text }] if text == "Une recyclerie pour les pentes. Sur deux lignes.")
        );
        assert!(
            matches!(&got[1].blocks[..], [Block::Paragraph { text }, Block::Bullets { items }]
            if text == "Les habitants donnent beaucoup." && items.len() == 2)
        );
        assert!(got[2].blocks.is_empty());
        assert!(sections("  \n\n").is_empty());
    }
}
