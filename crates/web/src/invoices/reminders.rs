//! Reminders of unpaid invoices through the job queue. Each maintenance round scans the issued
//! invoices past their due date; when one's next reminder is due (`domain::invoice::reminder`,
//! the days the centre chose on its seller page), the reminder is counted and its mail queued in
//! one transaction, so it goes once however often the scan runs or a job is retried; a paid or
//! credited invoice is no longer `issued` and gets none. The manager's list of overdue invoices
//! shows how late each is and the reminders sent.
use super::{long_date, staff_centre};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::invoice::reminder::{days_between, reminder_due};
use store::centres::CentreSummary;
use store::reminders::Unpaid;

/// Invoices looked at per round, oldest due first.
const BATCH: i64 = 500;

/// Queues the reminders due today; returns how many were queued.
pub async fn run(state: &AppState) -> Result<usize, WebError> {
    let today = store::invoices::today();
    let mut queued = 0;
    for inv in store::reminders::candidates(&state.db, &today, BATCH).await? {
        if inv.buyer_email.trim().is_empty() {
            continue;
        }
        let Some(n) = reminder_due(
            &inv.due_date,
            &today,
            inv.reminders,
            inv.reminder_first_days,
            inv.reminder_second_days,
        ) else {
            continue;
        };
        let locale = match inv.user_id {
            Some(user) => store::accounts::find_user(&state.db, user)
                .await?
                .map(|u| u.locale)
                .unwrap_or_default(),
            None => domain::Locale::Fr,
        };
        let mail = compose(state, I18n::new(locale), &inv, n).render()?;
        let mut tx = state.db.begin().await?;
        if store::reminders::claim(&mut tx, inv.id, n).await? {
            crate::mail::queue_mail_in(&mut tx, &mail).await?;
            tx.commit().await?;
            queued += 1;
        }
    }
    if queued > 0 {
        state.jobs_queued();
    }
    Ok(queued)
}

fn compose<'a>(state: &AppState, i: I18n, inv: &'a Unpaid, n: i64) -> Compose<'a> {
    let due = i.money(inv.due_cents());
    let date = long_date(i, &inv.due_date);
    let mut paragraphs = vec![i.ta(
        if n == 1 {
            "invoice-reminder-first"
        } else {
            "invoice-reminder-second"
        },
        &[("number", &inv.number), ("date", &date), ("due", &due)],
    )];
    if !inv.seller_iban.is_empty() {
        paragraphs.push(i.ta(
            "invoice-reminder-transfer",
            &[("iban", &inv.seller_iban), ("number", &inv.number)],
        ));
    }
    paragraphs.push(i.t("invoice-reminder-ignore"));
    Compose {
        i,
        to: inv.buyer_email.trim(),
        subject: i.ta(
            "invoice-reminder-subject",
            &[("number", &inv.number), ("seller", &inv.seller_name)],
        ),
        greeting: i.t("quote-mail-greeting"),
        paragraphs,
        action: inv.user_id.map(|_| {
            (
                i.t("invoice-reminder-action"),
                state.url(&format!("/invoices/{}", inv.id)),
            )
        }),
        after: Vec::new(),
    }
}

pub struct Row {
    pub id: i64,
    pub number: String,
    pub buyer: String,
    pub due_date: String,
    pub late: String,
    pub due: String,
    pub reminders: String,
}

#[derive(Template)]
#[template(path = "invoices/overdue.html")]
struct OverdueView {
    layout: Layout,
    centre: CentreSummary,
    rows: Vec<Row>,
}

/// The centre's overdue invoices, oldest due first, with the reminders sent.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let today = store::invoices::today();
    let rows = store::reminders::overdue(&state.db, centre.id, &today, 500)
        .await?
        .into_iter()
        .map(|u| Row {
            id: u.id,
            late: i.ta(
                "invoice-overdue-days",
                &[(
                    "days",
                    &days_between(&u.due_date, &today).unwrap_or(0).to_string(),
                )],
            ),
            due: i.money(u.due_cents()),
            reminders: u.reminders.to_string(),
            number: u.number,
            buyer: u.buyer_name,
            due_date: long_date(i, &u.due_date),
        })
        .collect();
    let view = OverdueView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("invoice-overdue-title", &[("centre", &centre.name)]),
        )
        .under(
            format!("/centres/{}/invoices", centre.slug),
            i.t("invoice-list-heading"),
        ),
        centre,
        rows,
    };
    Ok(Html(view.render()?).into_response())
}
