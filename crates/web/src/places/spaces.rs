//! A centre's spaces for its managers (`/centres/{slug}/espaces`): the list with a form to add
//! one, and each space's page to change it. A space has a kind, a capacity, an area (typed in
//! m², kept in dm²), the equipment it offers and its booking rules: open to bookings or not,
//! the longest booking, the least notice, who may book, the hourly price (empty or 0: free).
use super::managed_centre;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::booking::{Audience, SpaceKind};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};
use store::centres::CentreSummary;
use store::places::{Space, SpaceInput};

#[derive(Debug, Deserialize)]
#[serde(default)]
pub struct SpaceForm {
    pub name: String,
    pub kind: String,
    pub capacity: String,
    pub area: String,
    pub bookable: String,
    pub equipment: String,
    pub description: String,
    pub max_hours: String,
    pub notice_hours: String,
    pub audience: String,
    pub price: String,
}

impl Default for SpaceForm {
    fn default() -> Self {
        SpaceForm {
            name: String::new(),
            kind: "meeting".into(),
            capacity: String::new(),
            area: String::new(),
            bookable: "1".into(),
            equipment: String::new(),
            description: String::new(),
            max_hours: "4".into(),
            notice_hours: "1".into(),
            audience: "members".into(),
            price: String::new(),
        }
    }
}

impl SpaceForm {
    fn of(s: &Space) -> Self {
        SpaceForm {
            name: s.name.clone(),
            kind: s.kind.clone(),
            capacity: s.capacity.to_string(),
            area: area_input(s.area_dm2),
            bookable: if s.bookable {
                "1".into()
            } else {
                String::new()
            },
            equipment: s.equipment.clone(),
            description: s.description.clone(),
            max_hours: hours_input(s.max_minutes),
            notice_hours: hours_input(s.notice_minutes),
            audience: s.audience.clone(),
            price: if s.price_per_hour_cents == 0 {
                String::new()
            } else {
                domain::offer::price_input(s.price_per_hour_cents)
            },
        }
    }
}

fn area_input(dm2: i64) -> String {
    if dm2 % 100 == 0 {
        (dm2 / 100).to_string()
    } else {
        format!("{},{:02}", dm2 / 100, dm2 % 100)
            .trim_end_matches('0')
            .to_string()
    }
}

fn hours_input(minutes: i64) -> String {
    if minutes % 60 == 0 {
        (minutes / 60).to_string()
    } else {
        format!("{},{}", minutes / 60, (minutes % 60) * 10 / 60)
    }
}

/// `2`, `1,5`, `0.25` hours as minutes (at most `max` hours).
fn parse_hours(text: &str, max: i64) -> Option<i64> {
    let t = text.trim().replace(',', ".");
    let v: f64 = t.parse().ok()?;
    if !v.is_finite() || v < 0.0 || v > max as f64 {
        return None;
    }
    Some((v * 60.0).round() as i64)
}

/// `42`, `42,5` m² as dm².
fn parse_area(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() {
        return Some(0);
    }
    domain::offer::parse_price(t).filter(|v| *v <= 10_000_000)
}

fn parse_count(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() {
        return Some(0);
    }
    t.parse::<i64>().ok().filter(|n| (0..=10_000).contains(n))
}

pub struct SpaceRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub capacity: String,
    pub area: String,
    pub rules: String,
    pub bookable: bool,
}

#[derive(Template)]
#[template(path = "places/spaces.html")]
struct ListView {
    layout: Layout,
    slug: String,
    spaces: Vec<SpaceRow>,
    form: SpaceForm,
    errors: FieldErrors,
    kinds: Vec<(&'static str, String)>,
    audiences: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "places/space_edit.html")]
