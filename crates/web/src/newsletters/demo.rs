//! A demo newsletter of the studio, kept as a draft (idempotent; nothing is sent).
use crate::error::{WebError, WebResult};
use domain::newsletter::Segment;
use store::Db;

const SUBJECT: &str = "Les nouvelles du studio\u{a0}: décembre";
const BODY: &str = "Bonjour à toutes et à tous,\n\n\
Ce mois-ci au studio\u{a0}:\n\n\
- **jeudi 11 décembre, 18\u{a0}h**\u{a0}: atelier «\u{a0}Trouver ses premiers clients\u{a0}»\u{a0};\n\
- **samedi 13 décembre**\u{a0}: portes ouvertes, avec les projets de la première cohorte.\n\n\
La Recyclerie des Pentes cherche des bénévoles pour son premier atelier de réparation. \
Écris-nous si tu veux donner un coup de main.\n\n\
À très vite,\n\nL'équipe du studio";

pub async fn load(db: &Db) -> WebResult<()> {
    let studio = store::centres::find_by_slug(db, "studio")
        .await?
        .ok_or(WebError::NotFound)?;
    let existing = store::newsletters::for_centre(db, studio.id).await?;
    if existing.iter().any(|n| n.subject == SUBJECT) {
        return Ok(());
    }
    let Some(manager) = store::accounts::find_user_by_email(db, "manager@demo.local").await? else {
        return Ok(());
    };
    let fields = store::newsletters::Fields {
        subject: SUBJECT,
        body: BODY,
        segment: Segment::Both,
        status: "draft",
        send_at: None,
    };
    store::newsletters::create(db, studio.id, &fields, manager.id, store::now()).await?;
    Ok(())
}
