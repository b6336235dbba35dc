//! Licences and contracts on both databases: licence models and their versions (a new version
//! leaves a granted licence's terms alone), a centre's licence read by its managers only, a
//! suspended or expired licence that stops new sales while everything stays readable, contracts
//! signed online by both parties (refused twice, after a change, without consent, or by the
//! network for the centre), the contract PDF with the parties and the fingerprint the page
//! shows, and royalty statements turned once into the network's invoice.
use axum::http::StatusCode;
use testkit::{TestApp, databases};

const DIE: &str = "micro-centre-die";

async fn centre_id(app: &TestApp, slug: &str) -> i64 {
    store::centres::find_by_slug(&app.state.db, slug)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn signed_in(app: &TestApp, email: &str) -> testkit::Client {
    let mut c = app.client();
    let r = c.login(email, "impact-demo").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{email}");
    c
}

async fn audit_actions(app: &TestApp, centre: i64) -> Vec<(String, String)> {
    store::audit::list(&app.state.db, Some(centre), 200, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.action, a.detail))
        .collect()
}

/// The id at the end of a redirect such as `/contrats/12` or `/contrats/12/modifier`.
fn id_in(location: &str, prefix: &str) -> i64 {
    location
        .strip_prefix(prefix)
        .and_then(|r| r.split('/').next())
        .and_then(|r| r.parse().ok())
        .unwrap_or_else(|| panic!("{location}"))
}

/// The fingerprint in a contract page's signing form.
fn form_fingerprint(body: &str) -> String {
    let marker = "name=\"fingerprint\" value=\"";
    let start = body.find(marker).expect("a signing form") + marker.len();
    body[start..start + 64].to_string()
}

