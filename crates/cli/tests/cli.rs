//! The binary's contract: help, one-line errors with a non-zero exit, migrate, create-user.
use std::process::Command;

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_impact-studio"));
    cmd.env_remove("IMPACT_DATABASE_URL")
        .env_remove("IMPACT_CONFIG");
    cmd
}

fn temp_db() -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!(
        "impact-cli-{}-{}",
        std::process::id(),
        web::security::new_token()[..8].to_lowercase()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/cli.db", dir.display());
    (dir, url)
}

#[test]
fn help_everywhere() {
    for args in [
        vec!["--help"],
        vec!["serve", "--help"],
        vec!["admin", "create-user", "--help"],
        vec!["migrate", "--help"],
    ] {
        let out = bin().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}

#[test]
fn bad_flag_unreachable_database_and_bad_config_print_one_line() {
    type Case<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>, &'a str);
    let cases: Vec<Case> = vec![
        (vec!["serve", "--nope"], vec![], "--nope"),
        (
            vec![
                "migrate",
                "--database-url",
                "postgres://nobody:x@127.0.0.1:1/none",
            ],
            vec![],
            "cannot open the database",
        ),
        (
            vec!["migrate", "--database-url", "mysql://x"],
            vec![],
            "database_url",
        ),
        (
            vec!["migrate"],
            vec![("IMPACT_SESSION_DAYS", "lots")],
            "IMPACT_SESSION_DAYS",
        ),
        (vec!["serve", "--addr", "nowhere"], vec![], "addr"),
    ];
    for (args, env, expected) in cases {
        let out = bin().args(&args).envs(env).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!err.contains("panicked") && !err.contains("backtrace"));
    }
}

#[test]
fn migrate_then_create_a_user() {
    let (dir, url) = temp_db();
    let out = bin()
        .args(["migrate", "--database-url", &url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let create = |email: &str, role: &str| {
        bin()
            .args([
                "admin",
                "create-user",
                "--email",
                email,
                "--role",
                role,
                "--database-url",
                &url,
            ])
            .output()
            .unwrap()
    };
    let ok = create("nouvelle@exemple.fr", "coach");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("one-time password"));
    let dup = create("nouvelle@exemple.fr", "coach");
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("already exists"));
    let bad_role = create("autre@exemple.fr", "boss");
    assert!(String::from_utf8_lossy(&bad_role.stderr).contains("--role"));
    let demo = bin()
        .args(["demo", "--database-url", &url])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&demo.stdout).contains("admin@demo.local"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn roadmap_import_on_a_fresh_database_creates_the_studio() {
    let (dir, url) = temp_db();
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/data/feuille-de-route.md");
    let import = bin()
        .args([
            "roadmap",
            "import",
            seed.to_str().unwrap(),
            "--database-url",
            &url,
        ])
        .output()
        .unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let id = String::from_utf8_lossy(&import.stdout).trim().to_string();
    let export = bin()
        .args(["roadmap", "export", &id, "--database-url", &url])
        .output()
        .unwrap();
    assert_eq!(export.stdout, std::fs::read(&seed).unwrap());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn roadmap_import_then_export_gives_back_the_same_bytes() {
    let (dir, url) = temp_db();
    let seed =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/data/feuille-de-route.md");
    let demo = bin()
        .args(["demo", "--database-url", &url])
        .output()
        .unwrap();
    assert!(demo.status.success());
    let import = bin()
        .args([
            "roadmap",
            "import",
            seed.to_str().unwrap(),
            "--centre",
            "micro-centre-die",
            "--start",
            "2026-10-01",
            "--database-url",
            &url,
        ])
        .output()
        .unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let id = String::from_utf8_lossy(&import.stdout).trim().to_string();
    assert!(id.parse::<i64>().is_ok(), "prints the new id: {id}");
    let export = bin()
        .args(["roadmap", "export", &id, "--database-url", &url])
        .output()
        .unwrap();
    assert!(export.status.success());
    assert_eq!(
        export.stdout,
        std::fs::read(&seed).unwrap(),
        "byte-identical round trip"
    );

    let bad = dir.join("bad.md");
    std::fs::write(
        &bad,
        "# Feuille\n\n## Phase 1\n\n- [ ] une case hors période\n",
    )
    .unwrap();
    let out = bin()
        .args([
            "roadmap",
            "import",
            bad.to_str().unwrap(),
            "--database-url",
            &url,
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("bad.md:5:"), "names the line: {err}");
    let missing = bin()
        .args(["roadmap", "export", "999", "--database-url", &url])
        .output()
        .unwrap();
    assert!(
        !missing.status.success()
            && String::from_utf8_lossy(&missing.stderr).contains("no roadmap 999")
    );
    let wrong_centre = bin()
        .args([
            "roadmap",
            "import",
            seed.to_str().unwrap(),
            "--centre",
            "nowhere",
            "--database-url",
            &url,
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&wrong_centre.stderr).contains("--centre"));
    let _ = std::fs::remove_dir_all(dir);
}
