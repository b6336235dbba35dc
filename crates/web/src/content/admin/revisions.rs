//! The revisions of a language version: the list, one revision, and restoring it (a save, so
//! the text it replaces is kept in turn).
use super::{EditQuery, EmptyForm, authorize, edit_lang};
use crate::content::search_text;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::Form;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use store::content::VersionInput;

pub struct RevisionRow {
    pub href: String,
    pub when: String,
    pub who: String,
    pub title: String,
    pub size: String,
}

#[derive(Template)]
#[template(path = "content/revisions.html")]
struct RevisionsView {
    layout: Layout,
    heading: String,
    back: String,
    rows: Vec<RevisionRow>,
}

pub async fn revisions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<EditQuery>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let i = ctx.i;
    let lang = edit_lang(&q);
    let versions = store::content::versions(&state.db, id).await?;
    let version = versions
        .iter()
        .find(|v| v.lang == lang)
        .ok_or(WebError::NotFound)?;
    let rows = store::content::revisions(&state.db, version.id)
        .await?
        .into_iter()
        .map(|r| RevisionRow {
            href: format!("/admin/content/revisions/{}", r.id),
            when: i.datetime(r.saved_at),
            who: r.saved_by_name.unwrap_or_default(),
            size: i.tn("content-chars", r.body.chars().count() as i64),
            title: r.title,
        })
        .collect();
    let heading = i.ta("content-revisions-heading", &[("title", &version.title)]);
    let view = RevisionsView {
        layout: Layout::new(&state, &ctx, heading.clone()),
        heading,
        back: format!("/admin/content/{id}?lang={lang}"),
        rows,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Template)]
#[template(path = "content/revision.html")]
struct RevisionView {
    layout: Layout,
    heading: String,
    back: String,
    restore: String,
    title: String,
    html: String,
    body: String,
}

async fn revision_and_version(
    state: &AppState,
    id: i64,
) -> WebResult<(store::content::Revision, store::content::Version)> {
    let revision = store::content::revision(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let sql_versions = store::content::versions_by_id(&state.db, revision.version_id)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok((revision, sql_versions))
}

pub async fn revision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let i = ctx.i;
    let (revision, version) = revision_and_version(&state, id).await?;
    let heading = i.ta(
        "content-revision-heading",
        &[("date", &i.datetime(revision.saved_at))],
    );
    let view = RevisionView {
        layout: Layout::new(&state, &ctx, heading.clone()),
        heading,
        back: format!(
            "/admin/content/{}/revisions?lang={}",
            version.item_id, version.lang
        ),
        restore: format!("/admin/content/revisions/{id}/restore"),
        html: domain::markdown::render(&revision.body).html,
        title: revision.title,
        body: revision.body,
    };
    Ok(Html(view.render()?).into_response())
}

/// Restores a revision: its text becomes the version's, and the text replaced is kept as a
/// revision in turn.
pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(_): Form<EmptyForm>,
) -> WebResult<Response> {
    let user = authorize(&ctx)?;
    let (revision, version) = revision_and_version(&state, id).await?;
    let item = store::content::find(&state.db, version.item_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let search = search_text(&revision.title, &revision.summary, &revision.body);
    store::content::save_version(
        &state.db,
        &item,
        &VersionInput {
            lang: &version.lang,
            slug: &version.slug,
            title: &revision.title,
            summary: &revision.summary,
            body: &revision.body,
            figures: &revision.figures,
            search_text: &search,
        },
        Some(user),
    )
    .await?;
    Ok(redirect_with_flash(
        &format!("/admin/content/{}?lang={}", item.id, version.lang),
        "flash-content-restored",
        &state,
    ))
}
