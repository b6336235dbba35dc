//! A centre's own budget (its forecast, not its projects'): the same statements as a project's
//! forecast, started from the centre template (domain::forecast::template), replaced by a file
//! in the exchange format, exported as that file and as the Cerfa 12156 layout. Its managers and
//! the network team only: another centre's manager is refused.
use super::owner::keeper;
use super::page::{ImportForm, PageView, computed, next_month, refusal};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::Form;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use domain::forecast::{parse, template};
use store::centres::CentreSummary;

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    render(&state, &ctx, &centre, None).await
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    refused: Option<(String, String)>,
) -> WebResult<Response> {
    let i = ctx.i;
    // Kept a few seconds per centre and language, like a project's forecast page.
    let of = store::forecasts::Of::Centre(centre.id);
    let forecast = state
        .reads
        .get_or_read(
            format!("centre-forecast:{}:{}", centre.id, i.locale.code()),
            async {
                Ok::<_, WebError>(
                    match store::forecasts::with_scenarios(&state.db, of).await? {
                        Some((row, scenarios)) => {
                            let plan = parse(&row.document)
                                .map_err(|e| WebError::Internal(e.to_string()))?;
                            Some(computed(ctx, &row, &plan, &scenarios))
                        }
                        None => None,
                    },
                )
            },
        )
        .await?;
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let (import_error, import_text) = refused.map_or((None, String::new()), |(e, t)| (Some(e), t));
    let view = PageView {
        layout: Layout::new(state, ctx, i.t("centre-forecast-title"))
            .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        base: format!("/centres/{}/forecast", centre.slug),
        project: false,
        can_edit: true,
        forecast: (*forecast).as_ref(),
        import_error,
        import_text,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// Starts the centre's budget from the template (nothing done when it has one already).
pub async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let to = format!("/centres/{slug}/forecast");
    let plan = template::centre_budget(
        &ctx.i
            .ta("centre-forecast-name", &[("centre", &centre.name)]),
        next_month(),
    );
    let document = plan.to_json();
    let new = store::forecasts::NewForecast {
        centre_id: centre.id,
        project_id: None,
        name: &plan.name,
        document: &document,
        created_by: Some(user.id),
    };
    match store::forecasts::create(&state.db, &new).await {
        Ok(_) => Ok(crate::respond::redirect_with_flash(
            &to,
            "flash-forecast-started",
            &state,
        )),
        Err(store::StoreError::Duplicate) => Ok(Redirect::to(&to).into_response()),
        Err(e) => Err(e.into()),
    }
}

/// Replaces the budget by a file in the exchange format: refused whole beside the box (what was
/// pasted kept), or saved as a new version.
pub async fn import(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<ImportForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let plan = match parse(&form.document) {
        Ok(plan) => plan,
        Err(e) => {
            let message = refusal(ctx.i, &e);
            return render(&state, &ctx, &centre, Some((message, form.document))).await;
        }
    };
    let document = plan.to_json();
    let to = format!("/centres/{slug}/forecast");
    match store::forecasts::for_centre(&state.db, centre.id).await? {
        Some(row) => {
            match store::forecasts::save(
                &state.db,
                row.id,
                row.version,
                &document,
                "import",
                Some(user.id),
            )
            .await
            {
                Ok(_) => {}
                Err(store::StoreError::Stale(_)) => {
                    return Ok(crate::respond::redirect_with_flash(
                        &to,
                        "flash-forecast-stale",
                        &state,
                    ));
                }
                Err(e) => return Err(e.into()),
            }
        }
        None => {
            let new = store::forecasts::NewForecast {
                centre_id: centre.id,
                project_id: None,
                name: &plan.name,
                document: &document,
                created_by: Some(user.id),
            };
            store::forecasts::create(&state.db, &new).await?;
        }
    }
    Ok(crate::respond::redirect_with_flash(
        &to,
        "flash-forecast-saved",
        &state,
    ))
}
