//! The door of an event, for staff on a phone: scan a ticket's QR code (it opens this page with
//! its code) or type the code, check people in with big buttons; the attendance as CSV and as a
//! PDF sheet to sign.
use super::registrations::code_registration;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::Form;
use crate::layout::Layout;
use crate::respond::{self, Disposition};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::event::Status;
use serde::Deserialize;
use store::events::Detail;
use store::site::Event;

struct Person {
    id: i64,
    name: String,
    seats: String,
    arrived: Option<String>,
}

#[derive(Template)]
#[template(path = "site/checkin.html")]
struct CheckinView {
    layout: Layout,
    action: String,
    when: String,
    arrived: String,
    /// The person a scanned or typed code names, to check in with one tap.
    found: Option<Person>,
    /// What the last action did (success) or why it failed.
    notice: Option<(bool, String)>,
    code: String,
    people: Vec<Person>,
    waiting: String,
    csv: String,
    pdf: String,
    signing: String,
    feedback: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CodeQuery {
    pub code: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CheckinForm {
    pub code: String,
    pub registration: String,
}

pub(super) async fn staff_event(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<Event> {
    let e = store::site::event(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(ctx, Action::ManageEvents, e.centre_id)?;
    Ok(e)
}

fn person(ctx: &Ctx, d: &Detail) -> Person {
    let i = ctx.i;
    Person {
        id: d.id,
        name: d.name.clone(),
        seats: i.tn("event-ticket-seats", d.seats),
        arrived: d.checked_in_at.map(|t| i.datetime(t)),
    }
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    e: Event,
    found: Option<i64>,
    notice: Option<(bool, String)>,
    code: String,
) -> WebResult<Response> {
    let i = ctx.i;
    let all = store::events::of_event(&state.db, e.id).await?;
    let registered: Vec<&Detail> = all
        .iter()
        .filter(|d| d.status == Status::Registered)
        .collect();
    let seats_in: i64 = registered
        .iter()
        .filter(|d| d.checked_in_at.is_some())
        .map(|d| d.seats)
        .sum();
    let seats: i64 = registered.iter().map(|d| d.seats).sum();
    let status = match &notice {
        Some((false, _)) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    let view = CheckinView {
        layout: Layout::new(state, ctx, e.title.clone()),
        action: format!("/admin/evenements/{}/accueil", e.id),
        when: i.datetime(e.starts_at),
        arrived: i.ta(
            "event-checkin-count",
            &[("in", &i.number(seats_in)), ("total", &i.number(seats))],
        ),
        found: found
            .and_then(|id| registered.iter().find(|d| d.id == id))
            .map(|d| person(ctx, d)),
        notice,
        code,
        people: registered.iter().map(|d| person(ctx, d)).collect(),
        waiting: match all
            .iter()
            .filter(|d| d.status == Status::Waitlisted)
            .count()
        {
            0 => String::new(),
            n => i.tn("event-checkin-waiting", n as i64),
        },
        csv: format!("/admin/evenements/{}/presences.csv", e.id),
        pdf: format!("/admin/evenements/{}/presences.pdf", e.id),
        signing: format!("/admin/evenements/{}/emargement", e.id),
        feedback: format!("/admin/evenements/{}/avis", e.id),
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The registration a code names for this event, or why not.
async fn lookup(
    state: &AppState,
    ctx: &Ctx,
    e: &Event,
    code: &str,
) -> WebResult<Result<i64, String>> {
    let Some(id) = code_registration(state, code).await? else {
        return Ok(Err(ctx.i.t("event-checkin-unknown")));
    };
    match store::events::detail(&state.db, id).await? {
        Some(d) if d.event_id == e.id && d.status == Status::Registered => Ok(Ok(id)),
        Some(d) if d.event_id == e.id => Ok(Err(ctx.i.t("event-checkin-not-registered"))),
        _ => Ok(Err(ctx.i.t("event-checkin-other-event"))),
    }
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<CodeQuery>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    if q.code.trim().is_empty() {
        return render(&state, &ctx, e, None, None, String::new()).await;
    }
    match lookup(&state, &ctx, &e, &q.code).await? {
        Ok(found) => render(&state, &ctx, e, Some(found), None, q.code).await,
        Err(why) => render(&state, &ctx, e, None, Some((false, why)), q.code).await,
    }
}

pub async fn check_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CheckinForm>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    let i = ctx.i;
    let target = if let Ok(reg) = form.registration.trim().parse::<i64>() {
        match store::events::detail(&state.db, reg).await? {
            Some(d) if d.event_id == e.id && d.status == Status::Registered => Ok(reg),
            _ => Err(i.t("event-checkin-not-registered")),
        }
    } else {
        lookup(&state, &ctx, &e, &form.code).await?
    };
    let reg = match target {
        Ok(reg) => reg,
        Err(why) => return render(&state, &ctx, e, None, Some((false, why)), form.code).await,
    };
    let fresh = store::events::check_in(&state.db, reg, store::now()).await?;
    let name = store::events::detail(&state.db, reg)
        .await?
        .map(|d| d.name)
        .unwrap_or_default();
    let key = if fresh {
        "event-checkin-done"
    } else {
        "event-checkin-again"
    };
    let notice = Some((true, i.ta(key, &[("name", &name)])));
    render(&state, &ctx, e, None, notice, String::new()).await
}

fn attendance_rows(ctx: &Ctx, all: &[Detail]) -> Vec<Vec<String>> {
    let i = ctx.i;
    all.iter()
        .filter(|d| d.status == Status::Registered)
        .map(|d| {
            vec![
                d.name.clone(),
                d.email.clone(),
                d.seats.to_string(),
                if d.confirmed_at.is_some() {
                    i.t("event-attendance-yes")
                } else {
                    i.t("event-attendance-no")
                },
                d.checked_in_at.map(|t| i.datetime(t)).unwrap_or_default(),
            ]
        })
        .collect()
}

fn attendance_header(ctx: &Ctx) -> Vec<String> {
    let i = ctx.i;
    vec![
        i.t("col-name"),
        i.t("field-email"),
        i.t("event-attendance-seats"),
        i.t("event-attendance-confirmed"),
        i.t("event-attendance-arrived"),
    ]
}

pub async fn csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    let all = store::events::of_event(&state.db, e.id).await?;
    let mut rows = vec![attendance_header(&ctx)];
    rows.extend(attendance_rows(&ctx, &all));
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        &format!("presences-{}.csv", e.slug),
    ))
}

/// The attendance sheet (Qualiopi evidence): who registered, who came, each one's signature
/// given on the signing sheet (drawn, or typed and certified), and the trainer's.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = staff_event(&state, &ctx, id).await?;
    let i = ctx.i;
    let all = store::events::of_event(&state.db, e.id).await?;
    let info = super::signing::info(&ctx, &e);
    let signatures = store::signatures::of_sheet(&state.db, info.sheet).await?;
    let mut columns = attendance_header(&ctx);
    columns.remove(1);
    columns.push(i.t("event-attendance-signature"));
    let signers = super::signing::signers(&ctx, &all)?;
    let mut rows: Vec<documents::SignedRow> = attendance_rows(&ctx, &all)
        .into_iter()
        .zip(&signers)
        .map(|(mut cells, s)| {
            cells.remove(1);
            let (svg, note) =
                crate::signing::pdf_cell(&ctx, signatures.iter().find(|g| g.signer == s.key));
            documents::SignedRow { cells, svg, note }
        })
        .collect();
    // The trainers who signed (whoever ran the sheet), after the participants.
    for g in signatures.iter().filter(|g| g.role == "trainer") {
        let (svg, note) = crate::signing::pdf_cell(&ctx, Some(g));
        rows.push(documents::SignedRow {
            cells: vec![
                format!("{} ({})", g.name, crate::signing::role_label(&ctx, &g.role)),
                String::new(),
                String::new(),
                String::new(),
            ],
            svg,
            note,
        });
    }
    let report = documents::Report {
        lang: i.code().to_string(),
        title: i.t("event-attendance-title"),
        subtitle: e.title.clone(),
        meta: vec![info.when],
        footer: format!("{} · {}", e.title, i.t("event-attendance-title")),
        sections: vec![documents::Section {
            heading: i.t("event-attendance-people"),
            level: 2,
            page_break: false,
            blocks: vec![documents::Block::SignedTable { columns, rows }],
        }],
    };
    respond::inline_pdf(
        documents::Template::Report,
        report,
        &format!("presences-{}.pdf", e.slug),
    )
    .await
}
