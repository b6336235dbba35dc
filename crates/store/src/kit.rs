//! The deployment kit (migration 0036): the network's numbered versions and their items, the
//! draft the network writes the next version in, and each centre's copy. Publishing and taking
//! a version are one transaction each; what changed is `domain::kit::changes`.
use crate::{Db, Exec, Result, StoreError, Tx, now};
use domain::kit::{Change, ChangeKind, Item, Section};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub id: i64,
    pub number: i64,
    pub notes: String,
    pub published_at: Option<i64>,
    pub published_by: Option<String>,
    pub items: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StoredItem {
    pub key: String,
    pub section: String,
    pub title: String,
    pub body: String,
    /// For a centre's copy, the kit version the item comes from (0 in a version's own list).
    #[sqlx(default)]
    pub version_number: i64,
}

impl StoredItem {
    /// The domain's item (an unknown section reads as the manual's, never dropped).
    pub fn item(&self) -> Item {
        Item {
            key: self.key.clone(),
            section: Section::parse(&self.section).unwrap_or(Section::Manual),
            title: self.title.clone(),
            body: self.body.clone(),
        }
    }
}

/// The version a centre holds.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Held {
    pub version_id: i64,
    pub number: i64,
    pub taken_at: i64,
}

/// A centre and the kit version it holds, for the network's page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CentreHolding {
    pub centre_id: i64,
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub version_id: Option<i64>,
    pub number: Option<i64>,
    pub taken_at: Option<i64>,
}

const VERSION_SELECT: &str = "SELECT v.id, v.number, v.notes, v.published_at, u.display_name AS published_by, \
     (SELECT COUNT(*) FROM kit_items i WHERE i.version_id = v.id) AS items \
     FROM kit_versions v LEFT JOIN users u ON u.id = v.published_by";

/// Every version, the draft and the newest first.
pub async fn versions(db: &Db) -> Result<Vec<Version>> {
    let sql = format!("{VERSION_SELECT} ORDER BY v.number DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).fetch_all(pool).await?))
}

/// The newest published version: the one a centre starts from.
pub async fn current<'e>(ex: impl Into<Exec<'e>>) -> Result<Option<Version>> {
    let sql =
        format!("{VERSION_SELECT} WHERE v.published_at IS NOT NULL ORDER BY v.number DESC LIMIT 1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).fetch_optional(e).await?))
}

/// The draft of the next version, if one is open.
pub async fn draft<'e>(ex: impl Into<Exec<'e>>) -> Result<Option<Version>> {
    let sql = format!("{VERSION_SELECT} WHERE v.draft = 1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).fetch_optional(e).await?))
}

/// A version's items, by title.
pub async fn items<'e>(ex: impl Into<Exec<'e>>, version_id: i64) -> Result<Vec<StoredItem>> {
    let sql = "SELECT item_key AS key, section, title, body FROM kit_items WHERE version_id = $1 \
               ORDER BY title, item_key";
    Ok(on_exec!(ex.into(), e => sqlx::query_as(sql).bind(version_id).fetch_all(e).await?))
}

/// Opens the draft of the next version (a copy of the current version's items), or returns the
/// one open.
pub async fn open_draft(db: &Db) -> Result<i64> {
    let mut tx = db.begin().await?;
    if let Some(d) = draft(&mut tx).await? {
        return Ok(d.id);
    }
    let sql = "INSERT INTO kit_versions (number, draft, created_at) \
               SELECT COALESCE(MAX(number), 0) + 1, 1, $1 FROM kit_versions RETURNING id";
    let id: i64 =
        on_exec!(Exec::from(&mut tx), e => sqlx::query_scalar(sql).bind(now()).fetch_one(e).await?);
    if let Some(c) = current(&mut tx).await? {
        let sql = "INSERT INTO kit_items (version_id, item_key, section, title, body) \
                   SELECT $1, item_key, section, title, body FROM kit_items WHERE version_id = $2";
        on_exec!(Exec::from(&mut tx), e => sqlx::query(sql).bind(id).bind(c.id).execute(e).await?.rows_affected());
    }
    tx.commit().await?;
    Ok(id)
}

/// Adds an item to the draft; `Duplicate` when its key is taken, `NotFound` without a draft.
pub async fn add_item(db: &Db, item: &Item) -> Result<()> {
    let sql = "INSERT INTO kit_items (version_id, item_key, section, title, body) \
               SELECT id, $1, $2, $3, $4 FROM kit_versions WHERE draft = 1";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(&item.key)
        .bind(item.section.code())
        .bind(&item.title)
        .bind(&item.body)
        .execute(pool)
        .await?
        .rows_affected());
    if n == 1 {
        Ok(())
    } else {
        Err(StoreError::NotFound)
    }
}

