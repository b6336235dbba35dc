//! A lesson's files: its video served with byte ranges (the podcast's code), its poster and
//! captions, and workbook downloads. Readers of the course only; stored keys are read through
//! `upload::read_file`, the demo's (`demo:…`) from the binary.
use super::readable_lesson;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::range::{Source, respond};
use crate::respond::{self, Disposition};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// The bytes behind a stored key.
pub async fn bytes(state: &AppState, key: &str) -> WebResult<Vec<u8>> {
    if let Some(name) = key.strip_prefix("demo:") {
        return super::demo::file(name).ok_or(WebError::NotFound);
    }
    crate::upload::read_file(state, key).await
}

fn private(mut response: Response, content_type: &str) -> Response {
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    response
}

/// `GET /learn/lessons/{id}/video`: the uploaded video, streamed with single byte ranges
/// (206/416) by `crate::range`.
pub async fn video(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> WebResult<Response> {
    let lesson = readable_lesson(&state, &ctx, id).await?;
    let key = lesson.video_key.as_deref().ok_or(WebError::NotFound)?;
    let source = match key.strip_prefix("demo:") {
        Some(name) => Source::Memory(super::demo::file(name).ok_or(WebError::NotFound)?.into()),
        None => Source::Stored(&state.files, key),
    };
    let content_type = lesson.video_type.as_deref().unwrap_or("video/mp4");
    Ok(private(respond(source, &headers).await?, content_type))
}

pub async fn poster(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let lesson = readable_lesson(&state, &ctx, id).await?;
    let key = lesson.poster_key.as_deref().ok_or(WebError::NotFound)?;
    let data = bytes(&state, key).await?;
    // A poster was checked as a PNG or a JPEG when it was uploaded.
    let content_type = if data.starts_with(b"\xFF\xD8\xFF") {
        "image/jpeg"
    } else {
        "image/png"
    };
    Ok(private(data.into_response(), content_type))
}

pub async fn captions(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let lesson = readable_lesson(&state, &ctx, id).await?;
    let key = lesson.captions_key.as_deref().ok_or(WebError::NotFound)?;
    let data = bytes(&state, key).await?;
    Ok(private(data.into_response(), "text/vtt; charset=utf-8"))
}

/// `GET /learn/files/{id}`: a workbook file, saved under its name.
pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> WebResult<Response> {
    let file = store::learning::find_file(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    readable_lesson(&state, &ctx, file.lesson_id).await?;
    let data = bytes(&state, &file.file_key).await?;
    Ok(respond::file(
        data,
        crate::upload::served_type(&file.name),
        Disposition::Attachment,
        &file.name,
    ))
}
