//! The CRM of each centre (`/contacts`, `/organisations`, `/prospection`, `/segments`): people
//! and organisations, interactions and follow-ups, the prospecting board, CSV import and
//! export, segments. A centre's managers work their centre's (`Action::ManageContacts`), the
//! network team every centre's; a row of another centre is a 404.
use crate::ctx::Ctx;
use crate::dashboard::todo::TodoItem;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use crate::scope::Reach;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::Action;
use store::dashboard::TodoRow;

pub mod demo;
pub mod digest;
mod import;
mod interactions;
mod organisations;
mod people;
mod pipeline;
mod segments;

/// People or organisations shown a page at a time.
pub const PAGE: i64 = 50;

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route("/contacts", get(people::list))
        .route("/contacts/new", get(people::new_page).post(people::create))
        .route("/contacts/{id}", get(people::show))
        .route(
            "/contacts/{id}/edit",
            get(people::edit_page).post(people::update),
        )
        .route("/contacts/{id}/interactions", post(interactions::on_person))
        .route(
            "/contacts/import",
            get(import::page).post(import::upload).layer(upload_limit),
        )
        .route("/contacts.csv", get(import::export))
        .route("/organisations", get(organisations::list))
        .route(
            "/organisations/new",
            get(organisations::new_page).post(organisations::create),
        )
        .route("/organisations/{id}", get(organisations::show))
        .route(
            "/organisations/{id}/edit",
            get(organisations::edit_page).post(organisations::update),
        )
        .route(
            "/organisations/{id}/interactions",
            post(interactions::on_organisation),
        )
        .route("/interactions/{id}/done", post(interactions::done))
        .route("/prospection", get(pipeline::board))
        .route("/prospection/deals", post(pipeline::create))
        .route("/prospection/deals/{id}/move", post(pipeline::move_deal))
        .route("/prospection/stages", post(pipeline::add_stage))
        .route("/prospection/stages/{id}", post(pipeline::rename_stage))
        .route("/segments", get(segments::list).post(segments::create))
        .route("/segments/count", get(segments::count))
}

pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub fn opts(current: &str, list: Vec<(String, String)>) -> Vec<Opt> {
    list.into_iter()
        .map(|(value, label)| Opt {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

pub async fn reach(state: &AppState, ctx: &Ctx) -> WebResult<Reach> {
    crate::scope::reach(state, ctx, Action::ManageContacts).await
}

/// The centre a list shows (0: every centre, for the network team).
pub fn list_centre(reach: &Reach, asked: i64) -> i64 {
    reach.chosen(asked).unwrap_or(0)
}

/// The centre something is written in: the one asked for when within reach, else the first.
pub fn write_centre(reach: &Reach, asked: i64) -> WebResult<i64> {
    if reach.centres.iter().any(|(id, _)| *id == asked) {
        return Ok(asked);
    }
    reach
        .centres
        .first()
        .map(|(id, _)| *id)
        .ok_or(WebError::Forbidden)
}

/// The choice of centre (shown when there is one): « every centre » first for the network team
/// when `with_all`.
pub fn centre_opts(i: I18n, reach: &Reach, chosen: i64, with_all: bool) -> Vec<Opt> {
    let mut list = Vec::new();
    if reach.all && with_all {
        list.push(("0".to_string(), i.t("site-filter-all-centres")));
    }
    list.extend(
        reach
            .centres
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    if list.len() > 1 {
        opts(&chosen.to_string(), list)
    } else {
        Vec::new()
    }
}

/// A person the viewer may work, else not found.
pub async fn person(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<store::contacts::Person> {
    let p = store::contacts::find_person(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(ctx, Action::ManageContacts, Some(p.centre_id))?;
    Ok(p)
}

/// An organisation the viewer may work, else not found.
pub async fn organisation(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> WebResult<store::contacts::Organisation> {
    let o = store::contacts::find_org(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(ctx, Action::ManageContacts, Some(o.centre_id))?;
    Ok(o)
}

/// `2026-11-24` from a form: empty is none; anything else not a date is refused.
pub fn day_field(text: &str) -> Result<Option<String>, domain::crm::CrmError> {
    domain::tracking::parse_optional_date(text)
        .map(|d| d.map(domain::tracking::iso))
        .map_err(|_| domain::crm::CrmError::Date)
}

/// Today in Paris as `YYYY-MM-DD`.
pub fn today() -> String {
    domain::tracking::iso(crate::tracking::today())
}

/// The follow-ups due today or before, on a manager's « À faire ».
pub fn follow_ups(i: I18n, rows: &[TodoRow]) -> Vec<TodoItem> {
    let today = today();
    rows.iter()
        .filter(|r| r.kind == "follow_up")
        .map(|r| {
            let href = if r.ref_id >= 0 {
                format!("/contacts/{}", r.ref_id)
            } else {
                format!("/organisations/{}", -r.ref_id)
            };
            let kind = domain::crm::InteractionKind::parse(&r.project)
                .map(|k| i.t(k.label_key()))
                .unwrap_or_default();
            let item = TodoItem::new(
                href,
                r.label.clone(),
                format!("{kind} · {}", crate::tracking::day(i, &r.extra)),
            );
            if r.extra < today {
                item.badge("badge-danger", i.t("crm-follow-up-late"))
            } else {
                item.badge("badge-accent", i.t("crm-follow-up-today"))
            }
        })
        .collect()
}
