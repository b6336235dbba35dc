//! The demo's place: the studio's profile, hours and a closure, four spaces with their rules,
//! and a few bookings in the coming days; a meeting room at the Die micro-centre. Loaded once
//! (nothing is added when the studio has spaces already).
use crate::error::{WebError, WebResult};
use domain::booking;
use store::Db;
use store::places::{HoursRow, Profile, SpaceInput};

#[allow(clippy::too_many_arguments)]
fn space<'a>(
    name: &'a str,
    kind: &'a str,
    capacity: i64,
    area_dm2: i64,
    equipment: &'a str,
    audience: &'a str,
    price: i64,
    bookable: bool,
) -> SpaceInput<'a> {
    SpaceInput {
        name,
        kind,
        capacity,
        area_dm2,
        bookable,
        equipment,
        description: "",
        max_minutes: 240,
        notice_minutes: 60,
        audience,
        price_per_hour_cents: price,
    }
}

pub async fn load(db: &Db) -> WebResult<()> {
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    if !store::places::spaces(db, studio.id).await?.is_empty() {
        return Ok(());
    }
    let week: Vec<HoursRow> = (0..5)
        .flat_map(|d| {
            [(9 * 60, 12 * 60 + 30), (14 * 60, 19 * 60)].map(|(o, c)| HoursRow {
                weekday: d,
                opens_min: o,
                closes_min: c,
            })
        })
        .chain([HoursRow {
            weekday: 5,
            opens_min: 10 * 60,
            closes_min: 13 * 60,
        }])
        .collect();
    let mut tx = db.begin().await?;
    store::places::save_profile_in(
        &mut tx,
        studio.id,
        &Profile {
            presentation: "Un tiers-lieu au pied des pentes de la Croix-Rousse : des salles pour vos ateliers, un coworking ouvert et une équipe pour lancer votre projet à impact local.".into(),
            address: "12 rue des Tanneurs".into(),
            postcode: "69001".into(),
            email: "bonjour@studio-impact.demo".into(),
            phone: "04 78 00 00 00".into(),
            accessibility: "Entrée de plain-pied, salles accessibles en fauteuil, toilettes adaptées au rez-de-chaussée.\nMétro C Croix-Paquet à 200 m.".into(),
        },
        &week,
    )
    .await?;
    let spaces = [
        space(
            "Salle des Canuts",
            "meeting",
            12,
            3_500,
            "Vidéoprojecteur\nTableau blanc\nVisioconférence",
            "members",
            0,
            true,
        ),
        space(
            "Atelier de fabrication",
            "workshop",
            8,
            6_050,
            "Établis\nPerceuses, scies\nÉvier",
            "participants",
            0,
            true,
        ),
        space(
            "Coworking",
            "coworking",
            10,
            5_000,
            "Dix postes, écrans, imprimante",
            "public",
            500,
            true,
        ),
        space(
            "Réserve",
            "storage",
            0,
            1_200,
            "Étagères",
            "members",
            0,
            false,
        ),
    ];
    let mut ids = Vec::new();
    for s in &spaces {
        ids.push(store::places::create_space_in(&mut tx, studio.id, s).await?);
    }
    tx.commit().await?;
    let year = booking::day_of(store::now()).year();
    store::places::add_closure(
        db,
        studio.id,
        &format!("{year}-12-24"),
        &format!("{}-01-01", year + 1),
        "Fêtes de fin d’année",
    )
    .await?;
    // A few bookings in the coming weekdays, in the Salle des Canuts.
    let people: Vec<i64> = {
        let mut v = Vec::new();
        for email in ["participant@demo.local", "coach@demo.local"] {
            if let Some(u) = store::accounts::find_user_by_email(db, email).await? {
                v.push(u.id);
            }
        }
        v
    };
    let mut day = booking::day_of(store::now());
    let mut made = 0;
    while made < 3 {
        day = day.next_day().ok_or(WebError::NotFound)?;
        if booking::weekday_index(day) > 4 {
            continue;
        }
        let (Some(start), Some(end)) = (
            booking::instant(day, 10 * 60),
            booking::instant(day, 12 * 60),
        ) else {
            continue;
        };
        let Some(&user) = people.get(made % people.len().max(1)) else {
            break;
        };
        let mut tx = db.begin().await?;
        let new = store::bookings::NewBooking {
            centre_id: studio.id,
            space_id: ids[0],
            user_id: user,
            starts_at: start,
            ends_at: end,
            purpose: "Réunion de projet",
            price_cents: 0,
        };
        match store::bookings::book_in(&mut tx, &new).await {
            Ok(_) => tx.commit().await?,
            Err(store::StoreError::Duplicate) => {}
            Err(e) => return Err(e.into()),
        }
        made += 1;
    }
    if let Some(die) = store::centres::find_by_slug(db, "micro-centre-die").await?
        && store::places::spaces(db, die.id).await?.is_empty()
    {
        let mut tx = db.begin().await?;
        store::places::create_space_in(
            &mut tx,
            die.id,
            &space(
                "Salle commune",
                "meeting",
                15,
                4_000,
                "Grande table, paperboard",
                "members",
                0,
                true,
            ),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(())
}
