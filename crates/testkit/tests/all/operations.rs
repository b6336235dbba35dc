//! Running a centre (issue 20) on both databases: recurring checklists ticked item by item (the
//! run completes with the last tick, who ticked what and when kept in the history), due and
//! overdue ones raised on the dashboard of their role, a tick on another centre's checklist
//! refused and audited; a checklist with no item, an incident without its facts, a RACI row
//! without its one Accountable and hours ≤ 0 or > 24 a day refused beside their field with
//! nothing stored; procedures with their preview and manual chapters; volunteer time valued
//! and carried to the centre's budget as in-kind; the opening plan from the network's template.
use axum::http::StatusCode;
use testkit::{Client, TestApp, databases};

const DIE: &str = "/centres/micro-centre-die";

async fn signed_in(app: &TestApp, email: &str) -> Client {
    let mut c = app.client();
    let r = c.login(email, "impact-demo").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{email}: {}", r.body);
    c
}

async fn die(app: &TestApp) -> i64 {
    store::centres::find_by_slug(&app.state.db, "micro-centre-die")
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn checklist(app: &TestApp, centre: i64, name: &str) -> store::procedures::Checklist {
    store::procedures::checklists(&app.state.db, centre)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("checklist {name}"))
}

fn today(app: &TestApp) -> String {
    domain::tracking::iso(domain::time_zone::to_paris(app.now()).date())
}

