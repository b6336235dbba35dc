//! Impact indicators: the catalogue, a project's indicators (baseline, target, measurements with
//! their source and evidence file, progress to target, trend), the network report with its CSV
//! and XLSX exports (the yearly review moved to `network::review`).
pub(crate) mod report;
pub mod sdg;
pub mod xlsx;

use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use crate::upload::Multipart;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use domain::Scope;
use domain::impact::{self, Indicator, Kind};
use domain::tracking;
use serde::Deserialize;

pub fn routes(state: &AppState) -> Router<AppState> {
    let upload_limit = axum::extract::DefaultBodyLimit::max(crate::upload::body_limit(state));
    Router::new()
        .route("/impact/indicators", get(catalogue))
        .route(
            "/projects/{id}/indicators",
            get(project_page).post(add_indicator),
        )
        .route(
            "/project-indicators/{id}/measurements",
            post(add_measurement).layer(upload_limit),
        )
        .route("/impact/report", get(report::page))
        .route("/impact/report.csv", get(report::csv))
        .route("/impact/report.xlsx", get(report::xlsx))
        .route("/impact/report.pdf", get(report::pdf))
        .route("/impact/review", get(review_moved))
}

/// The yearly review was a form of free texts here; it is now computed from the data, per
/// calendar year, at `/reseau/bilan` (`network::review`). Old links lead there.
async fn review_moved(ctx: Ctx) -> WebResult<Response> {
    ctx.authorize(domain::Action::RecordNetworkReview, Scope::Network)?;
    Ok(Redirect::to("/reseau/bilan").into_response())
}

/// `12,5 t`: a value with its unit's short label.
pub fn with_unit(i: I18n, value: i64, unit: impact::Unit) -> String {
    i.ta(
        &unit.label_key(),
        &[("value", &impact::format_quantity(i.locale, value))],
    )
}

/// `2,4 Mo` / `2.4 MB`.
pub fn file_size(i: I18n, bytes: i64) -> String {
    let tenths_kb = (bytes * 10 + 512) / 1024;
    if tenths_kb < 10_240 {
        i.ta(
            "file-size-kb",
            &[(
                "value",
                &impact::format_quantity(i.locale, tenths_kb.max(1) * 100),
            )],
        )
    } else {
        let tenths_mb = (bytes * 10 + 524_288) / 1_048_576;
        i.ta(
            "file-size-mb",
            &[("value", &impact::format_quantity(i.locale, tenths_mb * 100))],
        )
    }
}

/// The sparkline's box, in px.
pub const SPARK_WIDTH: u32 = 240;
pub const SPARK_HEIGHT: u32 = 56;

/// One indicator of a project, as its page and the project page show it.
pub struct IndicatorSummary {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub definition: String,
    pub unit_label: String,
    pub baseline: String,
    pub target: String,
    pub target_on: String,
    pub current: String,
    pub meter: u32,
    pub progress_label: String,
    pub trend: String,
    pub sparkline: String,
    pub sparkline_label: String,
    /// Where the last value sits on the sparkline.
    pub spark_dot: Option<(f64, f64)>,
    /// The target line's height on the sparkline (levels only: a flow's monthly points are not
    /// comparable with its target, which is a total).
    pub spark_target: Option<f64>,
    pub measurements: Vec<MeasurementView>,
    pub measurements_label: String,
}

pub struct MeasurementView {
    pub date: String,
    pub value: String,
    pub source: String,
    pub evidence: Option<i64>,
}

