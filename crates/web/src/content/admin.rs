//! The staff editor (network team, `Action::ManageContent`): a filtered list, a create/edit
//! form per language version with a server-rendered preview (« Prévisualiser » re-renders the
//! form with the preview beside it, no JavaScript needed), errors beside the fields keeping what
//! was typed, revisions to view and restore, publish/unpublish/delete in the audit log.
use super::{kind_choices, search_text, status_label};
use crate::accounts::redirect_with_flash;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use crate::upload::{Multipart, Part};
use askama::Template;
use axum::extract::{FromRequest, Request, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use domain::content::{self, ContentError, Kind, Status};
use domain::{Action, Scope};
use serde::Deserialize;
use store::audit::{AuditAction, Entry};
use store::content::{Item, ItemFields, VersionInput};

/// Largest uploaded audio accepted is the platform's upload limit.
const AUDIO_TYPES: [&str; 6] = [
    "audio/mpeg",
    "audio/ogg",
    "audio/mp4",
    "audio/x-m4a",
    "audio/wav",
    "audio/opus",
];

fn authorize(ctx: &Ctx) -> WebResult<i64> {
    ctx.authorize(Action::ManageContent, Scope::Network)?;
    Ok(ctx.require_user()?.id)
}

/// The editor's form, read from `multipart/form-data` (the page's form, which may carry an
/// audio file) or from a plain urlencoded post.
pub struct EditorInput(pub Multipart);

impl FromRequest<AppState> for EditorInput {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        if crate::upload::boundary(&content_type).is_some() {
            return Ok(EditorInput(Multipart::from_request(req, state).await?));
        }
        let crate::form::Form(pairs) =
            crate::form::Form::<Vec<(String, String)>>::from_request(req, state).await?;
        Ok(EditorInput(Multipart(
            pairs
                .into_iter()
                .map(|(name, value)| Part {
                    name,
                    file_name: None,
                    content_type: "text/plain".into(),
                    data: value.into_bytes(),
                })
                .collect(),
        )))
    }
}

/// What was typed in the editor (kept when refused or previewed).
#[derive(Debug, Default, Clone)]
pub struct EditorForm {
    pub kind: String,
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub body: String,
    pub tags: String,
    pub status: String,
    pub publish_at: String,
    pub figures: String,
    pub project_id: String,
    pub parent_id: String,
    pub position: String,
    pub audio_url: String,
    pub duration: String,
    pub episode: String,
    pub season: String,
    pub explicit: bool,
}

impl EditorForm {
    fn read(form: &Multipart) -> Self {
        EditorForm {
            kind: form.text("kind"),
            title: form.text("title"),
            slug: form.text("slug"),
            summary: form.text("summary"),
            body: form.text("body"),
            tags: form.text("tags"),
            status: form.text("status"),
            publish_at: form.text("publish_at"),
            figures: form.text("figures"),
            project_id: form.text("project_id"),
            parent_id: form.text("parent_id"),
            position: form.text("position"),
            audio_url: form.text("audio_url"),
            duration: form.text("duration"),
            episode: form.text("episode"),
            season: form.text("season"),
            explicit: !form.text("explicit").is_empty(),
        }
    }

    fn of(item: &Item, version: Option<&store::content::Version>) -> Self {
        let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        EditorForm {
            kind: item.kind.clone(),
            title: version.map(|v| v.title.clone()).unwrap_or_default(),
            slug: version.map(|v| v.slug.clone()).unwrap_or_default(),
            summary: version.map(|v| v.summary.clone()).unwrap_or_default(),
            body: version.map(|v| v.body.clone()).unwrap_or_default(),
            figures: version.map(|v| v.figures.clone()).unwrap_or_default(),
            tags: content::tags_of(&item.tags).join(", "),
            status: item.status.clone(),
            publish_at: item
                .publish_at
                .map(content::paris_input)
                .unwrap_or_default(),
            project_id: opt(item.project_id),
            parent_id: opt(item.parent_id),
            position: item.position.to_string(),
            audio_url: item.audio_url.clone().unwrap_or_default(),
            duration: item
                .duration_seconds
                .map(content::short_clock)
                .unwrap_or_default(),
            episode: opt(item.episode_number),
            season: opt(item.season_number),
            explicit: item.explicit != 0,
        }
    }
}

