//! A centre's onboarding sequence, as its managers set it (the network team, any centre's):
//! each step on or off, its delay in days, its place, and its e-mail's subject and
//! introduction per language over the catalogue's.
use crate::cohorts::centre_by_slug;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::onboarding::{MAX_DELAY_DAYS, Step, StepSetting};
use domain::{Action, Locale, Scope};
use std::collections::HashMap;
use store::centres::CentreSummary;
use store::onboarding::StepText;

/// Longest subject and introduction a centre may write.
const SUBJECT_CHARS: usize = 150;
const INTRO_CHARS: usize = 1_000;

/// The names of a step's fields (errors are keyed by them): delay, place, then subject and
/// introduction in French, then in English.
const FIELDS: [[&str; 6]; 5] = [
    [
        "welcome-delay",
        "welcome-position",
        "welcome-subject-fr",
        "welcome-intro-fr",
        "welcome-subject-en",
        "welcome-intro-en",
    ],
    [
        "diagnostic-delay",
        "diagnostic-position",
        "diagnostic-subject-fr",
        "diagnostic-intro-fr",
        "diagnostic-subject-en",
        "diagnostic-intro-en",
    ],
    [
        "canvas-delay",
        "canvas-position",
        "canvas-subject-fr",
        "canvas-intro-fr",
        "canvas-subject-en",
        "canvas-intro-en",
    ],
    [
        "course-delay",
        "course-position",
        "course-subject-fr",
        "course-intro-fr",
        "course-subject-en",
        "course-intro-en",
    ],
    [
        "coaching-delay",
        "coaching-position",
        "coaching-subject-fr",
        "coaching-intro-fr",
        "coaching-subject-en",
        "coaching-intro-en",
    ],
];

fn fields(step: Step) -> [&'static str; 6] {
    let at = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
    FIELDS[at]
}

/// One language's texts of a step, as the form shows them.
pub struct TextRow {
    pub language: String,
    pub subject_name: &'static str,
    pub subject: String,
    pub intro_name: &'static str,
    pub intro: String,
    /// The catalogue's subject, kept when the field is left empty.
    pub default_subject: String,
}

/// One step of the form, with what was typed.
pub struct StepRow {
    pub code: &'static str,
    pub title: String,
    pub enabled: bool,
    pub delay_name: &'static str,
    pub delay: String,
    pub position_name: &'static str,
    pub position: String,
    pub texts: Vec<TextRow>,
}

#[derive(Template)]
#[template(path = "onboarding/settings.html")]
struct SettingsView {
    layout: Layout,
    centre: CentreSummary,
    steps: Vec<StepRow>,
    errors: FieldErrors,
}

async fn staff_centre(state: &AppState, ctx: &Ctx, slug: &str) -> WebResult<CentreSummary> {
    let centre = centre_by_slug(state, slug).await?;
    ctx.authorize(Action::ManageCentre, Scope::Centre(centre.id))?;
    Ok(centre)
}

