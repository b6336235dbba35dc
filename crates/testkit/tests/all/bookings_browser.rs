//! The place and its bookings in a real headless Chromium (issue 20): at 360 px a member opens
//! the centre's public page, its calendar, books the meeting room (a refused slot first, its
//! message beside the field), finds it in their bookings; the manager then sees it in the
//! occupancy report. axe-core finds nothing on every new page at 360 and 1280 px, and nothing
//! scrolls sideways.
use domain::booking::{day_of, weekday_index};
use testkit::browser::{Browser, browser};
use testkit::{TestApp, TestDb};

async fn sign_out(b: &Browser) {
    b.click(".user-menu button[type=submit]").await;
}

async fn set(b: &Browser, css: &str, value: &str) {
    b.client
        .execute(
            "document.querySelector(arguments[0]).value = arguments[1];",
            vec![css.into(), value.into()],
        )
        .await
        .expect("set value");
}

#[tokio::test]
async fn a_member_books_a_room_on_a_phone_and_the_manager_sees_the_occupancy() {
    let (app, url) = TestApp::serve(TestDb::sqlite().await, true).await;
    let db = &app.state.db;
    let studio = store::centres::find_by_slug(db, "studio")
        .await
        .unwrap()
        .unwrap()
        .id;
    let canuts = store::places::spaces(db, studio)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name == "Salle des Canuts")
        .unwrap()
        .id;
    let mut day = day_of(store::now() + 7 * 86_400);
    while weekday_index(day) > 4 || (u8::from(day.month()) == 12 && day.day() >= 24) {
        day = day.next_day().unwrap();
    }
    let day = domain::tracking::iso(day);

    // The member, on a phone.
    let Some(b) = browser(360, 800).await else {
        return;
    };
    b.goto(&format!("{url}/centres/studio")).await;
    b.check("public centre page (visitor)").await;
    b.sign_in(&url, "participant@demo.local").await;
    b.goto(&format!("{url}/centres/studio")).await;
    b.check("centre page (member)").await;
    b.click("a[href='/centres/studio/reservations']").await;
    b.check("calendar, this week").await;
    b.goto(&format!(
        "{url}/centres/studio/reservations?jour={day}&vue=jour"
    ))
    .await;
    b.check("calendar, one day").await;
    b.screenshot("bookings-360-calendar").await;
    b.click(&format!(
        "a[href='/centres/studio/espaces/{canuts}/reserver?jour={day}']"
    ))
    .await;
    b.check("booking form").await;
    set(&b, "#f-starts", "20:00").await;
    set(&b, "#f-ends", "21:00").await;
    b.click("form[action$='/reserver'] button[type=submit]")
        .await;
    assert!(b.text("#f-starts-error").await.contains("pas ouvert"));
    b.check("booking form with an error").await;
    b.screenshot("bookings-360-refused").await;
    set(&b, "#f-starts", "14:00").await;
    set(&b, "#f-ends", "16:00").await;
    b.click("form[action$='/reserver'] button[type=submit]")
        .await;
    assert_eq!(b.path().await, "/mes-reservations");
    assert!(b.text(".flash").await.contains("confirmée"));
    assert!(b.text("main").await.contains("14:00–16:00"));
    b.check("my bookings").await;
    b.screenshot("bookings-360-mine").await;
    sign_out(&b).await;
    b.close().await;

    // The manager sees it in the occupancy report, and every manager page passes axe.
    for width in [360, 1280] {
        let Some(b) = browser(width, 900).await else {
            return;
        };
        b.sign_in(&url, "manager@demo.local").await;
        b.goto(&format!(
            "{url}/centres/studio/occupation?du={day}&au={day}"
        ))
        .await;
        // The row of the meeting room (the spaces come in the order of their names).
        let row = b
            .client
            .execute(
                "return [...document.querySelectorAll('.occupancy-table tbody tr')] \
                 .map(r => r.innerText).find(t => t.includes('Salle des Canuts')) || ''",
                vec![],
            )
            .await
            .expect("rows");
        let row = row.as_str().unwrap_or_default();
        assert!(!row.is_empty(), "the meeting room has its row");
        // The demo's 10:00-12:00 (when it falls that day) and the member's 2 h, over 8.5 h open.
        assert!(row.contains("4 h") || row.contains("2 h"), "{row}");
        b.check("occupancy").await;
        b.screenshot(&format!("bookings-{width}-occupancy")).await;
        for (path, name) in [
            ("/centres/studio".to_string(), "centre page (manager)"),
            ("/centres/studio/lieu".to_string(), "place profile"),
            ("/centres/studio/espaces".to_string(), "spaces"),
            (format!("/centres/studio/espaces/{canuts}"), "space"),
            (
                format!("/centres/studio/reservations?jour={day}"),
                "calendar (manager)",
            ),
        ] {
            b.goto(&format!("{url}{path}")).await;
            b.check(&format!("{name} at {width}")).await;
        }
        // A refused profile keeps what was typed, its errors beside the fields.
        b.goto(&format!("{url}/centres/studio/lieu")).await;
        b.fill("#f-day1", "9-12, 11-13").await;
        b.click("form[action='/centres/studio/lieu'] button[type=submit]")
            .await;
        assert!(b.text("#f-day1-error").await.contains("chevauchent"));
        b.check(&format!("place profile with an error at {width}"))
            .await;
        b.screenshot(&format!("bookings-{width}-profile-error"))
            .await;
        b.goto(&format!("{url}/centres/studio/reservations?jour={day}"))
            .await;
        assert!(b.text("main").await.contains("14:00–16:00"));
        b.close().await;
    }
}