#[tokio::test]
async fn a_checklist_is_ticked_on_a_phone_kept_in_history_and_raised_when_overdue() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = die(&app).await;
        let mut m = signed_in(&app, "manager.die@demo.local").await;

        // The demo: the opening checklist is due today, the safety round overdue (missed last
        // week); both are on the manager's dashboard, the overdue one first.
        let hub = m.get(&format!("{DIE}/procedures")).await;
        assert_eq!(hub.status, StatusCode::OK, "{}", hub.body);
        assert!(
            hub.body.contains("Ouverture du lieu") && hub.body.contains("En retard"),
            "{}",
            hub.body
        );
        let dash = m.get("/dashboard").await;
        let safety = dash
            .body
            .find("Ronde de sécurité")
            .expect("overdue on the dashboard");
        let opening = dash
            .body
            .find("Ouverture du lieu")
            .expect("due on the dashboard");
        assert!(safety < opening, "overdue first");
        // The coaches' cleaning is not the manager's.
        assert!(!dash.body.contains("Ménage hebdomadaire"), "{}", dash.body);

        // Ticking every item of the opening checklist: done, with who and when.
        let c = checklist(&app, centre, "Ouverture du lieu").await;
        let items = store::procedures::items(&app.state.db, c.id, &today(&app))
            .await
            .unwrap();
        assert_eq!(items.len(), 4);
        let page = m.get(&format!("{DIE}/checklists/{}", c.id)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("0 sur 4"), "{}", page.body);
        for (n, item) in items.iter().enumerate() {
            let r = m
                .post(
                    &format!("{DIE}/checklists/{}/items/{}", c.id, item.id),
                    &[("ticked", "1")],
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
            let now = checklist(&app, centre, "Ouverture du lieu").await;
            assert_eq!(
                now.last_done.as_deref() == Some(today(&app).as_str()),
                n == 3
            );
        }
        // Ticking twice changes nothing; unticking reopens the run, ticking again closes it.
        let again = m
            .post(
                &format!("{DIE}/checklists/{}/items/{}", c.id, items[0].id),
                &[("ticked", "1")],
            )
            .await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        let page = m.get(&format!("{DIE}/checklists/{}", c.id)).await;
        assert!(
            page.body.contains("4 sur 4")
                && page.body.contains("Faite")
                && page.body.contains("Denis Drôme"),
            "{}",
            page.body
        );
        let dash = m.get("/dashboard").await;
        assert!(
            !dash.body.contains("Ouverture du lieu"),
            "done: off the list"
        );

        // An item of another checklist, a checklist of another centre through this address.
        let other = checklist(&app, centre, "Fermeture du lieu").await;
        let r = m
            .post(
                &format!("{DIE}/checklists/{}/items/{}", other.id, items[0].id),
                &[("ticked", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Another centre's people may not tick it: refused by the policy, audited, nothing kept.
        for email in ["manager@demo.local", "coach@demo.local"] {
            let mut x = signed_in(&app, email).await;
            let r = x
                .post(
                    &format!("/centres/studio/checklists/{}/items/{}", other.id, {
                        store::procedures::items(&app.state.db, other.id, "")
                            .await
                            .unwrap()[0]
                            .id
                    }),
                    &[("ticked", "1")],
                )
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
            let page = x.get(&format!("{DIE}/checklists/{}", other.id)).await;
            assert_eq!(
                page.status,
                StatusCode::NOT_FOUND,
                "{email}: no reading either"
            );
        }
        let audit = store::audit::list(&app.state.db, Some(centre), 50, 0)
            .await
            .unwrap();
        assert_eq!(
            audit
                .iter()
                .filter(|a| a.action == "checklist_tick_refused")
                .count(),
            2
        );
        let fermeture = store::procedures::items(&app.state.db, other.id, &today(&app))
            .await
            .unwrap();
        assert!(fermeture.iter().all(|i| i.ticked_at.is_none()));

        // Two days later, nothing ticked since: the opening checklist is overdue.
        app.advance(2 * 86_400);
        let dash = m.get("/dashboard").await;
        let at = dash.body.find("Ouverture du lieu").expect("overdue again");
        assert!(dash.body[at..].contains("En retard"), "{}", dash.body);
    }
}

#[tokio::test]
async fn a_checklist_without_items_is_refused_and_a_new_one_is_due_to_its_role() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = die(&app).await;
        let mut m = signed_in(&app, "manager.die@demo.local").await;
        let before = store::procedures::checklists(&app.state.db, centre)
            .await
            .unwrap()
            .len();
        let new = m.get(&format!("{DIE}/checklists/new")).await;
        assert_eq!(new.status, StatusCode::OK);
        let r = m
            .post(
                &format!("{DIE}/checklists/new"),
                &[
                    ("name", "Contrôle du frigo"),
                    ("recurrence", "monthly"),
                    ("role", "centre_manager"),
                    ("items", "  \n  "),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("f-items-error")
                && r.body.contains("Ajoutez au moins un point")
                && r.body.contains("Contrôle du frigo"),
            "{}",
            r.body
        );
        // An unknown recurrence or role: beside its field.
        let r = m
            .post(
                &format!("{DIE}/checklists/new"),
                &[
                    ("name", "Contrôle du frigo"),
                    ("recurrence", "hourly"),
                    ("role", "network_admin"),
                    ("items", "Température"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-recurrence-error") && r.body.contains("f-role-error"));
        assert_eq!(
            store::procedures::checklists(&app.state.db, centre)
                .await
                .unwrap()
                .len(),
            before,
            "nothing stored"
        );
        let r = m
            .post(
                &format!("{DIE}/checklists/new"),
                &[
                    ("name", "Contrôle du frigo"),
                    ("recurrence", "monthly"),
                    ("role", "centre_manager"),
                    ("items", "- Température sous 4 °C\n- Dates de péremption"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let c = checklist(&app, centre, "Contrôle du frigo").await;
        assert_eq!((c.items, c.recurrence.as_str()), (2, "monthly"));
        // The same name again: beside the name.
        let r = m
            .post(
                &format!("{DIE}/checklists/new"),
                &[
                    ("name", "Contrôle du frigo"),
                    ("recurrence", "daily"),
                    ("role", "coach"),
                    ("items", "X"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-name-error"));
        // Editing keeps the items still listed (and their history), adds and takes off others.
        let old = store::procedures::items(&app.state.db, c.id, "")
            .await
            .unwrap();
        let r = m
            .post(
                &format!("{DIE}/checklists/{}/edit", c.id),
                &[
                    ("name", "Contrôle du frigo"),
                    ("recurrence", "weekly"),
                    ("role", "centre_manager"),
                    ("items", "Dates de péremption\nNettoyer les clayettes"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let now = store::procedures::items(&app.state.db, c.id, "")
            .await
            .unwrap();
        assert_eq!(now.len(), 2);
        assert_eq!(now[0].id, old[1].id, "kept by its label");
        assert_eq!(now[1].label, "Nettoyer les clayettes");
        // A coach of the studio does not manage the pilot's checklists.
        let mut coach = signed_in(&app, "coach@demo.local").await;
        let r = coach.get(&format!("{DIE}/checklists/new")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn procedures_preview_and_link_the_manual_and_incidents_are_logged() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = die(&app).await;
        let mut m = signed_in(&app, "manager.die@demo.local").await;
        let form = m.get(&format!("{DIE}/procedures/new")).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(
            form.body.contains("accueillir-un-porteur-de-projet"),
            "{}",
            form.body
        );
        // The preview renders the Markdown (raw HTML as text) and keeps what was typed.
        let r = m
            .post(
                &format!("{DIE}/procedures/new"),
                &[
                    ("title", "Accueillir un groupe"),
                    ("body", "## Avant\n\n- Préparer la salle <script>x</script>"),
                    ("chapter", "accueillir-un-porteur-de-projet"),
                    ("action", "preview"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.body.contains("<li>Préparer la salle"), "{}", r.body);
        assert!(!r.body.contains("<script>x"), "raw HTML is text");
        let live = m
            .post(
                &format!("{DIE}/procedures/preview"),
                &[("body", "**gras**")],
            )
            .await;
        assert_eq!(live.body.trim(), "<p><strong>gras</strong></p>");
        // No title: beside it, nothing stored.
        let r = m
            .post(
                &format!("{DIE}/procedures/new"),
                &[("title", " "), ("body", "Texte"), ("action", "save")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-title-error"));
        let r = m
            .post(
                &format!("{DIE}/procedures/new"),
                &[
                    ("title", "Accueillir un groupe"),
                    ("body", "## Avant\n\nPréparer la salle."),
                    ("chapter", "accueillir-un-porteur-de-projet"),
                    ("chapter", "no-such-chapter"),
                    ("action", "save"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location().unwrap().to_string();
        let page = m.get(&to).await;
        assert!(
            page.body
                .contains("/centres/micro-centre-die/kit/manual/accueillir-un-porteur-de-projet")
                && page.body.contains("<h2"),
            "{}",
            page.body
        );
        let stored = store::procedures::procedures(&app.state.db, centre)
            .await
            .unwrap();
        let p = stored
            .iter()
            .find(|p| p.title == "Accueillir un groupe")
            .unwrap();
        assert_eq!(
            p.chapters, "accueillir-un-porteur-de-projet",
            "unknown ones dropped"
        );

        // Incidents: what happened is required, a day to come refused; then logged and closed.
        let before = store::procedures::incidents(&app.state.db, centre)
            .await
            .unwrap()
            .len();
        let r = m
            .post(
                &format!("{DIE}/incidents"),
                &[
                    ("happened_on", "2099-01-01"),
                    ("place", "Cuisine"),
                    ("severity", "serious"),
                    ("what", ""),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body.contains("f-happened_on-error")
                && r.body.contains("f-what-error")
                && r.body.contains("Cuisine"),
            "{}",
            r.body
        );
        let r = m
            .post(
                &format!("{DIE}/incidents"),
                &[
                    ("happened_on", &today(&app)),
                    ("place", "Cuisine"),
                    ("severity", "serious"),
                    ("what", "Fuite d'eau sous l'évier."),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let list = store::procedures::incidents(&app.state.db, centre)
            .await
            .unwrap();
        assert_eq!(list.len(), before + 1);
        let id = list.iter().find(|n| n.place == "Cuisine").unwrap().id;
        let r = m
            .post(
                &format!("{DIE}/incidents/{id}/close"),
                &[("action_taken", "Plombier passé, joint changé.")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = m.get(&format!("{DIE}/incidents")).await;
        assert!(page.body.contains("joint changé") && page.body.contains("Clos"));
        // Another centre's manager reads none of it.
        let mut other = signed_in(&app, "manager@demo.local").await;
        assert_eq!(
            other.get(&format!("{DIE}/incidents")).await.status,
            StatusCode::NOT_FOUND
        );
        let r = other
            .post(&format!("{DIE}/incidents/{id}/close"), &[])
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn the_raci_needs_one_accountable_and_volunteer_time_goes_to_the_budget() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let centre = die(&app).await;
        let db = &app.state.db;
        let mut m = signed_in(&app, "manager.die@demo.local").await;
        let manager = store::accounts::find_user_by_email(db, "manager.die@demo.local")
            .await
            .unwrap()
            .unwrap()
            .id;
        let page = m.get(&format!("{DIE}/equipe")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Denis Drôme") && page.body.contains("gestionnaire de centre"));
        let processes = store::team::processes(db, centre).await.unwrap();
        assert_eq!(processes.len(), 3);
        let before = store::team::assignments(db, centre).await.unwrap();
        // A row with no A (and one with R only): refused beside its row, nothing stored.
        let cell = |p: i64| format!("cell-{p}-{manager}");
        let (a, b, c) = (
            cell(processes[0].id),
            cell(processes[1].id),
            cell(processes[2].id),
        );
        let r = m
            .post(
                &format!("{DIE}/equipe"),
                &[(a.as_str(), "R"), (b.as_str(), "AR"), (c.as_str(), "C")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            r.body
                .contains(&format!("process-{}-error", processes[0].id))
                && r.body.contains("rend compte"),
            "{}",
            r.body
        );
        assert_eq!(store::team::assignments(db, centre).await.unwrap(), before);
        let r = m
            .post(
                &format!("{DIE}/equipe"),
                &[(a.as_str(), "AR"), (b.as_str(), "AR"), (c.as_str(), "AR")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // A new process needs its Accountable.
        let r = m
            .post(
                &format!("{DIE}/equipe/processus"),
                &[("name", "Sécurité"), ("responsible", &manager.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-accountable-error"));
        assert_eq!(store::team::processes(db, centre).await.unwrap().len(), 3);

        // Hours: 0, more than 24, or a day that would go past 24 h: beside the field.
        let volunteers = store::team::volunteers(db, centre).await.unwrap();
        let v = volunteers[0].id.to_string();
        let day = today(&app);
        for (hours, status) in [("0", 422), ("-2", 422), ("25", 422), ("deux", 422)] {
            let r = m
                .post(
                    &format!("{DIE}/benevoles/heures"),
                    &[
                        ("volunteer", &v),
                        ("worked_on", &day),
                        ("hours", hours),
                        ("activity", "Accueil"),
                    ],
                )
                .await;
            assert_eq!(r.status.as_u16(), status, "{hours}");
            assert!(r.body.contains("f-hours-error"), "{hours}");
        }
        let year = &day[..4];
        let minutes = store::team::year_minutes(db, centre, year).await.unwrap();
        let r = m
            .post(
                &format!("{DIE}/benevoles/heures"),
                &[
                    ("volunteer", &v),
                    ("worked_on", &day),
                    ("hours", "2,5"),
                    ("activity", "Accueil"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = m
            .post(
                &format!("{DIE}/benevoles/heures"),
                &[
                    ("volunteer", &v),
                    ("worked_on", &day),
                    ("hours", "22"),
                    ("activity", "Accueil"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "day full");
        let after = store::team::year_minutes(db, centre, year).await.unwrap();
        assert_eq!(after, minutes + 150);

        // The rate (a bad one refused), the year's value, carried to the budget.
        let r = m
            .post(&format!("{DIE}/benevoles/taux"), &[("rate", "0")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-rate-error"));
        let r = m
            .post(&format!("{DIE}/benevoles/taux"), &[("rate", "15")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let value = domain::team::value_cents(after, 1_500);
        let page = m.get(&format!("{DIE}/benevoles?annee={year}")).await;
        assert!(
            page.body
                .contains(&domain::format::euros(domain::Locale::Fr, value)),
            "{}",
            page.body
        );
        // No budget yet: sent to start it.
        let r = m
            .post(&format!("{DIE}/benevoles/budget"), &[("year", year)])
            .await;
        assert_eq!(r.location(), Some(format!("{DIE}/forecast").as_str()));
        assert!(
            store::forecasts::for_centre(db, centre)
                .await
                .unwrap()
                .is_none()
        );
        let r = m.post(&format!("{DIE}/forecast/start"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = m
            .post(&format!("{DIE}/benevoles/budget"), &[("year", year)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let budget = store::forecasts::for_centre(db, centre)
            .await
            .unwrap()
            .unwrap();
        let plan = domain::forecast::parse(&budget.document).unwrap();
        let volunteering: Vec<_> = plan
            .in_kind
            .iter()
            .filter(|k| k.kind == domain::forecast::model::InKindKind::Volunteering)
            .collect();
        assert_eq!(volunteering.len(), 1);
        assert_eq!(volunteering[0].yearly_cents, value);
        // The association budget (Cerfa 12156) shows it on 864 and 870.
        let result = domain::forecast::compute(&plan);
        let cerfa = domain::forecast::cerfa::budget(&plan, &result);
        assert!(format!("{cerfa:?}").contains(&value.to_string()));
        // Volunteers are the managers' only.
        let mut coach = signed_in(&app, "coach@demo.local").await;
        assert_eq!(
            coach.get(&format!("{DIE}/benevoles")).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

#[tokio::test]
async fn an_opening_plan_starts_from_the_template_and_shows_on_the_dashboard() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        // The network team edits the template; a bad offset is refused beside it.
        let mut admin = signed_in(&app, "admin@demo.local").await;
        assert_eq!(admin.get("/admin/ouverture").await.status, StatusCode::OK);
        let r = admin
            .post(
                "/admin/ouverture",
                &[("name", "Assurance"), ("offset", "-300"), ("checklist", "")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-offset-error"));
        let r = admin
            .post(
                "/admin/ouverture",
                &[
                    ("name", "Assurance"),
                    ("offset", "-4"),
                    ("checklist", "Multirisque\nResponsabilité civile"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(store::opening::template(db).await.unwrap().len(), 7);
        let mut m = signed_in(&app, "manager@demo.local").await;
        assert_eq!(
            m.get("/admin/ouverture").await.status,
            StatusCode::FORBIDDEN
        );

        // The studio's manager starts a plan: a past day refused, then dated from the opening.
        let page = m.get("/centres/studio/ouverture").await;
        assert!(page.body.contains("f-opens_on"), "{}", page.body);
        let r = m
            .post("/centres/studio/ouverture", &[("opens_on", "2020-01-01")])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-opens_on-error"));
        let opens = domain::time_zone::to_paris(app.now()).date() + time::Duration::weeks(30);
        let r = m
            .post(
                "/centres/studio/ouverture",
                &[("opens_on", &domain::tracking::iso(opens))],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let studio = store::centres::find_by_slug(db, "studio")
            .await
            .unwrap()
            .unwrap()
            .id;
        let rows = store::opening::plan(db, studio).await.unwrap();
        let first = &rows[0];
        assert_eq!(first.name, "Lieu trouvé");
        assert_eq!(
            first.due_on,
            domain::tracking::iso(opens - time::Duration::weeks(24))
        );
        // Ticks: a check, then the milestone; the dashboard shows the progress.
        let check = first.check_id.unwrap();
        let r = m
            .post(
                &format!("/centres/studio/ouverture/points/{check}"),
                &[("done", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = m
            .post(
                &format!("/centres/studio/ouverture/jalons/{}", first.id),
                &[("done", "1")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let dash = m.get("/dashboard").await;
        assert!(
            dash.body.contains("/centres/studio/ouverture") && dash.body.contains("1 sur 7"),
            "{}",
            dash.body
        );
        // The pilot's demo plan is half done; its manager reads it, the studio's cannot tick it.
        let mut d = signed_in(&app, "manager.die@demo.local").await;
        let plan = d.get(&format!("{DIE}/ouverture")).await;
        assert!(plan.body.contains("3 sur 6"), "{}", plan.body);
        let pilot = store::opening::plan(db, die(&app).await).await.unwrap();
        let r = m
            .post(
                &format!("/centres/studio/ouverture/jalons/{}", pilot[0].id),
                &[("done", "0")],
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn store_ticks_complete_a_run_once_and_a_day_holds_24_hours() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let db = &app.state.db;
        let centre = die(&app).await;
        let c = checklist(&app, centre, "Ménage hebdomadaire").await;
        let items = store::procedures::items(db, c.id, "2026-01-05")
            .await
            .unwrap();
        let user = store::accounts::find_user_by_email(db, "manager.die@demo.local")
            .await
            .unwrap()
            .unwrap()
            .id;
        for item in &items {
            let mut tx = db.begin().await.unwrap();
            assert!(
                store::procedures::tick_in(&mut tx, c.id, item.id, "2026-01-05", user, true)
                    .await
                    .unwrap()
            );
            tx.commit().await.unwrap();
        }
        let history = store::procedures::history(db, c.id).await.unwrap();
        let run: Vec<_> = history
            .iter()
            .filter(|h| h.period == "2026-01-05")
            .collect();
        assert_eq!(run.len(), items.len());
        assert!(run.iter().all(|h| h.completed_at.is_some()));
        let mut tx = db.begin().await.unwrap();
        store::procedures::tick_in(&mut tx, c.id, items[0].id, "2026-01-05", user, false)
            .await
            .unwrap();
        // An item of another checklist is not ticked here.
        assert!(
            !store::procedures::tick_in(
                &mut tx,
                c.id + 1_000,
                items[0].id,
                "2026-01-05",
                user,
                true
            )
            .await
            .unwrap()
        );
        tx.commit().await.unwrap();
        let history = store::procedures::history(db, c.id).await.unwrap();
        assert!(
            history
                .iter()
                .filter(|h| h.period == "2026-01-05")
                .all(|h| h.completed_at.is_none())
        );

        let v = store::team::volunteers(db, centre).await.unwrap()[0].id;
        let mut tx = db.begin().await.unwrap();
        let day = "2025-03-03";
        assert!(
            store::team::log_hours_in(&mut tx, centre, v, day, 1_000, "A", 1_440)
                .await
                .unwrap()
                .is_some()
        );
        assert!(
            store::team::log_hours_in(&mut tx, centre, v, day, 441, "B", 1_440)
                .await
                .unwrap()
                .is_none()
        );
        assert!(
            store::team::log_hours_in(&mut tx, centre, v, day, 440, "C", 1_440)
                .await
                .unwrap()
                .is_some()
        );
        tx.commit().await.unwrap();
        assert_eq!(
            store::team::year_minutes(db, centre, "2025").await.unwrap(),
            1_440
        );
    }
}
