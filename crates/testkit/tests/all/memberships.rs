//! Memberships on both databases: a manager's plans (bad input beside its field), a visitor
//! joining a free plan at once and a paid plan through the order and the fake card checkout
//! (the order's page opened by its signed key), a renewal extending from the end date, the
//! renewal reminders at 30 and 7 days each sent once (none for a period renewed since), the
//! members' statuses and CSV, and the managers-only pages.
use crate::payments::configure;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use testkit::payfake::FakeProvider;
use testkit::{Client, TestApp, databases};

const DAY: i64 = 86_400;

pub async fn card_webhook(app: &TestApp, fake: &FakeProvider, centre: i64, event: &str) {
    let session = fake.sessions().pop().expect("a checkout session");
    let (body, header) = fake.completed(&session, event);
    let r = app
        .client()
        .request(
            Request::post(format!("/webhooks/card/{centre}"))
                .header("content-type", "application/json")
                .header("stripe-signature", header)
                .body(Body::from(body))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

/// Pays the order a join or a gift redirected to (`/orders/{id}[?cle=…]`) by card.
pub async fn pay_by_card(
    app: &TestApp,
    fake: &FakeProvider,
    c: &mut Client,
    order_page: &str,
    centre: i64,
    event: &str,
) -> i64 {
    let page = c.get(order_page).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Payer par carte"), "{}", page.body);
    let id: i64 = order_page
        .trim_start_matches("/orders/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let key = order_page
        .split("cle=")
        .nth(1)
        .unwrap_or_default()
        .to_string();
    let r = c
        .post(
            &format!("/orders/{id}/pay"),
            &[("provider", "card"), ("cle", &key)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location().unwrap_or_default().contains("payer=card"));
    card_webhook(app, fake, centre, event).await;
    id
}

fn iso(unix: i64) -> String {
    let d = domain::time_zone::to_paris(unix).date();
    domain::tracking::iso(d)
}

fn plus_year_minus_day(from: &str) -> String {
    let d = domain::tracking::parse_date(from).unwrap();
    domain::tracking::iso(domain::membership::add_year(d).previous_day().unwrap())
}

async fn adhesion(app: &TestApp, email: &str) -> store::adhesions::Adhesion {
    let centre = store::centres::find_by_slug(&app.state.db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    store::adhesions::members(&app.state.db, centre)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.email == email)
        .expect("adhesion")
}

#[tokio::test]
async fn plans_joining_paying_renewing_and_reminders() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        let mut m = configure(&app, &fake).await;
        let centre = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;

        // Plans: bad price and a duplicate name come back beside their field.
        let r = m
            .post(
                "/centres/studio/adhesions/plans",
                &[("name", "Soutien"), ("price", "douze")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("douze") && r.body.contains("f-price-error"),
            "{}",
            r.body
        );
        for (name, price) in [("Adhésion solidaire", "0"), ("Adhésion annuelle", "30")] {
            let r = m
                .post(
                    "/centres/studio/adhesions/plans",
                    &[("name", name), ("price", price)],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let r = m
            .post(
                "/centres/studio/adhesions/plans",
                &[("name", "Adhésion annuelle"), ("price", "40")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-name-error"), "{}", r.body);
        let plans = store::adhesions::plans(&app.state.db, centre)
            .await
            .unwrap();
        let free = plans
            .iter()
            .find(|p| p.price_cents == 0)
            .unwrap()
            .id
            .to_string();
        let paid = plans
            .iter()
            .find(|p| p.price_cents == 3000)
            .unwrap()
            .id
            .to_string();

        // A visitor: the page, a missing e-mail beside its field, then a free plan at once.
        let mut v = app.client();
        let page = v.get("/centres/studio/adherer").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Adhésion annuelle") && page.body.contains("30,00"),
            "{}",
            page.body
        );
        let r = v
            .post(
                "/centres/studio/adherer",
                &[
                    ("plan", &free),
                    ("display_name", "Inès Moreau"),
                    ("email", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("Inès Moreau") && r.body.contains("f-email-error"),
            "{}",
            r.body
        );
        let r = v
            .post(
                "/centres/studio/adherer",
                &[
                    ("plan", &free),
                    ("display_name", "Inès Moreau"),
                    ("email", "ines@exemple.fr"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert!(r.body.contains("Bienvenue"), "{}", r.body);
        let today = iso(app.now());
        let a = adhesion(&app, "ines@exemple.fr").await;
        assert_eq!(
            (a.starts_on.as_str(), a.ends_on.clone()),
            (today.as_str(), plus_year_minus_day(&today))
        );

        // A visitor on the paid plan: the order's page opened by its signed key, paid by card.
        let mut v2 = app.client();
        let r = v2
            .post(
                "/centres/studio/adherer",
                &[
                    ("plan", &paid),
                    ("display_name", "Paul Girard"),
                    ("email", "paul@exemple.fr"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location().unwrap().to_string();
        assert!(to.contains("cle="), "{to}");
        assert_eq!(
            adhesion(&app, "paul@exemple.fr").await.ends_on,
            "",
            "pending until paid"
        );
        // A forged key opens nothing.
        let forged = format!("{}x", to);
        assert_ne!(app.client().get(&forged).await.status, StatusCode::OK);
        let order = pay_by_card(&app, &fake, &mut v2, &to, centre, "evt_join").await;
        let o = store::payments::order(&app.state.db, order)
            .await
            .unwrap()
            .unwrap();
        assert_eq!((o.status.as_str(), o.amount_cents), ("paid", 3000));
        let end = plus_year_minus_day(&today);
        assert_eq!(adhesion(&app, "paul@exemple.fr").await.ends_on, end);

        // Renewed three weeks before the end: the new year runs from the end, not from today.
        app.advance(365 * DAY - 21 * DAY);
        let mut v3 = app.client();
        let r = v3
            .post(
                "/centres/studio/adherer",
                &[
                    ("plan", &paid),
                    ("display_name", "Paul Girard"),
                    ("email", "paul@exemple.fr"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location().unwrap().to_string();
        // The reminder 30 days before the first end was due: sent once, with the renewal link.
        app.run_jobs().await;
        let mail = app
            .smtp
            .last_to("paul@exemple.fr")
            .await
            .expect("30-day reminder");
        assert!(
            mail.text.contains("/centres/studio/adherer"),
            "{}",
            mail.text
        );
        let before = app.smtp.to("paul@exemple.fr").await.len();
        pay_by_card(&app, &fake, &mut v3, &to, centre, "evt_renew").await;
        let renewed = adhesion(&app, "paul@exemple.fr").await;
        let first_day_after = domain::tracking::iso(
            domain::tracking::parse_date(&end)
                .unwrap()
                .next_day()
                .unwrap(),
        );
        assert_eq!(renewed.ends_on, plus_year_minus_day(&first_day_after));
        // The 7-day reminder of the renewed period is not sent: the end moved.
        app.advance(21 * DAY);
        app.run_jobs().await;
        let paid_mail = 1;
        assert_eq!(
            app.smtp.to("paul@exemple.fr").await.len(),
            before + paid_mail,
            "no reminder for a renewed period"
        );

        // The manager's page: statuses and CSV; Inès's free year has lapsed by now.
        let mut m = app.client();
        m.login("manager@demo.local", "impact-demo").await;
        let page = m.get("/centres/studio/adhesions").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Paul Girard")
                && page.body.contains("Expirée")
                && page.body.contains("Active"),
            "{}",
            page.body
        );
        let csv = m.get("/centres/studio/adhesions.csv").await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.body.contains("paul@exemple.fr") && csv.body.contains(&renewed.ends_on),
            "{}",
            csv.body
        );
        let mut p = app.client();
        p.login("participant@demo.local", "impact-demo").await;
        for path in ["/centres/studio/adhesions", "/centres/studio/adhesions.csv"] {
            assert_eq!(p.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
        }
    }
}

#[tokio::test]
async fn each_reminder_goes_once_at_30_and_7_days() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let fake = FakeProvider::start(app.state.clock.clone()).await;
        let mut m = configure(&app, &fake).await;
        let r = m
            .post(
                "/centres/studio/adhesions/plans",
                &[("name", "Adhésion solidaire"), ("price", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let centre = store::centres::find_by_slug(&app.state.db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let plan = store::adhesions::plans(&app.state.db, centre)
            .await
            .unwrap()[0]
            .id
            .to_string();
        let me = "lea@exemple.fr";
        let r = app
            .client()
            .post(
                "/centres/studio/adherer",
                &[
                    ("plan", &plan),
                    ("display_name", "Léa Martin"),
                    ("email", me),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        app.run_jobs().await;
        let start = app.smtp.to(me).await.len();
        app.advance(300 * DAY);
        app.run_jobs().await;
        assert_eq!(app.smtp.to(me).await.len(), start, "nothing before 30 days");
        app.advance(40 * DAY);
        app.run_jobs().await;
        app.run_jobs().await;
        assert_eq!(
            app.smtp.to(me).await.len(),
            start + 1,
            "the 30-day reminder once"
        );
        let mail = app.smtp.last_to(me).await.unwrap();
        assert!(mail.subject.contains("se termine"), "{}", mail.subject);
        app.advance(20 * DAY);
        app.run_jobs().await;
        app.run_jobs().await;
        assert_eq!(
            app.smtp.to(me).await.len(),
            start + 2,
            "the 7-day reminder once"
        );
        app.advance(60 * DAY);
        app.run_jobs().await;
        assert_eq!(app.smtp.to(me).await.len(), start + 2, "nothing more");
    }
}
