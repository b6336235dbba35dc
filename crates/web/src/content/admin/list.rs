//! The list of content items, filtered by kind, status, language, tag and words.
use super::{Choice, authorize};
use crate::content::status_label;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::content::{self, Kind, Status};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    tag: String,
    #[serde(default)]
    q: String,
}

pub struct Row {
    pub title: String,
    pub href: String,
    pub kind: String,
    pub status: String,
    pub status_code: String,
    pub when: String,
    pub langs: String,
    pub updated: String,
    pub tags: String,
    pub public_href: Option<String>,
}

#[derive(Template)]
#[template(path = "content/admin.html")]
struct AdminView {
    layout: Layout,
    rows: Vec<Row>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    langs: Vec<Choice>,
    tag: String,
    q: String,
    new_links: Vec<(String, String)>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ListQuery>,
) -> WebResult<Response> {
    authorize(&ctx)?;
    let i = ctx.i;
    let filter = store::content::Filter {
        kind: Kind::parse(&q.kind)
            .map(|k| k.code().to_string())
            .unwrap_or_default(),
        status: Status::parse(&q.status)
            .map(|s| s.code().to_string())
            .unwrap_or_default(),
        lang: if matches!(q.lang.as_str(), "fr" | "en") {
            q.lang.clone()
        } else {
            String::new()
        },
        tag: q.tag.chars().take(content::MAX_TAG).collect(),
        q: q.q.chars().take(100).collect(),
    };
    let rows = store::content::admin_list(&state.db, &filter, 300).await?;
    let now = store::now();
    let mut out = Vec::new();
    for r in rows {
        let (kind, status) = (r.kind, r.status);
        let public = content::is_public(status, r.publish_at, now);
        let guide_slug = match r.parent_id {
            Some(p) => store::content::slug_in(&state.db, p, "fr").await?,
            None => None,
        };
        out.push(Row {
            href: format!("/admin/content/{}", r.id),
            kind: i.t(kind.label_key()),
            status: status_label(i, status.code()),
            status_code: status.code().to_string(),
            when: match (status, r.publish_at) {
                (Status::Draft, _) | (_, None) => String::new(),
                (_, Some(at)) => i.datetime(at),
            },
            langs: if r.has_en > 0 {
                "FR · EN".into()
            } else {
                "FR".into()
            },
            updated: i.datetime(r.updated_at),
            tags: content::tags_of(&r.tags).join(", "),
            public_href: public.then(|| kind.path(&r.slug, guide_slug.as_deref())),
            title: r.title,
        });
    }
    let opt = |value: &str, label: String, current: &str| Choice {
        selected: value == current,
        value: value.to_string(),
        label,
    };
    let mut kinds = vec![opt("", i.t("content-filter-any"), &filter.kind)];
    kinds.extend(
        Kind::ALL
            .into_iter()
            .map(|k| opt(k.code(), i.t(k.label_key()), &filter.kind)),
    );
    let mut statuses = vec![opt("", i.t("content-filter-any"), &filter.status)];
    statuses.extend(
        Status::ALL
            .into_iter()
            .map(|s| opt(s.code(), i.t(s.label_key()), &filter.status)),
    );
    let langs = vec![
        opt("", i.t("content-filter-any"), &filter.lang),
        opt("en", i.t("content-filter-with-en"), &filter.lang),
        opt("fr", i.t("content-filter-fr-only"), &filter.lang),
    ];
    let view = AdminView {
        layout: Layout::new(&state, &ctx, i.t("content-admin-title")),
        rows: out,
        kinds,
        statuses,
        langs,
        tag: filter.tag,
        q: filter.q,
        new_links: Kind::ALL
            .into_iter()
            .map(|k| {
                (
                    format!("/admin/content/new?kind={}", k.code()),
                    i.t(k.label_key()),
                )
            })
            .collect(),
    };
    Ok(Html(view.render()?).into_response())
}
