//! The network team edits the landing page: its texts per language and the pioneers goal
//! (the video is uploaded by `media`).
use super::landing::{LandingTexts, Testimonial};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Query;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::site::optional_text;
use domain::{Action, Locale, Scope};
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

/// The landing texts as a flat form (three testimonials; the offers are each centre's
/// catalogue, `crate::offers`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TextsForm {
    pub lang: String,
    pub promise_title: String,
    pub promise_lead: String,
    pub story: String,
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
        let q = |n: usize| t.testimonials.get(n).cloned().unwrap_or_default();
        TextsForm {
            lang: lang.to_string(),
            promise_title: t.promise_title.clone(),
            promise_lead: t.promise_lead.clone(),
            story: t.story.clone(),
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
    Ok(crate::respond::redirect_with_flash(
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
    Ok(crate::respond::redirect_with_flash(
        "/admin/site",
        "flash-site-saved",
        &state,
    ))
}
