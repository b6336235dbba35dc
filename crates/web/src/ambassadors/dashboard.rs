//! An ambassador's own page, `/ambassadeur`: their link, code and QR code with texts to share,
//! their tier and the next one, their results over the last twelve months, and the
//! leaderboard when the network shows it. Five statements: the ambassador, their results, the
//! tiers, the leaderboard switch and the leaderboard.
use crate::ctx::Ctx;
use crate::error::{WebError, WebResult};
use crate::i18n::I18n;
use crate::layout::Layout;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use domain::ambassadors::{self as rules, Kind, Metric, Tier, Totals};
use domain::{Action, Role, Scope};
use rand::RngCore;

/// Months shown in the results table.
const MONTHS: usize = 12;
/// Places on the leaderboard.
const LEADERBOARD: i64 = 10;

pub struct MonthRow {
    pub label: String,
    pub visits: String,
    pub leads: String,
    pub signups: String,
    pub registrations: String,
    pub payments: String,
    pub paid: String,
}

pub struct TierLine {
    pub name: String,
    pub rule: String,
    pub reward: String,
    pub current: bool,
}

pub struct Rank {
    pub place: usize,
    pub name: String,
    pub signups: String,
    pub payments: String,
    pub me: bool,
}

#[derive(Template)]
#[template(path = "ambassadors/dashboard.html")]
struct DashboardView {
    layout: Layout,
    link: String,
    code: String,
    qr: String,
    texts: Vec<String>,
    /// (label, value) of the totals.
    totals: Vec<(String, String)>,
    current: Option<TierLine>,
    next: Option<String>,
    tiers: Vec<TierLine>,
    months: Vec<MonthRow>,
    leaderboard: Option<Vec<Rank>>,
}

/// The rule of a tier in words (« 5 inscriptions »).
pub fn rule(i: I18n, metric: Metric, threshold: i64) -> String {
    i.ta(
        match metric {
            Metric::Signups => "ambassador-rule-signups",
            Metric::Payments => "ambassador-rule-payments",
        },
        &[("count", &i.number(threshold))],
    )
}

pub fn tiers_of(rows: &[store::ambassadors::TierRow]) -> Vec<Tier> {
    rows.iter()
        .filter_map(|t| {
            Some(Tier {
                name: t.name.clone(),
                metric: Metric::parse(&t.metric).ok()?,
                threshold: t.threshold,
                reward: t.reward.clone(),
            })
        })
        .collect()
}

/// The person's ambassador record, made (with a fresh code) on their first visit.
async fn ambassador(
    state: &AppState,
    user_id: i64,
    centre_id: i64,
) -> WebResult<store::ambassadors::Ambassador> {
    for _ in 0..5 {
        if let Some(a) = store::ambassadors::find(&state.db, user_id).await? {
            return Ok(a);
        }
        let mut bytes = [0u8; rules::CODE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        match store::ambassadors::create(&state.db, user_id, centre_id, &rules::code_from(&bytes))
            .await
        {
            Ok(()) | Err(store::StoreError::Duplicate) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(WebError::Internal("no free referral code".into()))
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> WebResult<Response> {
    let user = ctx.require_user()?;
    let centre = ctx
        .actor
        .memberships
        .iter()
        .find(|(_, r)| *r == Role::Ambassador)
        .map(|(c, _)| *c)
        .ok_or(WebError::Forbidden)?;
    ctx.authorize(Action::Refer, Scope::Centre(centre))?;
    let i = ctx.i;
    let a = ambassador(&state, user.id, centre).await?;
    let happened = store::ambassadors::results(&state.db, a.user_id, &a.code).await?;
    let events: Vec<(Kind, i64, i64)> = happened
        .iter()
        .filter_map(|h| Some((Kind::parse(&h.kind)?, h.at, h.cents)))
        .collect();
    let count = |k: Kind| events.iter().filter(|e| e.0 == k).count() as i64;
    let totals = Totals {
        signups: count(Kind::Signup),
        payments: count(Kind::Payment),
    };
    let paid: i64 = events
        .iter()
        .filter(|e| e.0 == Kind::Payment)
        .map(|e| e.2)
        .sum();
    let tier_rows = store::ambassadors::tiers(&state.db).await?;
    let tiers = tiers_of(&tier_rows);
    let standing = rules::standing(&tiers, totals);
    let line = |idx: usize| TierLine {
        name: tiers[idx].name.clone(),
        rule: rule(i, tiers[idx].metric, tiers[idx].threshold),
        reward: tiers[idx].reward.clone(),
        current: standing.current == Some(idx),
    };
    let next = standing.next.map(|(idx, missing)| {
        i.ta(
            match tiers[idx].metric {
                Metric::Signups => "ambassador-next-signups",
                Metric::Payments => "ambassador-next-payments",
            },
            &[("tier", &tiers[idx].name), ("count", &i.number(missing))],
        )
    });
    let months = rules::months(&events, store::now(), MONTHS)
        .into_iter()
        .rev()
        .map(|m| MonthRow {
            label: format!("{} {}", i.t(&format!("month-{}", m.month)), m.year),
            visits: i.number(m.visits),
            leads: i.number(m.leads),
            signups: i.number(m.signups),
            registrations: i.number(m.registrations),
            payments: i.number(m.payments),
            paid: i.money(m.paid_cents),
        })
        .collect();
    let leaderboard = if store::ambassadors::leaderboard_on(&state.db).await? {
        Some(
            store::ambassadors::standings(&state.db, LEADERBOARD)
                .await?
                .into_iter()
                .enumerate()
                .map(|(n, s)| Rank {
                    place: n + 1,
                    name: s.display_name,
                    signups: i.number(s.signups),
                    payments: i.number(s.payments),
                    me: s.user_id == a.user_id,
                })
                .collect(),
        )
    } else {
        None
    };
    let link = super::link::share_url(&state, &a.code);
    let texts = ["ambassador-text-short", "ambassador-text-long"]
        .iter()
        .map(|k| i.ta(k, &[("link", &link)]))
        .collect();
    let view = DashboardView {
        layout: Layout::new(&state, &ctx, i.t("ambassador-title")),
        qr: crate::site::registrations::qr_svg(&link, &i.t("ambassador-qr"))?,
        code: a.code.to_uppercase(),
        link,
        texts,
        totals: vec![
            (i.t("ambassador-col-visits"), i.number(count(Kind::Visit))),
            (i.t("ambassador-col-leads"), i.number(count(Kind::Lead))),
            (i.t("ambassador-col-signups"), i.number(totals.signups)),
            (
                i.t("ambassador-col-registrations"),
                i.number(count(Kind::Registration)),
            ),
            (i.t("ambassador-col-payments"), i.number(totals.payments)),
            (i.t("ambassador-col-paid"), i.money(paid)),
        ],
        current: standing.current.map(line),
        next,
        tiers: (0..tiers.len()).map(line).collect(),
        months,
        leaderboard,
    };
    Ok(Html(view.render()?).into_response())
}
