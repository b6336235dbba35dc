//! Segments: saved filters over a centre's people (organisation kind, tag, newsletter consent,
//! pipeline stage), each with its count now; the filter being written is counted as it
//! changes (a « Compter » button without JavaScript, `crm-segments.js` with it). The
//! newsletters send to `store::contacts::segments::consenting_addresses`.
use super::{Opt, centre_opts, opts, write_centre};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::form::{FieldErrors, Form, text};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::crm::{NAME_MAX, OrgKind};
use serde::Deserialize;
use store::contacts::segments::{self, SegmentFilter};

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct SegmentForm {
    pub centre: i64,
    pub name: String,
    pub kind: String,
    pub tag: String,
    pub consent: String,
    pub stage: i64,
    /// `count`: count the filter, save nothing.
    pub op: String,
}

impl SegmentForm {
    fn filter(&self, centre: i64) -> SegmentFilter {
        SegmentFilter {
            centre,
            kind: OrgKind::parse(&self.kind)
                .map(|k| k.code().to_string())
                .unwrap_or_default(),
            tag: self.tag.trim().to_lowercase().chars().take(40).collect(),
            consent: self.consent == "yes",
            stage_id: self.stage.max(0),
        }
    }
}

pub struct Row {
    pub name: String,
    pub summary: String,
    pub count: String,
}

#[derive(Template)]
#[template(path = "contacts/segments.html")]
struct ListView {
    layout: Layout,
    tab: &'static str,
    centre: i64,
    centres: Vec<Opt>,
    rows: Vec<Row>,
    form: SegmentForm,
    errors: FieldErrors,
    kinds: Vec<Opt>,
    stages: Vec<Opt>,
    count: String,
}

async fn render(
    state: &AppState,
    ctx: &Ctx,
    form: SegmentForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let reach = super::reach(state, ctx).await?;
    let centre = write_centre(&reach, form.centre)?;
    let stages = store::contacts::pipeline::stages(&state.db, centre).await?;
    let filter = form.filter(centre);
    let count = segments::count(&state.db, &filter).await?;
    let rows = segments::list(&state.db, centre)
        .await?
        .into_iter()
        .map(|(s, n)| {
            let mut parts = Vec::new();
            if let Some(k) = OrgKind::parse(&s.kind) {
                parts.push(i.t(k.label_key()));
            }
            if !s.tag.is_empty() {
                parts.push(format!("#{}", s.tag));
            }
            if s.consent != 0 {
                parts.push(i.t("crm-segment-consent"));
            }
            if let Some(st) = stages.iter().find(|st| Some(st.id) == s.stage_id) {
                parts.push(st.name.clone());
            }
            Row {
                name: s.name,
                summary: parts.join(" · "),
                count: i.tn("crm-people-count", n),
            }
        })
        .collect();
    let mut kinds = vec![(String::new(), i.t("site-filter-any"))];
    kinds.extend(
        OrgKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), i.t(k.label_key()))),
    );
    let mut stage_list = vec![("0".to_string(), i.t("site-filter-any"))];
    stage_list.extend(stages.iter().map(|s| (s.id.to_string(), s.name.clone())));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = ListView {
        layout: Layout::new(state, ctx, i.t("crm-segments-title")),
        tab: "segments",
        centres: centre_opts(i, &reach, centre, false),
        centre,
        rows,
        kinds: opts(&filter.kind, kinds),
        stages: opts(&filter.stage_id.to_string(), stage_list),
        count: i.tn("crm-people-count", count),
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(form): Query<SegmentForm>,
) -> WebResult<Response> {
    render(&state, &ctx, form, FieldErrors::default()).await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<SegmentForm>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = write_centre(&reach, form.centre)?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    if form.op == "count" {
        return render(&state, &ctx, form, errors).await;
    }
    let Some(name) = errors.check("name", i, text(&form.name, NAME_MAX)) else {
        return render(&state, &ctx, form, errors).await;
    };
    let mut filter = form.filter(centre);
    if filter.stage_id != 0 {
        let ok = store::contacts::pipeline::stage(&state.db, filter.stage_id)
            .await?
            .is_some_and(|s| s.centre_id == centre);
        if !ok {
            filter.stage_id = 0;
        }
    }
    match segments::create(&state.db, &name, &filter, store::now()).await {
        Ok(_) => Ok(redirect_with_flash(
            &format!("/segments?centre={centre}"),
            "crm-flash-segment-saved",
            &state,
        )),
        Err(store::StoreError::Duplicate) => {
            errors.add("name", i, "crm-error-segment-taken");
            render(&state, &ctx, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The count of a filter as it is being written (`crm-segments.js`).
pub async fn count(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(form): Query<SegmentForm>,
) -> WebResult<Response> {
    let reach = super::reach(&state, &ctx).await?;
    let centre = write_centre(&reach, form.centre)?;
    let n = segments::count(&state.db, &form.filter(centre)).await?;
    Ok(
        axum::Json(serde_json::json!({ "count": n, "label": ctx.i.tn("crm-people-count", n) }))
            .into_response(),
    )
}