/// The indicators of a project with their measurements, progress and trend.
pub async fn summaries(
    state: &AppState,
    i: I18n,
    project_id: i64,
) -> WebResult<Vec<IndicatorSummary>> {
    let chosen = store::impact::indicators(&state.db, project_id).await?;
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    let all = store::impact::measurements(&state.db, project_id).await?;
    let mut out = Vec::new();
    for pi in chosen {
        let Some(ind) = impact::indicator(&pi.indicator_code) else {
            continue;
        };
        let mine: Vec<&store::impact::Measurement> = all
            .iter()
            .filter(|m| m.project_indicator_id == pi.id)
            .collect();
        let points: Vec<(i64, i64)> = mine
            .iter()
            .filter_map(|m| {
                let d = tracking::parse_date(&m.measured_on).ok()?;
                Some((impact::month_index(d.year(), u8::from(d.month())), m.value))
            })
            .collect();
        let series = match (
            points.iter().map(|p| p.0).min(),
            points.iter().map(|p| p.0).max(),
        ) {
            (Some(first), Some(last)) => {
                let months = usize::try_from(last - first + 1).unwrap_or(1).min(120);
                impact::monthly(&points, ind.kind, last + 1 - months as i64, months)
            }
            _ => Vec::new(),
        };
        let known: Vec<i64> = series.iter().flatten().copied().collect();
        // A stock's current value is its latest level; a flow's is its total so far.
        let current = match ind.kind {
            Kind::Stock => mine.last().map(|m| m.value),
            Kind::Flow if !mine.is_empty() => Some(mine.iter().map(|m| m.value).sum()),
            Kind::Flow => None,
        };
        let percent = match (pi.target, current) {
            (Some(t), Some(c)) => impact::progress_to_target(pi.baseline, t, c, ind.direction),
            _ => None,
        };
        let text = ind.text(i.locale);
        let unit = |v: i64| with_unit(i, v, ind.unit);
        let spark = impact::spark(
            &series,
            pi.target.filter(|_| ind.kind == Kind::Stock),
            SPARK_WIDTH,
            SPARK_HEIGHT,
        );
        out.push(IndicatorSummary {
            id: pi.id,
            code: ind.code.clone(),
            name: text.name.clone(),
            definition: text.definition.clone(),
            unit_label: i.t(&format!("unit-name-{}", ind.unit.code())),
            baseline: unit(pi.baseline),
            target: pi.target.map(unit).unwrap_or_default(),
            target_on: pi
                .target_on
                .as_deref()
                .map(|d| crate::tracking::day(i, d))
                .unwrap_or_default(),
            current: current.map(unit).unwrap_or_default(),
            meter: percent.unwrap_or(0).min(100),
            progress_label: match percent {
                Some(p) => i.ta("impact-progress", &[("percent", &p.to_string())]),
                None => i.t("impact-progress-none"),
            },
            trend: i.t(impact::trend(&known, ind.direction).label_key()),
            sparkline: spark.points,
            spark_dot: spark.last,
            spark_target: spark.target_y,
            sparkline_label: i.ta(
                "impact-sparkline-label",
                &[
                    ("name", &text.name),
                    (
                        "values",
                        &known
                            .iter()
                            .map(|v| unit(*v))
                            .collect::<Vec<_>>()
                            .join(" ; "),
                    ),
                ],
            ),
            measurements_label: i.tn("impact-measurements-count", mine.len() as i64),
            measurements: mine
                .iter()
                .rev()
                .map(|m| MeasurementView {
                    date: crate::tracking::day(i, &m.measured_on),
                    value: unit(m.value),
                    source: m.source.clone(),
                    evidence: m.attachment_id,
                })
                .collect(),
        });
    }
    Ok(out)
}

pub struct CatalogueEntry {
    pub code: String,
    pub name: String,
    pub definition: String,
    pub unit: String,
    pub direction: String,
    pub kind: String,
    pub sdgs: Vec<sdg::Sdg>,
    pub dimension: String,
    pub iris: String,
}

pub fn catalogue_entry(i: I18n, ind: &Indicator) -> CatalogueEntry {
    let text = ind.text(i.locale);
    CatalogueEntry {
        code: ind.code.clone(),
        name: text.name.clone(),
        definition: text.definition.clone(),
        unit: i.t(&format!("unit-name-{}", ind.unit.code())),
        direction: i.t(match ind.direction {
            impact::Direction::Increase => "impact-direction-increase",
            impact::Direction::Decrease => "impact-direction-decrease",
        }),
        kind: i.t(match ind.kind {
            Kind::Flow => "impact-kind-flow",
            Kind::Stock => "impact-kind-stock",
        }),
        sdgs: sdg::badges(i, &ind.sdgs),
        dimension: i.t(ind.dimension.label_key()),
        iris: ind.iris.clone().unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "impact/catalogue.html")]