/// The validated form.
struct Valid {
    fields: ItemFields,
    parent_id: Option<i64>,
    title: String,
    slug: String,
    summary: String,
    body: String,
    figures: String,
}

struct Choices {
    projects: Vec<(i64, String)>,
    guides: Vec<(i64, String)>,
}

async fn choices(state: &AppState) -> WebResult<Choices> {
    Ok(Choices {
        projects: store::content::project_choices(&state.db).await?,
        guides: store::content::guides(&state.db).await?,
    })
}

fn validate(
    i: I18n,
    kind: Kind,
    input: &EditorForm,
    existing: Option<&Item>,
    choices: &Choices,
    errors: &mut FieldErrors,
) -> Option<Valid> {
    let mut fail = |field: &'static str, e: ContentError| errors.add(field, i, e.message_key());
    let title = content::text(&input.title, content::MAX_TITLE)
        .map_err(|e| fail("title", e))
        .ok();
    let slug = content::slug(&input.slug, &input.title)
        .map_err(|e| fail("slug", e))
        .ok();
    let summary = content::optional_text(&input.summary, content::MAX_SUMMARY)
        .map_err(|e| fail("summary", e))
        .ok();
    let body = content::body(&input.body).map_err(|e| fail("body", e)).ok();
    let tags = content::parse_tags(&input.tags)
        .map_err(|e| fail("tags", e))
        .ok();
    let figures = if kind == Kind::CaseStudy {
        content::parse_figures(&input.figures)
            .map(|f| content::figures_text(&f))
            .map_err(|e| fail("figures", e))
            .ok()
    } else {
        Some(String::new())
    };
    let now = store::now();
    let typed_at = if input.publish_at.trim().is_empty() {
        None
    } else {
        content::parse_paris_datetime(&input.publish_at)
            .map_err(|e| fail("publish_at", e))
            .ok()
    };
    let status = Status::parse(&input.status).unwrap_or(Status::Draft);
    let (status, publish_at) = match status {
        Status::Draft => (Status::Draft, typed_at),
        Status::Scheduled => {
            if input.publish_at.trim().is_empty() {
                fail("publish_at", ContentError::Date);
            }
            match typed_at {
                // A time already past is simply published.
                Some(t) if t <= now => (Status::Published, Some(t)),
                other => (Status::Scheduled, other),
            }
        }
        Status::Published => match typed_at {
            Some(t) if t > now => (Status::Scheduled, Some(t)),
            Some(t) => (Status::Published, Some(t)),
            None => (
                Status::Published,
                existing
                    .filter(|e| e.status != "draft")
                    .and_then(|e| e.publish_at)
                    .filter(|t| *t <= now)
                    .or(Some(now)),
            ),
        },
    };
    let choose = |text: &str, list: &[(i64, String)]| -> Result<Option<i64>, ()> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let id: i64 = text.trim().parse().map_err(|_| ())?;
        list.iter()
            .any(|(x, _)| *x == id)
            .then_some(Some(id))
            .ok_or(())
    };
    let project_id = if kind == Kind::CaseStudy {
        choose(&input.project_id, &choices.projects)
            .map_err(|_| errors.add("project_id", i, "content-error-choice"))
            .unwrap_or(None)
    } else {
        None
    };
    let parent_id = if kind == Kind::Chapter {
        match choose(&input.parent_id, &choices.guides) {
            Ok(Some(id)) => Some(id),
            _ => {
                errors.add("parent_id", i, "content-error-guide");
                None
            }
        }
    } else {
        None
    };
    let position = if input.position.trim().is_empty() {
        0
    } else {
        match input.position.trim().parse::<i64>() {
            Ok(n) if (0..=1000).contains(&n) => n,
            _ => {
                errors.add("position", i, "content-error-number");
                0
            }
        }
    };
    let mut fail = |field: &'static str, e: ContentError| errors.add(field, i, e.message_key());
    let (audio_url, duration, episode, season) = if kind == Kind::Episode {
        (
            content::optional_url(&input.audio_url)
                .map_err(|e| fail("audio_url", e))
                .unwrap_or(None),
            if input.duration.trim().is_empty() {
                None
            } else {
                content::parse_duration(&input.duration)
                    .map_err(|e| fail("duration", e))
                    .ok()
            },
            content::optional_number(&input.episode)
                .map_err(|e| fail("episode", e))
                .unwrap_or(None),
            content::optional_number(&input.season)
                .map_err(|e| fail("season", e))
                .unwrap_or(None),
        )
    } else {
        (None, None, None, None)
    };
    // A page at the address of a route would never be reached.
    if kind == Kind::Page
        && slug
            .as_deref()
            .is_some_and(|s| super::ROUTE_SEGMENTS.contains(&s))
    {
        errors.add("slug", i, "content-error-slug-route");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(Valid {
        fields: ItemFields {
            status: status.code().to_string(),
            publish_at,
            tags: content::stored_tags(&tags?),
            project_id,
            position,
            audio_url,
            duration_seconds: duration,
            episode_number: episode,
            season_number: season,
            explicit: input.explicit && kind == Kind::Episode,
        },
        parent_id,
        title: title?,
        slug: slug?,
        summary: summary?,
        body: body?,
        figures: figures?,
    })
}

