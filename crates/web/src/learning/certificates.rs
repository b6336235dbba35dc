//! Certificates: the learner's PDF (the `Report` template) and the public verification page at
//! `/certificates/{code}`, which shows the name, the course and the date, nothing else. A code
//! that was never issued is a 404 like any missing page.
use super::readable_course;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::layout::Layout;
use crate::respond;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use documents::{Block, Report, Section};

#[derive(Template)]
#[template(path = "learning/certificate.html")]
struct VerifyView {
    layout: Layout,
    name: String,
    course: String,
    date: String,
}

/// `GET /learn/courses/{id}/certificate`: the reader's own certificate for the course.
pub async fn pdf(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    readable_course(&state, &ctx, id).await?;
    let user = ctx.require_user()?;
    let cert = store::learning::certificate_for(&state.db, user.id, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let i = ctx.i;
    let url = format!("{}/certificates/{}", state.config.base_url, cert.code);
    let report = Report {
        lang: i.code().to_string(),
        title: i.t("learn-certificate-title"),
        subtitle: cert.course_title.clone(),
        meta: vec![i.t("learn-certificate-issuer"), i.date(cert.issued_at)],
        footer: url.clone(),
        sections: vec![Section {
            heading: cert.learner_name.clone(),
            level: 1,
            page_break: false,
            blocks: vec![
                Block::Paragraph {
                    text: i.ta(
                        "learn-certificate-text",
                        &[
                            ("name", &cert.learner_name),
                            ("course", &cert.course_title),
                            ("date", &i.date(cert.issued_at)),
                        ],
                    ),
                },
                Block::Labelled {
                    label: i.t("learn-certificate-verify"),
                    text: url,
                },
            ],
        }],
    };
    respond::inline_pdf(
        documents::Template::Report,
        report,
        &format!("certificat-{}.pdf", cert.code),
    )
    .await
}

/// `GET /certificates/{code}`: public.
pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> WebResult<Response> {
    if !domain::learning::is_certificate_code(&code) {
        return Err(WebError::NotFound);
    }
    let cert = store::learning::certificate(&state.db, &code)
        .await?
        .ok_or(WebError::NotFound)?;
    let i = ctx.i;
    let view = VerifyView {
        layout: Layout::new(&state, &ctx, i.t("learn-verify-title")),
        date: i.date(cert.issued_at),
        name: cert.learner_name,
        course: cert.course_title,
    };
    Ok(Html(view.render()?).into_response())
}
