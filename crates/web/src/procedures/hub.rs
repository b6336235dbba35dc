//! The operations of a centre at a glance (`/centres/{slug}/procedures`): its checklists with
//! where each stands today, its procedures, and the way to the incident log; and
//! `/operations`, the centres whose operations the person follows.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::procedures::Recurrence;
use domain::{Action, Role, Scope};

pub struct ChecklistCard {
    pub href: String,
    pub name: String,
    pub meta: String,
    pub status: String,
    pub badge: &'static str,
}

pub struct ProcedureLink {
    pub href: String,
    pub title: String,
    pub meta: String,
}

#[derive(Template)]
#[template(path = "procedures/hub.html")]
struct HubView {
    layout: Layout,
    slug: String,
    tabs: Vec<(String, &'static str, bool)>,
    manage: bool,
    checklists: Vec<ChecklistCard>,
    procedures: Vec<ProcedureLink>,
    open_incidents: String,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    crate::extract::Path(slug): crate::extract::Path<String>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ViewOperations).await?;
    let i = ctx.i;
    let today = crate::tracking::today();
    let checklists = store::procedures::checklists(&state.db, centre.id).await?;
    let procedures = store::procedures::procedures(&state.db, centre.id).await?;
    let incidents = store::procedures::incidents(&state.db, centre.id).await?;
    let open = incidents.iter().filter(|n| n.closed_at.is_none()).count() as i64;
    let checklists = checklists
        .iter()
        .map(|c| {
            let s = super::status(c, today);
            let recurrence = Recurrence::parse(&c.recurrence).unwrap_or(Recurrence::Daily);
            let role = Role::parse(&c.role)
                .map(|r| i.t(r.label_key()))
                .unwrap_or_default();
            ChecklistCard {
                href: format!("/centres/{}/checklists/{}", centre.slug, c.id),
                name: c.name.clone(),
                meta: format!(
                    "{} · {} · {}",
                    i.t(recurrence.label_key()),
                    role,
                    i.tn("ops-items-count", c.items)
                ),
                status: i.t(s.label_key()),
                badge: s.badge(),
            }
        })
        .collect();
    let procedures = procedures
        .into_iter()
        .map(|p| ProcedureLink {
            href: format!("/centres/{}/procedures/{}", centre.slug, p.id),
            meta: i.ta("ops-procedure-updated", &[("date", &i.date(p.updated_at))]),
            title: p.title,
        })
        .collect();
    let view = HubView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("ops-hub-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        tabs: super::tabs(&centre.slug, "procedures"),
        manage: ctx
            .actor
            .can(Action::ManageOperations, Scope::Centre(centre.id)),
        slug: centre.slug,
        checklists,
        procedures,
        open_incidents: i.tn("ops-incidents-open", open),
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Template)]
#[template(path = "procedures/centres.html")]
struct CentresView {
    layout: Layout,
    centres: Vec<(String, String)>,
}

/// `/operations`: straight to the centre's operations when the person follows one, else the
/// list of those they follow.
pub async fn centres(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.require_user()?;
    let all = state.centres().await?;
    let centres: Vec<(String, String)> = all
        .iter()
        .filter(|c| ctx.actor.can(Action::ViewOperations, Scope::Centre(c.id)))
        .map(|c| (format!("/centres/{}/procedures", c.slug), c.name.clone()))
        .collect();
    if let [(href, _)] = centres.as_slice() {
        return Ok(Redirect::to(href).into_response());
    }
    let view = CentresView {
        layout: Layout::new(&state, &ctx, ctx.i.t("ops-centres-title")),
        centres,
    };
    Ok(Html(view.render()?).into_response())
}
