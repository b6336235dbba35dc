//! Staff write their centre's catalogue: the list of its offers, a new one, an edit page.
use super::form::OfferForm;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::{Action, Scope};
use store::centres::CentreSummary;
use store::offers::Offer;

pub struct Row {
    pub id: i64,
    pub title: String,
    pub price: String,
    pub seats: String,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "offers/list.html")]
struct ListView {
    layout: Layout,
    centre: CentreSummary,
    offers: Vec<Row>,
}

#[derive(Template)]
#[template(path = "offers/form.html")]
struct FormView {
    layout: Layout,
    centre: CentreSummary,
    action: String,
    form: OfferForm,
    errors: FieldErrors,
    /// The public page of the offer being edited.
    public: Option<String>,
}

/// A centre by its slug, from the cached list (the cohorts' lookup).
pub(super) use crate::cohorts::centre_by_slug;

pub(super) async fn centre_by_id(state: &AppState, id: i64) -> WebResult<CentreSummary> {
    state
        .centres()
        .await?
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .ok_or(WebError::NotFound)
}

/// The centre of something only its managers may see (an offer, an application): a 404 for
/// anyone else, as for a thing that is not there.
pub(super) async fn staff_centre(
    state: &AppState,
    ctx: &Ctx,
    centre_id: i64,
) -> WebResult<CentreSummary> {
    ctx.require_user()?;
    if !ctx
        .actor
        .can(Action::ManageCentre, Scope::Centre(centre_id))
    {
        return Err(WebError::NotFound);
    }
    centre_by_id(state, centre_id).await
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    let i = ctx.i;
    let offers = store::offers::for_centre(&state.db, centre.id)
        .await?
        .iter()
        .map(|o| Row {
            id: o.id,
            title: o.title.clone(),
            price: super::price(i, o.price_cents),
            seats: i.ta(
                "offer-accepted-of",
                &[
                    ("accepted", &i.number(o.accepted)),
                    ("capacity", &i.number(o.capacity)),
                ],
            ),
            open: o.open(),
        })
        .collect();
    let view = ListView {
        layout: Layout::new(
            &state,
            &ctx,
            i.ta("offer-list-title", &[("centre", &centre.name)]),
        ),
        centre,
        offers,
    };
    Ok(Html(view.render()?).into_response())
}

fn render_form(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    offer: Option<&Offer>,
    form: OfferForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (title, action, public) = match offer {
        Some(o) => (
            o.title.clone(),
            format!("/offers/{}/edit", o.id),
            Some(format!("/offre/{}/{}", o.centre_slug, o.slug)),
        ),
        None => (
            i.t("offer-new"),
            format!("/centres/{}/offers/new", centre.slug),
            None,
        ),
    };
    let view = FormView {
        layout: Layout::new(state, ctx, title).under(
            format!("/centres/{}/offers", centre.slug),
            i.ta("offer-list-title", &[("centre", &centre.name)]),
        ),
        centre,
        action,
        form,
        errors,
        public,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn new_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    render_form(
        &state,
        &ctx,
        centre,
        None,
        OfferForm::fresh(),
        FieldErrors::default(),
    )
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<OfferForm>,
) -> WebResult<Response> {
    let centre = centre_by_slug(&state, &slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    let mut errors = FieldErrors::default();
    let Some(fields) = form.check(ctx.i, &mut errors) else {
        return render_form(&state, &ctx, centre, None, form, errors);
    };
    match store::offers::create(&state.db, centre.id, &fields).await {
        Ok(_) => {
            state.site.changed();
            Ok(redirect_with_flash(
                &format!("/centres/{}/offers", centre.slug),
                "flash-offer-saved",
                &state,
            ))
        }
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", ctx.i, "offer-error-slug-taken");
            render_form(&state, &ctx, centre, None, form, errors)
        }
        Err(store::StoreError::Refused(key)) => {
            errors.add("open", ctx.i, key);
            render_form(&state, &ctx, centre, None, form, errors)
        }
        Err(e) => Err(e.into()),
    }
}

async fn offer_for_staff(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
) -> WebResult<(Offer, CentreSummary)> {
    let offer = store::offers::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let centre = staff_centre(state, ctx, offer.centre_id).await?;
    Ok((offer, centre))
}

pub async fn edit_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let (offer, centre) = offer_for_staff(&state, &ctx, id).await?;
    let form = OfferForm::of(&offer);
    render_form(
        &state,
        &ctx,
        centre,
        Some(&offer),
        form,
        FieldErrors::default(),
    )
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<OfferForm>,
) -> WebResult<Response> {
    let (offer, centre) = offer_for_staff(&state, &ctx, id).await?;
    let mut errors = FieldErrors::default();
    let Some(fields) = form.check(ctx.i, &mut errors) else {
        return render_form(&state, &ctx, centre, Some(&offer), form, errors);
    };
    match store::offers::update(&state.db, id, &fields).await {
        Ok(()) => {
            state.site.changed();
            Ok(redirect_with_flash(
                &format!("/centres/{}/offers", centre.slug),
                "flash-offer-saved",
                &state,
            ))
        }
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", ctx.i, "offer-error-slug-taken");
            render_form(&state, &ctx, centre, Some(&offer), form, errors)
        }
        Err(store::StoreError::Refused(key)) => {
            errors.add("open", ctx.i, key);
            render_form(&state, &ctx, centre, Some(&offer), form, errors)
        }
        Err(e) => Err(e.into()),
    }
}
