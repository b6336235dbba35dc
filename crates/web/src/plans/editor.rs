//! The plan editor (`/centres/{slug}/plan`). Without script it is a set of forms: the building's
//! size, a shape added (a room by its rectangle or its corners, a wall, a door, a zone, an item
//! of the inventory), each shape changed or removed from the list that also describes the plan
//! in words. `plan-editor.js` lets the pointer drag and the arrow keys move the selected shape
//! (Alt + arrows resize it), saving through the same `update` with `Accept: application/json`.
//! Every save carries the revision the page showed: a plan changed since is not overwritten.
use super::{describe, keeper, read};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use domain::plan::{self, Kind, Plan, PlanError, Shape, svg};
use serde::Deserialize;
use store::centres::CentreSummary;

/// A building when none is drawn yet: 12 m × 8 m.
const NEW_WIDTH_CM: i64 = 1_200;
const NEW_HEIGHT_CM: i64 = 800;

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ShapeForm {
    pub kind: String,
    pub label: String,
    pub x: String,
    pub y: String,
    pub w: String,
    pub h: String,
    pub points: String,
    pub equipment: String,
    pub revision: String,
}

impl ShapeForm {
    fn of(s: &Shape) -> Self {
        ShapeForm {
            kind: s.kind.code().into(),
            label: s.label.clone(),
            x: s.x.to_string(),
            y: s.y.to_string(),
            w: s.w.to_string(),
            h: s.h.to_string(),
            points: plan::points_text(&s.points),
            equipment: s.equipment_id.map(|e| e.to_string()).unwrap_or_default(),
            revision: String::new(),
        }
    }

