//! Saving the editor's form: a new item with its French version (`create`), or one language
//! version of an item (`save`); refused forms and previews go back to the editor.
use super::editor::{EditContext, render_editor};
use super::figures::fill_figures;
use super::form::{EditorForm, EditorInput, check};
use super::{EditQuery, audit, audit_detail, authorize, edit_lang};
use crate::content::search_text;
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::extract::{Path, Query};
use crate::form::FieldErrors;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use crate::streamed_upload::StreamedMultipart;
use axum::extract::State;
use axum::response::Response;
use domain::content::Kind;
use store::audit::AuditAction;
use store::content::VersionInput;

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    EditorInput(mut form): EditorInput,
) -> WebResult<Response> {
    let user = authorize(&ctx)?;
    let i = ctx.i;
    let input = EditorForm::read(&form);
    let mut errors = FieldErrors::default();
    let kind = match Kind::parse(&input.kind) {
        Ok(k) => k,
        Err(e) => {
            errors.add("kind", i, e.message_key());
            Kind::Post
        }
    };
    if kind == Kind::CaseStudy && form.text("_action") == "fill-figures" {
        return fill_figures(&state, &ctx, input, errors, EditContext::new_item(false)).await;
    }
    let (valid, audio) = check(&state, i, kind, &input, &form, None, "fr", &mut errors).await?;
    let preview = form.text("_action") == "preview";
    let (Some(v), false) = (valid, preview) else {
        return render_editor(
            &state,
            &ctx,
            kind,
            input,
            errors,
            EditContext::new_item(preview),
        )
        .await;
    };
    let search = search_text(&v.title, &v.summary, &v.body);
    let id = match store::content::create(
        &state.db,
        &store::content::NewItem {
            kind: kind.code(),
            parent_id: v.parent_id,
            position: v.fields.position,
            author_id: Some(user),
        },
        &v.fields,
        &VersionInput {
            lang: "fr",
            slug: &v.slug,
            title: &v.title,
            summary: &v.summary,
            body: &v.body,
            figures: &v.figures,
            search_text: &search,
        },
    )
    .await
    {
        Ok(id) => id,
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", i, "content-error-slug-taken");
            return render_editor(
                &state,
                &ctx,
                kind,
                input,
                errors,
                EditContext::new_item(false),
            )
            .await;
        }
        Err(e) => return Err(e.into()),
    };
    store_audio(&state, id, &mut form, audio).await?;
    if v.fields.status != "draft" {
        audit(
            &state,
            user,
            AuditAction::ContentPublished,
            &audit_detail(kind.code(), id, &v.slug),
        )
        .await?;
    }
    Ok(redirect_with_flash(
        &format!("/admin/content/{id}?lang=fr"),
        "flash-content-created",
        &state,
    ))
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<EditQuery>,
    EditorInput(mut form): EditorInput,
) -> WebResult<Response> {
    let user = authorize(&ctx)?;
    let i = ctx.i;
    let lang = edit_lang(&q);
    let item = store::content::find(&state.db, id)
        .await?
        .ok_or(WebError::NotFound)?;
    let kind = item.kind;
    let versions: Vec<String> = store::content::versions(&state.db, id)
        .await?
        .into_iter()
        .map(|v| v.lang)
        .collect();
    let mut input = EditorForm::read(&form);
    input.kind = kind.code().to_string();
    if kind == Kind::Chapter && input.parent_id.is_empty() {
        input.parent_id = item.parent_id.map(|p| p.to_string()).unwrap_or_default();
    }
    let mut errors = FieldErrors::default();
    if kind == Kind::CaseStudy && form.text("_action") == "fill-figures" {
        let edit = EditContext {
            item: Some(&item),
            lang,
            versions,
            preview: false,
        };
        return fill_figures(&state, &ctx, input, errors, edit).await;
    }
    let (valid, audio) = check(
        &state,
        i,
        kind,
        &input,
        &form,
        Some(&item),
        lang,
        &mut errors,
    )
    .await?;
    let preview = form.text("_action") == "preview";
    let edit = EditContext {
        item: Some(&item),
        lang,
        versions: versions.clone(),
        preview,
    };
    let (Some(v), false) = (valid, preview) else {
        return render_editor(&state, &ctx, kind, input, errors, edit).await;
    };
    let search = search_text(&v.title, &v.summary, &v.body);
    let saved = store::content::save_version(
        &state.db,
        &item,
        &VersionInput {
            lang,
            slug: &v.slug,
            title: &v.title,
            summary: &v.summary,
            body: &v.body,
            figures: &v.figures,
            search_text: &search,
        },
        Some(user),
    )
    .await;
    match saved {
        Ok(_) => {}
        Err(store::StoreError::Duplicate) => {
            errors.add("slug", i, "content-error-slug-taken");
            return render_editor(&state, &ctx, kind, input, errors, edit).await;
        }
        Err(e) => return Err(e.into()),
    }
    store::content::update_item(&state.db, id, &v.fields).await?;
    store_audio(&state, id, &mut form, audio).await?;
    let detail = audit_detail(kind.code(), id, &v.slug);
    match (
        item.status == domain::content::Status::Draft,
        v.fields.status == "draft",
    ) {
        (true, false) => audit(&state, user, AuditAction::ContentPublished, &detail).await?,
        (false, true) => audit(&state, user, AuditAction::ContentUnpublished, &detail).await?,
        _ => {}
    }
    Ok(redirect_with_flash(
        &format!("/admin/content/{id}?lang={lang}"),
        "flash-content-saved",
        &state,
    ))
}

/// Keeps an episode's uploaded audio (of the type checked) beside its item: moved or streamed
/// into the storage from its temporary file when it was large.
async fn store_audio(
    state: &AppState,
    id: i64,
    form: &mut StreamedMultipart,
    audio_type: Option<&'static str>,
) -> WebResult<()> {
    if let (Some(audio_type), Some(mut file)) = (audio_type, form.take_file("audio")) {
        let key = crate::streamed_upload::store(state, &mut file).await?;
        store::content::set_audio(&state.db, id, &key, audio_type, file.size as i64).await?;
    }
    Ok(())
}
