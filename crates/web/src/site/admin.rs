//! The network team edits the public site: landing texts per language, the pioneers goal, and
//! events.
use super::landing::{LandingTexts, Offer, Testimonial};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::site::optional_text;
use domain::{Action, Locale, Scope, Slug};
use serde::Deserialize;
use store::audit::{self, AuditAction, Entry};

const TEXT_MAX: usize = 300;
const LONG_MAX: usize = 4_000;
const URL_MAX: usize = 500;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LangQuery {
    pub lang: String,
}

/// The landing texts as a flat form (three offers, three testimonials).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TextsForm {
    pub lang: String,
    pub promise_title: String,
    pub promise_lead: String,
    pub story: String,
    pub offer_1_title: String,
    pub offer_1_text: String,
    pub offer_1_price: String,
    pub offer_2_title: String,
    pub offer_2_text: String,
    pub offer_2_price: String,
    pub offer_3_title: String,
    pub offer_3_text: String,
    pub offer_3_price: String,
    pub testimonial_1_quote: String,
    pub testimonial_1_name: String,
    pub testimonial_1_role: String,
    pub testimonial_2_quote: String,
    pub testimonial_2_name: String,
    pub testimonial_2_role: String,
    pub testimonial_3_quote: String,
    pub testimonial_3_name: String,
    pub testimonial_3_role: String,
    pub video_url: String,
    pub video_captions_url: String,
    pub video_title: String,
}

impl TextsForm {
    fn from_texts(lang: &str, t: &LandingTexts) -> TextsForm {
        let o = |n: usize| t.offers.get(n).cloned().unwrap_or_default();
        let q = |n: usize| t.testimonials.get(n).cloned().unwrap_or_default();
        TextsForm {
            lang: lang.to_string(),
            promise_title: t.promise_title.clone(),
            promise_lead: t.promise_lead.clone(),
            story: t.story.clone(),
            offer_1_title: o(0).title,
            offer_1_text: o(0).text,
            offer_1_price: o(0).price,
            offer_2_title: o(1).title,
            offer_2_text: o(1).text,
            offer_2_price: o(1).price,
            offer_3_title: o(2).title,
            offer_3_text: o(2).text,
            offer_3_price: o(2).price,
            testimonial_1_quote: q(0).quote,
            testimonial_1_name: q(0).name,
            testimonial_1_role: q(0).role,
            testimonial_2_quote: q(1).quote,
            testimonial_2_name: q(1).name,
            testimonial_2_role: q(1).role,
            testimonial_3_quote: q(2).quote,
            testimonial_3_name: q(2).name,
            testimonial_3_role: q(2).role,
            video_url: t.video_url.clone(),
            video_captions_url: t.video_captions_url.clone(),
            video_title: t.video_title.clone(),
        }
    }

    /// Validates every field; errors are keyed by field name.
    fn texts(&self, i: I18n, errors: &mut FieldErrors) -> LandingTexts {
        let mut short = |name: &'static str, v: &str, max: usize, required: bool| {
            let r = if required {
                text(v, max)
            } else {
                optional_text(v, max)
            };
            errors.check(name, i, r).unwrap_or_default()
        };
        let promise_title = short("promise_title", &self.promise_title, TEXT_MAX, true);
        let promise_lead = short("promise_lead", &self.promise_lead, LONG_MAX, true);
        let story = short("story", &self.story, LONG_MAX, true);
        let offers = [
            (
                "offer_1_title",
                &self.offer_1_title,
                "offer_1_text",
                &self.offer_1_text,
                "offer_1_price",
                &self.offer_1_price,
            ),
            (
                "offer_2_title",
                &self.offer_2_title,
                "offer_2_text",
                &self.offer_2_text,
                "offer_2_price",
                &self.offer_2_price,
            ),
            (
                "offer_3_title",
                &self.offer_3_title,
                "offer_3_text",
                &self.offer_3_text,
                "offer_3_price",
                &self.offer_3_price,
            ),
        ]
        .into_iter()
        .map(|(tn, t, xn, x, pn, p)| Offer {
            title: short(tn, t, TEXT_MAX, false),
            text: short(xn, x, LONG_MAX, false),
            price: short(pn, p, TEXT_MAX, false),
        })
        .filter(|o| !o.title.is_empty())
        .collect();
        let testimonials = [
            (
                "testimonial_1_quote",
                &self.testimonial_1_quote,
                "testimonial_1_name",
                &self.testimonial_1_name,
                "testimonial_1_role",
                &self.testimonial_1_role,
            ),
            (
                "testimonial_2_quote",
                &self.testimonial_2_quote,
                "testimonial_2_name",
                &self.testimonial_2_name,
                "testimonial_2_role",
                &self.testimonial_2_role,
            ),
            (
                "testimonial_3_quote",
                &self.testimonial_3_quote,
                "testimonial_3_name",
                &self.testimonial_3_name,
                "testimonial_3_role",
                &self.testimonial_3_role,
            ),
        ]
        .into_iter()
        .map(|(qn, q, nn, n, rn, r)| Testimonial {
            quote: short(qn, q, LONG_MAX, false),
            name: short(nn, n, TEXT_MAX, false),
            role: short(rn, r, TEXT_MAX, false),
        })
        .filter(|t| !t.quote.is_empty())
        .collect();
        let video_url = short("video_url", &self.video_url, URL_MAX, false);
        let video_captions_url = short(
            "video_captions_url",
            &self.video_captions_url,
            URL_MAX,
            false,
        );
        let video_title = short("video_title", &self.video_title, TEXT_MAX, false);
        let local = |u: &str| u.starts_with('/') && !u.starts_with("//");
        if !(video_url.is_empty() || local(&video_url) || video_url.starts_with("https://")) {
            errors.add("video_url", i, "site-error-video-url");
        }
        if !video_captions_url.is_empty() && !local(&video_captions_url) {
            errors.add("video_captions_url", i, "site-error-captions-url");
        }
        LandingTexts {
            promise_title,
            promise_lead,
            story,
            offers,
            testimonials,
            video_url,
            video_captions_url,
            video_title,
        }
    }
}

