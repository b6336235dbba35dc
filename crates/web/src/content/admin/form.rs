//! The editor's form: read from `multipart/form-data` (which may carry an episode's audio) or
//! a plain post, kept as typed, and checked into what the store takes.
use crate::error::{WebError, WebResult};
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::state::AppState;
use crate::streamed_upload::StreamedMultipart;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use domain::content::{self, ContentError, Kind, Status};
use store::content::{Item, ItemFields};

/// The editor's form, read from `multipart/form-data` (the page's form, which may carry an
/// audio file, read as a stream: a large one goes to a temporary file) or from a plain
/// urlencoded post.
pub struct EditorInput(pub StreamedMultipart);

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
            return Ok(EditorInput(
                StreamedMultipart::from_request(req, state).await?,
            ));
        }
        let crate::form::Form(pairs) =
            crate::form::Form::<Vec<(String, String)>>::from_request(req, state).await?;
        Ok(EditorInput(StreamedMultipart::from_fields(pairs)))
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
    pub(super) fn read(form: &StreamedMultipart) -> Self {
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

    pub(super) fn of(item: &Item, version: Option<&store::content::Version>) -> Self {
        let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        EditorForm {
            kind: item.kind.code().to_string(),
            title: version.map(|v| v.title.clone()).unwrap_or_default(),
            slug: version.map(|v| v.slug.clone()).unwrap_or_default(),
            summary: version.map(|v| v.summary.clone()).unwrap_or_default(),
            body: version.map(|v| v.body.clone()).unwrap_or_default(),
            figures: version.map(|v| v.figures.clone()).unwrap_or_default(),
            tags: content::tags_of(&item.tags).join(", "),
            status: item.status.code().to_string(),
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
pub(super) struct Valid {
    pub(super) fields: ItemFields,
    pub(super) parent_id: Option<i64>,
    pub(super) title: String,
    pub(super) slug: String,
    pub(super) summary: String,
    pub(super) body: String,
    pub(super) figures: String,
}

pub(super) struct Choices {
    pub(super) projects: Vec<(i64, String)>,
    pub(super) guides: Vec<(i64, String)>,
}

pub(super) async fn choices(state: &AppState) -> WebResult<Choices> {
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
                    .filter(|e| e.status != Status::Draft)
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
            .is_some_and(|s| crate::content::ROUTE_SEGMENTS.contains(&s))
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

/// The type of the uploaded audio of an episode form, checked (type and size); `Err` is the
/// error text.
fn audio_part(
    state: &AppState,
    i: I18n,
    form: &StreamedMultipart,
) -> Result<Option<&'static str>, String> {
    let Some(file) = form.file("audio") else {
        return Ok(None);
    };
    crate::streamed_upload::check(state, i, crate::filetype::Use::Audio, file).map(Some)
}

/// The editor's form checked: the valid fields (none when anything is refused, each error beside
/// its field), with the slug free among its kind's in `lang`, and the type of an episode's
/// audio file.
#[allow(clippy::too_many_arguments)]
pub(super) async fn check(
    state: &AppState,
    i: I18n,
    kind: Kind,
    input: &EditorForm,
    form: &StreamedMultipart,
    existing: Option<&Item>,
    lang: &str,
    errors: &mut FieldErrors,
) -> WebResult<(Option<Valid>, Option<&'static str>)> {
    let choices = choices(state).await?;
    let valid = validate(i, kind, input, existing, &choices, errors);
    let audio = match audio_part(state, i, form) {
        Ok(a) => a.filter(|_| kind == Kind::Episode),
        Err(message) => {
            errors.add_text("audio", message);
            None
        }
    };
    let valid = match valid {
        Some(v) if errors.is_empty() => {
            // A version keeps its item's guide; a new chapter takes the one chosen.
            let scope = existing.map_or(v.parent_id, |e| e.parent_id).unwrap_or(0);
            let free = store::content::slug_free(
                &state.db,
                kind.code(),
                scope,
                lang,
                &v.slug,
                existing.map(|e| e.id),
            )
            .await?;
            if free {
                Some(v)
            } else {
                errors.add("slug", i, "content-error-slug-taken");
                None
            }
        }
        _ => None,
    };
    Ok((valid, audio))
}