pub struct VersionTab {
    pub label: String,
    pub href: String,
    pub current: bool,
    pub exists: bool,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
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

struct EditContext<'a> {
    item: Option<&'a Item>,
    lang: &'a str,
    versions: Vec<String>,
    preview: bool,
}

async fn render_editor(
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
            let status = Status::parse(&item.status).unwrap_or(Status::Draft);
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
        EditContext {
            item: None,
            lang: "fr",
            versions: Vec::new(),
            preview: false,
        },
    )
    .await
}

/// The uploaded audio of an episode form, checked (type and size); `Err` is the error text.
fn audio_part<'a>(
    state: &AppState,
    i: I18n,
    form: &'a Multipart,
) -> Result<Option<(&'a Part, &'static str)>, String> {
    let Some(file) = form.file("audio") else {
        return Ok(None);
    };
    if file.data.len() > state.config.max_upload_bytes {
        let mb = (state.config.max_upload_bytes / (1024 * 1024)).to_string();
        return Err(i.ta("content-error-audio-size", &[("max", &mb)]));
    }
    let by_name = super::public::guess_audio_type(file.file_name.as_deref().unwrap_or(""));
    let declared = file.content_type.split(';').next().unwrap_or("").trim();
    let kind = AUDIO_TYPES
        .into_iter()
        .find(|t| *t == declared)
        .unwrap_or(by_name);
    // Check the first bytes: MP3 (ID3 or frame sync), Ogg, MP4/M4A, WAV.
    let d = &file.data;
    let looks = d.starts_with(b"ID3")
        || (d.len() > 1 && d[0] == 0xFF && d[1] & 0xE0 == 0xE0)
        || d.starts_with(b"OggS")
        || d.get(4..8) == Some(b"ftyp")
        || d.starts_with(b"RIFF");
    if !looks {
        return Err(i.t("content-error-audio-type"));
    }
    Ok(Some((file, kind)))
}

async fn audit(
    state: &AppState,
    user: i64,
    action: AuditAction,
    item: i64,
    detail: &str,
) -> WebResult<()> {
    store::audit::record(
        &state.db,
        action,
        Entry {
            actor_id: Some(user),
            detail,
            ..Entry::default()
        },
    )
    .await?;
    let _ = item;
    Ok(())
}