struct CatalogueView {
    layout: Layout,
    entries: Vec<CatalogueEntry>,
    /// Coaches and staff also see the technical codes (indicator and IRIS+ codes).
    staff: bool,
}

async fn catalogue(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    ctx.require_user()?;
    let i = ctx.i;
    let view = CatalogueView {
        layout: Layout::new(&state, &ctx, i.t("impact-catalogue-title")),
        entries: impact::catalogue()
            .iter()
            .map(|ind| catalogue_entry(i, ind))
            .collect(),
        staff: ctx.actor.memberships.iter().any(|(_, r)| r.is_staff()),
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct IndicatorForm {
    pub code: String,
    pub baseline: String,
    pub target: String,
    pub target_on: String,
}

#[derive(Debug, Default, Clone)]
pub struct MeasurementForm {
    pub indicator: i64,
    pub measured_on: String,
    pub value: String,
    pub source: String,
}

#[derive(Template)]
#[template(path = "impact/project.html")]
struct ProjectView {
    layout: Layout,
    id: i64,
    name: String,
    can_edit: bool,
    indicators: Vec<IndicatorSummary>,
    choices: Vec<(String, String)>,
    form: IndicatorForm,
    errors: FieldErrors,
    measure: MeasurementForm,
    measure_errors: FieldErrors,
    today: String,
    max_upload_mb: usize,
}

impl ProjectView {
    fn measure_for(&self, id: &i64) -> bool {
        self.measure.indicator == *id
    }
    fn measure_value(&self, id: &i64, field: &str) -> String {
        if self.measure.indicator != *id {
            return if field == "measured_on" {
                self.today.clone()
            } else {
                String::new()
            };
        }
        match field {
            "measured_on" => self.measure.measured_on.clone(),
            "value" => self.measure.value.clone(),
            _ => self.measure.source.clone(),
        }
    }
    fn measure_error(&self, id: &i64, field: &str) -> Option<&String> {
        if self.measure.indicator == *id {
            self.measure_errors.get(field)
        } else {
            None
        }
    }
}

/// Whether the viewer may choose indicators and record measurements for a project.
fn can_measure(ctx: &Ctx, scope: Scope) -> bool {
    crate::tracking::can_work_on(ctx, scope)
}

async fn render_project(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    form: Option<(IndicatorForm, FieldErrors)>,
    measure: Option<(MeasurementForm, FieldErrors)>,
) -> WebResult<Response> {
    let i = ctx.i;
    let (project, scope) = crate::project_access::project_scope(state, ctx, id).await?;
    let indicators = summaries(state, i, id).await?;
    let choices = impact::catalogue()
        .iter()
        .filter(|c| !indicators.iter().any(|x| x.code == c.code))
        .map(|c| (c.code.clone(), c.text(i.locale).name.clone()))
        .collect();
    let status = if form.is_some() || measure.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    let (form, errors) = form.unwrap_or_default();
    let (measure, measure_errors) = measure.unwrap_or_default();
    let view = ProjectView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("impact-project-title", &[("name", &project.name)]),
        ),
        id,
        name: project.name,
        can_edit: can_measure(ctx, scope),
        indicators,
        choices,
        form,
        errors,
        measure,
        measure_errors,
        today: tracking::iso(crate::tracking::today()),
        max_upload_mb: state.config.max_upload_bytes / (1024 * 1024),
    };
    Ok((status, Html(view.render()?)).into_response())
}

async fn project_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    render_project(&state, &ctx, id, None, None).await
}

fn quantity(
    errors: &mut FieldErrors,
    i: I18n,
    field: &'static str,
    text: &str,
    required: bool,
) -> Option<i64> {
    if !required && text.trim().is_empty() {
        return None;
    }
    match impact::parse_quantity(text) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.add(field, i, e.message_key());
            None
        }
    }
}

