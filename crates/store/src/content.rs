//! Content: items (what every language shares), their language versions (slug, title, summary,
//! Markdown body, key figures) and the revisions each save keeps. Public reads filter by time:
//! a scheduled item shows once its `publish_at` has passed, with no job to run.
use crate::{Db, Result, StoreError, now};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Item {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: domain::content::Kind,
    pub parent_id: Option<i64>,
    pub position: i64,
    #[sqlx(try_from = "String")]
    pub status: domain::content::Status,
    pub publish_at: Option<i64>,
    pub author_id: Option<i64>,
    pub author_name: Option<String>,
    pub tags: String,
    pub project_id: Option<i64>,
    pub project_name: Option<String>,
    pub audio_key: Option<String>,
    pub audio_url: Option<String>,
    pub audio_type: Option<String>,
    pub audio_size: Option<i64>,
    pub duration_seconds: Option<i64>,
    pub episode_number: Option<i64>,
    pub season_number: Option<i64>,
    pub explicit: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

const ITEM_COLUMNS: &str = "i.id, i.kind, i.parent_id, i.position, i.status, i.publish_at, i.author_id, \
     u.display_name AS author_name, i.tags, i.project_id, p.name AS project_name, i.audio_key, i.audio_url, \
     i.audio_type, i.audio_size, i.duration_seconds, i.episode_number, i.season_number, i.explicit, \
     i.created_at, i.updated_at";

const ITEM_FROM: &str = "content_items i LEFT JOIN users u ON u.id = i.author_id \
     LEFT JOIN projects p ON p.id = i.project_id";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Version {
    pub id: i64,
    pub item_id: i64,
    pub lang: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub figures: String,
    pub updated_at: i64,
    pub updated_by: Option<i64>,
}

const VERSION_COLUMNS: &str =
    "id, item_id, lang, slug, title, summary, body, figures, updated_at, updated_by";

/// An item with the version shown (the reader's language, else French).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Shown {
    #[sqlx(flatten)]
    pub item: Item,
    pub version_id: i64,
    pub lang: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub figures: String,
    pub version_updated_at: i64,
}

const SHOWN_VERSION: &str = "v.id AS version_id, v.lang, v.slug, v.title, v.summary, v.body, v.figures, \
     v.updated_at AS version_updated_at";

/// The version in `lang` when there is one, else the French one (bound as `$LANG`).
fn language_clause(lang_param: &str) -> String {
    format!(
        "(v.lang = {lang_param} OR (v.lang = 'fr' AND NOT EXISTS (SELECT 1 FROM content_versions o \
         WHERE o.item_id = i.id AND o.lang = {lang_param})))"
    )
}

/// Published, or scheduled with its time passed (bound as `$NOW`).
fn public_clause(now_param: &str) -> String {
    format!("i.status <> 'draft' AND i.publish_at IS NOT NULL AND i.publish_at <= {now_param}")
}

/// What a language version holds, as validated by the web layer.
pub struct VersionInput<'a> {
    pub lang: &'a str,
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    pub figures: &'a str,
    /// Lower-case title, summary and plain text of the body, for search.
    pub search_text: &'a str,
}

pub struct NewItem<'a> {
    pub kind: &'a str,
    pub parent_id: Option<i64>,
    pub position: i64,
    pub author_id: Option<i64>,
}

/// What every language shares, as the editor sets it.
#[derive(Debug, Clone, Default)]
pub struct ItemFields {
    pub status: String,
    pub publish_at: Option<i64>,
    pub tags: String,
    pub project_id: Option<i64>,
    pub position: i64,
    pub audio_url: Option<String>,
    pub duration_seconds: Option<i64>,
    pub episode_number: Option<i64>,
    pub season_number: Option<i64>,
    pub explicit: bool,
}