/// The form as saved: settings in the sequence's order, texts as written.
fn rows_of(i: I18n, sequence: &[StepSetting], texts: &[StepText]) -> Vec<StepRow> {
    sequence
        .iter()
        .enumerate()
        .map(|(at, s)| {
            let names = fields(s.step);
            let text = |locale: Locale| {
                texts
                    .iter()
                    .find(|t| t.step == s.step.code() && t.locale == locale.code())
                    .cloned()
                    .unwrap_or_default()
            };
            let delay = if s.delay_hours % 24 == 0 {
                (s.delay_hours / 24).to_string()
            } else {
                // A delay set in hours elsewhere shows as days, rounded up.
                ((s.delay_hours + 23) / 24).to_string()
            };
            StepRow {
                code: s.step.code(),
                title: i.t(&format!("onboarding-step-{}", s.step.code())),
                enabled: s.enabled,
                delay_name: names[0],
                delay,
                position_name: names[1],
                position: (at + 1).to_string(),
                texts: Locale::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(n, locale)| {
                        let t = text(locale);
                        TextRow {
                            language: i.t(&format!("onboarding-language-{}", locale.code())),
                            subject_name: names[2 + 2 * n],
                            subject: t.subject,
                            intro_name: names[3 + 2 * n],
                            intro: t.intro,
                            default_subject: I18n::new(locale)
                                .t(&format!("onboarding-{}-subject", s.step.code())),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    steps: Vec<StepRow>,
    errors: FieldErrors,
) -> WebResult<Response> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let i = ctx.i;
    let view = SettingsView {
        layout: Layout::new(
            state,
            ctx,
            i.ta("onboarding-settings-title", &[("centre", &centre.name)]),
        )
        .under(format!("/centres/{}", centre.slug), centre.name.clone()),
        centre,
        steps,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let sequence = store::onboarding::sequence(&state.db, Some(centre.id)).await?;
    let texts = store::onboarding::texts(&state.db, centre.id).await?;
    let steps = rows_of(ctx.i, &sequence, &texts);
    render(&state, &ctx, centre, steps, FieldErrors::default())
}

/// A whole number within `[min, max]`.
fn whole(value: &str, min: i64, max: i64) -> Option<i64> {
    value
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

/// Reads the form: the settings and texts when every field is right, and the rows as typed.
fn check(
    i: I18n,
    form: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> (Vec<StepSetting>, Vec<StepText>, Vec<StepRow>) {
    let value = |name: &str| form.get(name).map(String::as_str).unwrap_or("");
    let mut settings = Vec::new();
    let mut texts = Vec::new();
    for step in Step::ALL {
        let names = fields(step);
        let enabled = !value(&format!("{}-enabled", step.code())).is_empty();
        let delay = whole(value(names[0]), 0, MAX_DELAY_DAYS);
        if delay.is_none() {
            errors.add_text(
                names[0],
                i.ta(
                    "onboarding-error-delay",
                    &[("max", &MAX_DELAY_DAYS.to_string())],
                ),
            );
        }
        let count = Step::ALL.len() as i64;
        let position = whole(value(names[1]), 1, count);
        if position.is_none() {
            errors.add_text(
                names[1],
                i.ta("onboarding-error-position", &[("max", &count.to_string())]),
            );
        }
        for (n, locale) in Locale::ALL.into_iter().enumerate() {
            let (subject_name, intro_name) = (names[2 + 2 * n], names[3 + 2 * n]);
            let subject = value(subject_name).trim().to_string();
            let intro = value(intro_name).trim().to_string();
            if subject.chars().count() > SUBJECT_CHARS {
                errors.add(subject_name, i, "onboarding-error-subject");
            }
            if intro.chars().count() > INTRO_CHARS {
                errors.add(intro_name, i, "onboarding-error-intro");
            }
            texts.push(StepText {
                step: step.code().to_string(),
                locale: locale.code().to_string(),
                subject,
                intro,
            });
        }
        settings.push(StepSetting {
            step,
            delay_hours: delay.unwrap_or(0) * 24,
            enabled,
            position: position.unwrap_or(0),
        });
    }
    // What was typed, in the order typed (a wrong place keeps its step where it was).
    let mut rows = rows_of(i, &domain::onboarding::sequence(&settings), &texts);
    for row in rows.iter_mut() {
        let step = Step::parse(row.code).unwrap_or(Step::Welcome);
        let names = fields(step);
        row.delay = value(names[0]).to_string();
        row.position = value(names[1]).to_string();
        for t in row.texts.iter_mut() {
            t.subject = value(t.subject_name).to_string();
            t.intro = value(t.intro_name).to_string();
        }
    }
    (settings, texts, rows)
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let mut errors = FieldErrors::default();
    let (settings, texts, rows) = check(ctx.i, &form, &mut errors);
    if !errors.is_empty() {
        return render(&state, &ctx, centre, rows, errors);
    }
    store::onboarding::save(&state.db, centre.id, &settings, &texts).await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/onboarding", centre.slug),
        "flash-onboarding-saved",
        &state,
    ))
}
