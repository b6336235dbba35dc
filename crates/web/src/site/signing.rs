//! An event's attendance sheet, signed on the staff's phone or tablet: each registered person
//! signs (which checks them in), the staff running it sign as trainer.
use super::checkin::staff_event;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::respond::redirect_with_flash;
use crate::signing::{self, SheetInfo, SignForm, Signer};
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::event::Status;
use store::events::Detail;
use store::signatures::Sheet;
use store::site::Event;

/// Who may sign an event's sheet: the registered people, then the staff running it.
pub(super) fn signers(ctx: &Ctx, all: &[Detail]) -> WebResult<Vec<Signer>> {
    let staff = ctx.require_user()?;
    let mut signers: Vec<Signer> = all
        .iter()
        .filter(|d| d.status == Status::Registered)
        .map(|d| Signer::registration(d.id, &d.name))
        .collect();
    signers.push(Signer::person(staff.id, &staff.display_name, "trainer"));
    Ok(signers)
}

pub(super) fn info(ctx: &Ctx, e: &Event) -> SheetInfo {
    let i = ctx.i;
    let place = if e.place.is_empty() {
        i.t("site-event-online")
    } else {
        e.place.clone()
    };
    SheetInfo {
        sheet: Sheet::Event(e.id),
        title: e.title.clone(),
        when: format!("{} · {place}", i.datetime(e.starts_at)),
        base: format!("/admin/evenements/{}/emargement", e.id),
        back: format!("/admin/evenements/{}/accueil", e.id),
        back_label: i.t("event-checkin-title"),
        pdf: format!("/admin/evenements/{}/presences.pdf", e.id),
    }
}

async fn sheet(state: &AppState, ctx: &Ctx, id: i64) -> WebResult<(SheetInfo, Vec<Signer>)> {
    let e = staff_event(state, ctx, id).await?;
    let all = store::events::of_event(&state.db, e.id).await?;
    Ok((info(ctx, &e), signers(ctx, &all)?))
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
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (info, signers) = sheet(&state, &ctx, id).await?;
    signing::render_sheet(&state, &ctx, info, &signers).await
}

pub async fn pad(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, who)): Path<(i64, String)>,
) -> WebResult<Response> {
    let (info, signers) = sheet(&state, &ctx, id).await?;
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
    Path((id, who)): Path<(i64, String)>,
    Form(form): Form<SignForm>,
) -> WebResult<Response> {
    let (info, signers) = sheet(&state, &ctx, id).await?;
    let signer = find(signers, &who)?;
    let given = match signing::check(&ctx, &form) {
        Ok(g) => g,
        Err(errors) => return signing::render_pad(&state, &ctx, info, signer, form, errors),
    };
    signing::keep(&state, &ctx, info.sheet, &signer, &given).await?;
    if let Some(reg) = signer
        .key
        .strip_prefix("registration:")
        .and_then(|r| r.parse().ok())
    {
        store::events::check_in(&state.db, reg, store::now()).await?;
    }
    Ok(redirect_with_flash(
        &info.base,
        "flash-signature-saved",
        &state,
    ))
}
