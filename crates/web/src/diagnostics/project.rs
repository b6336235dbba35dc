//! A project's diagnostics: every attempt with its date, score and level, the evolution of the
//! overall score, and (for those who may change the project) starting, resuming or retaking.
use super::definition;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::diagnostic::shipped;

pub struct AttemptRow {
    pub id: i64,
    pub date: String,
    pub score: String,
    pub level: String,
    pub change: String,
}

pub struct DiagnosticBlock {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub attempts: Vec<AttemptRow>,
    pub open: Option<(i64, String)>,
}

#[derive(Template)]
#[template(path = "diagnostics/project.html")]
struct ProjectView {
    layout: Layout,
    project_id: i64,
    project_name: String,
    can_edit: bool,
    blocks: Vec<DiagnosticBlock>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (project, scope) = crate::project_access::project_scope(&state, &ctx, id).await?;
    let can_edit = ctx.actor.can(Action::AnswerDiagnostic, scope);
    let i = ctx.i;
    let l = i.locale;
    // The project's attempts, kept a few seconds.
    let attempts = crate::cache::kept(
        &state,
        &ctx,
        format!("project-attempts:{id}"),
        store::diagnostics::for_project(&state.db, id),
    )
    .await?;
    let mut blocks = Vec::new();
    for d in shipped() {
        let current = super::current(&state, &d.id).await?;
        let mut done: Vec<_> = attempts
            .iter()
            .filter(|a| a.diagnostic == d.id && a.submitted())
            .collect();
        done.sort_by_key(|a| (a.submitted_at, a.id));
        let mut rows = Vec::new();
        let mut before: Option<i64> = None;
        for a in done {
            let def = definition(&state, &a.diagnostic, a.version).await?;
            let overall = a.overall.unwrap_or(0);
            rows.push(AttemptRow {
                id: a.id,
                date: i.date(a.submitted_at.unwrap_or(a.updated_at)),
                score: i.number(overall),
                level: a
                    .level
                    .as_deref()
                    .and_then(|k| def.level(k))
                    .map_or(String::new(), |lv| lv.name.get(l).to_string()),
                change: before.map_or(String::new(), |b| match overall - b {
                    d if d > 0 => format!("+{}", i.number(d)),
                    d if d < 0 => format!("−{}", i.number(-d)),
                    _ => "=".into(),
                }),
            });
            before = Some(overall);
        }
        rows.reverse();
        let open = attempts
            .iter()
            .find(|a| a.diagnostic == d.id && !a.submitted())
            .map(|a| (a.id, i.date(a.updated_at)));
        blocks.push(DiagnosticBlock {
            id: d.id.clone(),
            title: current.title.get(l).to_string(),
            intro: current.intro.get(l).to_string(),
            attempts: rows,
            open,
        });
    }
    let view = ProjectView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("diagnostics-project-title", &[("project", &project.name)]),
        ),
        project_id: project.id,
        project_name: project.name,
        can_edit,
        blocks,
    };
    Ok(Html(view.render()?).into_response())
}
