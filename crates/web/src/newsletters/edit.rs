//! Writing a newsletter: a centre's list, a new one, one's page (its form while it has not
//! begun, its counts after). « Aperçu » shows the Markdown as it will read, saving nothing;
//! « Enregistrer » keeps a draft, sends now or at the time chosen.
use crate::cohorts::centre_by_slug;
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
use axum::response::{Html, IntoResponse, Response};
use domain::newsletter::Segment;
use domain::{Action, Scope};
use store::audit::{AuditAction, Entry};
use store::centres::CentreSummary;
use store::newsletters::Newsletter;

const SUBJECT_CHARS: usize = 150;
const BODY_CHARS: usize = 20_000;

#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(default)]
pub struct NewsletterForm {
    pub subject: String,
    pub body: String,
    pub segment: String,
    /// `draft`, `now` or `later`.
    pub when: String,
    /// `YYYY-MM-DDTHH:MM`, Paris time, for `later`.
    pub send_at: String,
    /// Set by the « Aperçu » button.
    pub preview: String,
}

impl NewsletterForm {
    fn fresh() -> Self {
        NewsletterForm {
            segment: Segment::Leads.code().into(),
            when: "draft".into(),
            ..Default::default()
        }
    }

    fn of(n: &Newsletter) -> Self {
        NewsletterForm {
            subject: n.subject.clone(),
            body: n.body.clone(),
            segment: n.segment.clone(),
            when: if n.status == "scheduled" {
                "later".into()
            } else {
                "draft".into()
            },
            send_at: n.send_at.map(local_input).unwrap_or_default(),
            preview: String::new(),
        }
    }
}

/// A time as a `datetime-local` field shows it (Paris time).
fn local_input(unix: i64) -> String {
    let t = domain::time_zone::to_paris(unix);
    format!(
        "{}T{:02}:{:02}",
        domain::tracking::iso(t.date()),
        t.hour(),
        t.minute()
    )
}

/// `YYYY-MM-DDTHH:MM` (Paris time) as a unix time.
fn parse_local(text: &str) -> Option<i64> {
    let (day, clock) = text.trim().split_once('T')?;
    let date = domain::tracking::parse_date(day).ok()?;
    let (h, m) = clock.split_once(':')?;
    let m = m.get(..2).unwrap_or(m);
    let time = time::Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()?;
    domain::time_zone::from_paris(time::PrimitiveDateTime::new(date, time))
}

/// What the form asks for, once right.
struct Checked {
    segment: Segment,
    status: &'static str,
    send_at: Option<i64>,
}

fn check(i: I18n, f: &NewsletterForm, now: i64, errors: &mut FieldErrors) -> Option<Checked> {
    errors.check("subject", i, crate::form::text(&f.subject, SUBJECT_CHARS));
    errors.check("body", i, crate::form::text(&f.body, BODY_CHARS));
    let segment = Segment::parse(&f.segment);
    if segment.is_none() {
        errors.add("segment", i, "newsletter-error-segment");
    }
    let (status, send_at) = match f.when.as_str() {
        "now" => ("scheduled", Some(now)),
        "later" => match parse_local(&f.send_at) {
            Some(at) if at > now => ("scheduled", Some(at)),
            Some(_) => {
                errors.add("send_at", i, "newsletter-error-past");
                ("scheduled", None)
            }
            None => {
                errors.add("send_at", i, "newsletter-error-time");
                ("scheduled", None)
            }
        },
        _ => ("draft", None),
    };
    if !errors.is_empty() {
        return None;
    }
    Some(Checked {
        segment: segment?,
        status,
        send_at,
    })
}

pub struct Row {
    pub id: i64,
    pub subject: String,
    pub status: String,
    pub status_class: &'static str,
    pub meta: String,
}

#[derive(Template)]
#[template(path = "newsletters/list.html")]
struct ListView {
    layout: Layout,
    centre: CentreSummary,
    rows: Vec<Row>,
    rate: String,
}

