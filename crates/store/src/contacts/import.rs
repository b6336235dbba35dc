//! The CSV import's two halves in the store: what a centre already holds (to classify a file's
//! lines) and writing the new lines in one transaction.
use crate::{Db, Result, Tx};
use domain::crm::import::{Known, OrgLine, Record};

/// The centre's addresses, SIRETs, and names of organisations without a SIRET and of people
/// without an address, lower-cased.
pub async fn known(db: &Db, centre: i64) -> Result<Known> {
    let sql = "SELECT CAST('e' AS TEXT), LOWER(email) FROM contacts WHERE centre_id = $1 AND email IS NOT NULL \
         UNION ALL SELECT 'p', LOWER(name) FROM contacts WHERE centre_id = $1 AND email IS NULL \
         UNION ALL SELECT 's', siret FROM organisations WHERE centre_id = $1 AND siret IS NOT NULL \
         UNION ALL SELECT 'o', LOWER(name) FROM organisations WHERE centre_id = $1 AND siret IS NULL";
    let rows: Vec<(String, String)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(centre).fetch_all(pool).await?);
    let mut k = Known::default();
    for (what, value) in rows {
        match what.as_str() {
            "e" => k.emails.insert(value),
            "p" => k.person_names.insert(value),
            "s" => k.sirets.insert(value),
            _ => k.org_names.insert(value),
        };
    }
    Ok(k)
}

/// The organisation of a line: found by SIRET, else by name, else made.
async fn organisation(
    tx: &mut Tx,
    centre: i64,
    org: &OrgLine,
    tags: &str,
    now: i64,
) -> Result<(i64, bool)> {
    let sql = "SELECT id FROM organisations WHERE centre_id = $1 AND \
         (siret = $2 OR (LOWER(name) = LOWER($3) AND ($2 = '' OR siret IS NULL))) ORDER BY id LIMIT 1";
    let siret = org.siret.clone().unwrap_or_default();
    let found: Option<i64> = on_exec!(crate::Exec::from(&mut *tx), e => sqlx::query_scalar(sql)
        .bind(centre).bind(&siret).bind(&org.name).fetch_optional(e).await?);
    if let Some(id) = found {
        return Ok((id, false));
    }
    let id = super::create_org(
        &mut *tx,
        centre,
        &super::OrgFields {
            name: org.name.clone(),
            kind: org
                .kind
                .unwrap_or(domain::crm::OrgKind::Partner)
                .code()
                .to_string(),
            siret: org.siret.clone(),
            address: org.address.clone(),
            website: org.website.clone(),
            notes: String::new(),
            tags: tags.to_string(),
        },
        now,
    )
    .await?;
    Ok((id, true))
}

/// Writes the new lines of an import in one transaction; a line that became a duplicate since
/// the preview (a unique key taken) is skipped. Returns how many people and organisations
/// were made.
pub async fn import(db: &Db, centre: i64, records: &[Record], now: i64) -> Result<usize> {
    let mut tx = db.begin().await?;
    let mut made = 0;
    for r in records {
        match r {
            Record::Organisation { org, tags } => {
                if organisation(&mut tx, centre, org, tags, now).await?.1 {
                    made += 1;
                }
            }
            Record::Person {
                name,
                email,
                phone,
                role,
                organisation: org,
                tags,
                newsletter,
            } => {
                let organisation_id = match org {
                    Some(o) => Some(organisation(&mut tx, centre, o, "", now).await?.0),
                    None => None,
                };
                let sql = "INSERT INTO contacts (centre_id, name, email, phone, organisation_id, role, tags, \
                     newsletter_consent_at, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT DO NOTHING";
                let n = on_exec!(crate::Exec::from(&mut tx), e => sqlx::query(sql)
                    .bind(centre).bind(name).bind(email).bind(phone).bind(organisation_id)
                    .bind(role).bind(tags).bind(newsletter.then_some(now)).bind(now)
                    .execute(e).await?.rows_affected());
                made += n as usize;
            }
        }
    }
    tx.commit().await?;
    Ok(made)
}

/// Every person of a centre (every centre's for 0) with their organisation, for the export.
pub async fn export(db: &Db, centre: i64) -> Result<Vec<super::Person>> {
    let (rows, _) = super::people(
        db,
        &super::PeopleFilter {
            centre,
            ..Default::default()
        },
        0,
        100_000,
    )
    .await?;
    Ok(rows)
}
