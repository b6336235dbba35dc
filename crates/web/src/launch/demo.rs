//! The demo's Die micro-centre was brought up through the flow a month ago, in 24 minutes:
//! its page shows each step done and where to follow it.
use crate::error::WebResult;
use store::Db;
use store::launches::Launch;

pub async fn load(db: &Db) -> WebResult<()> {
    let Some(die) = store::centres::find_by_slug(db, "micro-centre-die").await? else {
        return Ok(());
    };
    let offers = i64::try_from(store::offers::for_centre(db, die.id).await?.len()).unwrap_or(0);
    let start = store::now() - 30 * 86_400;
    let at = |minutes: i64| Some(start + minutes * 60);
    store::launches::record(
        db,
        &Launch {
            centre_id: die.id,
            started_at: start,
            manager_at: at(3),
            licence_at: at(9),
            kit_at: at(11),
            offers_at: at(16),
            events_at: at(24),
            offers_copied: offers,
            events_drafted: 2,
            finished_at: at(24),
        },
    )
    .await?;
    Ok(())
}
