//! An offer's public page and its application form. A signed-in person applies as themself;
//! a visitor gives a name, an address and a password: a new address gets an account (to
//! verify), an address already known has the application linked to its account, and both
//! read the same answer so the form tells nobody which addresses exist.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, Form, text};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::mail::Compose;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::{Email, password};
use serde::Deserialize;
use store::offers::Offer;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApplyForm {
    pub display_name: String,
    pub email: String,
    pub password: String,
    pub motivation: String,
    pub q0: String,
    pub q1: String,
    pub q2: String,
    pub q3: String,
    pub q4: String,
    pub q5: String,
    pub q6: String,
    pub q7: String,
    pub q8: String,
    pub q9: String,
}

impl ApplyForm {
    fn answer(&self, n: usize) -> &str {
        [
            &self.q0, &self.q1, &self.q2, &self.q3, &self.q4, &self.q5, &self.q6, &self.q7,
            &self.q8, &self.q9,
        ][n.min(9)]
    }
}

const QUESTION_FIELDS: [&str; 10] = ["q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];

/// A question of the form with what was typed.
pub struct Question {
    pub field: &'static str,
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "offers/show.html")]
struct ShowView {
    layout: Layout,
    offer: Offer,
    price: String,
    facts: Vec<String>,
    paragraphs: Vec<String>,
    questions: Vec<Question>,
    form: ApplyForm,
    errors: FieldErrors,
    /// Why nobody can apply now (closed, full, applied already), if so.
    refusal: Option<String>,
    signed_in: bool,
    min_len: usize,
    /// The results the offer publishes (Qualiopi indicator 2), once there are enough answers.
    published: Option<super::evidence::Published>,
}

async fn offer_at(state: &AppState, centre: &str, slug: &str) -> WebResult<Offer> {
    store::offers::find_by_slug(&state.db, centre, slug)
        .await?
        .ok_or(WebError::NotFound)
}

/// Why applying is refused before anything is typed: a closed or full offer.
fn closed(i: I18n, offer: &Offer) -> Option<String> {
    if !offer.open() {
        Some(i.t("offer-closed"))
    } else if offer.full() {
        Some(i.t("offer-full"))
    } else {
        None
    }
}

