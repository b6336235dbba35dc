//! Segments: a centre's saved filters over its people (organisation kind, tag, newsletter
//! consent, pipeline stage), counted live, and the consenting addresses the newsletters send to.
use crate::{Db, Result};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SegmentFilter {
    /// 0: every centre (the network team's count).
    pub centre: i64,
    /// An organisation kind code, '' for any.
    pub kind: String,
    pub tag: String,
    pub consent: bool,
    /// 0: any stage.
    pub stage_id: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Segment {
    pub id: i64,
    pub centre_id: i64,
    pub name: String,
    pub kind: String,
    pub tag: String,
    pub consent: i64,
    pub stage_id: Option<i64>,
    pub created_at: i64,
}

impl Segment {
    pub fn filter(&self) -> SegmentFilter {
        SegmentFilter {
            centre: self.centre_id,
            kind: self.kind.clone(),
            tag: self.tag.clone(),
            consent: self.consent != 0,
            stage_id: self.stage_id.unwrap_or(0),
        }
    }
}

/// The people a filter takes; `$1`…`$6` are bound by `bind_filter`.
const MATCH: &str = "FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id \
     WHERE ($1 = 0 OR c.centre_id = $1) AND ($2 = '' OR o.kind = $2) \
     AND ($3 = '' OR c.tags LIKE $4 OR o.tags LIKE $4) \
     AND ($5 = 0 OR (c.newsletter_consent_at IS NOT NULL AND c.email IS NOT NULL AND NOT EXISTS ( \
          SELECT 1 FROM leads l WHERE l.email = c.email AND l.newsletter_unsubscribed_at > c.newsletter_consent_at))) \
     AND ($6 = 0 OR EXISTS (SELECT 1 FROM deals d WHERE d.stage_id = $6 \
          AND (d.contact_id = c.id OR d.organisation_id = c.organisation_id)))";

fn tag_pattern(tag: &str) -> String {
    format!(
        "%,{},%",
        tag.trim().to_lowercase().replace(['%', '_', '\\', ','], "")
    )
}

/// How many people a filter takes (one statement).
pub async fn count(db: &Db, f: &SegmentFilter) -> Result<i64> {
    let sql = format!("SELECT COUNT(*) {MATCH}");
    Ok(on_db!(db, pool => sqlx::query_scalar(&sql)
        .bind(f.centre).bind(&f.kind).bind(&f.tag).bind(tag_pattern(&f.tag))
        .bind(i64::from(f.consent)).bind(f.stage_id)
        .fetch_one(pool).await?))
}

/// The addresses and names of the people of a segment who consented to the newsletter (and
/// did not unsubscribe since, as a lead with the same address): what a newsletter sends to.
pub async fn consenting_addresses(db: &Db, segment_id: i64) -> Result<Vec<(String, String)>> {
    let Some(s) = find(db, segment_id).await? else {
        return Ok(Vec::new());
    };
    let f = SegmentFilter {
        consent: true,
        ..s.filter()
    };
    let sql = format!("SELECT c.email, c.name {MATCH} ORDER BY c.email");
    Ok(on_db!(db, pool => sqlx::query_as(&sql)
        .bind(f.centre).bind(&f.kind).bind(&f.tag).bind(tag_pattern(&f.tag))
        .bind(1_i64).bind(f.stage_id)
        .fetch_all(pool).await?))
}

pub async fn create(db: &Db, name: &str, f: &SegmentFilter, now: i64) -> Result<i64> {
    let sql = "INSERT INTO segments (centre_id, name, kind, tag, consent, stage_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(f.centre).bind(name).bind(&f.kind).bind(f.tag.trim().to_lowercase())
        .bind(i64::from(f.consent)).bind((f.stage_id != 0).then_some(f.stage_id)).bind(now)
        .fetch_one(pool).await?))
}

pub async fn find(db: &Db, id: i64) -> Result<Option<Segment>> {
    let sql = "SELECT id, centre_id, name, kind, tag, consent, stage_id, created_at FROM segments WHERE id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(id).fetch_optional(pool).await?))
}

/// A centre's segments (every centre's for 0) with how many people each takes now, in one
/// statement.
pub async fn list(db: &Db, centre: i64) -> Result<Vec<(Segment, i64)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        s: Segment,
        n: i64,
    }
    let inner = MATCH
        .replace("$1", "s.centre_id")
        .replace("$2", "s.kind")
        .replace("$3", "s.tag")
        .replace("$4", "('%,' || s.tag || ',%')")
        .replace("$5", "s.consent")
        .replace("$6", "COALESCE(s.stage_id, 0)");
    let sql = format!(
        "SELECT s.id, s.centre_id, s.name, s.kind, s.tag, s.consent, s.stage_id, s.created_at, \
         (SELECT COUNT(*) {inner}) AS n FROM segments s WHERE ($1 = 0 OR s.centre_id = $1) ORDER BY s.name, s.id"
    );
    let rows: Vec<Row> =
        on_db!(db, pool => sqlx::query_as(&sql).bind(centre).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|r| (r.s, r.n)).collect())
}
