//! The catalogue (`/learn`): the courses a reader may follow (the network's and their centres'),
//! searched by words and filtered by a thematic tag, the paths, and where they stopped.
use super::{can_author, reader_centres};
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::learning::TAGS;
use domain::{Action, Scope};
use serde::Deserialize;
use store::learning::{CatalogueQuery, Resume};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CatalogueParams {
    pub q: String,
    pub tag: String,
}

pub struct TagView {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

pub struct CourseCard {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub tags: Vec<String>,
    pub draft: bool,
}

pub struct PathCard {
    pub id: i64,
    pub title: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "learning/catalogue.html")]
struct CatalogueView {
    layout: Layout,
    q: String,
    tags: Vec<TagView>,
    courses: Vec<CourseCard>,
    paths: Vec<PathCard>,
    resume: Option<Resume>,
    can_author: bool,
    can_follow: bool,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<CatalogueParams>,
) -> WebResult<Response> {
    ctx.authorize(Action::Learn, Scope::Network)?;
    let user = ctx.require_user()?;
    let i = ctx.i;
    let tag = TAGS.iter().find(|t| **t == params.tag).copied();
    let centres = reader_centres(&ctx);
    // Authors see their drafts; the store filters the rest by owner below.
    let authoring = can_author(&ctx, None)
        || ctx
            .actor
            .memberships
            .iter()
            .any(|(c, _)| can_author(&ctx, Some(*c)));
    let q = CatalogueQuery {
        centres: &centres,
        drafts: authoring,
        search: &params.q,
        tag,
    };
    // The catalogue and the paths, kept a few seconds per reader, search and tag.
    let (courses, paths) = crate::cache::kept(
        &state,
        &ctx,
        format!(
            "catalogue:{}:{centres}:{authoring}:{tag:?}:{}",
            user.id, params.q
        ),
        async {
            tokio::try_join!(
                store::learning::catalogue(&state.db, &q),
                store::learning_paths::visible(&state.db, &centres, user.id, authoring),
            )
        },
    )
    .await?
    .as_ref()
    .clone();
    let courses = courses
        .into_iter()
        .filter(|c| super::may_read(&ctx, c.centre_id, &c.status))
        .map(|c| CourseCard {
            id: c.id,
            draft: !c.published(),
            tags: c
                .tag_list()
                .iter()
                .map(|t| i.t(&format!("learn-tag-{t}")))
                .collect(),
            title: c.title,
            summary: c.summary,
        })
        .collect();
    let paths = paths
        .into_iter()
        .map(|p| PathCard {
            id: p.id,
            title: p.title,
            summary: p.summary,
        })
        .collect();
    let resume = store::learning::resume(&state.db, user.id).await?;
    let view = CatalogueView {
        layout: Layout::new(&state, &ctx, i.t("learn-catalogue-title")),
        tags: TAGS
            .iter()
            .map(|t| TagView {
                code: t,
                label: i.t(&format!("learn-tag-{t}")),
                selected: Some(*t) == tag,
            })
            .collect(),
        q: params.q,
        courses,
        paths,
        resume,
        can_author: authoring,
        can_follow: ctx
            .actor
            .memberships
            .iter()
            .any(|(c, _)| ctx.actor.can(Action::FollowLearning, Scope::Centre(*c))),
    };
    Ok(Html(view.render()?).into_response())
}
