//! Creating a project from the web: its card (name, summary, town, centre) and how it starts (a
//! blank canvas, a worked example, the roadmap template or a roadmap file), in one unit of work.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Query;
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::state::AppState;
use crate::upload::Multipart;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::project::{Stage, Start, check_card};
use domain::roadmap::{self, Roadmap};
use domain::{Action, Role, Scope, canvas, tracking};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

/// What the form holds, sent back with its errors.
#[derive(Debug, Default)]
pub struct NewForm {
    pub name: String,
    pub summary: String,
    pub town: String,
    pub centre: String,
    pub start: String,
    pub example: String,
    pub start_date: String,
    /// The creation key: a double click sends the same one twice and makes one project.
    pub key: String,
}

pub struct Choice {
    pub code: &'static str,
    pub title: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "projects/new.html")]
struct NewView {
    layout: Layout,
    form: NewForm,
    errors: FieldErrors,
    /// Centres the person may create in (slug, name); empty: the studio, chosen for them.
    centres: Vec<(String, String)>,
    choices: Vec<Choice>,
    examples: Vec<(String, String, String)>,
    first: bool,
}

impl NewView {
    fn start_is(&self, code: &&str) -> bool {
        self.form.start == *code
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NewQuery {
    /// A preselected start (`blank`, `example`, `template`, `file`) from the dashboard's cards.
    pub depart: String,
    pub exemple: String,
}

/// The centres where the person may create a project, as (id, slug, name).
async fn centres_for(state: &AppState, ctx: &Ctx) -> WebResult<Vec<(i64, String, String)>> {
    Ok(state
        .centres()
        .await?
        .iter()
        .filter(|c| ctx.actor.roles_in(c.id).next().is_some())
        .filter(|c| ctx.actor.can(Action::CreateProject, Scope::Centre(c.id)))
        .map(|c| (c.id, c.slug.clone(), c.name.clone()))
        .collect())
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    mut form: NewForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let user = ctx.require_user()?;
    let centres = centres_for(state, ctx).await?;
    if form.key.is_empty() {
        form.key = crate::security::new_token();
    }
    if form.start.is_empty() {
        form.start = "example".into();
    }
    let first = state.projects_of(user.id).await?.is_empty();
    let choice = |code: &'static str| Choice {
        code,
        title: i.t(&format!("project-start-{code}")),
        text: i.t(&format!("project-start-{code}-text")),
    };
    let view = NewView {
        layout: Layout::new(state, ctx, i.t("project-new-title")),
        centres: centres.into_iter().map(|(_, s, n)| (s, n)).collect(),
        choices: Start::CODES.into_iter().map(choice).collect(),
        examples: canvas::examples()
            .iter()
            .map(|e| {
                let n = e.name(i.locale);
                (e.key.clone(), n.name.clone(), n.summary.clone())
            })
            .collect(),
        form,
        first,
        errors,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `GET /projects/new`.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> WebResult<Response> {
    let form = NewForm {
        start: if Start::CODES.contains(&q.depart.as_str()) {
            q.depart
        } else {
            String::new()
        },
        example: q.exemple,
        start_date: tracking::iso(crate::tracking::today()),
        ..NewForm::default()
    };
    render(&state, &ctx, form, FieldErrors::default()).await
}

/// How the project starts, once checked: its first canvas or its first roadmap.
enum FirstWork {
    Canvas(Vec<canvas::ItemDraft>),
    Roadmap(Roadmap, String),
}

/// `POST /projects/new` (multipart: a roadmap file may come with it).
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let form = NewForm {
        name: multipart.text("name"),
        summary: multipart.text("summary"),
        town: multipart.text("town"),
        centre: multipart.text("centre"),
        start: multipart.text("start"),
        example: multipart.text("example"),
        start_date: multipart.text("start_date"),
        key: multipart.text("key"),
    };
    let mut errors = FieldErrors::default();
    let card = match check_card(&form.name, &form.summary, &form.town) {
        Ok(card) => Some(card),
        Err(problems) => {
            for (field, e) in problems {
                errors.add(field, i, e.message_key());
            }
            None
        }
    };
    // The centre: one of the person's, or the studio for someone who has none yet.
    let centres = centres_for(&state, &ctx).await?;
    let studio = state.studio_id().await?;
    let centre = if centres.is_empty() && ctx.actor.memberships.is_empty() {
        ctx.authorize(Action::JoinStudio, Scope::Network)?;
        studio.map(|id| (id, true))
    } else {
        centres
            .iter()
            .find(|(_, slug, _)| *slug == form.centre.trim())
            .or(match centres.as_slice() {
                [only] if form.centre.trim().is_empty() => Some(only),
                _ => None,
            })
            .map(|(id, _, _)| (*id, false))
    };
    if centre.is_none() {
        errors.add("centre", i, "project-error-centre");
    }
    let start = errors.check("start", i, Start::parse(&form.start, &form.example));
    let first_work = match &start {
        Some(Start::Blank) => Some(FirstWork::Canvas(Vec::new())),
        Some(Start::Example(key)) => match canvas::examples().iter().find(|e| e.key == *key) {
            Some(example) => example.drafts().ok().map(FirstWork::Canvas),
            None => {
                errors.add("example", i, "canvas-error-example");
                None
            }
        },
        Some(Start::RoadmapTemplate | Start::RoadmapFile) => {
            let date = match form.start_date.trim() {
                "" => Some(crate::tracking::today()),
                text => tracking::parse_date(text).ok(),
            };
            let Some(date) = date else {
                errors.add("start_date", i, "roadmap-error-start-date");
                return render(&state, &ctx, form, errors).await;
            };
            let parsed = if start == Some(Start::RoadmapTemplate) {
                roadmap::parse(tracking::LAUNCH_TEMPLATE)
                    .map_err(|e| WebError::Internal(e.to_string()))
                    .map(Some)?
            } else {
                match multipart.file("file") {
                    None => {
                        errors.add("file", i, "roadmap-error-no-file");
                        None
                    }
                    Some(file) => match crate::roadmaps::import::File::Sent(&file.data).read() {
                        Ok(parsed) => Some(parsed),
                        Err(err) => {
                            errors.add_text("file", crate::roadmaps::error_message(&ctx, &err));
                            None
                        }
                    },
                }
            };
            parsed.map(|r| FirstWork::Roadmap(r, tracking::iso(date)))
        }
        None => None,
    };
    let key = form.key.trim();
    if key.is_empty() || key.len() > 64 {
        errors.add("name", i, "project-error-key");
    }
    let (Some(card), Some((centre_id, join_studio)), Some(first_work), true) =
        (card, centre, first_work, errors.is_empty())
    else {
        return render(&state, &ctx, form, errors).await;
    };
    // One unit of work: the project, its first person, its first canvas or roadmap, the audit.
    let mut tx = state.db.begin().await?;
    if join_studio {
        store::centres::grant(&mut tx, user.id, centre_id, Role::Participant).await?;
    }
    let created = store::projects::create(
        &mut tx,
        &store::projects::NewProject {
            centre_id,
            name: &card.name,
            summary: &card.summary,
            town: &card.town,
            stage: Stage::Idea.code(),
            created_by: Some(user.id),
            creation_key: Some(key),
        },
    )
    .await?;
    if !created.new {
        // The same form sent again (a double click): the project it made already.
        drop(tx);
        return Ok(Redirect::to(&format!("/projects/{}", created.id)).into_response());
    }
    store::projects::link(&mut tx, created.id, user.id, "member").await?;
    let next = match first_work {
        FirstWork::Canvas(drafts) => {
            let title = i.ta("canvas-default-title", &[("project", &card.name)]);
            let id = store::canvas::create_in(
                &mut tx,
                centre_id,
                created.id,
                &title,
                Some(user.id),
                &drafts,
            )
            .await?;
            format!("/canvases/{id}")
        }
        FirstWork::Roadmap(doc, start_date) => {
            let id = store::roadmaps::create(
                &mut tx,
                centre_id,
                Some(created.id),
                &doc,
                Some(&start_date),
                Some(user.id),
            )
            .await?;
            format!("/roadmaps/{id}")
        }
    };
    audit::record(
        &mut tx,
        AuditAction::ProjectCreated,
        Entry {
            actor_id: Some(user.id),
            centre_id: Some(centre_id),
            subject_id: Some(created.id),
            detail: start.as_ref().map_or("", Start::code),
        },
    )
    .await?;
    tx.commit().await?;
    state.accounts_changed();
    Ok(crate::respond::redirect_with_flash(
        &next,
        "flash-project-created",
        &state,
    ))
}
