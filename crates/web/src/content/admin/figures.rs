//! A case study's key figures filled from its project's latest measurements.
use super::editor::{EditContext, render_editor};
use super::form::EditorForm;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::state::AppState;
use axum::response::Response;
use domain::content::{self, Kind};

/// « Remplir avec les dernières mesures »: the case study's figures re-rendered with the latest
/// measurement of each indicator of the chosen project (value, unit and name in the version's
/// language, and the day), after the figures typed by hand. Nothing is saved.
pub(super) async fn fill_figures(
    state: &AppState,
    ctx: &Ctx,
    mut input: EditorForm,
    mut errors: FieldErrors,
    edit: EditContext<'_>,
) -> WebResult<Response> {
    let i = ctx.i;
    let projects = store::content::project_choices(&state.db).await?;
    let project = input
        .project_id
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|id| projects.iter().any(|(p, _)| p == id));
    match (project, content::parse_figures(&input.figures)) {
        (None, _) => errors.add("project_id", i, "content-error-fill-project"),
        (_, Err(e)) => errors.add("figures", i, e.message_key()),
        (Some(project), Ok(typed)) => {
            let locale = if edit.lang == "en" {
                domain::Locale::En
            } else {
                domain::Locale::Fr
            };
            let measured = measured_figures(state, I18n::new(locale), project).await?;
            if measured.is_empty() {
                errors.add("figures", i, "content-error-fill-empty");
            } else {
                input.figures = content::figures_text(&content::with_measured(&typed, measured));
            }
        }
    }
    let kind = Kind::CaseStudy;
    render_editor(state, ctx, kind, input, errors, edit).await
}

/// The latest measurement of each indicator a project follows, as key figures written in the
/// language of `i`: `1 240 | personnes | Personnes touchées | 2026-11-03`.
async fn measured_figures(
    state: &AppState,
    i: I18n,
    project: i64,
) -> WebResult<Vec<content::Figure>> {
    let indicators = store::impact::indicators(&state.db, project).await?;
    let measurements = store::impact::measurements(&state.db, project).await?;
    let latest = domain::impact::latest_measurements(
        measurements
            .iter()
            .map(|m| (m.project_indicator_id, m.measured_on.as_str(), m.value)),
    );
    Ok(indicators
        .iter()
        .filter_map(|pi| {
            let ind = domain::impact::indicator(&pi.indicator_code)?;
            let (day, value) = latest.get(&pi.id)?;
            Some(content::Figure {
                value: domain::impact::format_quantity(i.locale, *value),
                unit: match ind.unit {
                    domain::impact::Unit::Percent => "%".to_string(),
                    unit => i.t(&format!("unit-name-{}", unit.code())),
                },
                label: ind.text(i.locale).name.clone(),
                measured_on: Some((*day).to_string()),
            })
        })
        .collect())
}