#[allow(clippy::too_many_arguments)]
fn render(
    state: &AppState,
    ctx: &Ctx,
    offer: Offer,
    published: Option<super::evidence::Published>,
    mut form: ApplyForm,
    errors: FieldErrors,
    refusal: Option<String>,
    status: StatusCode,
) -> WebResult<Response> {
    let i = ctx.i;
    form.password.clear();
    let questions = domain::offer::questions(&offer.questions)
        .into_iter()
        .enumerate()
        .map(|(n, label)| Question {
            field: QUESTION_FIELDS[n.min(9)],
            value: form.answer(n).to_string(),
            label,
        })
        .collect();
    let view = ShowView {
        layout: Layout::new(state, ctx, offer.title.clone())
            .with_description(offer.description.chars().take(160).collect()),
        price: super::price(i, offer.price_cents),
        facts: super::facts(i, &offer),
        paragraphs: offer
            .description
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        questions,
        form,
        errors,
        refusal,
        signed_in: ctx.user.is_some(),
        min_len: password::MIN_LEN,
        published,
        offer,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((centre, slug)): Path<(String, String)>,
) -> WebResult<Response> {
    let offer = offer_at(&state, &centre, &slug).await?;
    let refusal = closed(ctx.i, &offer);
    let published = super::evidence::published(&state, ctx.i, &offer).await?;
    render(
        &state,
        &ctx,
        offer,
        published,
        ApplyForm::default(),
        FieldErrors::default(),
        refusal,
        StatusCode::OK,
    )
}

/// Applications per client address per hour before the form says to wait.
const APPLICATIONS_PER_HOUR: i64 = 10;

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((centre, slug)): Path<(String, String)>,
    Form(mut form): Form<ApplyForm>,
) -> WebResult<Response> {
    let i = ctx.i;
    let offer = offer_at(&state, &centre, &slug).await?;
    let published = super::evidence::published(&state, ctx.i, &offer).await?;
    if let Some(refusal) = closed(i, &offer) {
        return render(
            &state,
            &ctx,
            offer,
            published,
            form,
            FieldErrors::default(),
            Some(refusal),
            StatusCode::CONFLICT,
        );
    }
    let mut errors = FieldErrors::default();
    let motivation = errors.check("motivation", i, text(&form.motivation, 2_000));
    let mut answers = Vec::new();
    for (n, question) in domain::offer::questions(&offer.questions)
        .into_iter()
        .enumerate()
    {
        if let Some(a) = errors.check(QUESTION_FIELDS[n.min(9)], i, text(form.answer(n), 1_000)) {
            answers.push((question, a));
        }
    }
    let visitor = match ctx.user.as_deref() {
        Some(_) => None,
        None => {
            let name = errors.check("display_name", i, text(&form.display_name, 80));
            let email = errors.check("email", i, Email::parse(&form.email));
            let pass = errors.check("password", i, password::check_new(&form.password));
            let hits =
                store::rate_limit::hit(&state.db, &format!("apply:{}", ctx.client_ip), 3_600)
                    .await?;
            if hits > APPLICATIONS_PER_HOUR {
                errors.add("email", i, "error-too-many-attempts");
            }
            Some((name, email, pass))
        }
    };
    let (Some(motivation), true) = (motivation, errors.is_empty()) else {
        return render(
            &state,
            &ctx,
            offer,
            published,
            form,
            errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let answers = serde_json::to_string(&answers).map_err(|e| WebError::Internal(e.to_string()))?;
    let (user_id, name, email, locale, new_account) = match (ctx.user.as_deref(), visitor) {
        (Some(u), _) => (u.id, u.display_name.clone(), u.email.clone(), i, false),
        (None, Some((Some(name), Some(email), Some(_)))) => {
            match store::accounts::find_user_by_email(&state.db, email.as_str()).await? {
                Some(u) => (u.id, u.display_name, u.email, I18n::new(u.locale), false),
                None => {
                    let hash = state
                        .hasher
                        .hash(std::mem::take(&mut form.password))
                        .await?;
                    let new = store::accounts::NewUser {
                        email: email.as_str(),
                        password_hash: &hash,
                        display_name: &name,
                        locale: i.code(),
                        verified: false,
                    };
                    let id = store::accounts::create_user(&state.db, &new).await?;
                    crate::ambassadors::credit_signup(&state, &ctx, id).await?;
                    (id, name, email.as_str().to_string(), i, true)
                }
            }
        }
        _ => return Err(WebError::BadRequest("error-required")),
    };
    let mut tx = state.db.begin().await?;
    let done = match store::offers::apply(&mut tx, &offer, user_id, &motivation, &answers).await {
        Ok(_) => {
            received_mail(&state, locale, &email, &name, &offer)
                .queue_in(&mut tx)
                .await?;
            tx.commit().await?;
            state.jobs_queued();
            true
        }
        Err(store::StoreError::Duplicate) => false,
        Err(e) => return Err(e.into()),
    };
    if new_account {
        crate::accounts::send_verification(&state, i, user_id, &email, &name).await?;
    }
    if ctx.user.is_none() {
        // A visitor reads the same answer whether the address was new, known, or had applied.
        return crate::message::message(
            &state,
            &ctx,
            "offer-applied-title",
            &["offer-applied-visitor", "check-email-spam"],
            None,
        );
    }
    if !done {
        let refusal = Some(i.t("offer-applied-already"));
        return render(
            &state,
            &ctx,
            offer,
            published,
            form,
            FieldErrors::default(),
            refusal,
            StatusCode::CONFLICT,
        );
    }
    state.changed();
    Ok(redirect_with_flash(
        "/mes-candidatures",
        "flash-offer-applied",
        &state,
    ))
}

fn received_mail<'a>(
    state: &AppState,
    i: I18n,
    to: &'a str,
    name: &str,
    offer: &Offer,
) -> Compose<'a> {
    Compose {
        i,
        to,
        subject: i.ta(
            "application-mail-received-subject",
            &[("offer", &offer.title)],
        ),
        greeting: i.ta("email-greeting", &[("name", name)]),
        paragraphs: vec![i.ta("application-mail-received-body", &[("offer", &offer.title)])],
        action: Some((
            i.t("application-mail-action"),
            state.url("/mes-candidatures"),
        )),
        after: vec![i.t("email-ignore-if-not-you")],
    }
}