struct EditView {
    layout: Layout,
    slug: String,
    id: i64,
    form: SpaceForm,
    errors: FieldErrors,
    kinds: Vec<(&'static str, String)>,
    audiences: Vec<(&'static str, String)>,
    feed_href: String,
}

fn kinds(i: crate::i18n::I18n) -> Vec<(&'static str, String)> {
    SpaceKind::ALL
        .into_iter()
        .map(|k| (k.code(), i.t(k.label_key())))
        .collect()
}

fn audiences(i: crate::i18n::I18n) -> Vec<(&'static str, String)> {
    Audience::ALL
        .into_iter()
        .map(|a| (a.code(), i.t(a.label_key())))
        .collect()
}

/// A space's rules in one line (« 4 h au plus · 1 h d'avance · membres · gratuit »).
pub fn rules_line(i: crate::i18n::I18n, s: &Space) -> String {
    let audience = Audience::parse(&s.audience).unwrap_or(Audience::Members);
    let price = if s.price_per_hour_cents == 0 {
        i.t("space-free")
    } else {
        i.ta(
            "space-price-hour",
            &[("price", &i.money(s.price_per_hour_cents))],
        )
    };
    i.ta(
        "space-rules-line",
        &[
            ("max", &hours_input(s.max_minutes)),
            ("notice", &hours_input(s.notice_minutes)),
            ("audience", &i.t(audience.label_key())),
            ("price", &price),
        ],
    )
}

async fn render_list(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    form: SpaceForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let spaces = store::places::spaces(&state.db, centre.id).await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ListView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("space-list-heading", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        slug: centre.slug.clone(),
        spaces: spaces
            .iter()
            .map(|s| SpaceRow {
                id: s.id,
                name: s.name.clone(),
                kind: SpaceKind::parse(&s.kind).map_or_else(String::new, |k| i.t(k.label_key())),
                capacity: i.tn("space-capacity-people", s.capacity),
                area: super::area(i, s.area_dm2),
                rules: rules_line(i, s),
                bookable: s.bookable,
            })
            .collect(),
        form,
        errors,
        kinds: kinds(i),
        audiences: audiences(i),
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    render_list(
        &state,
        &ctx,
        &centre,
        SpaceForm::default(),
        FieldErrors::default(),
    )
    .await
}

/// The form read into what the store keeps, or the errors beside their fields.
struct Checked {
    name: String,
    kind: SpaceKind,
    capacity: i64,
    area_dm2: i64,
    equipment: String,
    description: String,
    max_minutes: i64,
    notice_minutes: i64,
    audience: Audience,
    price: i64,
}

fn check(i: crate::i18n::I18n, form: &SpaceForm, errors: &mut FieldErrors) -> Option<Checked> {
    let name = errors.check("name", i, text(&form.name, 80));
    let kind = SpaceKind::parse(&form.kind);
    if kind.is_none() {
        errors.add("kind", i, "error-choice-unknown");
    }
    let capacity = parse_count(&form.capacity);
    if capacity.is_none() {
        errors.add("capacity", i, "space-error-capacity");
    }
    let area_dm2 = parse_area(&form.area);
    if area_dm2.is_none() {
        errors.add("area", i, "space-error-area");
    }
    let max_minutes = parse_hours(&form.max_hours, 24).filter(|m| *m >= 15);
    if max_minutes.is_none() {
        errors.add("max_hours", i, "space-error-max");
    }
    let notice_minutes = parse_hours(&form.notice_hours, 24 * 60);
    if notice_minutes.is_none() {
        errors.add("notice_hours", i, "space-error-notice");
    }
    let audience = Audience::parse(&form.audience);
    if audience.is_none() {
        errors.add("audience", i, "error-choice-unknown");
    }
    let price = domain::offer::parse_price(&form.price);
    if price.is_none() {
        errors.add("price", i, "space-error-price");
    }
    let equipment = form.equipment.trim().to_string();
    if equipment.chars().count() > 2_000 {
        errors.add("equipment", i, "error-too-long");
    }
    let description = form.description.trim().to_string();
    if description.chars().count() > 2_000 {
        errors.add("description", i, "error-too-long");
    }
    Some(Checked {
        name: name?,
        kind: kind?,
        capacity: capacity?,
        area_dm2: area_dm2?,
        equipment,
        description,
        max_minutes: max_minutes?,
        notice_minutes: notice_minutes?,
        audience: audience?,
        price: price?,
    })
    .filter(|_| errors.is_empty())
}

fn input<'a>(c: &'a Checked, form: &SpaceForm) -> SpaceInput<'a> {
    SpaceInput {
        name: &c.name,
        kind: c.kind.code(),
        capacity: c.capacity,
        area_dm2: c.area_dm2,
        bookable: !form.bookable.is_empty(),
        equipment: &c.equipment,
        description: &c.description,
        max_minutes: c.max_minutes,
        notice_minutes: c.notice_minutes,
        audience: c.audience.code(),
        price_per_hour_cents: c.price,
    }
}

async fn audit_saved(tx: &mut store::Tx, ctx: &Ctx, centre: i64, id: i64) -> WebResult<()> {
    audit::record(
        tx,
        AuditAction::SpaceSaved,
        Entry {
            actor_id: ctx.actor.user_id,
            centre_id: Some(centre),
            subject_id: Some(id),
            ..Entry::default()
        },
    )
    .await?;
    Ok(())
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<SpaceForm>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(checked) = check(i, &form, &mut errors) else {
        return render_list(&state, &ctx, &centre, form, errors).await;
    };
    let mut tx = state.db.begin().await?;
    let id = match store::places::create_space_in(&mut tx, centre.id, &input(&checked, &form)).await
    {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            drop(tx);
            errors.add("name", i, "space-error-name-taken");
            return render_list(&state, &ctx, &centre, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    };
    audit_saved(&mut tx, &ctx, centre.id, id).await?;
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/espaces", centre.slug),
        "flash-space-added",
        &state,
    ))
}

