//! The i18n catalogues are complete in both languages, every key the code uses exists, and no
//! template holds a literal user-facing string.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every key of one language, across all its `.ftl` files (one file per area of the product).
fn keys(lang: &str) -> BTreeSet<String> {
    let mut paths = Vec::new();
    files(
        &Path::new(ROOT).join(format!("locales/{lang}")),
        &["ftl"],
        &mut paths,
    );
    let text: String = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    text.lines()
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k))
        .filter(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_string)
        .collect()
}

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path
            .extension()
            .is_some_and(|e| ext.contains(&e.to_str().unwrap_or("")))
        {
            out.push(path);
        }
    }
}

/// Literal keys passed to `t(…)`, `ta(…)`, `tn(…)`, and `message_key`/`label_key` tables.
fn used_keys() -> BTreeSet<String> {
    let mut paths = Vec::new();
    files(&Path::new(ROOT).join("src"), &["rs"], &mut paths);
    files(
        &Path::new(ROOT).join("templates"),
        &["html", "txt"],
        &mut paths,
    );
    files(&Path::new(ROOT).join("../domain/src"), &["rs"], &mut paths);
    let mut used = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let rust = path.extension().is_some_and(|e| e == "rs");
        let calls: &[&str] = if rust {
            &[
                ".t(\"", ".ta(\"", ".tn(\"", "\"flash-", "\"error-", "\"role-", "\"stage-",
                "\"nav-",
            ]
        } else {
            &[".t(\"", ".ta(\"", ".tn(\""]
        };
        for call in calls {
            for (i, _) in text.match_indices(call) {
                // The key starts after the opening quote (which may be the pattern's first char).
                let quote = i + call.find('"').unwrap_or(0) + 1;
                let rest = &text[quote..];
                let key = &rest[..rest.find('"').unwrap_or(0)];
                if key.contains('-')
                    && !key.ends_with('-')
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    used.insert(key.to_string());
                }
            }
        }
    }
    used
}

#[test]
fn both_languages_have_the_same_keys() {
    let fr = keys("fr");
    let en = keys("en");
    assert!(fr.len() > 200);
    let only_fr: Vec<_> = fr.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    assert!(
        only_fr.is_empty() && only_en.is_empty(),
        "missing in en: {only_fr:?}; missing in fr: {only_en:?}"
    );
}

#[test]
fn every_key_used_exists() {
    let fr = keys("fr");
    let mut dynamic: Vec<String> = (1..=12).map(|m| format!("month-{m}")).collect();
    for code in [400, 401, 403, 404, 409, 413, 422, 429, 500, 503] {
        dynamic.push(format!("error-{code}-title"));
    }
    for status in ["queued", "running", "done", "failed"] {
        dynamic.push(format!("job-status-{status}"));
    }
    dynamic.extend([
        "job-kind-send-email".into(),
        "job-kind-noop".into(),
        "datetime".into(),
    ]);
    for action in store::audit::AuditAction::ALL {
        dynamic.push(format!("audit-{}", action.code().replace('_', "-")));
    }
    for role in domain::Role::ALL {
        dynamic.push(role.label_key().to_string());
    }
    for stage in domain::project::Stage::ALL {
        dynamic.push(stage.label_key().to_string());
    }
    for colour in domain::project::Colour::ALL {
        dynamic.push(colour.label_key().to_string());
    }
    for start in domain::project::Start::CODES {
        dynamic.push(format!("project-start-{start}"));
        dynamic.push(format!("project-start-{start}-text"));
    }
    let missing: Vec<_> = used_keys()
        .into_iter()
        .chain(dynamic)
        .filter(|k| !fr.contains(k))
        .collect();
    assert!(
        missing.is_empty(),
        "keys used but not in the catalogue: {missing:?}"
    );
}

/// Strips template tags, expressions, comments and markup; what remains must hold no letters.
#[test]
fn templates_hold_no_literal_text() {
    let mut paths = Vec::new();
    files(&Path::new(ROOT).join("templates"), &["html"], &mut paths);
    // Brand name and technical values allowed as literals.
    let allowed = ["Impact Studio", "FR", "EN"];
    for path in paths {
        let mut text = std::fs::read_to_string(&path).unwrap();
        for (open, close) in [
            ("{#", "#}"),
            ("{%", "%}"),
            ("{{", "}}"),
            ("<style", "</style>"),
            ("<svg", "</svg>"),
            ("<", ">"),
        ] {
            while let Some(start) = text.find(open) {
                let Some(len) = text[start..].find(close) else {
                    break;
                };
                text.replace_range(start..start + len + close.len(), " ");
            }
        }
        for word in allowed {
            text = text.replace(word, " ");
        }
        let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
        assert!(
            letters.is_empty(),
            "{}: literal text {:?}",
            path.display(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }
}

#[test]
fn attributes_shown_to_people_come_from_the_catalogue() {
    let mut paths = Vec::new();
    files(&Path::new(ROOT).join("templates"), &["html"], &mut paths);
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        for attr in [
            "aria-label=\"",
            "placeholder=\"",
            "title=\"",
            "alt=\"",
            "data-confirm=\"",
        ] {
            for (i, _) in text.match_indices(attr) {
                let rest = &text[i + attr.len()..];
                let value = &rest[..rest.find('"').unwrap_or(0)];
                assert!(
                    value.is_empty() || value.starts_with("{{") || value.starts_with("{%"),
                    "{}: {attr}{value}",
                    path.display()
                );
            }
        }
    }
}
