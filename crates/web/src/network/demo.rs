//! The demo pilot: the Die micro-centre's budget from its opening in September 2026, so the
//! network dashboard draws its forecast beside what it invoices.
use crate::error::WebResult;
use store::Db;

pub async fn load(db: &Db) -> WebResult<()> {
    let Some(die) = store::centres::find_by_slug(db, "micro-centre-die").await? else {
        return Ok(());
    };
    if store::forecasts::for_centre(db, die.id).await?.is_some() {
        return Ok(());
    }
    let plan = domain::forecast::template::centre_budget(
        &format!("Budget {}", die.name),
        domain::forecast::model::YearMonth {
            year: 2026,
            month: 9,
        },
    );
    store::forecasts::create(
        db,
        &store::forecasts::NewForecast {
            centre_id: die.id,
            project_id: None,
            name: &plan.name,
            document: &plan.to_json(),
            created_by: None,
        },
    )
    .await?;
    Ok(())
}