    fn blank() -> Self {
        ShapeForm {
            kind: Kind::Room.code().into(),
            x: "0".into(),
            y: "0".into(),
            w: "400".into(),
            h: "300".into(),
            ..ShapeForm::default()
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BuildingForm {
    pub width: String,
    pub height: String,
    pub revision: String,
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One of a shape's numbers in its form.
pub struct Dim {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub error: Option<String>,
    pub readonly: bool,
}

pub struct ShapeRow {
    pub id: u32,
    pub dims: Vec<Dim>,
    pub text: String,
    pub polygon: bool,
    pub form: ShapeForm,
    pub errors: FieldErrors,
    /// Its form was refused: shown open.
    pub open: bool,
}

pub struct VersionItem {
    pub href: String,
    pub name: String,
    pub when: String,
}

/// What a refused form shows again.
#[derive(Default)]
pub(super) struct Refused {
    pub building: Option<(BuildingForm, FieldErrors)>,
    pub add: Option<(ShapeForm, FieldErrors)>,
    pub shape: Option<(u32, ShapeForm, FieldErrors)>,
    pub version: Option<(String, FieldErrors)>,
}

#[derive(Template)]
#[template(path = "plans/editor.html")]
struct EditorView {
    layout: Layout,
    slug: String,
    has_plan: bool,
    svg: String,
    revision: i64,
    building: BuildingForm,
    building_errors: FieldErrors,
    size_text: String,
    shapes: Vec<ShapeRow>,
    form: ShapeForm,
    errors: FieldErrors,
    kinds: Vec<Choice>,
    equipment: Vec<Choice>,
    versions: Vec<VersionItem>,
    version_name: String,
    version_errors: FieldErrors,
    grid: i64,
}

fn kinds(i: I18n, current: &str) -> Vec<Choice> {
    Kind::ALL
        .into_iter()
        .map(|k| Choice {
            value: k.code().into(),
            label: i.t(k.label_key()),
            selected: k.code() == current,
        })
        .collect()
}

pub(super) async fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: &CentreSummary,
    refused: Refused,
) -> WebResult<Response> {
    let i = ctx.i;
    let failed = refused.building.is_some()
        || refused.add.is_some()
        || refused.shape.is_some()
        || refused.version.is_some();
    let row = store::plans::for_centre(&state.db, centre.id).await?;
    let lines = store::equipment::lines(&state.db, centre.id).await?;
    let (plan, revision, versions) = match &row {
        Some(r) => (
            Some(read(&r.document)?),
            r.revision,
            store::plans::versions(&state.db, r.id).await?,
        ),
        None => (None, 0, Vec::new()),
    };
    let title = i.ta("plan-title", &[("centre", &centre.name)]);
    let (form, errors) = refused
        .add
        .unwrap_or_else(|| (ShapeForm::blank(), FieldErrors::default()));
    let (building, building_errors) = refused.building.unwrap_or_else(|| {
        let (w, h) = plan
            .as_ref()
            .map_or((NEW_WIDTH_CM, NEW_HEIGHT_CM), |p| (p.width_cm, p.height_cm));
        (
            BuildingForm {
                width: w.to_string(),
                height: h.to_string(),
                revision: String::new(),
            },
            FieldErrors::default(),
        )
    });
    let mut open_shape = refused.shape;
    let texts = plan.as_ref().map(|p| describe(i, p)).unwrap_or_default();
    let shapes = plan
        .as_ref()
        .map(|p| {
            p.shapes
                .iter()
                .zip(texts)
                .map(|(s, text)| {
                    let (form, errors, open) = match open_shape.take_if(|(id, _, _)| *id == s.id) {
                        Some((_, f, e)) => (f, e, true),
                        None => (ShapeForm::of(s), FieldErrors::default(), false),
                    };
                    let polygon = !s.points.is_empty();
                    let dims = [
                        ("x", "plan-field-x", &form.x),
                        ("y", "plan-field-y", &form.y),
                        ("w", "plan-field-w", &form.w),
                        ("h", "plan-field-h", &form.h),
                    ]
                    .into_iter()
                    .map(|(name, key, value)| Dim {
                        name,
                        label: i.t(key),
                        value: value.clone(),
                        error: errors.get(name).cloned(),
                        readonly: polygon && matches!(name, "w" | "h"),
                    })
                    .collect();
                    ShapeRow {
                        id: s.id,
                        dims,
                        text,
                        polygon,
                        form,
                        errors,
                        open,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let svg = plan
        .as_ref()
        .map(|p| {
            svg::render(
                p,
                &svg::Options {
                    title: &title,
                    size: None,
                    editable: true,
                },
            )
        })
        .unwrap_or_default();
    let (version_name, version_errors) = refused.version.unwrap_or_default();
    let view = EditorView {
        layout: Layout::new(state, ctx, title.clone())
            .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        slug: centre.slug.clone(),
        has_plan: plan.is_some(),
        size_text: plan
            .as_ref()
            .map(|p| {
                i.ta(
                    "plan-building-size",
                    &[
                        ("w", &super::metres(i, p.width_cm)),
                        ("h", &super::metres(i, p.height_cm)),
                    ],
                )
            })
            .unwrap_or_default(),
        grid: plan.as_ref().map_or(plan::DEFAULT_GRID_CM, |p| p.grid_cm),
        svg,
        revision,
        building,
        building_errors,
        shapes,
        kinds: kinds(i, &form.kind),
        equipment: lines
            .iter()
            .map(|l| Choice {
                value: l.id.to_string(),
                label: l.name.clone(),
                selected: l.id.to_string() == form.equipment,
            })
            .collect(),
        form,
        errors,
        versions: versions
            .into_iter()
            .map(|v| VersionItem {
                href: format!("/centres/{}/plan/versions/{}", centre.slug, v.id),
                name: v.name,
                when: i.datetime(v.created_at),
            })
            .collect(),
        version_name,
        version_errors,
    };
    let status = if failed {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    render(&state, &ctx, &centre, Refused::default()).await
}

fn to_editor(state: &AppState, slug: &str, flash: &str) -> Response {
    redirect_with_flash(&format!("/centres/{slug}/plan"), flash, state)
}

/// Puts a plan error beside the field it concerns (the building's or the shape's).
fn place(i: I18n, e: PlanError, errors: &mut FieldErrors) {
    let field: &'static str = match e.field {
        "width" | "height" | "x" | "y" | "w" | "h" | "label" | "points" => e.field,
        _ => "kind",
    };
    errors.add(field, i, e.problem.message_key());
}

/// Starts the plan (the building's size) or changes the building's size.
pub async fn building(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<BuildingForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let width = plan::parse_cm(&form.width);
    let height = plan::parse_cm(&form.height);
    if width.is_none() {
        errors.add("width", i, "plan-error-building-size");
    }
    if height.is_none() {
        errors.add("height", i, "plan-error-building-size");
    }
    let refuse = |form: BuildingForm, errors: FieldErrors| Refused {
        building: Some((form, errors)),
        ..Refused::default()
    };
    let (Some(width), Some(height)) = (width, height) else {
        return render(&state, &ctx, &centre, refuse(form, errors)).await;
    };
    match store::plans::for_centre(&state.db, centre.id).await? {
        None => {
            let new = Plan::new(width, height);
            if let Err(e) = new.check() {
                place(i, e, &mut errors);
                return render(&state, &ctx, &centre, refuse(form, errors)).await;
            }
            match store::plans::create(&state.db, centre.id, &new.to_json(), Some(user.id)).await {
                Ok(_) | Err(store::StoreError::Duplicate) => {}
                Err(e) => return Err(e.into()),
            }
            Ok(to_editor(&state, &slug, "flash-plan-started"))
        }
        Some(row) => {
            if form.revision.trim() != row.revision.to_string() {
                return Ok(to_editor(&state, &slug, "flash-plan-stale"));
            }
            let mut plan = read(&row.document)?;
            if let Err(e) = plan.resize(width, height) {
                let field = if e.shape.is_some() { "width" } else { e.field };
                errors.add(
                    if field == "height" { "height" } else { "width" },
                    i,
                    if e.shape.is_some() {
                        "plan-error-shrink"
                    } else {
                        e.problem.message_key()
                    },
                );
                return render(&state, &ctx, &centre, refuse(form, errors)).await;
            }
            save(&state, &slug, &row, &plan, user.id).await
        }
    }
}

async fn save(
    state: &AppState,
    slug: &str,
    row: &store::plans::PlanRow,
    plan: &Plan,
    user_id: i64,
) -> WebResult<Response> {
    match store::plans::save(
        &state.db,
        row.id,
        row.revision,
        &plan.to_json(),
        Some(user_id),
    )
    .await
    {
        Ok(_) => Ok(to_editor(state, slug, "flash-plan-saved")),
        Err(store::StoreError::Stale(_)) => Ok(to_editor(state, slug, "flash-plan-stale")),
        Err(e) => Err(e.into()),
    }
}

/// The shape a form describes (its id and kind given by the caller); field errors beside
/// their fields.
fn shape_of(
    i: I18n,
    f: &ShapeForm,
    id: u32,
    kind: Kind,
    lines: &[store::equipment::Line],
    errors: &mut FieldErrors,
) -> Option<Shape> {
    let mut num = |field: &'static str, text: &str| {
        let v = plan::parse_cm(text);
        if v.is_none() {
            errors.add(field, i, "plan-error-number");
        }
        v
    };
    let (x, y, w, h) = (
        num("x", &f.x),
        num("y", &f.y),
        num("w", &f.w),
        num("h", &f.h),
    );
    let points = if kind == Kind::Room && !f.points.trim().is_empty() {
        match plan::parse_points(&f.points) {
            Some(p) => p,
            None => {
                errors.add("points", i, "plan-error-points");
                return None;
            }
        }
    } else {
        Vec::new()
    };
    let equipment_id = if kind == Kind::Item && !f.equipment.trim().is_empty() {
        match f
            .equipment
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|id| lines.iter().find(|l| l.id == id))
        {
            Some(l) => Some(l),
            None => {
                errors.add("equipment", i, "plan-error-equipment");
                return None;
            }
        }
    } else {
        None
    };
    let mut label = f.label.trim().to_string();
    if label.is_empty()
        && let Some(l) = equipment_id
    {
        label = l.name.clone();
    }
    Some(Shape {
        id,
        kind,
        label,
        x: x?,
        y: y?,
        w: w?,
        h: h?,
        points,
        equipment_id: equipment_id.map(|l| l.id),
    })
}

/// Adds a shape: refused beside its field (a room outside the building…), nothing stored.
pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<ShapeForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let row = store::plans::for_centre(&state.db, centre.id)
        .await?
        .ok_or(WebError::NotFound)?;
    if form.revision.trim() != row.revision.to_string() {
        return Ok(to_editor(&state, &slug, "flash-plan-stale"));
    }
    let mut plan = read(&row.document)?;
    let mut errors = FieldErrors::default();
    let refuse = |form: ShapeForm, errors: FieldErrors| Refused {
        add: Some((form, errors)),
        ..Refused::default()
    };
    let Some(kind) = Kind::parse(form.kind.trim()) else {
        errors.add("kind", i, "plan-error-kind");
        return render(&state, &ctx, &centre, refuse(form, errors)).await;
    };
    let lines = store::equipment::lines(&state.db, centre.id).await?;
    let shape = shape_of(i, &form, 0, kind, &lines, &mut errors);
    let Some(shape) = shape.filter(|_| errors.is_empty()) else {
        return render(&state, &ctx, &centre, refuse(form, errors)).await;
    };
    if let Err(e) = plan.add(shape) {
        place(i, e, &mut errors);
        return render(&state, &ctx, &centre, refuse(form, errors)).await;
    }
    save(&state, &slug, &row, &plan, user.id).await
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

fn json(status: StatusCode, body: serde_json::Value) -> Response {
    (status, Json(body)).into_response()
}

/// Changes a shape (its label, place and size; a room's corners). From the editor's script
/// (`Accept: application/json`) the answer is JSON: the new revision, or the refusal.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path((slug, id)): Path<(String, u32)>,
    Form(form): Form<ShapeForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let api = wants_json(&headers);
    let row = store::plans::for_centre(&state.db, centre.id)
        .await?
        .ok_or(WebError::NotFound)?;
    let stale = |row: &store::plans::PlanRow| {
        if api {
            json(
                StatusCode::CONFLICT,
                serde_json::json!({"code": "stale", "revision": row.revision, "message": i.t("flash-plan-stale")}),
            )
        } else {
            to_editor(&state, &slug, "flash-plan-stale")
        }
    };
    if form.revision.trim() != row.revision.to_string() {
        return Ok(stale(&row));
    }
    let mut plan = read(&row.document)?;
    let old = plan.shape(id).cloned().ok_or(WebError::NotFound)?;
    let lines = store::equipment::lines(&state.db, centre.id).await?;
    let mut errors = FieldErrors::default();
    let mut f = form.clone();
    // A polygon room moved (its corners untouched) takes its corners along.
    let moved_polygon = !old.points.is_empty() && f.points.trim() == plan::points_text(&old.points);
    if moved_polygon {
        f.points.clear();
    }
    let mut shape = shape_of(i, &f, id, old.kind, &lines, &mut errors);
    if let Some(s) = shape.as_mut().filter(|_| moved_polygon) {
        let (dx, dy) = (s.x - old.x, s.y - old.y);
        s.points = old.points.iter().map(|(x, y)| (x + dx, y + dy)).collect();
    }
    let outcome = match shape.filter(|_| errors.is_empty()) {
        Some(s) => plan.replace(s).map_err(|e| place(i, e, &mut errors)),
        None => Err(()),
    };
    if outcome.is_err() {
        if api {
            let (field, message) = ["x", "y", "w", "h", "label", "points", "equipment"]
                .into_iter()
                .find_map(|f| errors.get(f).map(|m| (f, m.clone())))
                .unwrap_or(("kind", i.t("plan-error-unreadable")));
            return Ok(json(
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({"code": "invalid", "field": field, "message": message}),
            ));
        }
        let refused = Refused {
            shape: Some((id, form, errors)),
            ..Refused::default()
        };
        return render(&state, &ctx, &centre, refused).await;
    }
    if !api {
        return save(&state, &slug, &row, &plan, user.id).await;
    }
    match store::plans::save(
        &state.db,
        row.id,
        row.revision,
        &plan.to_json(),
        Some(user.id),
    )
    .await
    {
        Ok(revision) => {
            let s = plan.shape(id).cloned().unwrap_or(old);
            Ok(json(
                StatusCode::OK,
                serde_json::json!({
                    "revision": revision,
                    "shape": {"id": s.id, "x": s.x, "y": s.y, "w": s.w, "h": s.h,
                              "points": plan::points_text(&s.points)},
                    "text": describe(i, &Plan { shapes: vec![s], ..plan.clone() }).pop().unwrap_or_default(),
                }),
            ))
        }
        Err(store::StoreError::Stale(_)) => Ok(stale(&row)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RevisionForm {
    pub revision: String,
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, u32)>,
    Form(form): Form<RevisionForm>,
) -> WebResult<Response> {
    let centre = keeper(&state, &ctx, &slug).await?;
    let user = ctx.require_user()?;
    let row = store::plans::for_centre(&state.db, centre.id)
        .await?
        .ok_or(WebError::NotFound)?;
    if form.revision.trim() != row.revision.to_string() {
        return Ok(to_editor(&state, &slug, "flash-plan-stale"));
    }
    let mut plan = read(&row.document)?;
    if !plan.remove(id) {
        return Err(WebError::NotFound);
    }
    save(&state, &slug, &row, &plan, user.id).await
}