async fn centre_space(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
    id: i64,
) -> WebResult<(CentreSummary, Space)> {
    let centre = managed_centre(state, ctx, slug).await?;
    let space = store::places::space(&state.db, id)
        .await?
        .filter(|s| s.centre_id == centre.id)
        .ok_or(WebError::NotFound)?;
    Ok((centre, space))
}

async fn render_edit(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    id: i64,
    form: SpaceForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let feed_href = crate::bookings::feed_href(state, id).await?;
    let view = EditView {
        layout: Layout::new(state, ctx, i.t("space-edit-title")).under(
            format!("/centres/{}/espaces", centre.slug),
            i.t("space-list-title"),
        ),
        slug: centre.slug.clone(),
        id,
        form,
        errors,
        kinds: kinds(i),
        audiences: audiences(i),
        feed_href,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let (centre, space) = centre_space(&state, &ctx, &slug, id).await?;
    render_edit(
        &state,
        &ctx,
        &centre,
        id,
        SpaceForm::of(&space),
        FieldErrors::default(),
    )
    .await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<SpaceForm>,
) -> WebResult<Response> {
    let (centre, _) = centre_space(&state, &ctx, &slug, id).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let Some(checked) = check(i, &form, &mut errors) else {
        return render_edit(&state, &ctx, &centre, id, form, errors).await;
    };
    let mut tx = state.db.begin().await?;
    match store::places::update_space_in(&mut tx, centre.id, id, &input(&checked, &form)).await {
        Ok(true) => {}
        Ok(false) => return Err(WebError::NotFound),
        Err(store::StoreError::Duplicate) => {
            drop(tx);
            errors.add("name", i, "space-error-name-taken");
            return render_edit(&state, &ctx, &centre, id, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    audit_saved(&mut tx, &ctx, centre.id, id).await?;
    tx.commit().await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/espaces", centre.slug),
        "flash-space-saved",
        &state,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_typed_in_the_form() {
        assert_eq!(parse_hours("1,5", 24), Some(90));
        assert_eq!(parse_hours("0.25", 24), Some(15));
        assert_eq!(parse_hours("-1", 24), None);
        assert_eq!(parse_hours("25", 24), None);
        assert_eq!(parse_hours("deux", 24), None);
        assert_eq!(parse_area("42,5"), Some(4_250));
        assert_eq!(parse_area(""), Some(0));
        assert_eq!(parse_area("-3"), None);
        assert_eq!(area_input(4_250), "42,5");
        assert_eq!(area_input(4_200), "42");
        assert_eq!(hours_input(90), "1,5");
        assert_eq!(parse_count("12"), Some(12));
        assert_eq!(parse_count("-2"), None);
    }
}
