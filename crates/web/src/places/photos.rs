//! Photos of the place (`/centres/{slug}/lieu/photos`): its managers add a PNG or JPEG picture
//! with a caption, which is also its text alternative, or remove one; the public page shows
//! them, served at `/centres/{slug}/photos/{id}` from the configured storage.
use super::managed_centre;
use super::profile::{SideForms, current_form, render};
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::Path;
use crate::form::{FieldErrors, text};
use crate::respond::{self, Disposition, redirect_with_flash};
use crate::state::AppState;
use crate::upload::Multipart;
use axum::extract::State;
use axum::response::Response;

/// A centre shows at most this many photos.
pub const MAX_PHOTOS: i64 = 12;

pub async fn add(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    form: Multipart,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    let i = ctx.i;
    let mut errors = FieldErrors::default();
    let caption_typed = form.text("caption");
    let caption = errors.check("caption", i, text(&caption_typed, 160));
    let file = form.file("photo");
    let kind = match file {
        None => {
            errors.add("photo", i, "place-error-photo");
            None
        }
        Some(f) => match crate::upload::check_file(&state, i, crate::filetype::Use::Document, f) {
            Ok("image/png") => Some("image/png"),
            Ok("image/jpeg") => Some("image/jpeg"),
            Ok(_) => {
                errors.add("photo", i, "place-error-photo");
                None
            }
            Err(refused) => {
                errors.add_text("photo", refused);
                None
            }
        },
    };
    if store::places::photo_count(&state.db, centre.id).await? >= MAX_PHOTOS {
        errors.add("photo", i, "place-error-photos-full");
    }
    let (Some(caption), Some(kind), Some(file), true) = (caption, kind, file, errors.is_empty())
    else {
        let page = current_form(&state, centre.id).await?;
        return render(
            &state,
            &ctx,
            &centre,
            page,
            Default::default(),
            FieldErrors::default(),
            SideForms {
                caption: caption_typed,
                photo_errors: errors,
                ..SideForms::default()
            },
        )
        .await;
    };
    let key = crate::upload::store_file(&state, &file.data).await?;
    store::places::add_photo(&state.db, centre.id, &key, kind, &caption).await?;
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/lieu#h-photos", centre.slug),
        "flash-photo-added",
        &state,
    ))
}

pub async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = managed_centre(&state, &ctx, &slug).await?;
    if !store::places::remove_photo(&state.db, centre.id, id).await? {
        return Err(WebError::NotFound);
    }
    state.changed();
    Ok(redirect_with_flash(
        &format!("/centres/{}/lieu#h-photos", centre.slug),
        "flash-photo-removed",
        &state,
    ))
}

/// A photo, to anyone (the public page shows it).
pub async fn show(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i64)>,
) -> WebResult<Response> {
    let centre = crate::cohorts::centre_by_slug(&state, &slug).await?;
    let photo = store::places::photo(&state.db, id)
        .await?
        .filter(|p| p.centre_id == centre.id)
        .ok_or(WebError::NotFound)?;
    let kind = if photo.content_type == "image/png" {
        "image/png"
    } else {
        "image/jpeg"
    };
    let bytes = crate::upload::read_file(&state, &photo.file_key).await?;
    let name = if kind == "image/png" {
        "photo.png"
    } else {
        "photo.jpg"
    };
    Ok(respond::file(bytes, kind, Disposition::Inline, name))
}