async fn add_indicator(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<IndicatorForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let (project, scope) = crate::project_access::project_scope(&state, &ctx, id).await?;
    if !can_measure(&ctx, scope) {
        return Err(WebError::Forbidden);
    }
    let mut errors = FieldErrors::default();
    let indicator = impact::indicator(input.code.trim());
    if indicator.is_none() {
        errors.add(
            "code",
            i,
            impact::ImpactError::UnknownIndicator.message_key(),
        );
    }
    let baseline = quantity(&mut errors, i, "baseline", &input.baseline, false).unwrap_or(0);
    let target = quantity(&mut errors, i, "target", &input.target, false);
    let target_on = tracking::parse_optional_date(&input.target_on)
        .map_err(|e| errors.add("target_on", i, e.message_key()))
        .unwrap_or(None);
    if let (Some(ind), Some(t)) = (indicator, target)
        && impact::progress_to_target(baseline, t, baseline, ind.direction).is_none()
    {
        errors.add("target", i, "impact-error-target-direction");
    }
    let Some(ind) = indicator.filter(|_| errors.is_empty()) else {
        return render_project(&state, &ctx, id, Some((input, errors)), None).await;
    };
    let target_on = target_on.map(tracking::iso);
    match store::impact::add_indicator(
        &state.db,
        &store::impact::NewIndicator {
            centre_id: project.centre_id,
            project_id: id,
            code: &ind.code,
            baseline,
            target,
            target_on: target_on.as_deref(),
        },
    )
    .await
    {
        Ok(pi) => {
            Ok(Redirect::to(&format!("/projects/{id}/indicators#indicator-{pi}")).into_response())
        }
        Err(store::StoreError::Duplicate) => {
            errors.add("code", i, "impact-error-already");
            render_project(&state, &ctx, id, Some((input, errors)), None).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn add_measurement(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(pi_id): Path<i64>,
    form: Multipart,
) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let i = ctx.i;
    let pi = store::impact::find_indicator(&state.db, pi_id)
        .await?
        .ok_or(WebError::NotFound)?;
    let (_, scope) = crate::project_access::project_scope(&state, &ctx, pi.project_id).await?;
    if !can_measure(&ctx, scope) {
        return Err(WebError::Forbidden);
    }
    let input = MeasurementForm {
        indicator: pi_id,
        measured_on: form.text("measured_on"),
        value: form.text("value"),
        source: form.text("source"),
    };
    let mut errors = FieldErrors::default();
    let value = quantity(&mut errors, i, "value", &input.value, true);
    let on = tracking::parse_date(&input.measured_on)
        .map_err(|e| errors.add("measured_on", i, e.message_key()))
        .ok();
    let source = tracking::check_text(&input.source, 300, false)
        .map_err(|e| errors.add("source", i, e.message_key()))
        .unwrap_or_default();
    let file = form.file("evidence");
    if let Some(Err(refused)) =
        file.map(|f| crate::upload::check_file(&state, i, crate::filetype::Use::Document, f))
    {
        errors.add_text("evidence", refused);
    }
    let (Some(value), Some(on), true) = (value, on, errors.is_empty()) else {
        return render_project(&state, &ctx, pi.project_id, None, Some((input, errors))).await;
    };
    let attachment = match file {
        Some(file) => {
            let key = crate::upload::store_file(&state, &file.data).await?;
            let name = crate::upload::clean_file_name(file.file_name.as_deref().unwrap_or(""));
            Some(
                store::tracking::create_attachment(
                    &state.db,
                    &store::tracking::NewAttachment {
                        centre_id: pi.centre_id,
                        project_id: pi.project_id,
                        session_id: None,
                        file_name: &name,
                        content_type: crate::upload::served_type(&name),
                        size: file.data.len() as i64,
                        storage_key: &key,
                        uploaded_by: Some(user.id),
                    },
                )
                .await?,
            )
        }
        None => None,
    };
    let on = tracking::iso(on);
    store::impact::add_measurement(
        &state.db,
        &store::impact::NewMeasurement {
            project_indicator_id: pi_id,
            measured_on: &on,
            value,
            source: &source,
            attachment_id: attachment,
            created_by: Some(user.id),
        },
    )
    .await?;
    Ok(crate::respond::redirect_with_flash(
        &format!("/projects/{}/indicators#indicator-{pi_id}", pi.project_id),
        "flash-measurement-recorded",
        &state,
    ))
}
