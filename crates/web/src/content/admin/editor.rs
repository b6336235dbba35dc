//! The editor's page: a new item's form, or a language version of an item with its tabs, its
//! status and public address, the preview and the errors of what was typed.
use super::form::{EditorForm, choices};
use super::{Choice, EditQuery, authorize, edit_lang};
use crate::content::kind_choices;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::content::{self, Kind, Status};
use serde::Deserialize;
use store::content::Item;

pub struct VersionTab {
    pub label: String,
    pub href: String,
    pub current: bool,
    pub exists: bool,
}

#[derive(Template)]
#[template(path = "content/edit.html")]
struct EditView {
    layout: Layout,
    heading: String,
    action: String,
    item_id: Option<i64>,
    kind: String,
    kind_label: String,
    kinds: Vec<Choice>,
    lang: String,
    lang_label: String,
    tabs: Vec<VersionTab>,
    form: EditorForm,
    errors: FieldErrors,
    preview: Option<String>,
    statuses: Vec<Choice>,
    projects: Vec<Choice>,
    guides: Vec<Choice>,
    audio_current: String,
    public_href: Option<String>,
    status_now: String,
    is_public: bool,
    body_hint: String,
    is_case_study: bool,
    is_episode: bool,
    is_chapter: bool,
}

fn select(list: &[(i64, String)], current: &str) -> Vec<Choice> {
    list.iter()
        .map(|(id, name)| Choice {
            value: id.to_string(),
            label: name.clone(),
            selected: id.to_string() == current.trim(),
        })
        .collect()
}

pub(super) struct EditContext<'a> {
    pub(super) item: Option<&'a Item>,
    pub(super) lang: &'a str,
    pub(super) versions: Vec<String>,
    pub(super) preview: bool,
}

impl EditContext<'_> {
    /// A new item: its French version, nothing stored yet.
    pub(super) fn new_item(preview: bool) -> Self {
        EditContext {
            item: None,
            lang: "fr",
            versions: Vec::new(),
            preview,
        }
    }
}

pub(super) async fn render_editor(
    state: &AppState,
    ctx: &Ctx,
    kind: Kind,
    form: EditorForm,
    errors: FieldErrors,
    edit: EditContext<'_>,
) -> WebResult<Response> {
    let i = ctx.i;
    let choices = choices(state).await?;
    let heading = match edit.item {
        Some(_) if !form.title.is_empty() => {
            i.ta("content-edit-heading", &[("title", &form.title)])
        }
        Some(_) => i.t("content-edit-translation"),
        None => i.ta("content-new-heading", &[("kind", &i.t(kind.label_key()))]),
    };
    let preview = edit
        .preview
        .then(|| domain::markdown::render(&form.body).html);
    let (public_href, is_public, status_now) = match edit.item {
        Some(item) => {
            let status = item.status;
            let public = content::is_public(status, item.publish_at, store::now());
            let guide_slug = match item.parent_id {
                Some(p) => store::content::slug_in(&state.db, p, "fr").await?,
                None => None,
            };
            let fr_slug = store::content::slug_in(&state.db, item.id, "fr")
                .await?
                .unwrap_or_default();
            let mut label = i.t(status.label_key());
            if let (Status::Scheduled, Some(at)) = (status, item.publish_at) {
                label = i.ta("content-scheduled-for", &[("date", &i.datetime(at))]);
            }
            (
                public.then(|| kind.path(&fr_slug, guide_slug.as_deref())),
                public,
                label,
            )
        }
        None => (None, false, String::new()),
    };
    let tabs = match edit.item {
        Some(item) => ["fr", "en"]
            .into_iter()
            .map(|l| VersionTab {
                label: i.t(if l == "fr" {
                    "content-lang-fr"
                } else {
                    "content-lang-en"
                }),
                href: format!("/admin/content/{}?lang={l}", item.id),
                current: l == edit.lang,
                exists: edit.versions.iter().any(|v| v == l),
            })
            .collect(),
        None => Vec::new(),
    };
    let view = EditView {
        layout: Layout::new(state, ctx, heading.clone()),
        heading,
        action: match edit.item {
            Some(item) => format!("/admin/content/{}?lang={}", item.id, edit.lang),
            None => "/admin/content/new".into(),
        },
        item_id: edit.item.map(|x| x.id),
        kind: kind.code().into(),
        kind_label: i.t(kind.label_key()),
        kinds: kind_choices(i)
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == kind.code(),
                value,
                label,
            })
            .collect(),
        lang: edit.lang.to_string(),
        lang_label: i.t(if edit.lang == "en" {
            "content-lang-en"
        } else {
            "content-lang-fr"
        }),
        tabs,
        statuses: Status::ALL
            .into_iter()
            .map(|s| Choice {
                value: s.code().into(),
                label: i.t(s.label_key()),
                selected: form.status == s.code() || (form.status.is_empty() && s == Status::Draft),
            })
            .collect(),
        projects: select(&choices.projects, &form.project_id),
        guides: select(&choices.guides, &form.parent_id),
        audio_current: edit
            .item
            .and_then(|it| {
                it.audio_key.as_ref().map(|_| {
                    i.ta(
                        "content-audio-current",
                        &[(
                            "size",
                            &i.number((it.audio_size.unwrap_or(0) + 1023) / 1024),
                        )],
                    )
                })
            })
            .unwrap_or_default(),
        public_href,
        status_now,
        is_public,
        body_hint: i.ta(
            "content-field-body-hint",
            &[("max", &i.number(content::MAX_BODY as i64))],
        ),
        is_case_study: kind == Kind::CaseStudy,
        is_episode: kind == Kind::Episode,
        is_chapter: kind == Kind::Chapter,
        form,
        errors,
        preview,
    };
    let status = if view.errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let kind = if q.kind.is_empty() {
        Kind::Post
    } else {
        Kind::parse(&q.kind).map_err(|_| WebError::BadRequest("content-error-kind"))?
    };
    let form = EditorForm {
        kind: kind.code().into(),
        status: "draft".into(),
        parent_id: q.parent,
        ..EditorForm::default()
    };
    render_editor(
        &state,
        &ctx,
        kind,
        form,
        FieldErrors::default(),
        EditContext::new_item(false),
    )
    .await
}

pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<EditQuery>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let lang = edit_lang(&q);
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let kind = item.kind;
    let versions = store::content::versions(&state.db, id).await?;
    let version = versions.iter().find(|v| v.lang == lang);
    let form = EditorForm::of(&item, version);
    render_editor(
        &state,
        &ctx,
        kind,
        form,
        FieldErrors::default(),
        EditContext {
            item: Some(&item),
            lang,
            versions: versions.iter().map(|v| v.lang.clone()).collect(),
            preview: false,
        },
    )
    .await
}
