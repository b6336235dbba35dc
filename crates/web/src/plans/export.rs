//! The plan's exports: the SVG (`/centres/{slug}/plan.svg`) and a PDF at 1:50 or 1:100
//! (`/centres/{slug}/plan.pdf?scale=50`), of the current plan or of a named version
//! (`?version=…`). Those who may see the plan may export it.
use super::{describe, read, viewer};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::respond::{self, Disposition};
use crate::state::AppState;
use axum::extract::State;
use axum::response::Response;
use domain::plan::{self, Plan, svg};
use serde::Deserialize;
use store::centres::CentreSummary;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExportQuery {
    pub version: Option<i64>,
    pub scale: Option<u32>,
}

/// The plan asked for, with its title.
async fn chosen(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    q: &ExportQuery,
) -> WebResult<(Plan, String)> {
    let i = ctx.i;
    match q.version {
        Some(id) => {
            let (name, document) = store::plans::version(&state.db, centre.id, id)
                .await?
                .ok_or(WebError::NotFound)?;
            let title = i.ta(
                "plan-version-title",
                &[("centre", &centre.name), ("name", &name)],
            );
            Ok((read(&document)?, title))
        }
        None => {
            let row = store::plans::for_centre(&state.db, centre.id)
                .await?
                .ok_or(WebError::NotFound)?;
            let title = i.ta("plan-title", &[("centre", &centre.name)]);
            Ok((read(&row.document)?, title))
        }
    }
}

pub async fn svg(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ExportQuery>,
) -> WebResult<Response> {
    let centre = viewer(&state, &ctx, &slug).await?;
    let (plan, title) = chosen(&state, &ctx, &centre, &q).await?;
    let body = svg::render(
        &plan,
        &svg::Options {
            title: &title,
            size: Some((
                format!("{}cm", plan.width_cm as f64 / 100.0),
                format!("{}cm", plan.height_cm as f64 / 100.0),
            )),
            editable: false,
        },
    );
    let body = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{body}");
    Ok(respond::file(
        body.into_bytes(),
        "image/svg+xml",
        Disposition::Attachment,
        &format!("plan-{slug}.svg"),
    ))
}

pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<ExportQuery>,
) -> WebResult<Response> {
    let centre = viewer(&state, &ctx, &slug).await?;
    let scale = q.scale.unwrap_or(100);
    if !plan::SCALES.contains(&scale) {
        return Err(WebError::BadRequest("plan-error-scale"));
    }
    let (plan, title) = chosen(&state, &ctx, &centre, &q).await?;
    let i = ctx.i;
    let (width_mm, height_mm) = plan::paper_mm(&plan, scale);
    let sheet = documents::PlanSheet {
        lang: i.code().to_string(),
        subtitle: i.ta(
            "plan-building-size",
            &[
                ("w", &super::metres(i, plan.width_cm)),
                ("h", &super::metres(i, plan.height_cm)),
            ],
        ),
        scale_label: i.ta("plan-scale-label", &[("scale", &scale.to_string())]),
        metre_label: i.t("plan-metre"),
        footer: centre.name.clone(),
        svg: svg::render(
            &plan,
            &svg::Options {
                title: &title,
                size: Some((format!("{width_mm}mm"), format!("{height_mm}mm"))),
                editable: false,
            },
        ),
        width_mm,
        height_mm,
        metre_mm: 1000.0 / f64::from(scale),
        legend: describe(i, &plan),
        title,
    };
    let bytes = respond::pdf(documents::Template::PlanSheet, sheet).await?;
    Ok(respond::file(
        bytes,
        respond::PDF,
        Disposition::Attachment,
        &format!("plan-{slug}-1-{scale}.pdf"),
    ))
}
