//! `/admin/centres/{slug}/lancement`: the six steps in order, each done step with what it did
//! and where to follow it, the step asked for (`?etape=`) or else the first not done open with
//! its form, and once all are done, how long bringing the centre up took.
use super::flow_href;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Query;
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::licences::Opt;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::launch::{FIRST_EVENTS, Step, minutes_taken, next_step};
use domain::{Action, Scope};
use serde::Deserialize;
use store::launches::Overview;

/// Field names of the first events' titles, in `FIRST_EVENTS` order.
pub const TITLE_FIELDS: [&str; 3] = ["title_0", "title_1", "title_2"];

/// The catalogue key of a step's title.
pub fn step_title_key(s: Step) -> &'static str {
    match s {
        Step::Profile => "launch-step-profile",
        Step::Manager => "launch-step-manager",
        Step::Licence => "launch-step-licence",
        Step::Kit => "launch-step-kit",
        Step::Offers => "launch-step-offers",
        Step::Events => "launch-step-events",
    }
}

/// What was typed in the open step's form, kept when it is refused.
pub struct Typed {
    pub email: String,
    pub version_id: String,
    pub starts_on: String,
    /// The studio's offers ticked; `None` before the form is sent (all ticked).
    pub offers: Option<Vec<i64>>,
    pub opens_on: String,
    pub plan: bool,
    /// Per first event: ticked, and its title.
    pub events: Vec<(bool, String)>,
}

impl Typed {
    /// The forms as the page first shows them: the licence from today, the opening in eight
    /// weeks, the first events named after the centre and all ticked.
    pub fn first(i: I18n, centre_name: &str) -> Typed {
        let today = crate::tracking::today();
        Typed {
            email: String::new(),
            version_id: String::new(),
            starts_on: domain::tracking::iso(today),
            offers: None,
            opens_on: domain::tracking::iso(today + time::Duration::weeks(8)),
            plan: true,
            events: FIRST_EVENTS
                .iter()
                .map(|e| (true, event_title(i, e.kind, centre_name)))
                .collect(),
        }
    }

    /// What a sent form holds.
    pub fn sent(pairs: &[(String, String)]) -> Typed {
        let one = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        let ticked = |name: &str| pairs.iter().any(|(k, _)| k == name);
        Typed {
            email: one("email"),
            version_id: one("version_id"),
            starts_on: one("starts_on"),
            offers: Some(
                pairs
                    .iter()
                    .filter(|(k, _)| k == "offer")
                    .filter_map(|(_, v)| v.trim().parse().ok())
                    .collect(),
            ),
            opens_on: one("opens_on"),
            plan: ticked("plan"),
            events: (0..FIRST_EVENTS.len())
                .map(|n| {
                    (
                        ticked(&format!("keep_{n}")),
                        one(TITLE_FIELDS.get(n).copied().unwrap_or_default()),
                    )
                })
                .collect(),
        }
    }
}

/// A first event's proposed title.
pub fn event_title(i: I18n, kind: domain::event::EventKind, centre: &str) -> String {
    i.ta(
        &format!("launch-event-{}", kind.code()),
        &[("centre", centre)],
    )
}

pub struct StepView {
    pub code: &'static str,
    pub number: usize,
    pub title: String,
    pub done: bool,
    pub open: bool,
    /// What the step did (done) or will do (to do).
    pub summary: String,
    pub link: Option<(String, String)>,
}

pub struct OfferChoice {
    pub id: i64,
    pub title: String,
    pub detail: String,
    pub ticked: bool,
}

pub struct EventRow {
    pub n: usize,
    pub kind: String,
    pub when: String,
    pub keep: bool,
    pub title: String,
    pub field: &'static str,
}

