//! The guided flow that brings up a new centre (migration 0037): when it began and when each
//! step was done. Each step writes its own data in the caller's unit of work and marks itself
//! here in the same one.
use crate::{Db, Exec, Result, Tx, now};
use domain::launch::Step;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Launch {
    pub centre_id: i64,
    pub started_at: i64,
    pub manager_at: Option<i64>,
    pub licence_at: Option<i64>,
    pub kit_at: Option<i64>,
    pub offers_at: Option<i64>,
    pub events_at: Option<i64>,
    pub offers_copied: i64,
    pub events_drafted: i64,
    pub finished_at: Option<i64>,
}

impl Launch {
    /// When a step was done (the profile when the flow began).
    pub fn done_at(&self, step: Step) -> Option<i64> {
        match step {
            Step::Profile => Some(self.started_at),
            Step::Manager => self.manager_at,
            Step::Licence => self.licence_at,
            Step::Kit => self.kit_at,
            Step::Offers => self.offers_at,
            Step::Events => self.events_at,
        }
    }
}

const SELECT: &str = "SELECT centre_id, started_at, manager_at, licence_at, kit_at, offers_at, \
    events_at, offers_copied, events_drafted, finished_at FROM centre_launches";

/// Begins the flow of a centre just created (its profile step).
pub async fn start(tx: &mut Tx, centre_id: i64, by: Option<i64>) -> Result<()> {
    let sql = "INSERT INTO centre_launches (centre_id, started_at, started_by) VALUES ($1, $2, $3)";
    on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(centre_id).bind(now()).bind(by).execute(e).await?.rows_affected());
    Ok(())
}

pub async fn find<'e>(ex: impl Into<Exec<'e>>, centre_id: i64) -> Result<Option<Launch>> {
    let sql = format!("{SELECT} WHERE centre_id = $1");
    Ok(on_exec!(ex.into(), e => sqlx::query_as(&sql).bind(centre_id).fetch_optional(e).await?))
}

/// Marks a step done, with the number of things it copied; false when it was done already
/// (the caller rolls its work back). The flow is finished with its last step.
pub async fn mark(tx: &mut Tx, centre_id: i64, step: Step, count: i64) -> Result<bool> {
    let (column, counted) = match step {
        Step::Profile => return Ok(false),
        Step::Manager => ("manager_at", None),
        Step::Licence => ("licence_at", None),
        Step::Kit => ("kit_at", None),
        Step::Offers => ("offers_at", Some("offers_copied")),
        Step::Events => ("events_at", Some("events_drafted")),
    };
    let at = now();
    let n = match counted {
        None => {
            let sql = format!(
                "UPDATE centre_launches SET {column} = $2 WHERE centre_id = $1 AND {column} IS NULL"
            );
            on_exec!(Exec::from(&mut *tx), e => sqlx::query(&sql).bind(centre_id).bind(at).execute(e).await?.rows_affected())
        }
        Some(counter) => {
            let sql = format!(
                "UPDATE centre_launches SET {column} = $2, {counter} = $3 \
                 WHERE centre_id = $1 AND {column} IS NULL"
            );
            on_exec!(Exec::from(&mut *tx), e => sqlx::query(&sql).bind(centre_id).bind(at).bind(count).execute(e).await?.rows_affected())
        }
    };
    if n != 1 {
        return Ok(false);
    }
    let sql = "UPDATE centre_launches SET finished_at = $2 WHERE centre_id = $1 AND finished_at IS NULL \
               AND manager_at IS NOT NULL AND licence_at IS NOT NULL AND kit_at IS NOT NULL \
               AND offers_at IS NOT NULL AND events_at IS NOT NULL";
    on_exec!(Exec::from(tx), e => sqlx::query(sql).bind(centre_id).bind(at).execute(e).await?.rows_affected());
    Ok(true)
}

/// Records a flow as it went, step times given (demo data: a centre opened weeks ago).
pub async fn record(db: &Db, l: &Launch) -> Result<()> {
    let sql = "INSERT INTO centre_launches (centre_id, started_at, manager_at, licence_at, kit_at, \
               offers_at, events_at, offers_copied, events_drafted, finished_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (centre_id) DO NOTHING";
    on_db!(db, pool => sqlx::query(sql)
        .bind(l.centre_id)
        .bind(l.started_at)
        .bind(l.manager_at)
        .bind(l.licence_at)
        .bind(l.kit_at)
        .bind(l.offers_at)
        .bind(l.events_at)
        .bind(l.offers_copied)
        .bind(l.events_drafted)
        .bind(l.finished_at)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// A centre's flow with what each step's line on the page says, in one statement.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Overview {
    pub slug: String,
    pub name: String,
    pub town: String,
    #[sqlx(flatten)]
    pub launch: Launch,
    /// The first manager who joined, else the first address invited to manage the centre.
    pub manager_name: Option<String>,
    pub invited_email: Option<String>,
    /// The newest licence: its model's name and version, its first day.
    pub licence_name: Option<String>,
    pub licence_version: Option<i64>,
    pub licence_starts_on: Option<String>,
    /// The licence contract (not an amendment).
    pub contract_id: Option<i64>,
    /// The kit version the centre holds.
    pub kit_number: Option<i64>,
    pub opens_on: Option<String>,
}

/// The flow of the centre at `slug`, if it was brought up through it.
pub async fn overview(db: &Db, slug: &str) -> Result<Option<Overview>> {
    let sql = "SELECT c.slug, c.name, c.town, l.centre_id, l.started_at, l.manager_at, l.licence_at, \
               l.kit_at, l.offers_at, l.events_at, l.offers_copied, l.events_drafted, l.finished_at, \
               (SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
                WHERE m.centre_id = c.id AND m.role = 'centre_manager' AND u.deleted_at IS NULL \
                ORDER BY m.created_at, u.id LIMIT 1) AS manager_name, \
               (SELECT i.email FROM invitations i WHERE i.centre_id = c.id AND i.role = 'centre_manager' \
                AND i.accepted_at IS NULL AND i.expires_at > $2 ORDER BY i.id LIMIT 1) AS invited_email, \
               v.name AS licence_name, v.version AS licence_version, li.starts_on AS licence_starts_on, \
               (SELECT MIN(k.id) FROM contracts k WHERE k.centre_id = c.id AND k.kind = 'contract') AS contract_id, \
               (SELECT kv.number FROM centre_kits ck JOIN kit_versions kv ON kv.id = ck.version_id \
                WHERE ck.centre_id = c.id) AS kit_number, \
               (SELECT p.opens_on FROM opening_plans p WHERE p.centre_id = c.id) AS opens_on \
               FROM centres c JOIN centre_launches l ON l.centre_id = c.id \
               LEFT JOIN licences li ON li.id = (SELECT MAX(x.id) FROM licences x WHERE x.centre_id = c.id) \
               LEFT JOIN licence_model_versions v ON v.id = li.version_id \
               WHERE c.slug = $1";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(slug).bind(now()).fetch_optional(pool).await?))
}