#[derive(Template)]
#[template(path = "site/admin_texts.html")]
struct TextsView {
    layout: Layout,
    form: TextsForm,
    errors: FieldErrors,
    goal: String,
    goal_errors: FieldErrors,
}

fn lang_of(code: &str) -> Locale {
    Locale::parse(code).unwrap_or_default()
}

async fn render_texts(
    state: &AppState,
    ctx: &Ctx,
    form: TextsForm,
    errors: FieldErrors,
    goal: Option<String>,
    goal_errors: FieldErrors,
) -> WebResult<Response> {
    let status = if errors.is_empty() && goal_errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let goal = match goal {
        Some(g) => g,
        None => super::goal(state).await?.to_string(),
    };
    let view = TextsView {
        layout: Layout::new(state, ctx, ctx.i.t("site-admin-title")),
        form,
        errors,
        goal,
        goal_errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// The texts page of `lang` with errors of the video upload form.
pub async fn render_texts_with(
    state: &AppState,
    ctx: &Ctx,
    lang: Locale,
    errors: FieldErrors,
) -> WebResult<Response> {
    let texts = LandingTexts::load(state, I18n::new(lang)).await?;
    let form = TextsForm::from_texts(lang.code(), &texts);
    render_texts(state, ctx, form, FieldErrors::default(), None, errors).await
}

pub async fn texts_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<LangQuery>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageSite, Scope::Network)?;
    let lang = lang_of(&q.lang);
    let texts = LandingTexts::load(&state, I18n::new(lang)).await?;
    let form = TextsForm::from_texts(lang.code(), &texts);
    render_texts(
        &state,
        &ctx,
        form,
        FieldErrors::default(),
        None,
        FieldErrors::default(),
    )
    .await
}

pub async fn texts_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<TextsForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageSite, Scope::Network)?;
    let lang = lang_of(&form.lang);
    let mut errors = FieldErrors::default();
    let texts = form.texts(ctx.i, &mut errors);
    if !errors.is_empty() {
        return render_texts(&state, &ctx, form, errors, None, FieldErrors::default()).await;
    }
    save_texts(&state, &ctx, lang, &texts, "landing").await
}

/// Stores a language's landing texts (`part` names what changed, for the audit log), forgets
/// the rendered page and goes back to the editor.
pub(super) async fn save_texts(
    state: &AppState,
    ctx: &Ctx,
    lang: Locale,
    texts: &LandingTexts,
    part: &str,
) -> WebResult<Response> {
    let body = serde_json::to_string(texts).map_err(|e| WebError::Internal(e.to_string()))?;
    let user = ctx.require_user()?;
    store::site::set_landing_texts(&state.db, lang.code(), &body, Some(user.id), store::now())
        .await?;
    audit::record(
        &state.db,
        AuditAction::SiteEdited,
        Entry {
            actor_id: Some(user.id),
            detail: &format!("{part}:{}", lang.code()),
            ..Entry::default()
        },
    )
    .await?;
    state.site.changed();
    Ok(crate::accounts::redirect_with_flash(
        &format!("/admin/site?lang={}", lang.code()),
        "flash-site-saved",
        state,
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct GoalForm {
    pub goal: String,
}

pub async fn goal_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<GoalForm>,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageSite, Scope::Network)?;
    let goal = form
        .goal
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|g| (1..=100_000).contains(g));
    let Some(goal) = goal else {
        let mut goal_errors = FieldErrors::default();
        goal_errors.add("goal", ctx.i, "site-error-goal");
        let lang = ctx.i.locale;
        let texts = LandingTexts::load(&state, I18n::new(lang)).await?;
        let tf = TextsForm::from_texts(lang.code(), &texts);
        return render_texts(
            &state,
            &ctx,
            tf,
            FieldErrors::default(),
            Some(form.goal),
            goal_errors,
        )
        .await;
    };
    store::settings::set(&state.db, super::GOAL_SETTING, &goal.to_string()).await?;
    state.site.changed();
    Ok(crate::accounts::redirect_with_flash(
        "/admin/site",
        "flash-site-saved",
        &state,
    ))
}

