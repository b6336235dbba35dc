//! `/centres/{slug}/kit`: the kit a centre holds (its copy, by section, each item on its own
//! page), and, when the network published a newer version, exactly what it changes, which the
//! centre's managers take whole or in part (`store::kit::take_in`, one unit of work with its
//! audit line). A micro-centre without a licence in force sees why it has no kit, not the kit.
use super::{ChangeView, audit, by_section, centre_for, change_views, licensed};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};
use store::audit::AuditAction;
use store::centres::CentreSummary;

pub struct ItemCard {
    pub href: String,
    pub title: String,
    pub excerpt: String,
}

#[derive(Template)]
#[template(path = "kit/centre.html")]
struct CentreKitView {
    layout: Layout,
    slug: String,
    tabs: Vec<(String, &'static str, bool)>,
    /// False: the centre has no licence in force; its people see why and nothing else.
    licensed: bool,
    /// The network team looks at a centre that has no licence in force.
    network_sees_unlicensed: bool,
    held: String,
    /// The version published after the one held, its notes and what it changes.
    newer: Option<(i64, String)>,
    changes: Vec<ChangeView>,
    held_id: String,
    may_take: bool,
    /// Why taking was refused, shown above the changes.
    refusal: Option<String>,
    groups: Vec<(String, Vec<ItemCard>)>,
}

/// What a centre holds of the kit and what the current version would change.
#[derive(Clone)]
struct Holding {
    held: Option<store::kit::Held>,
    /// The current version's number and notes, when the centre does not hold it.
    newer: Option<(i64, String)>,
    changes: Vec<domain::kit::Change>,
    items: Vec<store::kit::StoredItem>,
}

async fn holding(db: &store::Db, centre_id: i64) -> store::Result<Holding> {
    let held = store::kit::held(db, centre_id).await?;
    let current = store::kit::current(db).await?;
    let (newer, changes) = match &current {
        Some(c) if held.as_ref().is_none_or(|h| h.version_id != c.id) => {
            let old = match &held {
                Some(h) => store::kit::items(db, h.version_id).await?,
                None => Vec::new(),
            };
            let new = store::kit::items(db, c.id).await?;
            let changes = domain::kit::changes(
                &old.iter()
                    .map(store::kit::StoredItem::item)
                    .collect::<Vec<_>>(),
                &new.iter()
                    .map(store::kit::StoredItem::item)
                    .collect::<Vec<_>>(),
            );
            (Some((c.number, c.notes.clone())), changes)
        }
        _ => (None, Vec::new()),
    };
    let items = store::kit::centre_items(db, centre_id).await?;
    Ok(Holding {
        held,
        newer,
        changes,
        items,
    })
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    refusal: Option<String>,
) -> WebResult<Response> {
    let i = ctx.i;
    let network = ctx.actor.can(Action::ManageKit, Scope::Network);
    let is_licensed = licensed(state, ctx, &centre).await?;
    let layout = Layout::new(
        state,
        ctx,
        i.ta("kit-centre-title", &[("centre", &centre.name)]),
    )
    .under(format!("/centres/{}", centre.slug), centre.name.clone());
    if !is_licensed && !network {
        let view = CentreKitView {
            layout,
            tabs: crate::procedures::tabs(&centre.slug, "kit"),
            slug: centre.slug,
            licensed: false,
            network_sees_unlicensed: false,
            held: String::new(),
            newer: None,
            changes: Vec::new(),
            held_id: String::new(),
            may_take: false,
            refusal: None,
            groups: Vec::new(),
        };
        return Ok((StatusCode::FORBIDDEN, Html(view.render()?)).into_response());
    }
    // Kept a few seconds (any change made through this node forgets it).
    let holding = crate::cache::kept(
        state,
        ctx,
        format!("kit-centre:{}", centre.id),
        holding(&state.db, centre.id),
    )
    .await?;
    let Holding {
        held,
        newer,
        changes,
        items,
    } = (*holding).clone();
    let cards: Vec<(domain::kit::Section, ItemCard)> = items
        .into_iter()
        .map(|s| {
            let item = s.item();
            (
                item.section,
                ItemCard {
                    href: format!("/centres/{}/kit/{}", centre.slug, item.key),
                    excerpt: domain::markdown::excerpt(&item.body, 160),
                    title: item.title,
                },
            )
        })
        .collect();
    let groups = by_section(i, cards, |(s, _)| *s)
        .into_iter()
        .map(|(name, list)| (name, list.into_iter().map(|(_, c)| c).collect()))
        .collect();
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let view = CentreKitView {
        layout,
        licensed: true,
        network_sees_unlicensed: !is_licensed,
        held: match &held {
            Some(h) => i.ta(
                "kit-held",
                &[
                    ("number", &h.number.to_string()),
                    ("date", &i.date(h.taken_at)),
                ],
            ),
            None => String::new(),
        },
        held_id: held
            .as_ref()
            .map(|h| h.version_id.to_string())
            .unwrap_or_default(),
        newer,
        changes: change_views(i, changes),
        may_take: is_licensed && ctx.actor.can(Action::TakeKit, Scope::Centre(centre.id)),
        refusal,
        groups,
        tabs: crate::procedures::tabs(&centre.slug, "kit"),
        slug: centre.slug,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ViewKit).await?;
    render(&state, &ctx, centre, None).await
}

#[derive(Template)]
#[template(path = "kit/item.html")]
struct ItemView {
    layout: Layout,
    section: String,
    meta: String,
    body: String,
}

pub async fn item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, section, name)): Path<(String, String, String)>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::ViewKit).await?;
    let i = ctx.i;
    if !licensed(&state, &ctx, &centre).await? && !ctx.actor.can(Action::ManageKit, Scope::Network)
    {
        return render(&state, &ctx, centre, None).await;
    }
    let stored = store::kit::centre_item(&state.db, centre.id, &format!("{section}/{name}"))
        .await?
        .ok_or(WebError::NotFound)?;
    let item = stored.item();
    let view = ItemView {
        layout: Layout::new(&state, &ctx, item.title.clone())
            .under(format!("/centres/{}", centre.slug), centre.name.clone())
            .under(format!("/centres/{}/kit", centre.slug), i.t("kit-title")),
        section: i.t(&item.section.label_key()),
        meta: i.ta(
            "kit-item-version",
            &[("number", &stored.version_number.to_string())],
        ),
        body: domain::markdown::render_in(&item.body, i.locale()).html,
    };
    Ok(Html(view.render()?).into_response())
}

