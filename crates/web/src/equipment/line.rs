//! One line of a centre's inventory (`/centres/{slug}/equipment/{id}`): changed (status, space,
//! price…) or removed. A line of another centre is a 404.
use super::{Choice, LineForm, check, keeper, space_choices, status_choices};
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
use store::centres::CentreSummary;

#[derive(Template)]
#[template(path = "equipment/line.html")]
struct LineView {
    layout: Layout,
    slug: String,
    id: i64,
    transferred: bool,
    form: LineForm,
    errors: FieldErrors,
    statuses: Vec<Choice>,
    spaces: Vec<Choice>,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    line: &store::equipment::Line,
    form: LineForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let spaces = store::equipment::spaces(&state.db, centre.id).await?;
    let view = LineView {
        layout: Layout::new(state, ctx, line.name.clone()).under(
            format!("/centres/{}/equipment", centre.slug),
            i.ta("equipment-title", &[("centre", &centre.name)]),
        ),
        slug: centre.slug.clone(),
        id: line.id,
        transferred: line.transferred_at.is_some(),
        statuses: status_choices(i, &form.status),
        spaces: space_choices(&spaces, &form.space),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

async fn find(
    state: &AppState,
    centre: &CentreSummary,
    id: i64,
) -> WebResult<store::equipment::Line> {
    store::equipment::line(&state.db, centre.id, id)
        .await?
        .ok_or(WebError::NotFound)
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let line = find(&state, &centre, id).await?;
    let form = LineForm::of(&line);
    render(&state, &ctx, &centre, &line, form, FieldErrors::default()).await
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(form): Form<LineForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let line = find(&state, &centre, id).await?;
    let mut errors = FieldErrors::default();
    let checked = check(ctx.i, &form, &mut errors);
    let Some(checked) = checked.filter(|_| errors.is_empty()) else {
        return render(&state, &ctx, &centre, &line, form, errors).await;
    };
    match store::equipment::update(&state.db, centre.id, id, &checked.input()).await {
        Ok(()) => {}
        Err(store::StoreError::NotFound) => {
            errors.add("space", ctx.i, "equipment-error-space");
            return render(&state, &ctx, &centre, &line, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/equipment", centre.slug),
        "flash-equipment-saved",
        &state,
    ))
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    if !store::equipment::delete(&state.db, centre.id, id).await? {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        &format!("/centres/{}/equipment", centre.slug),
        "flash-equipment-deleted",
        &state,
    ))
}