// ---------------------------------------------------------------------------------------------
// Events

struct EventLine {
    href: String,
    public_href: String,
    title: String,
    when: String,
    seats: String,
    published: bool,
}

#[derive(Template)]
#[template(path = "site/admin_events.html")]
struct EventsView {
    layout: Layout,
    events: Vec<EventLine>,
}

pub async fn events(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let reach = crate::scope::reach(&state, &ctx, Action::ManageEvents).await?;
    let i = ctx.i;
    let events = store::site::all_events(&state.db, reach.chosen(0))
        .await?
        .into_iter()
        .map(|e| EventLine {
            href: format!("/admin/evenements/{}", e.id),
            public_href: format!("/evenements/{}", e.slug),
            when: i.datetime(e.starts_at),
            seats: i.ta(
                "site-admin-event-seats",
                &[
                    ("taken", &i.number(e.taken)),
                    ("capacity", &i.number(e.capacity)),
                ],
            ),
            published: e.published == 1,
            title: e.title,
        })
        .collect();
    let view = EventsView {
        layout: Layout::new(&state, &ctx, i.t("site-admin-events-title")),
        events,
    };
    Ok(Html(view.render()?).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EventForm {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub description: String,
    /// `2026-12-05T14:00` in Paris time (an `<input type="datetime-local">`).
    pub starts: String,
    pub ends: String,
    pub place: String,
    pub online_url: String,
    pub capacity: String,
    pub published: String,
    /// The id of the centre that runs a new event.
    pub centre: String,
}

#[derive(Template)]
#[template(path = "site/admin_event.html")]
struct EventFormView {
    layout: Layout,
    action: String,
    form: EventForm,
    errors: FieldErrors,
    /// The centres a new event can belong to (id, name), when there is a choice.
    centres: Vec<(String, String)>,
}

async fn render_event(
    state: &AppState,
    ctx: &Ctx,
    action: String,
    form: EventForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let reach = crate::scope::reach(state, ctx, Action::ManageEvents).await?;
    let centres = if action.ends_with("nouveau") && reach.centres.len() > 1 {
        reach
            .centres
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let title = if action.ends_with("nouveau") {
        ctx.i.t("site-admin-event-new")
    } else {
        form.title.clone()
    };
    let view = EventFormView {
        layout: Layout::new(state, ctx, title),
        action,
        form,
        errors,
        centres,
    };
    Ok((status, Html(view.render()?)).into_response())
}

/// `2026-12-05T14:00` (Paris time) → Unix seconds.
fn parse_local(value: &str) -> Option<i64> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let local = time::PrimitiveDateTime::parse(value.trim().get(..16)?, &fmt).ok()?;
    domain::time_zone::from_paris(local)
}

fn format_local(unix: i64) -> String {
    let t = domain::time_zone::to_paris(unix);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute()
    )
}

pub async fn new_event(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let form = EventForm {
        capacity: "15".into(),
        published: "yes".into(),
        ..EventForm::default()
    };
    render_event(
        &state,
        &ctx,
        "/admin/evenements/nouveau".into(),
        form,
        FieldErrors::default(),
    )
    .await
}

pub async fn edit_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let e = store::site::event(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(&ctx, Action::ManageEvents, e.centre_id)?;
    let form = EventForm {
        title: e.title,
        slug: e.slug,
        summary: e.summary,
        description: e.description,
        starts: format_local(e.starts_at),
        ends: format_local(e.ends_at),
        place: e.place,
        online_url: e.online_url,
        capacity: e.capacity.to_string(),
        published: if e.published == 1 {
            "yes".into()
        } else {
            String::new()
        },
        centre: e.centre_id.map(|c| c.to_string()).unwrap_or_default(),
    };
    render_event(
        &state,
        &ctx,
        format!("/admin/evenements/{id}"),
        form,
        FieldErrors::default(),
    )
    .await
}

struct Valid {
    title: String,
    slug: String,
    summary: String,
    description: String,
    starts: i64,
    ends: i64,
    place: String,
    online_url: String,
    capacity: i64,
}

fn validate(i: I18n, form: &EventForm, errors: &mut FieldErrors) -> Option<Valid> {
    let title = errors.check("title", i, text(&form.title, 120));
    let slug_input = if form.slug.trim().is_empty() {
        Slug::from_name(&form.title)
            .map(|s| s.as_str().to_string())
            .unwrap_or_default()
    } else {
        form.slug.trim().to_string()
    };
    let slug = errors.check("slug", i, Slug::parse(&slug_input));
    let summary = errors.check("summary", i, text(&form.summary, 300));
    let description = errors.check("description", i, optional_text(&form.description, 8_000));
    let starts = parse_local(&form.starts);
    if starts.is_none() {
        errors.add("starts", i, "site-error-datetime");
    }
    let ends = parse_local(&form.ends);
    match (starts, ends) {
        (_, None) => errors.add("ends", i, "site-error-datetime"),
        (Some(s), Some(e)) if e <= s => errors.add("ends", i, "site-error-ends-before"),
        _ => {}
    }
    let place = errors.check("place", i, optional_text(&form.place, 200));
    let online_url = errors.check("online_url", i, optional_text(&form.online_url, 500));
    if let Some(u) = &online_url
        && !u.is_empty()
        && !u.starts_with("https://")
    {
        errors.add("online_url", i, "site-error-https");
    }
    if place.as_deref().is_some_and(str::is_empty)
        && online_url.as_deref().is_some_and(str::is_empty)
    {
        errors.add("place", i, "site-error-place-or-link");
    }
    let capacity = form
        .capacity
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|c| (1..=10_000).contains(c));
    if capacity.is_none() {
        errors.add("capacity", i, "site-error-capacity");
    }
    if !errors.is_empty() {
        return None;
    }
    Some(Valid {
        title: title?,
        slug: slug?.as_str().to_string(),
        summary: summary?,
        description: description?,
        starts: starts?,
        ends: ends?,
        place: place?,
        online_url: online_url?,
        capacity: capacity?,
    })
}

