//! Users, sessions and single-use tokens (e-mail verification, password reset, e-mail change).
use crate::{Db, Exec, Result, now};
use domain::Role;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    #[sqlx(try_from = "String")]
    pub locale: domain::Locale,
    pub email_verified_at: Option<i64>,
    pub created_at: i64,
    pub deleted_at: Option<i64>,
}

impl User {
    pub fn is_verified(&self) -> bool {
        self.email_verified_at.is_some()
    }
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub locale: &'a str,
    pub verified: bool,
}

const USER_COLUMNS: &str =
    "id, email, password_hash, display_name, locale, email_verified_at, created_at, deleted_at";

/// Creates a user; `StoreError::Duplicate` when the e-mail is taken.
pub async fn create_user(db: &Db, new: &NewUser<'_>) -> Result<i64> {
    let now = now();
    let sql = "INSERT INTO users (email, password_hash, display_name, locale, email_verified_at, created_at) \
               VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    Ok(on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(new.email)
        .bind(new.password_hash)
        .bind(new.display_name)
        .bind(new.locale)
        .bind(new.verified.then_some(now))
        .bind(now)
        .fetch_one(pool)
        .await?))
}

pub async fn find_user(db: &Db, id: i64) -> Result<Option<User>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1 AND deleted_at IS NULL");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?))
}

pub async fn find_user_by_email(db: &Db, email: &str) -> Result<Option<User>> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1 AND deleted_at IS NULL");
    Ok(on_db!(db, pool => sqlx::query_as(&sql).bind(email).fetch_optional(pool).await?))
}

pub async fn mark_verified<'e>(ex: impl Into<Exec<'e>>, user_id: i64) -> Result<()> {
    let sql = "UPDATE users SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL";
    on_exec!(ex.into(), e => sqlx::query(sql).bind(now()).bind(user_id).execute(e).await?.rows_affected());
    Ok(())
}

/// Sets a new password hash and signs the user out everywhere else.
pub async fn set_password(
    db: &Db,
    user_id: i64,
    hash: &str,
    keep_session: Option<&str>,
) -> Result<()> {
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id)
            .bind(keep_session.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    });
    Ok(())
}

/// Changes the e-mail (already proven by a link sent to it); `Duplicate` if another user has it.
/// Links already mailed to the old address die, and every other session is signed out.
pub async fn set_email(
    db: &Db,
    user_id: i64,
    email: &str,
    keep_session: Option<&str>,
) -> Result<()> {
    let now = now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("UPDATE users SET email = $1, email_verified_at = $2 WHERE id = $3")
            .bind(email)
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE tokens SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id)
            .bind(keep_session.unwrap_or(""))
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    });
    Ok(())
}

pub async fn set_locale(db: &Db, user_id: i64, locale: &str) -> Result<()> {
    let sql = "UPDATE users SET locale = $1 WHERE id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(locale).bind(user_id).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn set_display_name(db: &Db, user_id: i64, name: &str) -> Result<()> {
    let sql = "UPDATE users SET display_name = $1 WHERE id = $2";
    on_db!(db, pool => sqlx::query(sql).bind(name).bind(user_id).execute(pool).await?.rows_affected());
    Ok(())
}

/// The roles a user holds, per centre.
pub async fn memberships(db: &Db, user_id: i64) -> Result<Vec<(i64, Role)>> {
    let sql = "SELECT centre_id, role FROM memberships WHERE user_id = $1 ORDER BY centre_id, role";
    let rows: Vec<(i64, String)> =
        on_db!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await?);
    rows.into_iter()
        .map(|(c, r)| Ok((c, Role::parse_member(&r)?)))
        .collect()
}

/// Erases a user's personal data: the row stays (so the audit log keeps its ids) but holds
/// nothing that identifies the person; memberships, sessions, tokens and project links go.
pub async fn anonymise_user(db: &Db, user_id: i64) -> Result<()> {
    let now = now();
    let placeholder = format!("deleted-{user_id}@invalid");
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for sql in [
            "DELETE FROM memberships WHERE user_id = $1",
            "DELETE FROM sessions WHERE user_id = $1",
            "DELETE FROM tokens WHERE user_id = $1",
            "DELETE FROM project_people WHERE user_id = $1",
        ] {
            sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
        }
        // Invitations sent to the person hold their address too.
        sqlx::query("DELETE FROM invitations WHERE email = (SELECT email FROM users WHERE id = $1)")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE users SET email = $1, password_hash = '', display_name = '', \
             email_verified_at = NULL, deleted_at = $2 WHERE id = $3",
        )
        .bind(&placeholder)
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    });
    Ok(())
}