/// Creates an item with its first (French) version, all or nothing. A slug already used by the
/// same kind in the same language (within the same guide for chapters) is a `Duplicate`.
pub async fn create(
    db: &Db,
    new: &NewItem<'_>,
    fields: &ItemFields,
    version: &VersionInput<'_>,
) -> Result<i64> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO content_items (kind, parent_id, position, status, publish_at, author_id, tags, project_id, \
             audio_url, duration_seconds, episode_number, season_number, explicit, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
        )
        .bind(new.kind)
        .bind(new.parent_id)
        .bind(new.position)
        .bind(&fields.status)
        .bind(fields.publish_at)
        .bind(new.author_id)
        .bind(&fields.tags)
        .bind(fields.project_id)
        .bind(&fields.audio_url)
        .bind(fields.duration_seconds)
        .bind(fields.episode_number)
        .bind(fields.season_number)
        .bind(i64::from(fields.explicit))
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO content_versions (item_id, lang, kind, scope_id, slug, title, summary, body, figures, search_text, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(id)
        .bind(version.lang)
        .bind(new.kind)
        .bind(new.parent_id.unwrap_or(0))
        .bind(version.slug)
        .bind(version.title)
        .bind(version.summary)
        .bind(version.body)
        .bind(version.figures)
        .bind(version.search_text)
        .bind(now)
        .bind(new.author_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Changes what every language shares (status and schedule included).
pub async fn update_item(db: &Db, id: i64, fields: &ItemFields) -> Result<()> {
    let sql = "UPDATE content_items SET status = $1, publish_at = $2, tags = $3, project_id = $4, position = $5, \
               audio_url = $6, duration_seconds = $7, episode_number = $8, season_number = $9, explicit = $10, \
               updated_at = $11 WHERE id = $12";
    let n = on_db!(db, pool => sqlx::query(sql)
        .bind(&fields.status)
        .bind(fields.publish_at)
        .bind(&fields.tags)
        .bind(fields.project_id)
        .bind(fields.position)
        .bind(&fields.audio_url)
        .bind(fields.duration_seconds)
        .bind(fields.episode_number)
        .bind(fields.season_number)
        .bind(i64::from(fields.explicit))
        .bind(now())
        .bind(id)
        .execute(pool)
        .await?.rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Records the uploaded audio file of an episode.
pub async fn set_audio(db: &Db, id: i64, key: &str, content_type: &str, size: i64) -> Result<()> {
    let sql = "UPDATE content_items SET audio_key = $1, audio_type = $2, audio_size = $3, updated_at = $4 WHERE id = $5";
    on_db!(db, pool => sqlx::query(sql).bind(key).bind(content_type).bind(size).bind(now()).bind(id).execute(pool).await?.rows_affected());
    Ok(())
}

/// Publishes now, unpublishes (back to draft) or schedules.
pub async fn set_status(db: &Db, id: i64, status: &str, publish_at: Option<i64>) -> Result<()> {
    let sql =
        "UPDATE content_items SET status = $1, publish_at = $2, updated_at = $3 WHERE id = $4";
    let n = on_db!(db, pool => sqlx::query(sql).bind(status).bind(publish_at).bind(now()).bind(id).execute(pool).await?.rows_affected());
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// Deletes an item, its versions, revisions and chapters.
pub async fn delete(db: &Db, id: i64) -> Result<()> {
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM content_items WHERE parent_id = $1").bind(id).execute(&mut *tx).await?;
        let n = sqlx::query("DELETE FROM content_items WHERE id = $1").bind(id).execute(&mut *tx).await?.rows_affected();
        tx.commit().await?;
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    })
}

/// Saves a language version: an existing one keeps its previous title, summary, body and
/// figures as a revision (when they change). Returns the version id.
pub async fn save_version(
    db: &Db,
    item: &Item,
    version: &VersionInput<'_>,
    user: Option<i64>,
) -> Result<i64> {
    let now = now();
    let _turn = crate::write_turn(db).await;
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        let existing: Option<(i64, String, String, String, String)> = sqlx::query_as(
            "SELECT id, title, summary, body, figures FROM content_versions WHERE item_id = $1 AND lang = $2",
        )
        .bind(item.id)
        .bind(version.lang)
        .fetch_optional(&mut *tx)
        .await?;
        let id = match existing {
            Some((id, title, summary, body, figures)) => {
                if title != version.title || summary != version.summary || body != version.body || figures != version.figures {
                    sqlx::query(
                        "INSERT INTO content_revisions (version_id, title, summary, body, figures, saved_at, saved_by) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(id)
                    .bind(&title)
                    .bind(&summary)
                    .bind(&body)
                    .bind(&figures)
                    .bind(now)
                    .bind(user)
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query(
                    "UPDATE content_versions SET slug = $1, title = $2, summary = $3, body = $4, figures = $5, \
                     search_text = $6, updated_at = $7, updated_by = $8 WHERE id = $9",
                )
                .bind(version.slug)
                .bind(version.title)
                .bind(version.summary)
                .bind(version.body)
                .bind(version.figures)
                .bind(version.search_text)
                .bind(now)
                .bind(user)
                .bind(id)
                .execute(&mut *tx)
                .await?;
                id
            }
            None => {
                sqlx::query_scalar(
                    "INSERT INTO content_versions (item_id, lang, kind, scope_id, slug, title, summary, body, figures, search_text, updated_at, updated_by) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
                )
                .bind(item.id)
                .bind(version.lang)
                .bind(item.kind.code())
                .bind(item.parent_id.unwrap_or(0))
                .bind(version.slug)
                .bind(version.title)
                .bind(version.summary)
                .bind(version.body)
                .bind(version.figures)
                .bind(version.search_text)
                .bind(now)
                .bind(user)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        sqlx::query("UPDATE content_items SET updated_at = $1 WHERE id = $2").bind(now).bind(item.id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(id)
    })
}

/// Whether `slug` is free for this kind and language (within the guide for chapters), apart
/// from the item itself.
pub async fn slug_free(
    db: &Db,
    kind: &str,
    scope_id: i64,
    lang: &str,
    slug: &str,
    except_item: Option<i64>,
) -> Result<bool> {
    let sql = "SELECT COUNT(*) FROM content_versions WHERE kind = $1 AND scope_id = $2 AND lang = $3 AND slug = $4 AND item_id <> $5";
    let n: i64 = on_db!(db, pool => sqlx::query_scalar(sql).bind(kind).bind(scope_id).bind(lang).bind(slug).bind(except_item.unwrap_or(0)).fetch_one(pool).await?);
    Ok(n == 0)
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Item>> {
    let sql = format!("SELECT {ITEM_COLUMNS} FROM {ITEM_FROM} WHERE i.id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

/// The language versions of an item, French first.
pub async fn versions(db: &Db, item_id: i64) -> Result<Vec<Version>> {
    let sql = format!(
        "SELECT {VERSION_COLUMNS} FROM content_versions WHERE item_id = $1 ORDER BY CASE WHEN lang = 'fr' THEN 0 ELSE 1 END"
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(item_id).fetch_all(pool).await?))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Revision {
    pub id: i64,
    pub version_id: i64,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub figures: String,
    pub saved_at: i64,
    pub saved_by_name: Option<String>,
}

/// The revisions of a version, newest first.
pub async fn revisions(db: &Db, version_id: i64) -> Result<Vec<Revision>> {
    let sql = "SELECT r.id, r.version_id, r.title, r.summary, r.body, r.figures, r.saved_at, u.display_name AS saved_by_name \
               FROM content_revisions r LEFT JOIN users u ON u.id = r.saved_by WHERE r.version_id = $1 ORDER BY r.id DESC LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(version_id).fetch_all(pool).await?))
}

pub async fn revision(db: &Db, id: i64) -> Result<Option<Revision>> {
    let sql = "SELECT r.id, r.version_id, r.title, r.summary, r.body, r.figures, r.saved_at, u.display_name AS saved_by_name \
               FROM content_revisions r LEFT JOIN users u ON u.id = r.saved_by WHERE r.id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

/// The filters of the staff list; empty strings mean "any".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: String,
    pub status: String,
    /// `en`: with an English version; `fr`: French only.
    pub lang: String,
    pub tag: String,
    pub q: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AdminRow {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub kind: domain::content::Kind,
    pub parent_id: Option<i64>,
    #[sqlx(try_from = "String")]
    pub status: domain::content::Status,
    pub publish_at: Option<i64>,
    pub updated_at: i64,
    pub tags: String,
    pub title: String,
    pub slug: String,
    pub has_en: i64,
}

/// `%text%` for LIKE, with the wildcards typed taken literally (`ESCAPE '\'`).
pub fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Every item for the staff list, newest change first, with its French title.
pub async fn admin_list(db: &Db, filter: &Filter, limit: i64) -> Result<Vec<AdminRow>> {
    let sql = "SELECT i.id, i.kind, i.parent_id, i.status, i.publish_at, i.updated_at, i.tags, v.title, v.slug, \
               (SELECT COUNT(*) FROM content_versions e WHERE e.item_id = i.id AND e.lang = 'en') AS has_en \
               FROM content_items i JOIN content_versions v ON v.item_id = i.id AND v.lang = 'fr' \
               WHERE ($1 = '' OR i.kind = $1) AND ($2 = '' OR i.status = $2) \
               AND ($3 = '' OR i.tags LIKE $3 ESCAPE '\\') \
               AND ($4 = '' OR EXISTS (SELECT 1 FROM content_versions s WHERE s.item_id = i.id AND s.search_text LIKE $5 ESCAPE '\\')) \
               AND ($6 = '' OR ($6 = 'en' AND EXISTS (SELECT 1 FROM content_versions e WHERE e.item_id = i.id AND e.lang = 'en')) \
                    OR ($6 = 'fr' AND NOT EXISTS (SELECT 1 FROM content_versions e WHERE e.item_id = i.id AND e.lang = 'en'))) \
               ORDER BY i.updated_at DESC, i.id DESC LIMIT $7";
    let tag = if filter.tag.trim().is_empty() {
        String::new()
    } else {
        like_pattern(&format!(",{},", filter.tag.trim().to_lowercase()))
    };
    let q = filter.q.trim().to_lowercase();
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(&filter.kind)
        .bind(&filter.status)
        .bind(&tag)
        .bind(&q)
        .bind(like_pattern(&q))
        .bind(&filter.lang)
        .bind(limit)
        .fetch_all(pool)
        .await?))
}

/// Public items of a kind in a language (French when no version in it), newest first,
/// optionally with one tag.
pub async fn public_list(
    db: &Db,
    kind: &str,
    lang: &str,
    tag: Option<&str>,
    now: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<Shown>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS}, {SHOWN_VERSION} FROM {ITEM_FROM} JOIN content_versions v ON v.item_id = i.id \
         WHERE i.kind = $1 AND {} AND {} AND ($4 = '' OR i.tags LIKE $5 ESCAPE '\\') \
         ORDER BY i.publish_at DESC, i.id DESC LIMIT $6 OFFSET $7",
        public_clause("$2"),
        language_clause("$3")
    );
    let tag = tag.map(str::trim).unwrap_or("").to_lowercase();
    let pattern = like_pattern(&format!(",{tag},"));
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(kind).bind(now).bind(lang).bind(&tag).bind(&pattern).bind(limit).bind(offset)
        .fetch_all(pool).await?))
}

/// How many public items of a kind (with a tag) there are, for pagination.
pub async fn public_count(db: &Db, kind: &str, tag: Option<&str>, now: i64) -> Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM content_items i WHERE i.kind = $1 AND {} AND ($3 = '' OR i.tags LIKE $4 ESCAPE '\\')",
        public_clause("$2")
    );
    let tag = tag.map(str::trim).unwrap_or("").to_lowercase();
    let pattern = like_pattern(&format!(",{tag},"));
    Ok(
        on_db!(db, pool => sqlx::query_scalar(&sql).bind(kind).bind(now).bind(&tag).bind(&pattern).fetch_one(pool).await?),
    )
}

/// The latest public items of a kind in a language (for the landing page: latest case studies
/// and posts).
pub async fn latest(db: &Db, kind: &str, lang: &str, now: i64, limit: i64) -> Result<Vec<Shown>> {
    public_list(db, kind, lang, None, now, limit, 0).await
}

/// A public item found by the slug of any of its versions (in `lang` first), shown in `lang`
/// when it has a version in it, else in French. `scope_id` is the guide of a chapter, else 0.
pub async fn public_by_slug(
    db: &Db,
    kind: &str,
    scope_id: i64,
    slug: &str,
    lang: &str,
    now: i64,
) -> Result<Option<Shown>> {
    let sql = format!(
        "SELECT i.id FROM content_items i JOIN content_versions v ON v.item_id = i.id \
         WHERE v.kind = $1 AND v.scope_id = $2 AND v.slug = $3 AND {} \
         ORDER BY CASE WHEN v.lang = $5 THEN 0 ELSE 1 END LIMIT 1",
        public_clause("$4")
    );
    let id: Option<i64> = on_db!(db, pool => sqlx::query_scalar(&sql)
        .bind(kind).bind(scope_id).bind(slug).bind(now).bind(lang)
        .fetch_optional(pool).await?);
    match id {
        Some(id) => shown(db, id, lang).await,
        None => Ok(None),
    }
}

/// An item (public or not) shown in `lang`, or French.
pub async fn shown(db: &Db, id: i64, lang: &str) -> Result<Option<Shown>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS}, {SHOWN_VERSION} FROM {ITEM_FROM} JOIN content_versions v ON v.item_id = i.id \
         WHERE i.id = $1 AND {}",
        language_clause("$2")
    );
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).bind(lang).fetch_optional(pool).await?))
}

