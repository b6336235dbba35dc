//! What a public content page tells search engines and other sites: its canonical address,
//! the other languages (`hreflang`) and JSON-LD.
use crate::content::public_path;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::i18n::I18n;
use crate::state::AppState;
use store::content::Shown;

/// A link to the same content in another language.
#[derive(Clone)]
pub struct Alternate {
    pub lang: String,
    /// The address of that version (for `hreflang`).
    pub href: String,
    /// The same, forcing its language whatever the reader's (the visible link).
    pub switch_href: String,
    pub label: String,
}

/// What every public content page exposes for the head of the page (and for Open Graph).
#[derive(Clone)]
pub struct Seo {
    pub base_url: String,
    /// Path of this page's canonical address (with `?lang=` for a version other than French).
    pub canonical: String,
    pub alternates: Vec<Alternate>,
    pub json_ld: Option<String>,
}

fn lang_label(i: I18n, lang: &str) -> String {
    i.t(if lang == "en" {
        "content-read-en"
    } else {
        "content-read-fr"
    })
}

/// The SEO part of an item page: canonical address and the other languages.
pub(super) async fn seo_for(
    state: &AppState,
    ctx: &Ctx,
    shown: &Shown,
    guide: Option<&(i64, String)>,
    json: Option<serde_json::Value>,
) -> WebResult<Seo> {
    let kind = shown.item.kind;
    let slugs = store::content::slugs(&state.db, shown.item.id).await?;
    let fr_slug = slugs
        .iter()
        .find(|(l, _)| l == "fr")
        .map(|(_, s)| s.clone())
        .unwrap_or_else(|| shown.slug.clone());
    let mut guide_slugs = Vec::new();
    if let Some((guide_id, _)) = guide {
        for lang in ["fr", "en"] {
            guide_slugs.push(
                store::content::slug_in(&state.db, *guide_id, lang)
                    .await?
                    .unwrap_or_default(),
            );
        }
    }
    let guide_slug = |lang: &str| -> Option<String> {
        guide.map(|_| guide_slugs[usize::from(lang == "en")].clone())
    };
    let alternates = slugs
        .iter()
        .filter(|(lang, _)| *lang != shown.lang)
        .map(|(lang, slug)| {
            let href = public_path(kind, lang, slug, &fr_slug, guide_slug(lang).as_deref());
            Alternate {
                switch_href: if href.contains('?') {
                    href.clone()
                } else {
                    format!("{href}?lang={lang}")
                },
                href,
                label: lang_label(ctx.i, lang),
                lang: lang.clone(),
            }
        })
        .collect();
    Ok(Seo {
        base_url: state.config.base_url.clone(),
        canonical: public_path(
            kind,
            &shown.lang,
            &shown.slug,
            &fr_slug,
            guide_slug(&shown.lang).as_deref(),
        ),
        alternates,
        json_ld: json.as_ref().map(domain::site::json_ld),
    })
}

pub(super) fn list_seo(state: &AppState, path: &str) -> Seo {
    Seo {
        base_url: state.config.base_url.clone(),
        canonical: path.to_string(),
        alternates: Vec::new(),
        json_ld: None,
    }
}
