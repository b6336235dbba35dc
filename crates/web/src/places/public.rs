//! What the public centre page (`/centres/{slug}`, `centres::show`) shows of the place, to
//! anyone: the presentation, address and contact, the week's hours, the closures to come,
//! accessibility, the spaces with their rules, the next events and the open offers. Three
//! statements: the place (two) and the showcase (one).
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::state::AppState;
use domain::booking::SpaceKind;
use domain::tracking::iso;
use domain::{Action, Scope};

pub struct SpaceCard {
    pub name: String,
    pub meta: String,
    pub equipment: String,
    pub description: String,
    pub rules: String,
    pub book_href: Option<String>,
}

pub struct Item {
    pub href: String,
    pub title: String,
    pub meta: String,
}

pub struct PublicPlace {
    pub presentation: String,
    /// Ids and captions (the text alternatives).
    pub photos: Vec<(i64, String)>,
    pub address: String,
    pub email: String,
    pub phone: String,
    /// `tel:` and the number without spaces.
    pub phone_href: String,
    pub accessibility: String,
    pub hours: Vec<(String, String)>,
    pub has_hours: bool,
    pub closures: Vec<(String, String)>,
    pub spaces: Vec<SpaceCard>,
    pub events: Vec<Item>,
    pub offers: Vec<Item>,
    /// The calendar's address, for whoever may book.
    pub calendar_href: Option<String>,
}

fn short(text: &str, max: usize) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let line = line.trim().trim_start_matches('#').trim();
    if line.chars().count() <= max {
        line.to_string()
    } else {
        let cut: String = line.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

pub async fn read(
    state: &AppState,
    ctx: &Ctx,
    centre_id: i64,
    slug: &str,
    town: &str,
) -> WebResult<PublicPlace> {
    let i = ctx.i;
    let today = iso(crate::tracking::today());
    let place = store::places::place(&state.db, centre_id, &today).await?;
    let showcase = store::places::showcase(&state.db, centre_id, store::now()).await?;
    let hours = super::hours(&place.hours);
    let may_book = ctx.actor.can(Action::BookSpace, Scope::Centre(centre_id));
    let p = &place.profile;
    let address = [p.address.as_str(), &format!("{} {}", p.postcode, town)]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(PublicPlace {
        presentation: p.presentation.clone(),
        photos: place.photos.clone(),
        address: if p.address.is_empty() {
            String::new()
        } else {
            address
        },
        email: p.email.clone(),
        phone: p.phone.clone(),
        phone_href: format!(
            "tel:{}",
            p.phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect::<String>()
        ),
        accessibility: p.accessibility.clone(),
        has_hours: hours.days.iter().any(|d| !d.is_empty()),
        hours: super::WEEKDAYS
            .iter()
            .enumerate()
            .map(|(n, k)| (i.t(k), super::day_text(i, &hours.days[n])))
            .collect(),
        closures: place
            .closures
            .iter()
            .map(|c| {
                (
                    super::profile::closure_dates(i, &c.starts_on, &c.ends_on),
                    c.reason.clone(),
                )
            })
            .collect(),
        spaces: place
            .spaces
            .iter()
            .map(|s| {
                let mut meta = vec![];
                if let Some(k) = SpaceKind::parse(&s.kind) {
                    meta.push(i.t(k.label_key()));
                }
                if s.capacity > 0 {
                    meta.push(i.tn("space-capacity-people", s.capacity));
                }
                if s.area_dm2 > 0 {
                    meta.push(super::area(i, s.area_dm2));
                }
                SpaceCard {
                    name: s.name.clone(),
                    meta: meta.join(" · "),
                    equipment: s.equipment.clone(),
                    description: s.description.clone(),
                    rules: if s.bookable {
                        super::spaces_rules_line(i, s)
                    } else {
                        i.t("space-not-bookable")
                    },
                    book_href: (may_book && s.bookable)
                        .then(|| format!("/centres/{slug}/espaces/{}/reserver", s.id)),
                }
            })
            .collect(),
        events: showcase
            .iter()
            .filter(|x| x.tag == "e")
            .map(|e| Item {
                href: format!("/evenements/{}", e.slug),
                title: e.title.clone(),
                meta: i.datetime(e.starts_at),
            })
            .collect(),
        offers: showcase
            .iter()
            .filter(|x| x.tag == "o")
            .map(|o| Item {
                href: format!("/offre/{slug}/{}", o.slug),
                title: o.title.clone(),
                meta: if o.price_cents == 0 {
                    short(&o.summary, 140)
                } else {
                    format!("{} · {}", i.money(o.price_cents), short(&o.summary, 120))
                },
            })
            .collect(),
        calendar_href: may_book.then(|| format!("/centres/{slug}/reservations")),
    })
}
