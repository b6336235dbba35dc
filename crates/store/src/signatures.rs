//! Signatures on attendance sheets (Qualiopi evidence): each person present at a cohort's
//! session or at an event signs once on the staff's phone or tablet; the trainer signs too.
use crate::{Db, Result};

/// Which sheet a signature is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// A cohort's session (its id).
    Session(i64),
    /// An event (its id).
    Event(i64),
}

impl Sheet {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Sheet::Session(id) => ("session", id),
            Sheet::Event(id) => ("event", id),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Signature {
    /// `user:ID` or `registration:ID`.
    pub signer: String,
    pub name: String,
    /// `participant` or `trainer`.
    pub role: String,
    /// The drawn strokes (checked SVG path data), empty when typed.
    pub path: String,
    pub typed: i64,
    /// Who ran the sheet.
    pub staff: Option<String>,
    pub signed_at: i64,
}

pub struct NewSignature<'a> {
    pub signer: &'a str,
    pub name: &'a str,
    pub role: &'a str,
    pub path: &'a str,
    pub typed: bool,
    pub staff_id: i64,
}

/// Keeps a signature; a second one by the same signer on the same sheet replaces the first
/// (a participant may sign again after a slip of the finger).
pub async fn sign(db: &Db, sheet: Sheet, s: &NewSignature<'_>, now: i64) -> Result<()> {
    let (kind, id) = sheet.parts();
    let sql = "INSERT INTO attendance_signatures (sheet, sheet_id, signer, name, role, path, typed, \
               staff_id, signed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
               ON CONFLICT (sheet, sheet_id, signer) DO UPDATE SET name = excluded.name, \
               role = excluded.role, path = excluded.path, typed = excluded.typed, \
               staff_id = excluded.staff_id, signed_at = excluded.signed_at";
    on_db!(db, pool => sqlx::query(sql)
        .bind(kind)
        .bind(id)
        .bind(s.signer)
        .bind(s.name)
        .bind(s.role)
        .bind(s.path)
        .bind(i64::from(s.typed))
        .bind(s.staff_id)
        .bind(now)
        .execute(pool)
        .await?
        .rows_affected());
    Ok(())
}

/// The signatures of a sheet, in the order they were given, with the staff who ran it.
pub async fn of_sheet(db: &Db, sheet: Sheet) -> Result<Vec<Signature>> {
    let (kind, id) = sheet.parts();
    let sql = "SELECT s.signer, s.name, s.role, s.path, s.typed, u.display_name AS staff, s.signed_at \
               FROM attendance_signatures s LEFT JOIN users u ON u.id = s.staff_id \
               WHERE s.sheet = $1 AND s.sheet_id = $2 ORDER BY s.signed_at, s.id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(kind).bind(id).fetch_all(pool).await?))
}

/// Every signature a person gave on a cohort's sheet: (session, name, typed, time), for their
/// data export.
pub async fn of_person(db: &Db, user_id: i64) -> Result<Vec<(i64, String, i64, i64)>> {
    let sql = "SELECT sheet_id, name, typed, signed_at FROM attendance_signatures \
               WHERE sheet = 'session' AND signer = $1 ORDER BY signed_at, id";
    Ok(
        on_db!(db, pool => sqlx::query_as(sql).bind(format!("user:{user_id}")).fetch_all(pool).await?),
    )
}
