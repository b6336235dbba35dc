//! Versions of a canvas: name the current state, compare two moments, restore one, and read
//! the automatic history.
use super::canvas_for;
use super::ops::announce;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::canvas::{NoteChange, SnapshotItem, diff, template};
use serde::Deserialize;

const MAX_NAME_CHARS: usize = 80;

#[derive(Template)]
#[template(path = "canvas/versions.html")]
struct VersionsView {
    layout: Layout,
    id: i64,
    title: String,
    can_edit: bool,
    typed_name: String,
    errors: FieldErrors,
    versions: Vec<VersionRow>,
    history: Vec<HistoryRow>,
}

struct VersionRow {
    id: i64,
    name: String,
    meta: String,
}

struct HistoryRow {
    when: String,
    what: String,
    text: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NameForm {
    pub name: String,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    name: String,
    errors: FieldErrors,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(state, ctx, id, Action::ViewProject).await?;
    let scope = crate::project_access::visible_scope(ctx, &project)?;
    let i = ctx.i;
    let unknown = i.t("canvas-versions-someone");
    let versions = store::canvas::versions(&state.db, canvas.id)
        .await?
        .into_iter()
        .map(|v| VersionRow {
            id: v.id,
            meta: i.ta(
                "canvas-version-meta",
                &[
                    ("date", &i.datetime(v.created_at)),
                    ("name", v.author.as_deref().unwrap_or(&unknown)),
                ],
            ),
            name: v.name,
        })
        .collect();
    let history = store::canvas::history(&state.db, canvas.id, 50)
        .await?
        .into_iter()
        .map(|h| HistoryRow {
            when: i.datetime(h.at),
            what: i.ta(
                &format!("canvas-history-{}", h.action.replace('_', "-")),
                &[("name", h.author.as_deref().unwrap_or(&unknown))],
            ),
            // A move's texts are block keys, not words to show.
            text: if h.action == "move" {
                String::new()
            } else {
                h.after_text.or(h.before_text).unwrap_or_default()
            },
        })
        .collect();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = VersionsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("canvas-versions-title", &[("title", &canvas.title)]),
        ),
        id: canvas.id,
        title: canvas.title,
        can_edit: ctx.actor.can(Action::EditProject, scope),
        typed_name: name,
        errors,
        versions,
        history,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /canvases/{id}/versions`.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render(&state, &ctx, id, String::new(), FieldErrors::default()).await
}

/// `POST /canvases/{id}/versions`: keep the canvas as it is now, under a name.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NameForm>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        let mut errors = FieldErrors::default();
        errors.add("name", ctx.i, "canvas-version-name-invalid");
        return render(&state, &ctx, id, form.name, errors).await;
    }
    store::canvas::create_version(&state.db, canvas.id, name, ctx.actor.user_id).await?;
    Ok(redirect_with_flash(
        &format!("/canvases/{}/versions", canvas.id),
        "flash-canvas-version-saved",
        &state,
    ))
}

#[derive(Template)]
#[template(path = "canvas/diff.html")]
struct DiffView {
    layout: Layout,
    id: i64,
    version_id: i64,
    heading: String,
    can_edit: bool,
    blocks: Vec<DiffBlock>,
}

struct DiffBlock {
    title: String,
    lines: Vec<DiffLine>,
}

struct DiffLine {
    kind: &'static str,
    label: String,
    before: String,
    after: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct DiffQuery {
    /// Another version to compare with; the canvas as it is now when absent.
    pub with: Option<i64>,
}

/// `GET /canvases/{id}/versions/{version}`: what changed since that version (or between it and
/// `?with=`), block by block.
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, version_id)): Path<(i64, i64)>,
    Query(q): Query<DiffQuery>,
) -> WebResult<Response> {
    let (canvas, project) = canvas_for(&state, &ctx, id, Action::ViewProject).await?;
    let scope = crate::project_access::visible_scope(&ctx, &project)?;
    let i = ctx.i;
    let (old, old_items) = store::canvas::version(&state.db, canvas.id, version_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let (new_name, new_items): (String, Vec<SnapshotItem>) = match q.with {
        Some(other) => {
            let (v, items) = store::canvas::version(&state.db, canvas.id, other)
                .await?
                .ok_or(WebError::NotFound)?;
            (v.name, items)
        }
        None => {
            let now = store::canvas::snapshot(&store::canvas::items(&state.db, canvas.id).await?);
            (i.t("canvas-version-now"), now)
        }
    };
    let block_title = |key: &str| {
        template()
            .block(key)
            .map_or_else(|| key.to_string(), |b| b.text(i.locale).title.clone())
    };
    let describe = |item: &SnapshotItem| {
        let status = if domain::canvas::ItemStatus::parse(&item.status)
            == Ok(domain::canvas::ItemStatus::Validated)
        {
            i.t("canvas-validated")
        } else {
            i.t("canvas-hypothesis")
        };
        format!("{} ({status})", item.text)
    };
    let blocks = diff(&old_items, &new_items)
        .into_iter()
        .map(|b| DiffBlock {
            title: block_title(&b.block),
            lines: b
                .changes
                .iter()
                .map(|c| match c {
                    NoteChange::Added(item) => DiffLine {
                        kind: "added",
                        label: i.t("canvas-diff-added"),
                        before: String::new(),
                        after: describe(item),
                    },
                    NoteChange::Removed(item) => DiffLine {
                        kind: "removed",
                        label: i.t("canvas-diff-removed"),
                        before: describe(item),
                        after: String::new(),
                    },
                    NoteChange::Edited { before, after } => DiffLine {
                        kind: "edited",
                        label: i.t("canvas-diff-edited"),
                        before: describe(before),
                        after: describe(after),
                    },
                    NoteChange::Moved { before, after } => DiffLine {
                        kind: "moved",
                        label: i.ta(
                            "canvas-diff-moved",
                            &[("block", &block_title(&before.block))],
                        ),
                        before: if before.text == after.text {
                            String::new()
                        } else {
                            describe(before)
                        },
                        after: describe(after),
                    },
                })
                .collect(),
        })
        .collect();
    let view = DiffView {
        layout: Layout::new(&state, &ctx, old.name.clone()),
        heading: i.ta(
            "canvas-diff-title",
            &[("old", &old.name), ("new", &new_name)],
        ),
        id: canvas.id,
        version_id: old.id,
        can_edit: ctx.actor.can(Action::EditProject, scope),
        blocks,
    };
    Ok(Html(view.render()?).into_response())
}

/// `POST /canvases/{id}/versions/{version}/restore`.
pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, version_id)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (canvas, _) = canvas_for(&state, &ctx, id, Action::EditProject).await?;
    let i = ctx.i;
    let (target, _) = store::canvas::version(&state.db, canvas.id, version_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let safety = i.ta("canvas-version-before-restore", &[("name", &target.name)]);
    store::canvas::restore_version(&state.db, canvas.id, version_id, &safety, ctx.actor.user_id)
        .await?;
    let keys: Vec<&str> = template().blocks.iter().map(|b| b.key.as_str()).collect();
    announce(&state, canvas.id, &keys, String::new()).await;
    Ok(redirect_with_flash(
        &format!("/canvases/{}", canvas.id),
        "flash-canvas-version-restored",
        &state,
    ))
}
