//! Projects: the participant's own, the coach's followed ones, a centre's for its staff.
use crate::ctx::Ctx;
use crate::dashboard::{ProjectCard, stage_key};
use crate::error::{WebError, WebResult};
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};

#[derive(Template)]
#[template(path = "projects/list.html")]
struct ListView {
    layout: Layout,
    mine: Vec<ProjectCard>,
    centres: Vec<(String, Vec<ProjectCard>)>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let db = &state.db;
    let card = |p: store::projects::ProjectForUser, centre: String| ProjectCard {
        centre,
        stage: i.t(stage_key(&p.stage)),
        id: p.id,
        name: p.name,
        summary: p.summary,
    };
    let all = store::centres::list(db).await?;
    let name_of = |id: i64| {
        all.iter()
            .find(|c| c.id == id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    };
    let mine = store::projects::for_user(db, user.id)
        .await?
        .into_iter()
        .map(|p| {
            let c = name_of(p.centre_id);
            card(p, c)
        })
        .collect();
    let mut centres = Vec::new();
    for centre in &all {
        if ctx
            .actor
            .can(Action::ListProjects, Scope::Centre(centre.id))
        {
            let projects = store::projects::for_centre(db, centre.id, user.id).await?;
            centres.push((
                centre.name.clone(),
                projects
                    .into_iter()
                    .map(|p| card(p, centre.name.clone()))
                    .collect(),
            ));
        }
    }
    let view = ListView {
        layout: Layout::new(&state, &ctx, i.t("projects-title")),
        mine,
        centres,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Template)]
#[template(path = "projects/show.html")]
struct ShowView {
    layout: Layout,
    name: String,
    summary: String,
    stage: String,
    centre: String,
    created: String,
    members: Vec<String>,
    followers: Vec<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let project = store::projects::find_for_user(&state.db, id, user.id)
        .await?
        .ok_or(WebError::NotFound)?;
    let relation = project.relation.as_deref();
    let scope = Scope::Project {
        centre: project.centre_id,
        member: relation == Some("member"),
        follower: relation == Some("follower"),
    };
    // A project of another centre is not found, rather than forbidden: its existence is not ours to tell.
    if !ctx.actor.can(Action::ViewProject, scope) {
        return Err(WebError::NotFound);
    }
    let people = store::projects::people(&state.db, id).await?;
    let centre = store::centres::find(&state.db, project.centre_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let view = ShowView {
        layout: Layout::new(&state, &ctx, project.name.clone()),
        stage: i.t(stage_key(&project.stage)),
        created: i.date(project.created_at),
        members: people
            .iter()
            .filter(|p| p.2 == "member")
            .map(|p| p.1.clone())
            .collect(),
        followers: people
            .iter()
            .filter(|p| p.2 == "follower")
            .map(|p| p.1.clone())
            .collect(),
        name: project.name,
        summary: project.summary,
        centre,
    };
    Ok(Html(view.render()?).into_response())
}
