//! Campaigns: `utm_*` parameters on any public address are remembered in a short first-party
//! cookie (no tracker) with the referring site, recorded on the lead who signs up; the staff see
//! leads by source and campaign and build tagged links.
use crate::cookies;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Query;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, header};
use axum::response::{Html, IntoResponse, Response};
use domain::Action;
use domain::site::{referrer_host, utm_value};
use serde::Deserialize;

pub const COOKIE: &str = "utm";
const MAX_AGE: i64 = 30 * 86_400;

/// Where a visitor came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Campaign {
    pub source: String,
    pub medium: String,
    pub campaign: String,
    pub referrer: String,
}

impl Campaign {
    /// The campaign remembered in the visitor's cookie.
    pub fn from_headers(headers: &HeaderMap) -> Campaign {
        let Some(raw) = cookies::get(headers, COOKIE) else {
            return Campaign::default();
        };
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw).unwrap_or_default();
        let get = |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| utm_value(v))
                .unwrap_or_default()
        };
        Campaign {
            source: get("s"),
            medium: get("m"),
            campaign: get("c"),
            referrer: pairs
                .iter()
                .find(|(n, _)| n == "r")
                .map(|(_, v)| v.chars().take(100).collect())
                .unwrap_or_default(),
        }
    }

    fn cookie_value(&self) -> String {
        serde_urlencoded::to_string([
            ("s", &self.source),
            ("m", &self.medium),
            ("c", &self.campaign),
            ("r", &self.referrer),
        ])
        .unwrap_or_default()
    }
}

/// The campaign named in a query string, if any.
fn from_query(query: &str) -> Option<Campaign> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| utm_value(v))
            .unwrap_or_default()
    };
    let c = Campaign {
        source: get("utm_source"),
        medium: get("utm_medium"),
        campaign: get("utm_campaign"),
        referrer: String::new(),
    };
    (!c.source.is_empty() || !c.campaign.is_empty()).then_some(c)
}

/// The campaign a page visit brings (a tagged link, or a first visit from another site), to
/// remember once the page is served. Called for every request by the context middleware.
pub fn arriving(state: &AppState, parts: &Parts) -> Option<Campaign> {
    if parts.method != Method::GET {
        return None;
    }
    let referrer = || {
        parts
            .headers
            .get(header::REFERER)
            .and_then(|v| v.to_str().ok())
            .and_then(|r| referrer_host(r, &state.config.base_url))
            .unwrap_or_default()
    };
    match parts.uri.query().and_then(from_query) {
        Some(mut c) => {
            c.referrer = referrer();
            Some(c)
        }
        None if cookies::get(&parts.headers, COOKIE).is_none() => {
            let referrer = referrer();
            (!referrer.is_empty()).then(|| Campaign {
                referrer,
                ..Campaign::default()
            })
        }
        None => None,
    }
}

/// Remembers an arriving campaign in the visitor's cookie, when the page was served.
pub fn remember(state: &AppState, campaign: Option<Campaign>, response: &mut Response) {
    if let Some(c) = campaign
        && response.status().is_success()
    {
        response.headers_mut().append(
            header::SET_COOKIE,
            cookies::set(
                COOKIE,
                &c.cookie_value(),
                MAX_AGE,
                true,
                state.cookies.secure,
            ),
        );
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BuilderQuery {
    pub path: String,
    pub source: String,
    pub medium: String,
    pub campaign: String,
}

struct Line {
    source: String,
    medium: String,
    campaign: String,
    leads: String,
    confirmed: String,
    converted: String,
}

#[derive(Template)]
#[template(path = "site/campaigns.html")]
struct ReportView {
    layout: Layout,
    lines: Vec<Line>,
    q: BuilderQuery,
    link: Option<String>,
    paths: Vec<(&'static str, String)>,
}

/// The report of leads by source and campaign, and the link builder.
pub async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<BuilderQuery>,
) -> WebResult<Response> {
    let reach = crate::scope::reach(&state, &ctx, Action::ManageLeads).await?;
    let i = ctx.i;
    let lines = store::site::campaign_report(&state.db, reach.chosen(0))
        .await?
        .into_iter()
        .map(|l| Line {
            source: if l.utm_source.is_empty() {
                i.t(&format!("lead-source-{}", l.source))
            } else {
                l.utm_source
            },
            medium: l.utm_medium,
            campaign: l.utm_campaign,
            leads: i.number(l.leads),
            confirmed: i.number(l.confirmed),
            converted: i.number(l.converted),
        })
        .collect();
    let paths = vec![
        ("/", i.t("nav-home")),
        ("/pionniers", i.t("site-pioneers-title")),
        ("/evenements", i.t("site-events-title")),
        ("/diagnostics/projet-pret", i.t("site-cta-diagnostic")),
        ("/canvas/try", i.t("site-cta-canvas")),
    ];
    let link = (!q.source.trim().is_empty()).then(|| {
        let path = paths
            .iter()
            .find(|(p, _)| *p == q.path)
            .map(|(p, _)| *p)
            .unwrap_or("/");
        let mut pairs = vec![("utm_source", utm_value(&q.source))];
        if !q.medium.trim().is_empty() {
            pairs.push(("utm_medium", utm_value(&q.medium)));
        }
        if !q.campaign.trim().is_empty() {
            pairs.push(("utm_campaign", utm_value(&q.campaign)));
        }
        format!(
            "{}?{}",
            state.url(path),
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    });
    let view = ReportView {
        layout: Layout::new(&state, &ctx, i.t("site-campaigns-title")),
        lines,
        q,
        link,
        paths,
    };
    Ok(Html(view.render()?).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_campaigns_from_queries_and_cookies() {
        let c = from_query("utm_source=Facebook&utm_medium=social&utm_campaign=lancement%20mars")
            .unwrap();
        assert_eq!(c.source, "facebook");
        assert_eq!(c.campaign, "lancement-mars");
        assert!(from_query("page=2").is_none());
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            format!("utm={}", c.cookie_value()).parse().unwrap(),
        );
        assert_eq!(Campaign::from_headers(&h), c);
    }
}
