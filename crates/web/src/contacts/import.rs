//! Importing people and organisations from a CSV file: a preview first (each line new, a
//! duplicate or invalid, with its reason and line number), then the confirmation, which writes
//! the new lines in one transaction; importing the same file again creates nothing. Export of
//! the people as CSV.
use super::{Opt, centre_opts, list_centre, write_centre};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::respond::{self, Disposition, redirect_with_flash};
use crate::state::AppState;
use crate::upload::Multipart;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::crm::import::{self, Outcome, Record};
use store::audit::{self, AuditAction, Entry};

/// Largest file read (about 5,000 lines).
const MAX_BYTES: usize = 2 * 1024 * 1024;

pub struct PreviewLine {
    pub number: usize,
    pub label: String,
    /// `new`, `duplicate` or `invalid`.
    pub status: &'static str,
    pub status_label: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "contacts/import.html")]
struct ImportView {
    layout: Layout,
    tab: &'static str,
    centre: i64,
    centres: Vec<Opt>,
    text: String,
    errors: FieldErrors,
    lines: Vec<PreviewLine>,
    /// Each outcome's badge class and count.
    counts: Vec<(&'static str, String)>,
    new_count: usize,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre_asked: i64,
    text: String,
    errors: FieldErrors,
    lines: Vec<PreviewLine>,
) -> WebResult<Response> {
    let i = ctx.i;
    let reach = super::reach(state, ctx).await?;
    let centre = write_centre(&reach, centre_asked)?;
    let count = |s: &str| lines.iter().filter(|l| l.status == s).count() as i64;
    let counts = if lines.is_empty() {
        Vec::new()
    } else {
        vec![
            ("badge-success", i.tn("crm-import-new", count("new"))),
            (
                "badge-neutral",
                i.tn("crm-import-duplicates", count("duplicate")),
            ),
            ("badge-danger", i.tn("crm-import-invalid", count("invalid"))),
        ]
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ImportView {
        layout: Layout::new(state, ctx, i.t("crm-import-title")),
        tab: "import",
        centres: centre_opts(i, &reach, centre, false),
        centre,
        new_count: count("new") as usize,
        text,
        errors,
        lines,
        counts,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<super::people::CentreQuery>,
) -> WebResult<Response> {
    render(
        &state,
        &ctx,
        q.centre,
        String::new(),
        FieldErrors::default(),
        Vec::new(),
    )
    .await
}

/// The file sent (or the text pasted, or carried by the preview), as text.
fn file_text(form: &Multipart) -> Result<String, &'static str> {
    let raw = match form.file("file") {
        Some(part) => {
            if part.data.len() > MAX_BYTES {
                return Err("crm-import-error-too-long");
            }
            match String::from_utf8(part.data.clone()) {
                Ok(t) => t,
                // Spreadsheets on Windows may still write Latin-1.
                Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
            }
        }
        None => form.text("text"),
    };
    if raw.len() > MAX_BYTES {
        return Err("crm-import-error-too-long");
    }
    if raw.trim().is_empty() {
        return Err("crm-import-error-empty");
    }
    if crate::form::has_control(&raw) {
        return Err("error-control-chars");
    }
    Ok(raw.replace("\r\n", "\n"))
}

pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: Multipart,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = write_centre(&reach, form.text("centre").trim().parse().unwrap_or(0))?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let text = match file_text(&form) {
        Ok(t) => t,
        Err(key) => {
            errors.add("file", i, key);
            return render(&state, &ctx, centre, String::new(), errors, Vec::new()).await;
        }
    };
    let known = store::contacts::import::known(&state.db, centre).await?;
    let lines = match import::classify(&domain::crm::csv::parse(&text), &known) {
        Ok(l) => l,
        Err(key) => {
            errors.add("file", i, key);
            return render(&state, &ctx, centre, String::new(), errors, Vec::new()).await;
        }
    };
    if form.text("confirm") == "yes" {
        let records: Vec<Record> = lines
            .into_iter()
            .filter_map(|l| match l.outcome {
                Outcome::New(r) => Some(*r),
                _ => None,
            })
            .collect();
        let made =
            store::contacts::import::import(&state.db, centre, &records, store::now()).await?;
        let user = ctx.require_user()?;
        audit::record(
            &state.db,
            AuditAction::ContactsImported,
            Entry {
                actor_id: Some(user.id),
                centre_id: Some(centre),
                detail: &made.to_string(),
                ..Entry::default()
            },
        )
        .await?;
        return Ok(redirect_with_flash(
            &format!("/contacts?centre={centre}"),
            "crm-flash-imported",
            &state,
        ));
    }
    let preview = lines
        .into_iter()
        .map(|l| {
            let (status, reason) = match l.outcome {
                Outcome::New(_) => ("new", String::new()),
                Outcome::Duplicate(k) => ("duplicate", i.t(k)),
                Outcome::Invalid(k) => ("invalid", i.t(k)),
            };
            PreviewLine {
                number: l.number,
                label: l.label,
                status,
                status_label: i.t(&format!("crm-import-status-{status}")),
                reason,
            }
        })
        .collect();
    render(&state, &ctx, centre, text, errors, preview).await
}

/// The people (and their organisations) as CSV, in the columns the import reads back.
pub async fn export(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<super::people::CentreQuery>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = list_centre(&reach, q.centre);
    let i = ctx.i;
    let people = store::contacts::import::export(&state.db, centre).await?;
    let mut rows = vec![
        [
            "crm-col-name",
            "crm-col-email",
            "crm-col-phone",
            "crm-col-role",
            "crm-col-organisation",
            "crm-col-tags",
            "crm-col-newsletter",
        ]
        .iter()
        .map(|k| i.t(k))
        .collect::<Vec<_>>(),
    ];
    let n = people.len();
    for p in people {
        rows.push(vec![
            p.name,
            p.email.unwrap_or_default(),
            p.phone,
            p.role,
            p.organisation.unwrap_or_default(),
            domain::crm::tags_text(&p.tags),
            i.t(if p.newsletter_consent_at.is_some() {
                "crm-yes"
            } else {
                "crm-no"
            }),
        ]);
    }
    let user = ctx.require_user()?;
    audit::record(
        &state.db,
        AuditAction::ContactsExported,
        Entry {
            actor_id: Some(user.id),
            centre_id: (centre > 0).then_some(centre),
            detail: &n.to_string(),
            ..Entry::default()
        },
    )
    .await?;
    Ok(respond::file(
        respond::csv(&rows),
        "text/csv; charset=utf-8",
        Disposition::Attachment,
        "contacts.csv",
    ))
}