fn audit_detail(kind: &str, id: i64, slug: &str) -> String {
    format!("{kind} #{id} {slug}")
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    EditorInput(form): EditorInput,
) -> WebResult<Response> {
    let user = authorize(&ctx)?;
    let i = ctx.i;
    let input = EditorForm::read(&form);
    let mut errors = FieldErrors::default();
    let kind = match Kind::parse(&input.kind) {
        Ok(k) => k,
        Err(e) => {
            errors.add("kind", i, e.message_key());
            Kind::Post
        }
    };
    if kind == Kind::CaseStudy && form.text("_action") == "fill-figures" {
        let edit = EditContext {
            item: None,
            lang: "fr",
            versions: Vec::new(),
            preview: false,
        };
        return fill_figures(&state, &ctx, input, errors, edit).await;
    }
    let choices = choices(&state).await?;
    let valid = validate(i, kind, &input, None, &choices, &mut errors);
    let audio = match audio_part(&state, i, &form) {
        Ok(a) => a.filter(|_| kind == Kind::Episode),
        Err(message) => {
            errors.add_text("audio", message);
            None
        }
    };
    let preview = form.text("_action") == "preview";
    let valid = match valid {
        Some(v) if errors.is_empty() => {
            if !store::content::slug_free(
                &state.db,
                kind.code(),
                v.parent_id.unwrap_or(0),
                "fr",
                &v.slug,
                None,
            )
            .await?
            {
                errors.add("slug", i, "content-error-slug-taken");
                None
            } else {
                Some(v)
            }
        }
        _ => None,
    };
    let (Some(v), false) = (valid, preview) else {
        return render_editor(
            &state,
            &ctx,
            kind,
            input,
            errors,
            EditContext {
                item: None,
                lang: "fr",
                versions: Vec::new(),
                preview,
            },
        )
        .await;
    };
    let search = search_text(&v.title, &v.summary, &v.body);
    let id = match store::content::create(
        &state.db,
        &store::content::NewItem {
            kind: kind.code(),
            parent_id: v.parent_id,
            position: v.fields.position,
            author_id: Some(user),
        },
        &v.fields,
        &VersionInput {
            lang: "fr",
            slug: &v.slug,
            title: &v.title,
            summary: &v.summary,
            body: &v.body,
            figures: &v.figures,
            search_text: &search,
        },
    )
    .await
    {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", i, "content-error-slug-taken");
            return render_editor(
                &state,
                &ctx,
                kind,
                input,
                errors,
                EditContext {
                    item: None,
                    lang: "fr",
                    versions: Vec::new(),
                    preview: false,
                },
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    if let Some((file, audio_type)) = audio {
        let key = crate::upload::store_file(&state, &file.data).await?;
        store::content::set_audio(&state.db, id, &key, audio_type, file.data.len() as i64).await?;
    }
    if v.fields.status != "draft" {
        audit(
            &state,
            user,
            AuditAction::ContentPublished,
            id,
            &audit_detail(kind.code(), id, &v.slug),
        )
        .await?;
    }
    Ok(redirect_with_flash(
        &format!("/admin/content/{id}?lang=fr"),
        "flash-content-created",
        &state,
    ))
}

/// « Remplir avec les dernières mesures »: the case study's figures re-rendered with the latest
/// measurement of each indicator of the chosen project (value, unit and name in the version's
/// language, and the day), after the figures typed by hand. Nothing is saved.
async fn fill_figures(
    state: &AppState,
    ctx: &Ctx,
    mut input: EditorForm,
    mut errors: FieldErrors,
    edit: EditContext<'_>,
) -> WebResult<Response> {
    let i = ctx.i;
    let projects = store::content::project_choices(&state.db).await?;
    let project = input
        .project_id
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| projects.iter().any(|(p, _)| p == id));
    match (project, content::parse_figures(&input.figures)) {
        (None, _) => errors.add("project_id", i, "content-error-fill-project"),
        (_, Err(e)) => errors.add("figures", i, e.message_key()),
        (Some(project), Ok(typed)) => {
            let locale = if edit.lang == "en" {
                domain::Locale::En
            } else {
                domain::Locale::Fr
            };
            let measured = measured_figures(state, I18n::new(locale), project).await?;
            if measured.is_empty() {
                errors.add("figures", i, "content-error-fill-empty");
            } else {
                input.figures = content::figures_text(&content::with_measured(&typed, measured));
            }
        }
    }
    let kind = Kind::CaseStudy;
    render_editor(state, ctx, kind, input, errors, edit).await
}

/// The latest measurement of each indicator a project follows, as key figures written in the
/// language of `i`: `1 240 | personnes | Personnes touchées | 2026-11-03`.
async fn measured_figures(
    state: &AppState,
    i: I18n,
    project: i64,
) -> WebResult<Vec<content::Figure>> {
    let indicators = store::impact::indicators(&state.db, project).await?;
    let measurements = store::impact::measurements(&state.db, project).await?;
    let latest = domain::impact::latest_measurements(
        measurements
            .iter()
            .map(|m| (m.project_indicator_id, m.measured_on.as_str(), m.value)),
    );
    Ok(indicators
        .iter()
        .filter_map(|pi| {
            let ind = domain::impact::indicator(&pi.indicator_code)?;
            let (day, value) = latest.get(&pi.id)?;
            Some(content::Figure {
                value: domain::impact::format_quantity(i.locale, *value),
                unit: match ind.unit {
                    domain::impact::Unit::Percent => "%".to_string(),
                    unit => i.t(&format!("unit-name-{}", unit.code())),
                },
                label: ind.text(i.locale).name.clone(),
                measured_on: Some((*day).to_string()),
            })
        })
        .collect())
}

#[derive(Debug, Default, Deserialize)]
pub struct EditQuery {
    #[serde(default)]
    lang: String,
}

fn edit_lang(q: &EditQuery) -> &'static str {
    if q.lang == "en" { "en" } else { "fr" }
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
    let kind = Kind::parse(&item.kind).map_err(|_| WebError::NotFound)?;
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

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<EditQuery>,
    EditorInput(form): EditorInput,
) -> WebResult<Response> {
    let user = authorize(&ctx)?;
    let i = ctx.i;
    let lang = edit_lang(&q);
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let kind = Kind::parse(&item.kind).map_err(|_| WebError::NotFound)?;
    let versions: Vec<String> = store::content::versions(&state.db, id)
        .await?
        .into_iter()
        .map(|v| v.lang)
        .collect();
    let mut input = EditorForm::read(&form);
    input.kind = item.kind.clone();
    if kind == Kind::Chapter && input.parent_id.is_empty() {
        input.parent_id = item.parent_id.map(|p| p.to_string()).unwrap_or_default();
    }
    let mut errors = FieldErrors::default();
    if kind == Kind::CaseStudy && form.text("_action") == "fill-figures" {
        let edit = EditContext {
            item: Some(&item),
            lang,
            versions,
            preview: false,
        };
        return fill_figures(&state, &ctx, input, errors, edit).await;
    }
    let choices = choices(&state).await?;
    let valid = validate(i, kind, &input, Some(&item), &choices, &mut errors);
    let audio = match audio_part(&state, i, &form) {
        Ok(a) => a.filter(|_| kind == Kind::Episode),
        Err(message) => {
            errors.add_text("audio", message);
            None
        }
    };
    let preview = form.text("_action") == "preview";
    let scope = item.parent_id.unwrap_or(0);
    let valid = match valid {
        Some(v) if errors.is_empty() => {
            if !store::content::slug_free(&state.db, kind.code(), scope, lang, &v.slug, Some(id))
                .await?
            {
                errors.add("slug", i, "content-error-slug-taken");
                None
            } else {
                Some(v)
            }
        }
        _ => None,
    };
    let edit = EditContext {
        item: Some(&item),
        lang,
        versions: versions.clone(),
        preview,
    };
    let (Some(v), false) = (valid, preview) else {
        return render_editor(&state, &ctx, kind, input, errors, edit).await;
    };
    let search = search_text(&v.title, &v.summary, &v.body);
    let saved = store::content::save_version(
        &state.db,
        &item,
        &VersionInput {
            lang,
            slug: &v.slug,
            title: &v.title,
            summary: &v.summary,
            body: &v.body,
            figures: &v.figures,
            search_text: &search,
        },
        Some(user),
    )
    .await;
    match saved {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", i, "content-error-slug-taken");
            return render_editor(&state, &ctx, kind, input, errors, edit).await;
        }
        Err(e) => return Err(e.into()),
    }
    store::content::update_item(&state.db, id, &v.fields).await?;
    if let Some((file, audio_type)) = audio {
        let key = crate::upload::store_file(&state, &file.data).await?;
        store::content::set_audio(&state.db, id, &key, audio_type, file.data.len() as i64).await?;
    }
    let detail = audit_detail(kind.code(), id, &v.slug);
    match (item.status == "draft", v.fields.status == "draft") {
        (true, false) => audit(&state, user, AuditAction::ContentPublished, id, &detail).await?,
        (false, true) => audit(&state, user, AuditAction::ContentUnpublished, id, &detail).await?,
        _ => {}
    }
    Ok(redirect_with_flash(
        &format!("/admin/content/{id}?lang={lang}"),
        "flash-content-saved",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct EmptyForm {}

async fn change_status(state: &AppState, ctx: &Ctx, id: i64, publish: bool) -> WebResult<Response> {
    let user = authorize(ctx)?;
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let slug = store::content::slug_in(&state.db, id, "fr")
        .await?
        .unwrap_or_default();
    let detail = audit_detail(&item.kind, id, &slug);
    let now = store::now();
    if publish {
        let at = item
            .publish_at
            .filter(|t| *t <= now && item.status != "draft")
            .unwrap_or(now);
        store::content::set_status(&state.db, id, "published", Some(at)).await?;
        audit(state, user, AuditAction::ContentPublished, id, &detail).await?;
    } else {
        store::content::set_status(&state.db, id, "draft", item.publish_at).await?;
        audit(state, user, AuditAction::ContentUnpublished, id, &detail).await?;
    }
    Ok(redirect_with_flash(
        &format!("/admin/content/{id}"),
        if publish {
            "flash-content-published"
        } else {
            "flash-content-unpublished"
        },
        state,
    ))
}

pub async fn publish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(_): Form<EmptyForm>,
) -> WebResult<Response> {
    change_status(&state, &ctx, id, true).await
}

pub async fn unpublish(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(_): Form<EmptyForm>,
) -> WebResult<Response> {
    change_status(&state, &ctx, id, false).await
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(_): Form<EmptyForm>,
) -> WebResult<Response> {
    let user = authorize(&ctx)?;
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let slug = store::content::slug_in(&state.db, id, "fr")
        .await?
        .unwrap_or_default();
    store::content::delete(&state.db, id).await?;
    audit(
        &state,
        user,
        AuditAction::ContentDeleted,
        id,
        &audit_detail(&item.kind, id, &slug),
    )
    .await?;
    Ok(redirect_with_flash(
        "/admin/content",
        "flash-content-deleted",
        &state,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    tag: String,
    #[serde(default)]
    q: String,
}

pub struct Row {
    pub title: String,
    pub href: String,
    pub kind: String,
    pub status: String,
    pub status_code: String,
    pub when: String,
    pub langs: String,
    pub updated: String,
    pub tags: String,
    pub public_href: Option<String>,
}

#[derive(Template)]
#[template(path = "content/admin.html")]
struct AdminView {
    layout: Layout,
    rows: Vec<Row>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    langs: Vec<Choice>,
    tag: String,
    q: String,
    new_links: Vec<(String, String)>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let i = ctx.i;
    let filter = store::content::Filter {
        kind: Kind::parse(&q.kind)
            .map(|k| k.code().to_string())
            .unwrap_or_default(),
        status: Status::parse(&q.status)
            .map(|s| s.code().to_string())
            .unwrap_or_default(),
        lang: if matches!(q.lang.as_str(), "fr" | "en") {
            q.lang.clone()
        } else {
            String::new()
        },
        tag: q.tag.chars().take(content::MAX_TAG).collect(),
        q: q.q.chars().take(100).collect(),
    };
    let rows = store::content::admin_list(&state.db, &filter, 300).await?;
    let now = store::now();
    let mut out = Vec::new();
    for r in rows {
        let kind = Kind::parse(&r.kind).unwrap_or(Kind::Page);
        let status = Status::parse(&r.status).unwrap_or(Status::Draft);
        let public = content::is_public(status, r.publish_at, now);
        let guide_slug = match r.parent_id {
            Some(p) => store::content::slug_in(&state.db, p, "fr").await?,
            None => None,
        };
        out.push(Row {
            href: format!("/admin/content/{}", r.id),
            kind: i.t(kind.label_key()),
            status: status_label(i, &r.status),
            status_code: r.status.clone(),
            when: match (status, r.publish_at) {
                (Status::Draft, _) | (_, None) => String::new(),
                (_, Some(at)) => i.datetime(at),
            },
            langs: if r.has_en > 0 {
                "FR · EN".into()
            } else {
                "FR".into()
            },
            updated: i.datetime(r.updated_at),
            tags: content::tags_of(&r.tags).join(", "),
            public_href: public.then(|| kind.path(&r.slug, guide_slug.as_deref())),
            title: r.title,
        });
    }
    let opt = |value: &str, label: String, current: &str| Choice {
        selected: value == current,
        value: value.to_string(),
        label,
    };
    let mut kinds = vec![opt("", i.t("content-filter-any"), &filter.kind)];
    kinds.extend(
        Kind::ALL
            .into_iter()
            .map(|k| opt(k.code(), i.t(k.label_key()), &filter.kind)),
    );
    let mut statuses = vec![opt("", i.t("content-filter-any"), &filter.status)];
    statuses.extend(
        Status::ALL
            .into_iter()
            .map(|s| opt(s.code(), i.t(s.label_key()), &filter.status)),
    );
    let langs = vec![
        opt("", i.t("content-filter-any"), &filter.lang),
        opt("en", i.t("content-filter-with-en"), &filter.lang),
        opt("fr", i.t("content-filter-fr-only"), &filter.lang),
    ];
    let view = AdminView {
        layout: Layout::new(&state, &ctx, i.t("content-admin-title")),
        rows: out,
        kinds,
        statuses,
        langs,
        tag: filter.tag,
        q: filter.q,
        new_links: Kind::ALL
            .into_iter()
            .map(|k| {
                (
                    format!("/admin/content/new?kind={}", k.code()),
                    i.t(k.label_key()),
                )
            })
            .collect(),
    };
    Ok(Html(view.render()?).into_response())
}

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

#[derive(Debug, Default, Deserialize)]
pub struct PreviewForm {
    #[serde(default)]
    body: String,
}

/// `POST /admin/content/preview`: the rendered body as an HTML fragment, for the live preview
/// `app.js` adds beside the textarea (the same sanitised rendering as the pages).
pub async fn preview_fragment(ctx: Ctx, Form(form): Form<PreviewForm>) -> WebResult<Response> {
    authorize(&ctx)?;
    if form.body.chars().count() > content::MAX_BODY {
        return Err(WebError::BadRequest("content-error-body-too-long"));
    }
    let html = domain::markdown::render(&form.body).html;
    Ok(Html(html).into_response())
}