#[tokio::test]
async fn models_versions_and_a_suspended_licence_stops_new_sales() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let die = centre_id(&app, DIE).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let page = admin.get("/admin/licences").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("Licence micro-centre (version 2)")
                && page.body.contains("Micro-centre de Die")
                && page.body.contains("Active"),
            "{}",
            page.body
        );
        // A mistake comes back beside its field, what was typed kept.
        let bad = admin
            .post(
                "/admin/licences",
                &[
                    ("name", "Licence tiers-lieu"),
                    ("entry_fee", "3 000"),
                    ("yearly_fee", "douze"),
                    ("royalty", "150"),
                    ("territory", "Ardèche"),
                    ("term_years", "3"),
                    ("benefits", "Le kit"),
                ],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("f-yearly_fee-error")
                && bad.body.contains("f-royalty-error")
                && bad.body.contains("Ardèche"),
            "{}",
            bad.body
        );
        let made = admin
            .post(
                "/admin/licences",
                &[
                    ("name", "Licence tiers-lieu"),
                    ("entry_fee", "3 000"),
                    ("yearly_fee", "900"),
                    ("royalty", "3,5"),
                    ("territory", "Ardèche"),
                    ("term_years", "3"),
                    ("benefits", "Le kit\nLa marque"),
                ],
            )
            .await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        // A new version of the demo model leaves Die's licence (version 1, 5 %) as it was.
        let versions = store::licences::versions(&app.state.db).await.unwrap();
        let demo_model = versions
            .iter()
            .find(|v| v.name == "Licence micro-centre")
            .unwrap()
            .model_id;
        let v = admin
            .post(
                &format!("/admin/licences/modeles/{demo_model}"),
                &[
                    ("name", "Licence micro-centre"),
                    ("entry_fee", "6 000"),
                    ("yearly_fee", "1 500"),
                    ("royalty", "4"),
                    ("territory", "Drôme"),
                    ("term_years", "5"),
                    ("benefits", "Le kit"),
                ],
            )
            .await;
        assert_eq!(v.status, StatusCode::SEE_OTHER, "{}", v.body);
        let licences = store::licences::of_centre(&app.state.db, die)
            .await
            .unwrap();
        assert_eq!((licences[0].version, licences[0].royalty_bp), (1, 500));
        let latest = store::licences::versions(&app.state.db).await.unwrap();
        assert!(
            latest
                .iter()
                .any(|v| v.model_id == demo_model && v.version == 3 && v.royalty_bp == 400)
        );

        // Read by Die's manager and the network team only; another centre's manager and a
        // participant are told it does not exist.
        let mut die_manager = signed_in(&app, "manager.die@demo.local").await;
        let page = die_manager.get(&format!("/centres/{DIE}/licence")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.body.contains("5 %") && page.body.contains("Active"),
            "{}",
            page.body
        );
        assert!(
            !page.body.contains("/statut"),
            "no network forms for the centre"
        );
        for who in ["manager@demo.local", "participant@demo.local"] {
            let mut c = signed_in(&app, who).await;
            assert_eq!(
                c.get(&format!("/centres/{DIE}/licence")).await.status,
                StatusCode::NOT_FOUND,
                "{who}"
            );
            assert_eq!(
                c.post(
                    &format!("/licences/{}/statut", licences[0].id),
                    &[("action", "suspend")]
                )
                .await
                .status,
                StatusCode::FORBIDDEN,
                "{who}"
            );
        }

        // Suspended: an open offer is refused beside its box, a closed one is saved, every page
        // stays readable, a paid order is refused; resumed, it sells again.
        let r = admin
            .post(
                &format!("/licences/{}/statut", licences[0].id),
                &[("action", "suspend")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let offer = |open: &'static str, slug: &'static str| {
            vec![
                ("title", "Atelier compost"),
                ("slug", slug),
                ("description", "Composter ensemble."),
                ("format", "Atelier"),
                ("duration", "2 heures"),
                ("price", "15"),
                ("capacity", "10"),
                ("open", open),
            ]
        };
        let refused = die_manager
            .post(
                &format!("/centres/{DIE}/offers/new"),
                &offer("1", "compost"),
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused.body.contains("f-open-error") && refused.body.contains("Composter ensemble."),
            "{}",
            refused.body
        );
        let closed = die_manager
            .post(&format!("/centres/{DIE}/offers/new"), &offer("", "compost"))
            .await;
        assert_eq!(closed.status, StatusCode::SEE_OTHER, "{}", closed.body);
        for path in [
            format!("/centres/{DIE}/licence"),
            format!("/centres/{DIE}/offers"),
            format!("/centres/{DIE}"),
        ] {
            assert_eq!(
                die_manager.get(&path).await.status,
                StatusCode::OK,
                "{path}"
            );
        }
        let page = die_manager.get(&format!("/centres/{DIE}/licence")).await;
        assert!(page.body.contains("Suspendue"), "{}", page.body);
        let blocked = app
            .state
            .clock
            .run(store::licences::may_sell(&app.state.db, die))
            .await;
        assert!(
            matches!(blocked, Err(store::StoreError::Refused(_))),
            "{blocked:?}"
        );
        let studio = centre_id(&app, "studio").await;
        assert!(
            app.state
                .clock
                .run(store::licences::may_sell(&app.state.db, studio))
                .await
                .is_ok(),
            "the studio holds no licence and sells"
        );
        assert!(
            audit_actions(&app, die)
                .await
                .iter()
                .any(|(a, d)| a == "licence_status_changed" && d == "suspended")
        );
        let r = admin
            .post(
                &format!("/licences/{}/statut", licences[0].id),
                &[("action", "resume")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Resuming twice: the page's state is stale, a clear 409.
        let again = admin
            .post(
                &format!("/licences/{}/statut", licences[0].id),
                &[("action", "resume")],
            )
            .await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        let opened = die_manager
            .post(
                &format!("/centres/{DIE}/offers/new"),
                &offer("1", "compost-2"),
            )
            .await;
        assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
        // Past its last day (31 August 2031) the licence is expired: no new sale.
        app.advance(6 * 366 * 86_400);
        let expired = app
            .state
            .clock
            .run(store::licences::may_sell(&app.state.db, die))
            .await;
        assert!(matches!(expired, Err(store::StoreError::Refused(_))));
        // Six years on the session is gone: signed in again.
        let mut die_manager = signed_in(&app, "manager.die@demo.local").await;
        let page = die_manager.get(&format!("/centres/{DIE}/licence")).await;
        assert!(page.body.contains("Expirée"), "{}", page.body);
    }
}

#[tokio::test]
async fn a_contract_is_signed_once_by_each_party_on_the_text_shown() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let die = centre_id(&app, DIE).await;
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let mut manager = signed_in(&app, "manager.die@demo.local").await;
        // A renewal on the model's newest version, from today: a draft.
        let versions = store::licences::versions(&app.state.db).await.unwrap();
        let today = domain::tracking::iso(domain::time_zone::to_paris(app.now()).date());
        let r = admin
            .post(
                &format!("/centres/{DIE}/licence"),
                &[("version_id", "nope"), ("starts_on", "demain")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-version_id-error") && r.body.contains("f-starts_on-error"));
        let r = admin
            .post(
                &format!("/centres/{DIE}/licence"),
                &[
                    ("version_id", &versions[0].id.to_string()),
                    ("starts_on", &today),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let licence = store::licences::of_centre(&app.state.db, die)
            .await
            .unwrap()[0]
            .clone();
        assert_eq!(licence.status, "draft");
        let r = admin
            .post(&format!("/licences/{}/contrat", licence.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let contract = id_in(r.location().unwrap(), "/contrats/");
        let page = admin.get(&format!("/contrats/{contract}")).await;
        assert!(
            page.body.contains("Micro-centre de Die")
                && page.body.contains("Studio d’Impact Local")
                && page.body.contains("vous"),
            "{}",
            page.body
        );
        // Not sent yet: the manager reads it but cannot sign.
        let page = manager.get(&format!("/contrats/{contract}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("name=\"fingerprint\""));
        let stored = store::contracts::find(&app.state.db, contract)
            .await
            .unwrap()
            .unwrap();
        let early = manager
            .post(
                &format!("/contrats/{contract}/signer"),
                &[
                    ("party", "licensee"),
                    ("fingerprint", &stored.body_hash),
                    ("consent", "1"),
                ],
            )
            .await;
        assert_eq!(early.status, StatusCode::CONFLICT);
        // Another centre's manager does not see it.
        let mut other = signed_in(&app, "manager@demo.local").await;
        assert_eq!(
            other.get(&format!("/contrats/{contract}")).await.status,
            StatusCode::NOT_FOUND
        );
        // Sent; the manager is mailed and opens the signing page.
        let r = admin
            .post(&format!("/contrats/{contract}/envoyer"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        app.run_jobs().await;
        assert!(app.last_mail_to("manager.die@demo.local").await.is_some());
        let page = manager.get(&format!("/contrats/{contract}")).await;
        let seen = form_fingerprint(&page.body);
        assert_eq!(seen, stored.body_hash);
        assert!(page.body.contains(&domain::contract::grouped(&seen)));
        // The network changes the text meanwhile: the page the manager holds is refused.
        let edit = admin.get(&format!("/contrats/{contract}/modifier")).await;
        assert_eq!(edit.status, StatusCode::OK);
        let new_body = format!(
            "{}\n## Article 8 — Médiation\n\nEn cas de litige, vous acceptez une médiation.\n",
            stored.body
        );
        let r = admin
            .post(
                &format!("/contrats/{contract}/modifier"),
                &[
                    ("title", &stored.title),
                    ("body", &new_body),
                    ("seen", &stored.body_hash),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = manager
            .post(
                &format!("/contrats/{contract}/signer"),
                &[
                    ("party", "licensee"),
                    ("fingerprint", &seen),
                    ("consent", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        assert!(r.body.contains("empreinte"), "{}", r.body);
        // Reloaded: without the consent box, refused beside it.
        let page = manager.get(&format!("/contrats/{contract}")).await;
        let current = form_fingerprint(&page.body);
        assert_ne!(current, seen);
        let r = manager
            .post(
                &format!("/contrats/{contract}/signer"),
                &[("party", "licensee"), ("fingerprint", &current)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("f-consent-error"));
        // The network team may not sign for the centre.
        let r = admin
            .post(
                &format!("/contrats/{contract}/signer"),
                &[
                    ("party", "licensee"),
                    ("fingerprint", &current),
                    ("consent", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // Signed; a second time refused.
        let r = manager
            .post(
                &format!("/contrats/{contract}/signer"),
                &[
                    ("party", "licensee"),
                    ("fingerprint", &current),
                    ("consent", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let twice = manager
            .post(
                &format!("/contrats/{contract}/signer"),
                &[
                    ("party", "licensee"),
                    ("fingerprint", &current),
                    ("consent", "1"),
                ],
            )
            .await;
        assert_eq!(twice.status, StatusCode::CONFLICT);
        assert!(twice.body.contains("déjà signé"), "{}", twice.body);
        // Signed by one party: the text changes no more.
        let r = admin
            .post(
                &format!("/contrats/{contract}/modifier"),
                &[
                    ("title", "Autre"),
                    ("body", "Autre texte"),
                    ("seen", &current),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
        let r = admin
            .post(
                &format!("/contrats/{contract}/signer"),
                &[
                    ("party", "network"),
                    ("fingerprint", &current),
                    ("consent", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Both signatures put the licence in force.
        let l = store::licences::find(&app.state.db, licence.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(l.status, "active");
        let sigs = store::contracts::signatures(&app.state.db, contract)
            .await
            .unwrap();
        assert_eq!(sigs.len(), 2);
        assert!(sigs.iter().all(|s| s.body_hash == current));
        assert_eq!(sigs[0].signer_name, "Denis Drôme");
        // The audit log keeps the signatures with the fingerprint, and the refusals.
        let actions = audit_actions(&app, die).await;
        assert!(
            actions
                .iter()
                .any(|(a, d)| a == "contract_signed" && d.contains(&current))
        );
        for reason in ["changed", "no_consent", "already_signed", "not_sent"] {
            assert!(
                actions
                    .iter()
                    .any(|(a, d)| a == "contract_signature_refused" && d.starts_with(reason)),
                "{reason}: {actions:?}"
            );
        }
        // The signed PDF names the parties and prints the fingerprint the page showed.
        let pdf = manager
            .get(&format!("/contrats/{contract}/contrat.pdf"))
            .await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        if let Some(text) = testkit::pdf_text(&pdf.bytes) {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let grouped = domain::contract::grouped(&current);
            for needle in [
                "Micro-centre de Die",
                "Studio d’Impact Local",
                "Denis Drôme",
                "Camille Network",
                grouped.as_str(),
                "Médiation",
            ] {
                assert!(
                    flat.contains(needle) || flat.contains(&needle.replace('’', "'")),
                    "{needle} not in {flat}"
                );
            }
        }
        // An amendment to the signed contract, signed the same way.
        let r = admin
            .post(&format!("/contrats/{contract}/avenant"), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let amendment = id_in(r.location().unwrap(), "/contrats/");
        let a = store::contracts::find(&app.state.db, amendment)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(a.amends_id, Some(contract));
        assert!(
            a.body.contains(&current),
            "the amendment names the contract's fingerprint"
        );
        admin
            .post(&format!("/contrats/{amendment}/envoyer"), &[])
            .await;
        let page = manager.get(&format!("/contrats/{amendment}")).await;
        let fp = form_fingerprint(&page.body);
        let r = manager
            .post(
                &format!("/contrats/{amendment}/signer"),
                &[
                    ("party", "licensee"),
                    ("fingerprint", &fp),
                    ("consent", "1"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // An amendment of an amendment, or of a contract not signed, is refused.
        let r = admin
            .post(&format!("/contrats/{amendment}/avenant"), &[])
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT);
    }
}

#[tokio::test]
async fn a_royalty_statement_becomes_the_networks_invoice_once() {
    for t in databases().await {
        let app = TestApp::with_demo(t).await;
        let die = centre_id(&app, DIE).await;
        let db = &app.state.db;
        // Die invoices 1 000 € (no VAT) and credits 200 € of it in the year.
        let mut seller = store::invoices::seller(db, centre_id(&app, "studio").await)
            .await
            .unwrap()
            .unwrap();
        seller.centre_id = die;
        seller.legal_name = "Association Die en transition".into();
        store::invoices::save_seller(db, &seller).await.unwrap();
        let issued = app
            .state
            .clock
            .run(store::invoices::issue(
                db,
                &store::invoices::NewInvoice {
                    centre_id: die,
                    buyer: store::invoices::Buyer {
                        name: "Mairie de Die".into(),
                        address: "Die".into(),
                        ..Default::default()
                    },
                    lines: vec![domain::invoice::Line {
                        label: "Atelier".into(),
                        quantity_milli: 1_000,
                        unit_price_cents: 100_000,
                        vat_rate_bp: 0,
                    }],
                    ..Default::default()
                },
            ))
            .await
            .unwrap();
        app.state
            .clock
            .run(store::invoices::issue_credit_note(
                db,
                issued.id,
                &store::invoices::Credit::Amount(20_000),
                None,
            ))
            .await
            .unwrap();
        let year = domain::time_zone::to_paris(app.now()).year().to_string();
        let licence = store::licences::of_centre(db, die).await.unwrap()[0].clone();
        let mut admin = signed_in(&app, "admin@demo.local").await;
        let bad = admin
            .post(
                &format!("/licences/{}/redevances", licence.id),
                &[("period", "2026-T9"), ("declared", "beaucoup")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            bad.body.contains("f-period-error")
                && bad.body.contains("f-declared-error")
                && bad.body.contains("beaucoup")
        );
        let r = admin
            .post(
                &format!("/licences/{}/redevances", licence.id),
                &[("period", &year)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let statements = store::licences::royalties::of_centre(db, die)
            .await
            .unwrap();
        let s = statements
            .iter()
            .find(|s| s.period == year)
            .unwrap()
            .clone();
        // 800 € × 5 % = 40 €, plus the yearly fee (the anniversary, 1 September, is in the year
        // when the licence started that year).
        assert_eq!(s.revenue_cents, 80_000);
        assert_eq!(s.royalty_cents, 4_000);
        let fee = if licence.starts_on.starts_with(&year) || licence.starts_on[..4] < *year {
            120_000
        } else {
            0
        };
        assert_eq!(s.yearly_fee_cents, fee);
        assert_eq!(s.total_cents, 4_000 + fee);
        let again = admin
            .post(
                &format!("/licences/{}/redevances", licence.id),
                &[("period", &year)],
            )
            .await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("f-period-error"));
        // The network dashboard counts it among the centre's royalties, not invoiced yet.
        let before = crate::network::figures(&app, die).await;
        assert!(before.royalties_cents >= s.total_cents);
        let page = admin.get("/admin/reseau").await;
        assert!(page.body.contains("à facturer"), "{}", page.body);
        // Invoiced once, by the studio in its own series.
        let r = admin
            .post(&format!("/redevances/{}/facturer", s.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let r = admin
            .post(&format!("/redevances/{}/facturer", s.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let s = store::licences::royalties::find(db, s.id)
            .await
            .unwrap()
            .unwrap();
        let number = s.invoice_number.clone().expect("invoiced");
        assert!(number.starts_with("F-"), "{number}");
        let invoice = store::invoices::find(db, s.invoice_id.unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(invoice.centre_id, centre_id(&app, "studio").await);
        assert_eq!(invoice.buyer_name, "Association Die en transition");
        assert_eq!(
            invoice.total_ttc_cents, s.total_cents,
            "the studio is exempt from VAT"
        );
        let page = admin.get(&format!("/centres/{DIE}/licence")).await;
        assert!(page.body.contains(&number));
        let after = crate::network::figures(&app, die).await;
        assert_eq!(
            after.royalties_invoiced_cents - before.royalties_invoiced_cents,
            s.total_cents
        );
        // The centre's manager reads the statements, and cannot invoice them.
        let mut manager = signed_in(&app, "manager.die@demo.local").await;
        let page = manager.get(&format!("/centres/{DIE}/licence")).await;
        assert!(page.body.contains(&number) && !page.body.contains("/facturer"));
        let demo = statements.iter().find(|s| s.period == "2026-T4").unwrap();
        assert_eq!(
            manager
                .post(&format!("/redevances/{}/facturer", demo.id), &[])
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
}