/// Takes the current version's changes ticked on the page (`change`, repeated) into the
/// centre's copy; `held` is the version the page showed the centre holding.
pub async fn take(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> WebResult<Response> {
    let centre = centre_for(&state, &ctx, &slug, Action::TakeKit).await?;
    let i = ctx.i;
    if !licensed(&state, &ctx, &centre).await? {
        return render(&state, &ctx, centre, None).await;
    }
    let held = form
        .iter()
        .find(|(k, _)| k == "held")
        .and_then(|(_, v)| v.trim().parse::<i64>().ok());
    let keys: Vec<String> = form
        .iter()
        .filter(|(k, _)| k == "change")
        .map(|(_, v)| v.trim().to_string())
        .collect();
    let by = ctx.user.as_ref().map(|u| u.id);
    let mut tx = state.db.begin().await?;
    let taken = match store::kit::take_in(&mut tx, centre.id, held, Some(&keys), by).await {
        Ok(t) => t,
        Err(store::StoreError::Refused(key)) => {
            drop(tx);
            return render(&state, &ctx, centre, Some(i.t(key))).await;
        }
        Err(store::StoreError::NotFound) => return Err(WebError::NotFound),
        Err(e) => return Err(e.into()),
    };
    let detail = format!(
        "version {} · taken {} · left {}",
        taken.number,
        taken.taken.join(" "),
        taken.left.join(" ")
    );
    audit(
        &mut tx,
        &ctx,
        AuditAction::KitTaken,
        Some(centre.id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    let flash = if taken.left.is_empty() {
        "flash-kit-taken"
    } else {
        "flash-kit-taken-partly"
    };
    Ok(redirect_with_flash(
        &format!("/centres/{}/kit", centre.slug),
        flash,
        &state,
    ))
}