async fn save_event(
    state: &AppState,
    ctx: &Ctx,
    id: Option<i64>,
    form: EventForm,
) -> WebResult<Response> {
    let action = match id {
        Some(id) => format!("/admin/evenements/{id}"),
        None => "/admin/evenements/nouveau".into(),
    };
    let mut errors = FieldErrors::default();
    // A new event belongs to one of the person's centres (the first when they have one).
    let reach = crate::scope::reach(state, ctx, Action::ManageEvents).await?;
    let centre = match form.centre.trim().parse::<i64>() {
        Ok(c) if reach.centres.iter().any(|(id, _)| *id == c) => Some(c),
        Err(_) if form.centre.trim().is_empty() => reach.centres.first().map(|(id, _)| *id),
        _ => {
            errors.add("centre", ctx.i, "project-error-centre");
            None
        }
    };
    let validated = validate(ctx.i, &form, &mut errors);
    let Some(v) = validated.filter(|_| errors.is_empty()) else {
        return render_event(state, ctx, action, form, errors).await;
    };
    let new = store::site::NewEvent {
        slug: &v.slug,
        title: &v.title,
        summary: &v.summary,
        description: &v.description,
        starts_at: v.starts,
        ends_at: v.ends,
        place: &v.place,
        online_url: &v.online_url,
        capacity: v.capacity,
        published: form.published == "yes",
        centre_id: centre,
    };
    let now = store::now();
    let result = match id {
        Some(id) => store::site::update_event(&state.db, id, &new, now).await,
        None => store::site::create_event(&state.db, &new, now)
            .await
            .map(|_| ()),
    };
    match result {
        Ok(()) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", ctx.i, "site-error-slug-taken");
            return render_event(state, ctx, action, form, errors).await;
        }
        Err(e) => return Err(e.into()),
    }
    let user = ctx.require_user()?;
    audit::record(
        &state.db,
        AuditAction::SiteEdited,
        Entry {
            actor_id: Some(user.id),
            detail: &format!("event:{}", v.slug),
            ..Entry::default()
        },
    )
    .await?;
    state.site.changed();
    Ok(crate::accounts::redirect_with_flash(
        "/admin/evenements",
        "flash-site-saved",
        state,
    ))
}

pub async fn create_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<EventForm>,
) -> WebResult<Response> {
    save_event(&state, &ctx, None, form).await
}

pub async fn update_event(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<EventForm>,
) -> WebResult<Response> {
    let e = store::site::event(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    crate::scope::check(&ctx, Action::ManageEvents, e.centre_id)?;
    save_event(&state, &ctx, Some(id), form).await
}