/// Rewrites an item of the draft (its key and section stay); false when the draft has none.
pub async fn save_item(db: &Db, key: &str, title: &str, body: &str) -> Result<bool> {
    let sql = "UPDATE kit_items SET title = $2, body = $3 WHERE item_key = $1 \
               AND version_id = (SELECT id FROM kit_versions WHERE draft = 1)";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(key)
        .bind(title)
        .bind(body)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(n == 1)
}

/// Takes an item off the draft; false when the draft has none.
pub async fn remove_item(db: &Db, key: &str) -> Result<bool> {
    let sql = "DELETE FROM kit_items WHERE item_key = $1 \
               AND version_id = (SELECT id FROM kit_versions WHERE draft = 1)";
    let n = on_db!(db, pool => sqlx::query(sql).bind(key).execute(pool).await?.rows_affected());
    Ok(n == 1)
}

/// What the draft changes from the current version.
pub async fn draft_changes(tx: &mut Tx, draft_id: i64) -> Result<Vec<Change>> {
    let new: Vec<Item> = items(&mut *tx, draft_id)
        .await?
        .iter()
        .map(StoredItem::item)
        .collect();
    let old: Vec<Item> = match current(&mut *tx).await? {
        Some(c) => items(&mut *tx, c.id)
            .await?
            .iter()
            .map(StoredItem::item)
            .collect(),
        None => Vec::new(),
    };
    Ok(domain::kit::changes(&old, &new))
}

/// Publishes the draft with its notes: it becomes the current version. Refused when it is
/// empty (`kit-error-empty`) or changes nothing (`kit-error-nothing-changed`); `NotFound`
/// without a draft. Returns the version's number.
pub async fn publish(db: &Db, notes: &str, by: Option<i64>) -> Result<i64> {
    let mut tx = db.begin().await?;
    let d = draft(&mut tx).await?.ok_or(StoreError::NotFound)?;
    if d.items == 0 {
        return Err(StoreError::Refused(
            domain::kit::KitError::Empty.message_key(),
        ));
    }
    if draft_changes(&mut tx, d.id).await?.is_empty() {
        return Err(StoreError::Refused(
            domain::kit::KitError::NothingChanged.message_key(),
        ));
    }
    let sql = "UPDATE kit_versions SET draft = NULL, notes = $2, published_at = $3, published_by = $4 \
               WHERE id = $1 AND draft = 1";
    on_exec!(Exec::from(&mut tx), e => sqlx::query(sql)
        .bind(d.id)
        .bind(notes)
        .bind(now())
        .bind(by)
        .execute(e)
        .await?
        .rows_affected());
    tx.commit().await?;
    Ok(d.number)
}

/// The version a centre holds, if it took one.
pub async fn held<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Option<Held>> {
    let sql = "SELECT k.version_id, v.number, k.taken_at FROM centre_kits k \
               JOIN kit_versions v ON v.id = k.version_id WHERE k.centre_id = $1";
    Ok(on_exec!(ex.into(), e => sqlx::query_as(sql).bind(centre_id).fetch_optional(e).await?))
}

/// A centre's copy of the kit, by title.
pub async fn centre_items<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Vec<StoredItem>> {
    let sql = "SELECT item_key AS key, section, title, body FROM centre_kit_items WHERE centre_id = $1 \
               ORDER BY title, item_key";
    Ok(on_exec!(ex.into(), e => sqlx::query_as(sql).bind(centre_id).fetch_all(e).await?))
}

/// One item of a centre's copy.
pub async fn centre_item(db: &Db, centre_id: i64, key: &str) -> Result<Option<StoredItem>> {
    let sql = "SELECT item_key AS key, section, title, body, version_number FROM centre_kit_items \
               WHERE centre_id = $1 AND item_key = $2";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(centre_id).bind(key).fetch_optional(pool).await?),
    )
}

/// What taking a version did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub number: i64,
    /// The changes taken.
    pub taken: Vec<String>,
    /// The changes left aside (the centre keeps its own copy of those items).
    pub left: Vec<String>,
}

