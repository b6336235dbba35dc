//! The pitch video (and its captions) uploaded by the network team, served from this site with
//! range requests so browsers can seek; only files the landing page points at are served here.
//! The upload is read as a stream (`streamed_upload`): a large video goes to a temporary file,
//! never whole in memory, and past the media limit the request ends with 413.
use super::admin_texts::{render_texts_with, save_texts};
use super::landing::LandingTexts;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::filetype::Use;
use crate::form::FieldErrors;
use crate::i18n::I18n;
use crate::range::{Source, respond};
use crate::state::AppState;
use crate::streamed_upload::StreamedMultipart;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use domain::{Action, Locale, Scope};

pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    mut form: StreamedMultipart,
) -> WebResult<Response> {
    ctx.authorize(Action::ManageSite, Scope::Network)?;
    let i = ctx.i;
    let lang = Locale::parse(&form.text("lang")).unwrap_or_default();
    let mut errors = FieldErrors::default();
    let video = match form.file("video") {
        None => {
            errors.add("video", i, "site-error-video-file");
            None
        }
        Some(f) => match crate::streamed_upload::check(&state, i, Use::Video, f) {
            Ok(kind) => Some(if kind == "video/webm" { "webm" } else { "mp4" }),
            Err(refused) => {
                errors.add_text("video", refused);
                None
            }
        },
    };
    if let Some(Err(refused)) = form
        .file("captions")
        .map(|c| crate::streamed_upload::check(&state, i, Use::Captions, c))
    {
        errors.add_text("captions", refused);
    }
    let (Some(ext), Some(mut video)) =
        (video.filter(|_| errors.is_empty()), form.take_file("video"))
    else {
        return render_texts_with(&state, &ctx, lang, errors).await;
    };
    // Streamed: a large video went to a temporary file, moved (or streamed) into the storage.
    let key = crate::streamed_upload::store(&state, &mut video).await?;
    let mut texts = LandingTexts::load(&state, I18n::new(lang)).await?;
    texts.video_url = format!("/media/{key}.{ext}");
    texts.video_captions_url = match form.take_file("captions") {
        Some(mut c) => format!(
            "/media/{}.vtt",
            crate::streamed_upload::store(&state, &mut c).await?
        ),
        None => String::new(),
    };
    save_texts(&state, &ctx, lang, &texts, "video").await
}

pub async fn serve(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> WebResult<Response> {
    let path = format!("/media/{name}");
    let mut listed = false;
    for locale in [Locale::Fr, Locale::En] {
        let t = LandingTexts::load(&state, I18n::new(locale)).await?;
        listed |= t.video_url == path || t.video_captions_url == path;
    }
    let (key, ext) = name.split_once('.').ok_or(WebError::NotFound)?;
    let content_type = match ext {
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "vtt" => "text/vtt; charset=utf-8",
        _ => return Err(WebError::NotFound),
    };
    if !listed {
        return Err(WebError::NotFound);
    }
    let mut response = respond(Source::Stored(&state.files, key), &headers).await?;
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(response)
}
