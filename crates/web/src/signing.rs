//! Attendance sheets signed on a phone or tablet (Qualiopi evidence), for a cohort's session
//! and for an event alike: the staff open the sheet, hand the device to each person present,
//! who signs on a drawing pad (`signature-pad.js`, pointer and touch) or, without JavaScript,
//! types their full name and certifies they are present; the trainer signs too. The callers
//! (cohorts, events) say who may sign and what signing records beside the signature
//! (attendance, check-in); the PDF sheet shows every signature.
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::form::FieldErrors;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;
use store::signatures::{NewSignature, Sheet, Signature};

/// Someone who may sign a sheet.
#[derive(Debug, Clone)]
pub struct Signer {
    /// Stored key: `user:ID` or `registration:ID`.
    pub key: String,
    /// In the pad's address: `u5`, `r7`.
    pub slug: String,
    pub name: String,
    /// `participant` or `trainer`.
    pub role: &'static str,
}

impl Signer {
    pub fn person(user_id: i64, name: &str, role: &'static str) -> Self {
        Signer {
            key: format!("user:{user_id}"),
            slug: format!("u{user_id}"),
            name: name.to_string(),
            role,
        }
    }

    pub fn registration(id: i64, name: &str) -> Self {
        Signer {
            key: format!("registration:{id}"),
            slug: format!("r{id}"),
            name: name.to_string(),
            role: "participant",
        }
    }
}

/// What a sheet is about and where its pages are.
pub struct SheetInfo {
    pub sheet: Sheet,
    pub title: String,
    /// When and where.
    pub when: String,
    /// The sheet's address (`…/emargement`); each pad is under it.
    pub base: String,
    /// Where the page comes from (the session, the check-in).
    pub back: String,
    pub back_label: String,
    pub pdf: String,
}

struct Row {
    name: String,
    role: String,
    href: String,
    /// When they signed, and how (drawn or typed).
    signed: Option<String>,
}

#[derive(Template)]
#[template(path = "signing/sheet.html")]
struct SheetView {
    layout: Layout,
    info: SheetInfo,
    count: String,
    rows: Vec<Row>,
}

#[derive(Template)]
#[template(path = "signing/pad.html")]
struct PadView {
    layout: Layout,
    info: SheetInfo,
    signer: Signer,
    role: String,
    form: SignForm,
    errors: FieldErrors,
    width: f64,
    height: f64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignForm {
    /// The drawn strokes (SVG path data), filled by the pad's script.
    pub path: String,
    /// Without the pad: the full name typed…
    pub name: String,
    /// …and the presence certified.
    pub certify: String,
}

pub fn role_label(ctx: &Ctx, role: &str) -> String {
    ctx.i.t(if role == "trainer" {
        "signature-role-trainer"
    } else {
        "signature-role-participant"
    })
}

fn signed_note(ctx: &Ctx, s: &Signature) -> String {
    let i = ctx.i;
    let at = i.datetime(s.signed_at);
    if s.typed != 0 {
        i.ta("signature-typed-at", &[("name", &s.name), ("at", &at)])
    } else {
        i.ta("signature-drawn-at", &[("at", &at)])
    }
}

/// The sheet: everyone who may sign, who did and when, a link to each one's pad.
pub async fn render_sheet(
    state: &AppState,
    ctx: &Ctx,
    info: SheetInfo,
    signers: &[Signer],
) -> WebResult<Response> {
    let signatures = store::signatures::of_sheet(&state.db, info.sheet).await?;
    let rows: Vec<Row> = signers
        .iter()
        .map(|s| Row {
            name: s.name.clone(),
            role: role_label(ctx, s.role),
            href: format!("{}/{}", info.base, s.slug),
            signed: signatures
                .iter()
                .find(|g| g.signer == s.key)
                .map(|g| signed_note(ctx, g)),
        })
        .collect();
    let done = rows.iter().filter(|r| r.signed.is_some()).count();
    let i = ctx.i;
    let view = SheetView {
        layout: Layout::new(state, ctx, i.t("event-attendance-title"))
            .under(info.back.clone(), info.back_label.clone()),
        count: i.ta(
            "signature-count",
            &[
                ("signed", &i.number(done as i64)),
                ("total", &i.number(rows.len() as i64)),
            ],
        ),
        rows,
        info,
    };
    Ok(Html(view.render()?).into_response())
}

/// One person's pad, with what they typed and the errors beside the fields.
pub fn render_pad(
    state: &AppState,
    ctx: &Ctx,
    info: SheetInfo,
    signer: Signer,
    form: SignForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = PadView {
        layout: Layout::new(state, ctx, signer.name.clone())
            .under(info.base.clone(), ctx.i.t("event-attendance-title")),
        role: role_label(ctx, signer.role),
        signer,
        info,
        form,
        errors,
        width: domain::signature::WIDTH,
        height: domain::signature::HEIGHT,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// A signature as given: drawn strokes, or a typed name with the presence certified.
pub enum Given {
    Drawn(String),
    Typed(String),
}

/// Checks the form: the drawn strokes when there are any, the typed name and the box otherwise.
pub fn check(ctx: &Ctx, form: &SignForm) -> Result<Given, FieldErrors> {
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    if !form.path.trim().is_empty() {
        return match domain::signature::normalise_path(&form.path) {
            Ok(path) => Ok(Given::Drawn(path)),
            Err(e) => {
                errors.add("path", i, e.message_key());
                Err(errors)
            }
        };
    }
    let name = domain::signature::typed_name(&form.name);
    if name.is_none() {
        errors.add("name", i, "signature-error-name");
    }
    if form.certify != "yes" {
        errors.add("certify", i, "signature-error-certify");
    }
    match name {
        Some(name) if errors.is_empty() => Ok(Given::Typed(name)),
        _ => Err(errors),
    }
}

/// Keeps a checked signature, with the staff who ran the sheet.
pub async fn keep(
    state: &AppState,
    ctx: &Ctx,
    sheet: Sheet,
    signer: &Signer,
    given: &Given,
) -> WebResult<()> {
    let staff = ctx.require_user()?;
    let (path, name, typed) = match given {
        Given::Drawn(path) => (path.as_str(), signer.name.as_str(), false),
        Given::Typed(name) => ("", name.as_str(), true),
    };
    let new = NewSignature {
        signer: &signer.key,
        name,
        role: signer.role,
        path,
        typed,
        staff_id: staff.id,
    };
    store::signatures::sign(&state.db, sheet, &new, store::now()).await?;
    Ok(())
}

/// The signature cell of a row of the PDF sheet: the drawing and a note (when, who ran it).
pub fn pdf_cell(ctx: &Ctx, s: Option<&Signature>) -> (String, String) {
    let Some(s) = s else {
        return (String::new(), String::new());
    };
    let svg = if s.path.is_empty() {
        String::new()
    } else {
        domain::signature::svg(&s.path)
    };
    let mut note = signed_note(ctx, s);
    if let Some(staff) = &s.staff {
        note.push_str(" · ");
        note.push_str(&ctx.i.ta("signature-staff", &[("name", staff)]));
    }
    (svg, note)
}