#[derive(Template)]
#[template(path = "newsletters/form.html")]
struct FormView {
    layout: Layout,
    action: String,
    form: NewsletterForm,
    errors: FieldErrors,
    segments: Vec<(&'static str, String)>,
    preview: Option<String>,
    /// Sent, failed and waiting, once it has begun (the form is not shown then).
    report: Option<Report>,
}

pub struct Report {
    pub status: String,
    /// (figure, what it counts): sent, refused, waiting.
    pub stats: Vec<(String, String)>,
    pub body: String,
}

pub(super) async fn staff_centre(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> WebResult<CentreSummary> {
    let centre = centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// A newsletter and its centre, for that centre's managers only (a 404 for anyone else).
async fn for_staff(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(Newsletter, CentreSummary)> {
    ctx.require_user()?;
    let n = store::newsletters::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !ctx
        .actor
        .can(Action::ManageCentre, Scope::Centre(n.centre_id))
    {
        return Err(WebError::NotFound);
    }
    let centre = state
        .centres()
        .await?
        .iter()
        .find(|c| c.id == n.centre_id)
        .cloned()
        .ok_or(WebError::NotFound)?;
    Ok((n, centre))
}

fn status_of(i: I18n, n: &Newsletter) -> (String, &'static str) {
    match n.status.as_str() {
        "draft" => (i.t("newsletter-status-draft"), "badge-neutral"),
        "scheduled" => (
            i.ta(
                "newsletter-status-scheduled",
                &[(
                    "date",
                    &n.send_at.map(|t| i.datetime(t)).unwrap_or_default(),
                )],
            ),
            "badge-warning",
        ),
        "sending" => (i.t("newsletter-status-sending"), "badge-warning"),
        _ => (i.t("newsletter-status-sent"), "badge-success"),
    }
}

fn counts(i: I18n, n: &Newsletter) -> String {
    i.ta(
        "newsletter-counts",
        &[("sent", &i.number(n.sent)), ("failed", &i.number(n.failed))],
    )
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let rows = store::newsletters::for_centre(&state.db, centre.id)
        .await?
        .iter()
        .map(|n| {
            let (status, status_class) = status_of(i, n);
            let segment = i.t(&format!("newsletter-segment-{}", n.segment));
            Row {
                id: n.id,
                subject: n.subject.clone(),
                status,
                status_class,
                meta: format!("{segment} · {}", counts(i, n)),
            }
        })
        .collect();
    let rate = super::send::rate(&state, centre.id).await?;
    let view = ListView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("newsletter-list-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        centre,
        rows,
        rate: i.ta("newsletter-rate", &[("rate", &i.number(rate))]),
    };
    Ok(Html(view.render()?).into_response())
}

fn segments(i: I18n) -> Vec<(&'static str, String)> {
    Segment::ALL
        .into_iter()
        .map(|s| (s.code(), i.t(&format!("newsletter-segment-{}", s.code()))))
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    existing: Option<&Newsletter>,
    form: NewsletterForm,
    errors: FieldErrors,
    preview: bool,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (title, action) = match existing {
        Some(n) => (n.subject.clone(), format!("/newsletters/{}", n.id)),
        None => (
            i.t("newsletter-new"),
            format!("/centres/{}/newsletters/new", centre.slug),
        ),
    };
    let report = existing.filter(|n| !n.editable()).map(|n| Report {
        status: status_of(i, n).0,
        stats: vec![
            (i.number(n.sent), i.t("newsletter-stat-sent")),
            (i.number(n.failed), i.t("newsletter-stat-failed")),
            (i.number(n.waiting), i.t("newsletter-stat-waiting")),
        ],
        body: domain::markdown::render_in(&n.body, i.locale()).html,
    });
    let preview = (preview && report.is_none())
        .then(|| domain::markdown::render_in(&form.body, i.locale()).html);
    let view = FormView {
        layout: Layout::new(state, ctx, title).under(
            format!("/centres/{}/newsletters", centre.slug),
            i.ta("newsletter-list-title", &[("centre", &centre.name)]),
        ),
        action,
        form,
        errors,
        segments: segments(i),
        preview,
        report,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    render(
        &state,
        &ctx,
        centre,
        None,
        NewsletterForm::fresh(),
        FieldErrors::default(),
        false,
    )
}

/// Saves (or previews) the form of a new newsletter or of one not begun.
async fn save(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    existing: Option<&Newsletter>,
    form: NewsletterForm,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let now = store::now();
    let mut errors = FieldErrors::default();
    let checked = check(ctx.i, &form, now, &mut errors);
    let Some(c) = checked.filter(|_| form.preview.is_empty()) else {
        let preview = !form.preview.is_empty();
        return render(state, ctx, centre, existing, form, errors, preview);
    };
    let fields = store::newsletters::Fields {
        subject: form.subject.trim(),
        body: form.body.trim(),
        segment: c.segment,
        status: c.status,
        send_at: c.send_at,
    };
    let mut tx = state.db.begin().await?;
    let id = match existing {
        Some(n) => {
            if !store::newsletters::update(&mut tx, n.id, &fields, now).await? {
                drop(tx);
                let mut errors = FieldErrors::default();
                errors.add("when", ctx.i, "newsletter-error-begun");
                return render(state, ctx, centre, existing, form, errors, false);
            }
            n.id
        }
        None => store::newsletters::create(&mut tx, centre.id, &fields, user.id, now).await?,
    };
    if let Some(at) = c.send_at {
        super::send::schedule_in(&mut tx, id, at).await?;
    }
    let was_scheduled = existing.is_some_and(|n| n.status == "scheduled");
    let audited = match (c.status, c.send_at) {
        ("scheduled", Some(at)) if at <= now => Some(AuditAction::NewsletterSent),
        ("scheduled", _) => Some(AuditAction::NewsletterScheduled),
        _ if was_scheduled => Some(AuditAction::NewsletterCancelled),
        _ => None,
    };
    if let Some(action) = audited {
        let detail = format!("newsletter={id}");
        store::audit::record(
            &mut tx,
            action,
            Entry {
                actor_id: Some(user.id),
                centre_id: Some(centre.id),
                subject_id: None,
                detail: &detail,
            },
        )
        .await?;
    }
    tx.commit().await?;
    state.jobs_queued();
    let flash = match (c.status, c.send_at) {
        ("scheduled", Some(at)) if at <= now => "flash-newsletter-sending",
        ("scheduled", _) => "flash-newsletter-scheduled",
        _ => "flash-newsletter-saved",
    };
    Ok(redirect_with_flash(
        &format!("/newsletters/{id}"),
        flash,
        state,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<NewsletterForm>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    save(&state, &ctx, centre, None, form).await
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (n, centre) = for_staff(&state, &ctx, id).await?;
    let form = NewsletterForm::of(&n);
    render(
        &state,
        &ctx,
        centre,
        Some(&n),
        form,
        FieldErrors::default(),
        false,
    )
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<NewsletterForm>,
) -> WebResult<Response> {
    let (n, centre) = for_staff(&state, &ctx, id).await?;
    save(&state, &ctx, centre, Some(&n), form).await
}
