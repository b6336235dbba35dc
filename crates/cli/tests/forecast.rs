//! `impact-studio forecast compute FILE`: the result JSON on stdout, the same as the domain's;
//! bad input names the field on one stderr line with exit status 2.
use std::process::Command;

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../domain/tests/fixtures/forecasts")
        .join(name)
}

fn compute(path: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_impact-studio"))
        .args(["forecast", "compute"])
        .arg(path)
        .env_remove("IMPACT_DATABASE_URL")
        .env_remove("IMPACT_CONFIG")
        .output()
        .unwrap()
}

#[test]
fn computes_the_format_example_as_the_reference_does() {
    for case in ["recyclerie", "atelier-velo", "cafe-cooperatif"] {
        let out = compute(&fixture(&format!("{case}.json")));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let actual: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(fixture(&format!("{case}.expected.json"))).unwrap(),
        )
        .unwrap();
        for key in ["years", "cash", "warnings"] {
            let ours = &actual[key];
            let theirs = &expected[key];
            if key == "years" {
                for (a, e) in ours
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(theirs.as_array().unwrap())
                {
                    for (field, value) in e.as_object().unwrap() {
                        assert_eq!(&a[field], value, "{case} years {field}");
                    }
                }
            } else {
                assert_eq!(ours, theirs, "{case} {key}");
            }
        }
        for (a, e) in actual["loans"]
            .as_array()
            .unwrap()
            .iter()
            .zip(expected["loans"].as_array().unwrap())
        {
            for field in ["name", "kind", "interest_total", "schedule"] {
                assert_eq!(a[field], e[field], "{case} loans {field}");
            }
        }
    }
}

#[test]
fn bad_input_names_the_field_with_status_2() {
    let dir = std::env::temp_dir().join(format!("impact-forecast-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = std::fs::read_to_string(fixture("recyclerie.json")).unwrap();
    let cases = [
        (
            base.replace("\"unit_price_cents\": 650", "\"unit_price_cents\": -650"),
            "revenues[0].unit_price_cents: must not be negative\n",
        ),
        (
            base.replace("\"months\": 60", "\"months\": 0"),
            "financing[0].months: must be between 1 and 600\n",
        ),
        (
            base.replace("\"association\"", "\"gmbh\""),
            "legal_form: must be one of: association, sas, sarl, scop, scic, micro\n",
        ),
        (
            base.replace("\"month\": 1, \"years\": 5", "\"month\": 40, \"years\": 5"),
            "investments[0].month: must be a month of the forecast (1 to 36)\n",
        ),
    ];
    for (i, (text, message)) in cases.iter().enumerate() {
        assert_ne!(text, &base, "case {i} changed nothing");
        let path = dir.join(format!("bad{i}.json"));
        std::fs::write(&path, text).unwrap();
        let out = compute(&path);
        assert_eq!(out.status.code(), Some(2), "case {i}");
        assert!(out.stdout.is_empty());
        assert_eq!(String::from_utf8_lossy(&out.stderr), *message);
    }
    let path = dir.join("broken.json");
    std::fs::write(&path, "{\"name\": ").unwrap();
    let out = compute(&path);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not valid JSON"), "{stderr}");
    let out = compute(&dir.join("missing.json"));
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}