#[derive(Template)]
#[template(path = "launch/flow.html")]
struct FlowView {
    layout: Layout,
    slug: String,
    href: String,
    steps: Vec<StepView>,
    done_count: usize,
    /// « Brought up in 12 minutes », once every step is done.
    finished: Option<String>,
    started: String,
    typed: Typed,
    errors: FieldErrors,
    /// A step refused as a whole (no kit published, no licence model), above its form.
    refusal: Option<String>,
    versions: Vec<Opt>,
    /// The current kit: its version and how many items it holds.
    kit: Option<String>,
    offers: Vec<OfferChoice>,
    events: Vec<EventRow>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepQuery {
    pub etape: String,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    crate::extract::Path(slug): crate::extract::Path<String>,
    Query(q): Query<StepQuery>,
) -> WebResult<Response> {
    ctx.authorize(Action::CreateCentre, Scope::Network)?;
    let flow = store::launches::overview(&state.db, &slug)
        .await?
        .ok_or(WebError::NotFound)?;
    let shown = Shown {
        open: openable(&q.etape),
        typed: Typed::first(ctx.i, &flow.name),
        errors: FieldErrors::default(),
        refusal: None,
    };
    render(&state, &ctx, flow, shown).await
}

/// The open step and its form as sent (or first shown), with what was refused.
pub struct Shown {
    pub open: Option<Step>,
    pub typed: Typed,
    pub errors: FieldErrors,
    pub refusal: Option<String>,
}

pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    flow: Overview,
    shown: Shown,
) -> WebResult<Response> {
    let i = ctx.i;
    let launch = &flow.launch;
    let done = |s: Step| launch.done_at(s).is_some();
    let open = shown.open.filter(|s| !done(*s)).or_else(|| next_step(done));
    let steps: Vec<StepView> = Step::ALL
        .into_iter()
        .map(|s| {
            let (summary, link) = summary(i, &flow, s);
            StepView {
                code: s.code(),
                number: s.number(),
                title: i.t(step_title_key(s)),
                done: done(s),
                open: open == Some(s),
                summary,
                link,
            }
        })
        .collect();
    let versions = if open == Some(Step::Licence) {
        let all = store::licences::versions(&state.db).await?;
        let mut options = crate::licences::network::version_options(i, &all);
        if !shown.typed.version_id.is_empty() {
            for o in &mut options {
                o.selected = o.value == shown.typed.version_id;
            }
        }
        options
    } else {
        Vec::new()
    };
    let kit = if open == Some(Step::Kit) {
        store::kit::current(&state.db).await?.map(|v| {
            i.ta(
                "launch-kit-current",
                &[
                    ("number", &v.number.to_string()),
                    ("items", &v.items.to_string()),
                ],
            )
        })
    } else {
        None
    };
    let offers = if open == Some(Step::Offers) {
        offer_choices(state, i, shown.typed.offers.as_deref()).await?
    } else {
        Vec::new()
    };
    let events = FIRST_EVENTS
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let (keep, title) = shown.typed.events.get(n).cloned().unwrap_or_default();
            EventRow {
                n,
                kind: i.t(e.kind.label_key()),
                when: i.t(&format!("launch-event-when-{}", e.kind.code())),
                keep,
                title,
                field: TITLE_FIELDS.get(n).copied().unwrap_or_default(),
            }
        })
        .collect();
    let finished = launch
        .finished_at
        .map(|end| i.tn("launch-finished", minutes_taken(launch.started_at, end)));
    let status = if shown.refusal.is_some() {
        StatusCode::CONFLICT
    } else if shown.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = FlowView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("launch-flow-title", &[("centre", &flow.name)]),
        ),
        href: flow_href(&flow.slug),
        done_count: steps.iter().filter(|s| s.done).count(),
        steps,
        finished,
        started: i.datetime(launch.started_at),
        slug: flow.slug,
        typed: shown.typed,
        errors: shown.errors,
        refusal: shown.refusal,
        versions,
        kit,
        offers,
        events,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The studio's offers to copy, ticked as sent (all at first).
async fn offer_choices(
    state: &AppState,
    i: I18n,
    ticked: Option<&[i64]>,
) -> WebResult<Vec<OfferChoice>> {
    let Some(studio) = state.studio_id().await? else {
        return Ok(Vec::new());
    };
    Ok(store::offers::for_centre(&state.db, studio)
        .await?
        .into_iter()
        .map(|o| {
            let price = if o.price_cents == 0 {
                i.t("launch-offer-free")
            } else {
                i.money(o.price_cents)
            };
            let detail = [price, o.format.clone(), o.duration.clone()]
                .into_iter()
                .filter(|p| !p.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
            OfferChoice {
                ticked: ticked.is_none_or(|t| t.contains(&o.id)),
                id: o.id,
                title: o.title,
                detail,
            }
        })
        .collect())
}

/// What a step did (and where to follow it), or what it will do.
fn summary(i: I18n, flow: &Overview, step: Step) -> (String, Option<(String, String)>) {
    let slug = &flow.slug;
    if flow.launch.done_at(step).is_none() {
        return (i.t(&format!("{}-todo", step_title_key(step))), None);
    }
    match step {
        Step::Profile => (
            format!("{} · {}", flow.name, flow.town),
            Some((format!("/centres/{slug}/lieu"), i.t("launch-link-profile"))),
        ),
        Step::Manager => {
            let text = match (&flow.manager_name, &flow.invited_email) {
                (Some(name), _) => i.ta("launch-manager-joined", &[("name", name)]),
                (None, Some(email)) => i.ta("launch-manager-invited", &[("email", email)]),
                (None, None) => i.t("launch-manager-gone"),
            };
            (
                text,
                Some((format!("/centres/{slug}"), i.t("launch-link-members"))),
            )
        }
        Step::Licence => {
            let text = match (
                &flow.licence_name,
                flow.licence_version,
                &flow.licence_starts_on,
            ) {
                (Some(name), Some(version), Some(start)) => i.ta(
                    "launch-licence-done",
                    &[
                        ("name", name),
                        ("version", &version.to_string()),
                        ("start", &crate::tracking::day(i, start)),
                    ],
                ),
                _ => String::new(),
            };
            let link = match flow.contract_id {
                Some(id) => (format!("/contrats/{id}"), i.t("launch-link-contract")),
                None => (
                    format!("/centres/{slug}/licence"),
                    i.t("launch-link-licence"),
                ),
            };
            (text, Some(link))
        }
        Step::Kit => (
            flow.kit_number
                .map(|n| i.ta("launch-kit-done", &[("number", &n.to_string())]))
                .unwrap_or_default(),
            Some((format!("/centres/{slug}/kit"), i.t("launch-link-kit"))),
        ),
        Step::Offers => (
            i.tn("launch-offers-done", flow.launch.offers_copied),
            Some((format!("/centres/{slug}/offers"), i.t("launch-link-offers"))),
        ),
        Step::Events => {
            let mut text = i.tn("launch-events-done", flow.launch.events_drafted);
            if let Some(day) = &flow.opens_on {
                text.push_str(" · ");
                text.push_str(&i.ta(
                    "launch-opening-on",
                    &[("day", &crate::tracking::day(i, day))],
                ));
            }
            (
                text,
                Some(("/admin/evenements".to_string(), i.t("launch-link-events"))),
            )
        }
    }
}

/// The step a code names, when the page may open it (the profile is done with the centre).
pub fn openable(code: &str) -> Option<Step> {
    Step::parse(code).filter(|s| *s != Step::Profile)
}
