//! Demo data: the network's standard list (a real micro-centre's opening list), the studio's
//! two rooms, its inventory started from the list, and its layout plan with a named version.
use crate::error::WebResult;
use domain::plan::{Kind, Plan, Shape};
use store::Db;
use store::equipment::LineInput;

/// (name, supplier, unit price in cents, quantity, depreciation years)
const STANDARD: [(&str, &str, i64, i64, Option<i64>); 16] = [
    (
        "Tables pliantes 180 × 75 cm",
        "Manutan Collectivités",
        8_900,
        6,
        Some(5),
    ),
    (
        "Chaises empilables",
        "Manutan Collectivités",
        3_500,
        24,
        Some(5),
    ),
    ("Vidéoprojecteur", "LDLC Pro", 54_900, 1, Some(3)),
    (
        "Écran de projection sur pied",
        "LDLC Pro",
        12_900,
        1,
        Some(5),
    ),
    (
        "Tableau blanc mobile double face",
        "Bruneau",
        18_900,
        1,
        Some(5),
    ),
    ("Paperboards", "Bruneau", 7_900, 2, Some(5)),
    (
        "Coin café (cafetière, bouilloire, vaisselle)",
        "Emmaüs",
        24_900,
        1,
        Some(3),
    ),
    ("Réfrigérateur table top", "Darty Pro", 19_900, 1, Some(5)),
    (
        "Ordinateurs portables",
        "Ordi Solidaire (reconditionnés)",
        42_900,
        2,
        Some(3),
    ),
    ("Imprimante multifonction", "LDLC Pro", 22_900, 1, Some(3)),
    ("Borne Wi-Fi", "LDLC Pro", 14_900, 1, Some(3)),
    ("Étagères de rangement", "Emmaüs", 9_900, 3, Some(5)),
    (
        "Multiprises et rallonges",
        "Bricolage local",
        1_500,
        6,
        None,
    ),
    ("Trousse de premiers secours", "Pharmacie", 4_500, 1, None),
    ("Extincteurs (eau + CO₂)", "Sicli", 6_900, 2, Some(5)),
    (
        "Signalétique et affichage obligatoire",
        "Imprimerie locale",
        12_000,
        1,
        None,
    ),
];

pub async fn load(db: &Db) -> WebResult<()> {
    if store::equipment::standard(db).await?.is_empty() {
        for (name, supplier, price, quantity, years) in STANDARD {
            let item = LineInput {
                name,
                supplier,
                unit_price_cents: price,
                quantity,
                status: "to_buy",
                space_id: None,
                depreciation_years: years,
            };
            match store::equipment::add_standard(db, &item).await {
                Ok(_) | Err(store::StoreError::Duplicate) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    let Some(studio) = store::centres::find_by_slug(db, "studio").await? else {
        return Ok(());
    };
    let atelier =
        store::equipment::ensure_space(db, studio.id, "Atelier", "workshop", 20, 4_800).await?;
    let reunion =
        store::equipment::ensure_space(db, studio.id, "Salle de réunion", "meeting", 8, 1_800)
            .await?;
    if store::equipment::lines(db, studio.id).await?.is_empty() {
        store::equipment::start_from_standard(db, studio.id).await?;
        // Some of it is there already, some ordered, one in repair.
        for l in store::equipment::lines(db, studio.id).await? {
            let (status, space) = if l.name.starts_with("Tables") || l.name.starts_with("Chaises") {
                ("installed", Some(atelier))
            } else if l.name.starts_with("Tableau") || l.name.starts_with("Paperboards") {
                ("installed", Some(reunion))
            } else if l.name.starts_with("Vidéoprojecteur") {
                ("ordered", Some(reunion))
            } else if l.name.starts_with("Imprimante") {
                ("repair", None)
            } else {
                continue;
            };
            let input = LineInput {
                name: &l.name,
                supplier: &l.supplier,
                unit_price_cents: l.unit_price_cents,
                quantity: l.quantity,
                status,
                space_id: space,
                depreciation_years: l.depreciation_years,
            };
            store::equipment::update(db, studio.id, l.id, &input).await?;
        }
    }
    if store::plans::for_centre(db, studio.id).await?.is_none() {
        let lines = store::equipment::lines(db, studio.id).await?;
        let tables = lines
            .iter()
            .find(|l| l.name.starts_with("Tables"))
            .map(|l| l.id);
        let board = lines
            .iter()
            .find(|l| l.name.starts_with("Tableau"))
            .map(|l| l.id);
        let plan = studio_plan(tables, board);
        let id = store::plans::create(db, studio.id, &plan.to_json(), None).await?;
        let mut tx = db.begin().await?;
        store::plans::save_version_in(&mut tx, id, "Avant travaux", None).await?;
        tx.commit().await?;
    }
    Ok(())
}

/// The studio: 14 m × 9 m, a workshop, a meeting room, a coffee corner, its doors and a few
/// items of the inventory placed.
fn studio_plan(tables: Option<i64>, board: Option<i64>) -> Plan {
    let mut plan = Plan::new(1_400, 900);
    let shapes: [(Kind, &str, [i64; 4], Option<i64>); 9] = [
        (Kind::Room, "Atelier", [0, 0, 800, 900], None),
        (Kind::Room, "Salle de réunion", [820, 0, 580, 500], None),
        (Kind::Wall, "", [800, 0, 20, 900], None),
        (Kind::Door, "Entrée", [300, 880, 120, 20], None),
        (Kind::Door, "", [800, 600, 20, 100], None),
        (Kind::Zone, "Coin café", [840, 560, 540, 320], None),
        (Kind::Item, "Tables", [150, 300, 360, 150], tables),
        (Kind::Item, "Tableau blanc", [1_000, 40, 200, 40], board),
        (Kind::Item, "Table de réunion", [950, 180, 320, 160], None),
    ];
    for (kind, label, [x, y, w, h], equipment_id) in shapes {
        // Every shape above lies inside the building; one refused would only be left out.
        let _ = plan.add(Shape {
            id: 0,
            kind,
            label: label.into(),
            x,
            y,
            w,
            h,
            points: Vec::new(),
            equipment_id,
        });
    }
    plan
}