/// What a centre would get from `to` compared with the version it holds (all of `to` when it
/// holds none).
pub async fn changes_for(tx: &mut Tx, held_version: Option<i64>, to: i64) -> Result<Vec<Change>> {
    let new: Vec<Item> = items(&mut *tx, to)
        .await?
        .iter()
        .map(StoredItem::item)
        .collect();
    let old: Vec<Item> = match held_version {
        Some(v) => items(&mut *tx, v)
            .await?
            .iter()
            .map(StoredItem::item)
            .collect(),
        None => Vec::new(),
    };
    Ok(domain::kit::changes(&old, &new))
}

/// Takes the current version into a centre's copy, in the caller's transaction: the changes
/// whose keys are in `keys` (every change when `keys` is `None`), then the centre holds the
/// version. `expected` is the version the page showed the centre holding (`None`: none), so two
/// people taking at once cannot take twice: refused with `kit-error-stale` when it moved,
/// `NotFound` when nothing is published.
pub async fn take_in(
    tx: &mut Tx,
    centre_id: i64,
    expected: Option<i64>,
    keys: Option<&[String]>,
    by: Option<i64>,
) -> Result<Taken> {
    let to = current(&mut *tx).await?.ok_or(StoreError::NotFound)?;
    let was = held(&mut *tx, centre_id).await?.map(|h| h.version_id);
    if was != expected {
        return Err(StoreError::Refused("kit-error-stale"));
    }
    let changes = changes_for(tx, was, to.id).await?;
    let new = items(&mut *tx, to.id).await?;
    let (mut taken, mut left) = (Vec::new(), Vec::new());
    for c in changes {
        if !keys.is_none_or(|k| k.contains(&c.key)) {
            left.push(c.key);
            continue;
        }
        let sql = "DELETE FROM centre_kit_items WHERE centre_id = $1 AND item_key = $2";
        on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(centre_id).bind(&c.key).execute(e).await?.rows_affected());
        if c.kind != ChangeKind::Removed
            && let Some(i) = new.iter().find(|i| i.key == c.key)
        {
            let sql = "INSERT INTO centre_kit_items (centre_id, item_key, section, title, body, version_number) \
                       VALUES ($1, $2, $3, $4, $5, $6)";
            on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
                .bind(centre_id)
                .bind(&i.key)
                .bind(&i.section)
                .bind(&i.title)
                .bind(&i.body)
                .bind(to.number)
                .execute(e)
                .await?
                .rows_affected());
        }
        taken.push(c.key);
    }
    let sql = "DELETE FROM centre_kits WHERE centre_id = $1";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql).bind(centre_id).execute(e).await?.rows_affected());
    let sql = "INSERT INTO centre_kits (centre_id, version_id, taken_at, taken_by) VALUES ($1, $2, $3, $4)";
    on_exec!(Exec::from(&mut *tx), e => sqlx::query(sql)
        .bind(centre_id)
        .bind(to.id)
        .bind(now())
        .bind(by)
        .execute(e)
        .await?
        .rows_affected());
    Ok(Taken {
        number: to.number,
        taken,
        left,
    })
}

/// Every centre with the version it holds, by name.
pub async fn holdings(db: &Db) -> Result<Vec<CentreHolding>> {
    let sql = "SELECT c.id AS centre_id, c.name, c.slug, c.kind, k.version_id, v.number, k.taken_at \
               FROM centres c LEFT JOIN centre_kits k ON k.centre_id = c.id \
               LEFT JOIN kit_versions v ON v.id = k.version_id ORDER BY c.name, c.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

/// Writes items into the draft in one transaction, each replacing the draft's item of the same
/// key (the others stay). `NotFound` without a draft.
pub async fn put_items(db: &Db, list: &[Item]) -> Result<()> {
    let mut tx = db.begin().await?;
    let d = draft(&mut tx).await?.ok_or(StoreError::NotFound)?;
    for item in list {
        let sql = "DELETE FROM kit_items WHERE version_id = $1 AND item_key = $2";
        on_exec!(Exec::from(&mut tx), e => sqlx::query(sql).bind(d.id).bind(&item.key).execute(e).await?.rows_affected());
        let sql = "INSERT INTO kit_items (version_id, item_key, section, title, body) VALUES ($1, $2, $3, $4, $5)";
        on_exec!(Exec::from(&mut tx), e => sqlx::query(sql)
            .bind(d.id)
            .bind(&item.key)
            .bind(item.section.code())
            .bind(&item.title)
            .bind(&item.body)
            .execute(e)
            .await?
            .rows_affected());
    }
    tx.commit().await?;
    Ok(())
}