/// (language, slug) of each version of an item, for `hreflang` links.
pub async fn slugs(db: &Db, item_id: i64) -> Result<Vec<(String, String)>> {
    let sql = "SELECT lang, slug FROM content_versions WHERE item_id = $1 ORDER BY CASE WHEN lang = 'fr' THEN 0 ELSE 1 END";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(item_id).fetch_all(pool).await?))
}

/// The chapters of a guide in order, shown in `lang`; only public ones unless `all`.
pub async fn chapters(
    db: &Db,
    guide_id: i64,
    lang: &str,
    now: i64,
    all: bool,
) -> Result<Vec<Shown>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS}, {SHOWN_VERSION} FROM {ITEM_FROM} JOIN content_versions v ON v.item_id = i.id \
         WHERE i.parent_id = $1 AND i.kind = 'chapter' AND ($4 OR ({})) AND {} ORDER BY i.position, i.id",
        public_clause("$3"),
        language_clause("$2")
    );
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(guide_id).bind(lang).bind(now).bind(all).fetch_all(pool).await?),
    )
}

/// Public items whose title or text holds `q` (case folded), in `lang` or French. Title
/// matches come first (ranked by the caller, which folds case beyond ASCII).
pub async fn search(db: &Db, lang: &str, q: &str, now: i64, limit: i64) -> Result<Vec<Shown>> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS}, {SHOWN_VERSION} FROM {ITEM_FROM} JOIN content_versions v ON v.item_id = i.id \
         WHERE {} AND {} AND v.search_text LIKE $3 ESCAPE '\\' \
         AND (i.parent_id IS NULL OR EXISTS (SELECT 1 FROM content_items g WHERE g.id = i.parent_id AND g.status <> 'draft' \
              AND g.publish_at IS NOT NULL AND g.publish_at <= $1)) \
         ORDER BY i.publish_at DESC, i.id DESC LIMIT $4",
        public_clause("$1"),
        language_clause("$2")
    );
    let pattern = like_pattern(&q.trim().to_lowercase());
    Ok(
        on_db!(db, pool => sqlx::query_as(&sql).bind(now).bind(lang).bind(&pattern).bind(limit).fetch_all(pool).await?),
    )
}

