//! Projects: the participant's own, the coach's followed ones, a centre's for its staff; created
//! from the web (`create`), shown on one page in sections (`show`, over the briefly cached
//! `page_data`), given another canvas (`canvases`) and run from their settings (`settings`).
pub mod canvases;
mod create;
mod page_data;
mod settings;
mod show;

pub use page_data::{PageCache, TTL as PAGE_TTL};
pub use show::{Forms, render_with_forms};

use crate::ctx::Ctx;
use crate::dashboard::ProjectCard;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use domain::project::Relation;
use domain::{Action, Scope};

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route("/projects", get(list))
        .route(
            "/projects/new",
            get(create::page).post(create::create).layer(upload_limit),
        )
        .route("/projects/{id}", get(show::show))
        .route("/projects/{id}/canvases/new", get(canvases::page))
        .route(
            "/projects/{id}/settings",
            get(settings::page).post(settings::save),
        )
        .route("/projects/{id}/archive", post(settings::archive))
        .route("/projects/{id}/restore", post(settings::restore))
        .route("/projects/{id}/people", post(settings::add_person))
        .route(
            "/projects/{id}/people/{user}/remove",
            post(settings::remove_person),
        )
        .route("/projects/{id}/invitations", post(settings::invite))
}

#[derive(Template)]
#[template(path = "projects/list.html")]
struct ListView {
    layout: Layout,
    mine: Vec<ProjectCard>,
    archived: Vec<ProjectCard>,
    centres: Vec<(String, Vec<ProjectCard>)>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let db = &state.db;
    let card = |p: store::projects::ProjectForUser, centre: String| ProjectCard {
        colour: p.colour.code(),
        centre,
        stage: i.t(p.stage.label_key()),
        id: p.id,
        name: p.name,
        summary: p.summary,
    };
    // The centres and the person's projects from their short-lived caches; each centre's
    // projects kept a few seconds per centre and person (`AppState::reads`).
    let all = state.centres().await?;
    let name_of = |id: i64| {
        all.iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let mut archived = Vec::new();
    let mut mine = Vec::new();
    for p in state.projects_of(user.id).await?.iter().cloned() {
        let c = name_of(p.centre_id);
        if p.archived_at.is_some() {
            archived.push(card(p, c));
        } else {
            mine.push(card(p, c));
        }
    }
    let mut centres = Vec::new();
    for centre in all.iter() {
        if ctx
            .actor
            .can(Action::ListProjects, Scope::Centre(centre.id))
        {
            let mut open = Vec::new();
            let list = state
                .reads
                .get_or_read(
                    format!("centre-projects:{}:{}", centre.id, user.id),
                    store::projects::for_centre(db, centre.id, user.id),
                )
                .await?;
            for p in list.iter().cloned() {
                if p.archived_at.is_none() {
                    open.push(card(p, centre.name.clone()));
                } else if p.relation == Relation::Unrelated {
                    archived.push(card(p, centre.name.clone()));
                }
            }
            centres.push((centre.name.clone(), open));
        }
    }
    let view = ListView {
        layout: Layout::new(&state, &ctx, i.t("projects-title")),
        mine,
        archived,
        centres,
    };
    Ok(Html(view.render()?).into_response())
}
