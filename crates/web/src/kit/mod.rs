//! The deployment kit (issue 21). `admin` is `/admin/kit`: the network team writes the next
//! version in a draft (items by section, the network's standard lists taken in by `sources`),
//! sees what it changes, publishes it, and sees which version each centre holds. `centre` is
//! `/centres/{slug}/kit`: the kit a centre holds, read by its coaches and managers while the
//! centre is licensed (`domain::kit::may_read`), and a newer version's exact changes, which its
//! managers take whole or in part.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};
use domain::kit::{Change, ChangeKind, Op, Section};
use domain::{Action, Scope};
use store::audit::{AuditAction, Entry};
use store::centres::CentreSummary;

mod admin;
mod centre;
pub mod demo;
pub mod sources;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/kit", get(admin::page))
        .route("/admin/kit/brouillon", post(admin::open_draft))
        .route("/admin/kit/elements", post(admin::add))
        .route("/admin/kit/elements/modifier", post(admin::save))
        .route("/admin/kit/elements/retirer", post(admin::remove))
        .route("/admin/kit/reprendre", post(admin::take_sources))
        .route("/admin/kit/publier", post(admin::publish))
        .route("/centres/{slug}/kit", get(centre::page))
        .route("/centres/{slug}/kit/prendre", post(centre::take))
        .route("/centres/{slug}/kit/{section}/{name}", get(centre::item))
}

/// One line of a change as the pages show it.
pub struct LineView {
    pub class: &'static str,
    pub sign: &'static str,
    pub text: String,
}

/// One change as the pages show it.
pub struct ChangeView {
    pub key: String,
    pub section: String,
    pub kind: String,
    pub kind_class: &'static str,
    pub title: String,
    /// « Ancien titre : … » when the title changed.
    pub was: String,
    pub lines: Vec<LineView>,
}

pub fn change_views(i: I18n, changes: Vec<Change>) -> Vec<ChangeView> {
    changes
        .into_iter()
        .map(|c| ChangeView {
            section: i.t(&c.section.label_key()),
            kind: i.t(&format!("kit-change-{}", c.kind.code())),
            kind_class: match c.kind {
                ChangeKind::Added => "badge-success",
                ChangeKind::Removed => "badge-danger",
                ChangeKind::Changed => "badge-warning",
            },
            was: match (&c.old_title, c.kind) {
                (Some(old), ChangeKind::Changed) => i.ta("kit-was-titled", &[("title", old)]),
                _ => String::new(),
            },
            lines: c
                .lines
                .into_iter()
                .map(|l| LineView {
                    class: match l.op {
                        Op::Same => "kit-line-same",
                        Op::Added => "kit-line-added",
                        Op::Removed => "kit-line-removed",
                    },
                    sign: match l.op {
                        Op::Same => " ",
                        Op::Added => "+",
                        Op::Removed => "−",
                    },
                    text: l.text,
                })
                .collect(),
            key: c.key,
            title: c.title,
        })
        .collect()
}

/// Items grouped by section in the kit's order: (section name, items).
pub fn by_section<T>(
    i: I18n,
    items: Vec<T>,
    section: impl Fn(&T) -> Section,
) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(Section, Vec<T>)> = Vec::new();
    for item in items {
        let s = section(&item);
        match groups.iter_mut().find(|(g, _)| *g == s) {
            Some((_, list)) => list.push(item),
            None => groups.push((s, vec![item])),
        }
    }
    groups.sort_by_key(|(s, _)| *s);
    groups
        .into_iter()
        .map(|(s, list)| (i.t(&s.label_key()), list))
        .collect()
}

/// Whether the centre may read the kit now: the studio, or a micro-centre with a licence in
/// force or suspended (its newest licence).
pub async fn licensed(state: &AppState, ctx: &Ctx, centre: &CentreSummary) -> WebResult<bool> {
    let licences = crate::cache::kept(
        state,
        ctx,
        format!("licences:{}", centre.id),
        store::licences::of_centre(&state.db, centre.id),
    )
    .await?;
    let licence = licences
        .first()
        .map(|l| l.status_on(store::licences::today()));
    Ok(domain::kit::may_read(centre.kind, licence))
}

/// The centre named in the address, when the person may `action` on it (the network team may
/// on every centre); anyone else is told it does not exist.
pub async fn centre_for(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    action: Action,
) -> WebResult<CentreSummary> {
    ctx.require_user()?;
    let centre = crate::cohorts::centre_by_slug(state, slug).await?;
    if !ctx.actor.can(Action::ViewKit, Scope::Centre(centre.id)) {
        return Err(WebError::NotFound);
    }
    ctx.authorize(action, Scope::Centre(centre.id))?;
    Ok(centre)
}

pub(crate) async fn audit<'e>(
    ex: impl Into<store::Exec<'e>>,
    ctx: &Ctx,
    action: AuditAction,
    centre_id: Option<i64>,
    detail: &str,
) -> WebResult<()> {
    store::audit::record(
        ex,
        action,
        Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            centre_id,
            detail,
            ..Entry::default()
        },
    )
    .await?;
    Ok(())
}
