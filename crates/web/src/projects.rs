//! Projects: the participant's own, the coach's followed ones, a centre's for its staff.
use crate::ctx::Ctx;
use crate::dashboard::{ProjectCard, stage_key};
use crate::error::WebResult;
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

pub struct CanvasLink {
    pub id: i64,
    pub title: String,
    pub updated: String,
}

#[derive(Template)]
#[template(path = "projects/show.html")]
struct ShowView {
    layout: Layout,
    id: i64,
    name: String,
    summary: String,
    stage: String,
    centre: String,
    created: String,
    members: Vec<String>,
    followers: Vec<String>,
    canvases: Vec<CanvasLink>,
    can_edit: bool,
    examples: Vec<(String, String)>,
    import_error: Option<String>,
    import_detail: String,
    import_text: String,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render_show(&state, &ctx, id, None).await
}

/// The project page; `import_problem` is (message, technical detail, what was pasted).
pub async fn render_show(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    import_problem: Option<(String, String, String)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let (project, scope) = crate::canvas::project_scope(state, ctx, id).await?;
    let people = store::projects::people(&state.db, id).await?;
    let centre = store::centres::find(&state.db, project.centre_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let canvases = store::canvas::for_project(&state.db, id)
        .await?
        .into_iter()
        .map(|c| CanvasLink {
            id: c.id,
            title: c.title,
            updated: i.datetime(c.updated_at),
        })
        .collect();
    let status = if import_problem.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let (import_error, import_detail, import_text) = match import_problem {
        Some((m, d, t)) => (Some(m), d, t),
        None => (None, String::new(), String::new()),
    };
    let view = ShowView {
        layout: Layout::new(state, ctx, project.name.clone()),
        id,
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
        canvases,
        can_edit: ctx.actor.can(Action::EditProject, scope),
        examples: domain::canvas::examples()
            .iter()
            .map(|e| (e.key.clone(), e.name(i.locale).name.clone()))
            .collect(),
        import_error,
        import_detail,
        import_text,
    };
    Ok((status, Html(view.render()?)).into_response())
}
