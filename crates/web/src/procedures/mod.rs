//! Running a centre day to day (issue 20): its procedures (Markdown with a preview, linking
//! chapters of the operations manual), its recurring checklists ticked on a phone with their
//! history (`checklists`), and its incident log (`incidents`). Coaches and managers read them
//! and tick; managers write them (`domain::policy`: `ViewOperations`, `TickChecklist`,
//! `ManageOperations`). Overdue checklists are raised on the dashboards of their role.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::procedures::{Recurrence, Status};
use domain::{Action, Scope};
use store::centres::CentreSummary;

mod checklists;
pub mod demo;
mod hub;
mod incidents;
mod pages;

/// The key prefix of the operations manual's chapters in the deployment kit: a procedure links
/// chapters of its centre's kit.
pub const MANUAL: &str = "manual/";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/operations", get(hub::centres))
        .route("/centres/{slug}/procedures", get(hub::page))
        .route(
            "/centres/{slug}/procedures/new",
            get(pages::new_page).post(pages::create),
        )
        .route("/centres/{slug}/procedures/preview", post(pages::preview))
        .route("/centres/{slug}/procedures/{id}", get(pages::show))
        .route(
            "/centres/{slug}/procedures/{id}/edit",
            get(pages::edit_page).post(pages::update),
        )
        .route(
            "/centres/{slug}/checklists/new",
            get(checklists::new_page).post(checklists::create),
        )
        .route("/centres/{slug}/checklists/{id}", get(checklists::run))
        .route(
            "/centres/{slug}/checklists/{id}/edit",
            get(checklists::edit_page).post(checklists::update),
        )
        .route(
            "/centres/{slug}/checklists/{id}/items/{item}",
            post(checklists::tick),
        )
        .route(
            "/centres/{slug}/incidents",
            get(incidents::page).post(incidents::report),
        )
        .route(
            "/centres/{slug}/incidents/{id}/close",
            post(incidents::close),
        )
}

/// The centre of the address, if the person may do `action` there (else 404 for a centre they
/// cannot see at all, 403 otherwise).
pub(crate) async fn centre_for(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    action: Action,
) -> WebResult<CentreSummary> {
    ctx.require_user()?;
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    if !ctx
        .actor
        .can(Action::ViewOperations, Scope::Centre(centre.id))
        && !ctx.actor.can(action, Scope::Centre(centre.id))
    {
        return Err(WebError::NotFound);
    }
    ctx.authorize(action, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// Where a checklist stands today.
pub fn status(c: &store::procedures::Checklist, today: time::Date) -> Status {
    let recurrence = Recurrence::parse(&c.recurrence).unwrap_or(Recurrence::Daily);
    let created = domain::tracking::parse_date(&c.created_on).unwrap_or(today);
    let last = c
        .last_done
        .as_deref()
        .and_then(|d| domain::tracking::parse_date(d).ok());
    domain::procedures::status(recurrence, created, last, today)
}

/// The roles a checklist can be assigned to: (code, label key).
pub fn roles() -> [(&'static str, &'static str); 2] {
    [
        (
            domain::Role::CentreManager.code(),
            domain::Role::CentreManager.label_key(),
        ),
        (domain::Role::Coach.code(), domain::Role::Coach.label_key()),
    ]
}

/// The tabs of a centre's operations pages: (href, label key, current).
pub fn tabs(slug: &str, current: &str) -> Vec<(String, &'static str, bool)> {
    [
        ("procedures", "ops-tab-procedures"),
        ("incidents", "ops-tab-incidents"),
        ("equipe", "ops-tab-team"),
        ("benevoles", "ops-tab-volunteers"),
        ("ouverture", "ops-tab-opening"),
        ("kit", "ops-tab-kit"),
    ]
    .into_iter()
    .map(|(path, key)| (format!("/centres/{slug}/{path}"), key, path == current))
    .collect()
}
