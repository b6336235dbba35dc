//! A session's attendance sheet, signed on the staff's phone or tablet: its participants sign
//! (which records them present), its coaches and the staff running it sign as trainers; the PDF
//! sheet shows every signature.
use super::people::{managed, session_of};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::respond::{self, redirect_with_flash};
use crate::signing::{self, Given, SheetInfo, SignForm, Signer};
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use store::cohorts::{Cohort, Session};
use store::signatures::Sheet;

/// The session's people who may sign: participants, coaches, and the staff running the sheet.
async fn sheet(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    session: i64,
) -> WebResult<(Cohort, Session, SheetInfo, Vec<Signer>)> {
    let cohort = managed(state, ctx, id).await?;
    let session = session_of(state, &cohort, session).await?;
    let staff = ctx.require_user()?;
    let mut signers: Vec<Signer> = store::cohorts::people(&state.db, &cohort, false)
        .await?
        .iter()
        .map(|p| {
            let role = if p.role == "coach" {
                "trainer"
            } else {
                "participant"
            };
            Signer::person(p.user_id, &p.display_name, role)
        })
        .collect();
    if !signers.iter().any(|s| s.slug == format!("u{}", staff.id)) {
        signers.push(Signer::person(staff.id, &staff.display_name, "trainer"));
    }
    let i = ctx.i;
    let mut when = i.datetime(session.starts_at);
    if !session.room.is_empty() {
        when = format!("{when} · {}", session.room);
    }
    let at = format!("/cohorts/{id}/sessions/{}", session.id);
    let info = SheetInfo {
        sheet: Sheet::Session(session.id),
        title: session.title.clone(),
        when,
        base: format!("{at}/emargement"),
        back: at.clone(),
        back_label: session.title.clone(),
        pdf: format!("{at}/presences.pdf"),
    };
    Ok((cohort, session, info, signers))
}

fn find(signers: Vec<Signer>, slug: &str) -> WebResult<Signer> {
    signers
        .into_iter()
        .find(|s| s.slug == slug)
        .ok_or(WebError::NotFound)
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (_, _, info, signers) = sheet(&state, &ctx, id, session).await?;
    signing::render_sheet(&state, &ctx, info, &signers).await
}

pub async fn pad(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session, who)): Path<(i64, i64, String)>,
) -> WebResult<Response> {
    let (_, _, info, signers) = sheet(&state, &ctx, id, session).await?;
    let signer = find(signers, &who)?;
    signing::render_pad(
        &state,
        &ctx,
        info,
        signer,
        SignForm::default(),
        Default::default(),
    )
}

pub async fn sign(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session, who)): Path<(i64, i64, String)>,
    Form(form): Form<SignForm>,
) -> WebResult<Response> {
    let (_, session, info, signers) = sheet(&state, &ctx, id, session).await?;
    let signer = find(signers, &who)?;
    let given: Given = match signing::check(&ctx, &form) {
        Ok(g) => g,
        Err(errors) => return signing::render_pad(&state, &ctx, info, signer, form, errors),
    };
    signing::keep(&state, &ctx, info.sheet, &signer, &given).await?;
    if signer.role == "participant"
        && let Some(user) = signer
            .key
            .strip_prefix("user:")
            .and_then(|u| u.parse().ok())
    {
        store::cohorts::mark_present(&state.db, session.id, user).await?;
    }
    Ok(redirect_with_flash(
        &info.base,
        "flash-signature-saved",
        &state,
    ))
}

/// The attendance sheet as PDF: everyone who may sign, whether they were there, their
/// signature (drawn, or typed and certified), the time and the staff who ran the sheet.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, session)): Path<(i64, i64)>,
) -> WebResult<Response> {
    let (cohort, session, _, _) = sheet(&state, &ctx, id, session).await?;
    let (report, _) = session_sheet(&state, &ctx, &cohort, &session).await?;
    respond::inline_pdf(
        documents::Template::Report,
        report,
        &format!("presences-session-{}.pdf", session.id),
    )
    .await
}

/// A session's attendance sheet, as a PDF report and as CSV rows: the cohort's people, then
/// whoever else signed (the staff who ran it, as trainer).
pub(crate) async fn session_sheet(
    state: &AppState,
    ctx: &Ctx,
    cohort: &Cohort,
    session: &Session,
) -> WebResult<(documents::Report, Vec<Vec<String>>)> {
    let i = ctx.i;
    let mut signers: Vec<Signer> = store::cohorts::people(&state.db, cohort, false)
        .await?
        .iter()
        .map(|p| {
            let role = if p.role == "coach" {
                "trainer"
            } else {
                "participant"
            };
            Signer::person(p.user_id, &p.display_name, role)
        })
        .collect();
    let present = store::cohorts::attendance(&state.db, session.id).await?;
    let signatures = store::signatures::of_sheet(&state.db, Sheet::Session(session.id)).await?;
    for g in &signatures {
        if !signers.iter().any(|s| s.key == g.signer) {
            signers.push(Signer {
                key: g.signer.clone(),
                slug: String::new(),
                name: g.name.clone(),
                role: if g.role == "trainer" {
                    "trainer"
                } else {
                    "participant"
                },
            });
        }
    }
    let columns = vec![
        i.t("col-name"),
        i.t("signature-col-role"),
        i.t("signature-col-present"),
        i.t("event-attendance-signature"),
    ];
    let mut csv = vec![columns.clone()];
    csv[0].push(i.t("signature-col-signed-at"));
    let rows = signers
        .iter()
        .map(|s| {
            let signature = signatures.iter().find(|g| g.signer == s.key);
            let here = signature.is_some()
                || present
                    .iter()
                    .any(|(u, p)| *p && format!("user:{u}") == s.key);
            let (svg, note) = signing::pdf_cell(ctx, signature);
            let cells = vec![
                s.name.clone(),
                signing::role_label(ctx, s.role),
                i.t(if here {
                    "event-attendance-yes"
                } else {
                    "event-attendance-no"
                }),
            ];
            let mut line = cells.clone();
            line.push(note.clone());
            line.push(
                signature
                    .map(|g| i.datetime(g.signed_at))
                    .unwrap_or_default(),
            );
            csv.push(line);
            documents::SignedRow { cells, svg, note }
        })
        .collect();
    let mut when = i.datetime(session.starts_at);
    if !session.room.is_empty() {
        when = format!("{when} · {}", session.room);
    }
    let report = documents::Report {
        lang: i.code().to_string(),
        title: i.t("event-attendance-title"),
        subtitle: format!("{} · {}", cohort.name, session.title),
        meta: vec![when],
        footer: format!("{} · {}", session.title, i.t("event-attendance-title")),
        sections: vec![documents::Section {
            heading: i.t("event-attendance-people"),
            level: 2,
            page_break: false,
            blocks: vec![documents::Block::SignedTable { columns, rows }],
        }],
    };
    Ok((report, csv))
}