// ---------------------------------------------------------------- sessions

/// Stores a session under the hash of its cookie value.
pub async fn create_session(db: &Db, id_hash: &str, user_id: i64, ttl_secs: i64) -> Result<()> {
    let now = now();
    let sql = "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) \
               VALUES ($1, $2, $3, $3, $4)";
    on_db!(db, pool => sqlx::query(sql)
        .bind(id_hash)
        .bind(user_id)
        .bind(now)
        .bind(now + ttl_secs)
        .execute(pool)
        .await?.rows_affected());
    Ok(())
}

/// The live user behind a session, sliding its expiry when it was last seen over a minute ago.
pub async fn session_user(db: &Db, id_hash: &str, ttl_secs: i64) -> Result<Option<User>> {
    let now = now();
    let sql = format!(
        "SELECT {} FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.deleted_at IS NULL",
        USER_COLUMNS
            .split(", ")
            .map(|c| format!("u.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let user: Option<User> = on_db!(db, pool => sqlx::query_as(&sql).bind(id_hash).bind(now).fetch_optional(pool).await?);
    if user.is_some() {
        let touch = "UPDATE sessions SET last_seen_at = $1, expires_at = $2 \
                     WHERE id_hash = $3 AND last_seen_at < $4";
        on_db!(db, pool => sqlx::query(touch)
            .bind(now)
            .bind(now + ttl_secs)
            .bind(id_hash)
            .bind(now - 60)
            .execute(pool)
            .await?.rows_affected());
    }
    Ok(user)
}

pub async fn delete_session(db: &Db, id_hash: &str) -> Result<()> {
    on_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE id_hash = $1").bind(id_hash).execute(pool).await?.rows_affected());
    Ok(())
}

pub async fn prune_sessions(db: &Db) -> Result<u64> {
    let sql = "DELETE FROM sessions WHERE expires_at <= $1";
    Ok(on_db!(db, pool => sqlx::query(sql).bind(now()).execute(pool).await?.rows_affected()))
}

// ---------------------------------------------------------------- tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    ResetPassword,
    ChangeEmail,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::ResetPassword => "reset_password",
            Purpose::ChangeEmail => "change_email",
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Token {
    pub user_id: i64,
    pub new_email: Option<String>,
}

pub async fn create_token(
    db: &Db,
    token_hash: &str,
    purpose: Purpose,
    user_id: i64,
    new_email: Option<&str>,
    ttl_secs: i64,
) -> Result<()> {
    let now = now();
    let sql = "INSERT INTO tokens (token_hash, purpose, user_id, new_email, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    on_db!(db, pool => sqlx::query(sql)
        .bind(token_hash)
        .bind(purpose.code())
        .bind(user_id)
        .bind(new_email)
        .bind(now)
        .bind(now + ttl_secs)
        .execute(pool)
        .await?.rows_affected());
    Ok(())
}

/// A token that is still usable, without using it (to decide whether to show a form).
pub async fn peek_token(db: &Db, token_hash: &str, purpose: Purpose) -> Result<Option<Token>> {
    let sql = "SELECT user_id, new_email FROM tokens \
               WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3";
    Ok(on_db!(db, pool => sqlx::query_as(sql)
        .bind(token_hash)
        .bind(purpose.code())
        .bind(now())
        .fetch_optional(pool)
        .await?))
}

/// Uses a token once: the first caller gets it, every later one (or after expiry) gets `None`.
pub async fn consume_token(db: &Db, token_hash: &str, purpose: Purpose) -> Result<Option<Token>> {
    let now = now();
    let sql = "UPDATE tokens SET used_at = $1 \
               WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 \
               RETURNING user_id, new_email";
    let token: Option<Token> = on_db!(db, pool => sqlx::query_as(sql)
        .bind(now)
        .bind(token_hash)
        .bind(purpose.code())
        .fetch_optional(pool)
        .await?);
    if let Some(t) = &token {
        // A used reset link makes every other pending link of the same kind useless too.
        let sql = "UPDATE tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL";
        on_db!(db, pool => sqlx::query(sql).bind(now).bind(t.user_id).bind(purpose.code()).execute(pool).await?.rows_affected());
    }
    Ok(token)
}
