//! Podcast audio served with HTTP range requests (players seek and resume with them; the one
//! parser and answer are `crate::range`), streamed from the file storage; and the audio types an
//! episode's file is served under.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::range::{Source, respond};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use domain::Action;

/// Where an episode's audio is read from: the binary for the demo episodes, else the storage.
fn audio_source<'a>(state: &'a AppState, key: &'a str) -> WebResult<Source<'a>> {
    match key.strip_prefix("demo:") {
        Some(name) => super::demo::audio(name)
            .map(|bytes| Source::Memory(bytes.into()))
            .ok_or(WebError::NotFound),
        None => Ok(Source::Stored(&state.files, key)),
    }
}

/// `GET /podcast/audio/{id}.{ext}`: a public episode's uploaded audio (staff may hear drafts).
pub async fn serve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> WebResult<Response> {
    let id: i64 = file
        .split('.')
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or(WebError::NotFound)?;
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let public = domain::content::is_public(item.status, item.publish_at, store::now());
    if item.kind != domain::content::Kind::Episode
        || !(public || ctx.actor.can(Action::ManageContent, domain::Scope::Network))
    {
        return Err(WebError::NotFound);
    }
    let key = item.audio_key.as_deref().ok_or(WebError::NotFound)?;
    let content_type = item.audio_type.as_deref().unwrap_or("audio/mpeg");
    let mut response = respond(audio_source(&state, key)?, &headers).await?;
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if public {
            "public, max-age=86400"
        } else {
            "private, no-store"
        }),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("\"{}-{}\"", item.id, item.updated_at)) {
        h.insert(header::ETAG, v);
    }
    Ok(response)
}

/// The extension an audio type is served under.
pub fn extension_of(content_type: &str) -> &'static str {
    match content_type {
        "audio/ogg" => "ogg",
        "audio/mp4" | "audio/x-m4a" => "m4a",
        "audio/wav" | "audio/x-wav" => "wav",
        "audio/opus" => "opus",
        _ => "mp3",
    }
}

/// The audio type of a file name or address (by its extension), MP3 by default.
pub fn guess_audio_type(name: &str) -> &'static str {
    let path = name.split(['?', '#']).next().unwrap_or("");
    match path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("ogg" | "oga") => "audio/ogg",
        Some("opus") => "audio/opus",
        Some("m4a" | "mp4" | "aac") => "audio/mp4",
        Some("wav") => "audio/wav",
        _ => "audio/mpeg",
    }
}
