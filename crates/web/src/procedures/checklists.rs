//! Recurring checklists: a manager writes one (its items, a recurrence, the role it is assigned
//! to, the procedure it follows); the centre's coaches and managers tick it on a phone, one big
//! button per item that works as a plain form, and everyone reads who ticked what and when.
//! Ticking a checklist of a centre where one may not is refused by the policy and audited.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::procedures::{Recurrence, check_text};
use domain::{Action, Role, Scope};
use serde::Deserialize;
use store::audit::AuditAction;
use store::centres::CentreSummary;
use store::procedures::{Checklist, ChecklistFields};
use time::Date;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ChecklistForm {
    pub name: String,
    pub recurrence: String,
    pub role: String,
    pub procedure: String,
    pub items: String,
}

#[derive(Template)]
#[template(path = "procedures/checklist_edit.html")]
struct EditView {
    layout: Layout,
    action: String,
    cancel: String,
    form: ChecklistForm,
    recurrences: Vec<(&'static str, String)>,
    roles: Vec<(&'static str, String)>,
    procedures: Vec<(String, String)>,
    errors: FieldErrors,
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    id: Option<i64>,
    form: ChecklistForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let procedures = store::procedures::procedures(&state.db, centre.id)
        .await?
        .into_iter()
        .map(|p| (p.id.to_string(), p.title))
        .collect();
    let (title, action, cancel) = match id {
        Some(id) => (
            i.t("ops-checklist-edit"),
            format!("/centres/{}/checklists/{id}/edit", centre.slug),
            format!("/centres/{}/checklists/{id}", centre.slug),
        ),
        None => (
            i.t("ops-checklist-new"),
            format!("/centres/{}/checklists/new", centre.slug),
            format!("/centres/{}/procedures", centre.slug),
        ),
    };
    let view = EditView {
        layout: Layout::new(state, ctx, title).under(
            format!("/centres/{}/procedures", centre.slug),
            i.ta("ops-hub-title", &[("centre", &centre.name)]),
        ),
        action,
        cancel,
        form,
        recurrences: Recurrence::ALL
            .into_iter()
            .map(|r| (r.code(), i.t(r.label_key())))
            .collect(),
        roles: super::roles()
            .into_iter()
            .map(|(code, key)| (code, i.t(key)))
            .collect(),
        procedures,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The form's fields once checked: (name, recurrence, role, procedure, items).
type Checked = (String, Recurrence, Role, Option<i64>, Vec<String>);

async fn check(
    state: &AppState,
    i: I18n,
    centre_id: i64,
    form: &ChecklistForm,
) -> WebResult<Result<Checked, FieldErrors>> {
    let mut errors = FieldErrors::default();
    let name = check_text(&form.name, 120, true)
        .map_err(|e| errors.add("name", i, e.message_key()))
        .ok();
    let recurrence = Recurrence::parse(&form.recurrence);
    if recurrence.is_none() {
        errors.add("recurrence", i, "error-choice-unknown");
    }
    let role = super::roles()
        .into_iter()
        .find(|(code, _)| *code == form.role.trim())
        .and_then(|(code, _)| Role::parse(code).ok());
    if role.is_none() {
        errors.add("role", i, "error-choice-unknown");
    }
    let procedure = match form.procedure.trim() {
        "" => Some(None),
        text => match text.parse::<i64>() {
            Ok(id) => store::procedures::procedure(&state.db, centre_id, id)
                .await?
                .map(|p| Some(p.id)),
            Err(_) => None,
        },
    };
    if procedure.is_none() {
        errors.add("procedure", i, "error-choice-unknown");
    }
    let items = domain::procedures::items(&form.items)
        .map_err(|e| errors.add("items", i, e.message_key()))
        .ok();
    Ok(match (name, recurrence, role, procedure, items) {
        (Some(n), Some(r), Some(ro), Some(p), Some(it)) => Ok((n, r, ro, p, it)),
        _ => Err(errors),
    })
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let form = ChecklistForm {
        recurrence: Recurrence::Daily.code().to_string(),
        role: Role::CentreManager.code().to_string(),
        ..ChecklistForm::default()
    };
    render_edit(&state, &ctx, &centre, None, form, FieldErrors::default()).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<ChecklistForm>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let (name, recurrence, role, procedure_id, items) =
        match check(&state, ctx.i, centre.id, &form).await? {
            Ok(v) => v,
            Err(errors) => return render_edit(&state, &ctx, &centre, None, form, errors).await,
        };
    let fields = ChecklistFields {
        name: &name,
        recurrence: recurrence.code(),
        role: role.code(),
        procedure_id,
    };
    let today = domain::tracking::iso(crate::tracking::today());
    let mut tx = state.db.begin().await?;
    let id =
        match store::procedures::create_checklist_in(&mut tx, centre.id, &fields, &today, &items)
            .await
        {
            Ok(id) => id,
            Err(store::StoreError::Duplicate) => {
                drop(tx);
                let mut errors = FieldErrors::default();
                errors.add("name", ctx.i, "ops-error-checklist-taken");
                return render_edit(&state, &ctx, &centre, None, form, errors).await;
            }
            Err(e) => return Err(e.into()),
        };
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/checklists/{id}", centre.slug),
        "flash-ops-checklist-saved",
        &state,
    ))
}

/// The checklist of the address, in the address's centre.
async fn checklist_in(state: &AppState, centre: &CentreSummary, id: i64) -> WebResult<Checklist> {
    store::procedures::checklist(&state.db, id)
        .await?
        .filter(|c| c.centre_id == centre.id)
        .ok_or(WebError::NotFound)
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    let c = checklist_in(&state, &centre, id).await?;
    let items = store::procedures::items(&state.db, id, "")
        .await?
        .into_iter()
        .map(|i| i.label)
        .collect::<Vec<_>>()
        .join("\n");
    let form = ChecklistForm {
        name: c.name,
        recurrence: c.recurrence,
        role: c.role,
        procedure: c.procedure_id.map(|p| p.to_string()).unwrap_or_default(),
        items,
    };
    render_edit(
        &state,
        &ctx,
        &centre,
        Some(id),
        form,
        FieldErrors::default(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<ChecklistForm>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ManageOperations).await?;
    checklist_in(&state, &centre, id).await?;
    let (name, recurrence, role, procedure_id, items) =
        match check(&state, ctx.i, centre.id, &form).await? {
            Ok(v) => v,
            Err(errors) => return render_edit(&state, &ctx, &centre, Some(id), form, errors).await,
        };
    let fields = ChecklistFields {
        name: &name,
        recurrence: recurrence.code(),
        role: role.code(),
        procedure_id,
    };
    let mut tx = state.db.begin().await?;
    match store::procedures::update_checklist_in(&mut tx, id, &fields, &items).await {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            drop(tx);
            let mut errors = FieldErrors::default();
            errors.add("name", ctx.i, "ops-error-checklist-taken");
            return render_edit(&state, &ctx, &centre, Some(id), form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/checklists/{id}", centre.slug),
        "flash-ops-checklist-saved",
        &state,
    ))
}

/// An item as the phone shows it.
pub struct ItemView {
    pub id: i64,
    pub label: String,
    pub ticked: bool,
    /// « Malik Gestion, 8 h 02 » once ticked.
    pub by: String,
}

/// A run of the history: its period, whether it was completed, its ticks (item, by, when).
pub struct RunView {
    pub period: String,
    pub completed: Option<String>,
    pub ticks: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "procedures/checklist.html")]
struct RunPage {
    layout: Layout,
    action_base: String,
    edit_href: Option<String>,
    procedure_href: Option<String>,
    meta: String,
    period: String,
    status: String,
    badge: &'static str,
    progress: String,
    can_tick: bool,
    items: Vec<ItemView>,
    history: Vec<RunView>,
}

/// `8 h 02` in Paris time.
fn time_of_day(i: I18n, unix: i64) -> String {
    let local = domain::time_zone::to_paris(unix);
    domain::format::time_of_day(i.locale(), local.hour(), local.minute())
}

/// How a period is named: the day, the week from its Monday, the month.
fn period_label(i: I18n, recurrence: Recurrence, start: Date) -> String {
    let day = crate::tracking::day(i, &domain::tracking::iso(start));
    match recurrence {
        Recurrence::Daily => day,
        Recurrence::Weekly => i.ta("ops-period-week", &[("date", &day)]),
        Recurrence::Monthly => format!(
            "{} {}",
            i.t(&format!("month-{}", u8::from(start.month()))),
            start.year()
        ),
    }
}

pub async fn run(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = super::centre_for(&state, &ctx, &slug, Action::ViewOperations).await?;
    let i = ctx.i;
    let c = checklist_in(&state, &centre, id).await?;
    let today = crate::tracking::today();
    let recurrence = Recurrence::parse(&c.recurrence).unwrap_or(Recurrence::Daily);
    let period = recurrence.period_start(today);
    let items = store::procedures::items(&state.db, id, &domain::tracking::iso(period)).await?;
    let history = store::procedures::history(&state.db, id).await?;
    let done = items.iter().filter(|i| i.ticked_at.is_some()).count() as i64;
    let status = super::status(&c, today);
    let mut runs: Vec<RunView> = Vec::new();
    for h in history {
        let label = domain::tracking::parse_date(&h.period)
            .map(|d| period_label(i, recurrence, d))
            .unwrap_or_else(|_| h.period.clone());
        if runs.last().is_none_or(|r| r.period != label) {
            runs.push(RunView {
                period: label,
                completed: h.completed_at.map(|t| i.datetime(t)),
                ticks: Vec::new(),
            });
        }
        if let Some(r) = runs.last_mut() {
            r.ticks.push((
                h.label,
                h.ticked_by.unwrap_or_else(|| i.t("ops-someone")),
                i.datetime(h.ticked_at),
            ));
        }
    }
    let role = Role::parse(&c.role)
        .map(|r| i.t(r.label_key()))
        .unwrap_or_default();
    let manage = ctx
        .actor
        .can(Action::ManageOperations, Scope::Centre(centre.id));
    let view = RunPage {
        layout: Layout::new(&state, &ctx, c.name.clone()).under(
            format!("/centres/{}/procedures", centre.slug),
            i.ta("ops-hub-title", &[("centre", &centre.name)]),
        ),
        action_base: format!("/centres/{}/checklists/{id}/items", centre.slug),
        edit_href: manage.then(|| format!("/centres/{}/checklists/{id}/edit", centre.slug)),
        procedure_href: c
            .procedure_id
            .map(|p| format!("/centres/{}/procedures/{p}", centre.slug)),
        meta: format!("{} · {}", i.t(recurrence.label_key()), role),
        period: period_label(i, recurrence, period),
        status: i.t(status.label_key()),
        badge: status.badge(),
        progress: i.ta(
            "ops-progress",
            &[
                ("done", &i.number(done)),
                ("total", &i.number(items.len() as i64)),
            ],
        ),
        can_tick: ctx
            .actor
            .can(Action::TickChecklist, Scope::Centre(centre.id)),
        items: items
            .into_iter()
            .map(|it| ItemView {
                id: it.id,
                ticked: it.ticked_at.is_some(),
                by: match (&it.ticked_by, it.ticked_at) {
                    (Some(name), Some(at)) => format!("{name}, {}", time_of_day(i, at)),
                    (None, Some(at)) => time_of_day(i, at),
                    _ => String::new(),
                },
                label: it.label,
            })
            .collect(),
        history: runs,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TickForm {
    /// `1` to tick, `0` to untick.
    pub ticked: String,
}

/// Ticks or unticks an item for the current period. The checklist's own centre decides:
/// someone who may not tick there is refused, and the attempt is audited.
pub async fn tick(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id, item)): Path<(String, i64, i64)>,
    Form(form): Form<TickForm>,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let c = store::procedures::checklist(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !ctx
        .actor
        .can(Action::TickChecklist, Scope::Centre(c.centre_id))
    {
        crate::donations::audit(
            &state.db,
            &ctx,
            AuditAction::ChecklistTickRefused,
            c.centre_id,
            Some(c.id),
        )
        .await?;
        return Err(WebError::Forbidden);
    }
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    if centre.id != c.centre_id {
        return Err(WebError::NotFound);
    }
    let recurrence = Recurrence::parse(&c.recurrence).unwrap_or(Recurrence::Daily);
    let period = domain::tracking::iso(recurrence.period_start(crate::tracking::today()));
    let mut tx = state.db.begin().await?;
    let found =
        store::procedures::tick_in(&mut tx, id, item, &period, user.id, form.ticked != "0").await?;
    if !found {
        return Err(WebError::NotFound);
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!(
        "/centres/{}/checklists/{id}#item-{item}",
        centre.slug
    ))
    .into_response())
}