/// The slug of an item in `lang`, else in French (a chapter's guide).
pub async fn slug_in(db: &Db, item_id: i64, lang: &str) -> Result<Option<String>> {
    let sql = "SELECT slug FROM content_versions WHERE item_id = $1 AND lang IN ($2, 'fr') \
               ORDER BY CASE WHEN lang = $2 THEN 0 ELSE 1 END LIMIT 1";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(sql).bind(item_id).bind(lang).fetch_optional(pool).await?),
    )
}

/// A public language version, for the sitemap: the item's French slug beside the version's
/// (pages keep their French address), its guide's slug in the same language (chapters) and its
/// last change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicVersion {
    pub kind: domain::content::Kind,
    pub lang: String,
    pub slug: String,
    pub fr_slug: String,
    pub guide_slug: Option<String>,
    pub updated_at: i64,
}

/// Every public language version, by kind and position (a chapter whose guide has no version is
/// left out).
pub async fn public_versions(db: &Db) -> Result<Vec<PublicVersion>> {
    let now = now();
    let sql = format!(
        "SELECT i.id, i.kind, i.parent_id, v.lang, v.slug, CASE WHEN v.updated_at > i.updated_at THEN v.updated_at ELSE i.updated_at END \
         FROM content_items i JOIN content_versions v ON v.item_id = i.id WHERE {} ORDER BY i.kind, i.position, i.id",
        public_clause("$1")
    );
    let rows: Vec<(i64, String, Option<i64>, String, String, i64)> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(now).fetch_all(pool).await?);
    let slug_of = |id: i64, lang: &str| {
        rows.iter()
            .find(|r| r.0 == id && r.3 == lang)
            .or_else(|| rows.iter().find(|r| r.0 == id && r.3 == "fr"))
            .map(|r| r.4.clone())
    };
    let mut out = Vec::new();
    for (id, kind, parent, lang, slug, updated_at) in &rows {
        let Ok(kind) = domain::content::Kind::parse(kind) else {
            continue;
        };
        let guide_slug = match parent {
            Some(p) => match slug_of(*p, lang) {
                Some(s) => Some(s),
                None => continue,
            },
            None => None,
        };
        out.push(PublicVersion {
            kind,
            lang: lang.clone(),
            slug: slug.clone(),
            fr_slug: slug_of(*id, "fr").unwrap_or_else(|| slug.clone()),
            guide_slug,
            updated_at: *updated_at,
        });
    }
    Ok(out)
}

/// Projects a case study may be linked to: (id, name), by name.
pub async fn project_choices(db: &Db) -> Result<Vec<(i64, String)>> {
    let sql = "SELECT id, name FROM projects ORDER BY name LIMIT 500";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

/// Guides (id, French title) a chapter may belong to.
pub async fn guides(db: &Db) -> Result<Vec<(i64, String)>> {
    let sql = "SELECT i.id, v.title FROM content_items i JOIN content_versions v ON v.item_id = i.id AND v.lang = 'fr' \
               WHERE i.kind = 'guide' ORDER BY v.title";
    Ok(on_db!(db, pool => sqlx::query_as(sql).fetch_all(pool).await?))
}

/// The item id of a version of kind/slug in French (any status): the demo loader's idempotence.
pub async fn find_by_slug(db: &Db, kind: &str, scope_id: i64, slug: &str) -> Result<Option<i64>> {
    let sql = "SELECT item_id FROM content_versions WHERE kind = $1 AND scope_id = $2 AND lang = 'fr' AND slug = $3";
    Ok(
        on_db!(db, pool => sqlx::query_scalar(sql).bind(kind).bind(scope_id).bind(slug).fetch_optional(pool).await?),
    )
}

/// One version by its id (a revision's).
pub async fn versions_by_id(db: &Db, version_id: i64) -> Result<Option<Version>> {
    let sql = format!("SELECT {VERSION_COLUMNS} FROM content_versions WHERE id = $1");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(version_id).fetch_optional(pool).await?))
}
