//! What the base template needs on every page: language, title, navigation for the viewer's
//! role, CSRF token, flash message, demo banner and asset URLs.
use crate::assets;
use crate::ctx::{CsrfToken, Ctx};
use crate::i18n::I18n;
use crate::state::AppState;
use domain::Role;

pub struct NavItem {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub struct Layout {
    pub i: I18n,
    pub title: String,
    pub description: String,
    /// Asked for only by pages with a form (see [`CsrfToken`]).
    csrf: CsrfToken,
    pub demo: bool,
    pub flash: Option<String>,
    pub user_name: Option<String>,
    pub role_label: Option<String>,
    pub nav: Vec<NavItem>,
    pub path: String,
    /// The page's address without its query (canonical URL, `og:url`).
    pub canonical: String,
    /// The image shown when the page is shared (absolute URL).
    pub og_image: String,
    /// Structured data (JSON-LD, already escaped for a `<script>` data block).
    pub json_ld: Option<String>,
    pub css: &'static str,
    pub js: &'static str,
    pub logo: &'static str,
}

impl Layout {
    pub fn new(state: &AppState, ctx: &Ctx, title: String) -> Self {
        let i = ctx.i;
        let role = ctx.actor.main_role();
        Layout {
            i,
            description: i.t("site-description"),
            title,
            csrf: ctx.csrf.clone(),
            demo: state.is_demo(),
            flash: ctx.flash.as_ref().map(|key| i.t(key)),
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            role_label: ctx.user.as_ref().map(|_| i.t(role.label_key())),
            nav: nav_for(ctx, role),
            path: ctx.path.clone(),
            canonical: state.url(&ctx.path),
            og_image: state.url(assets::url("og-image.png")),
            json_ld: None,
            css: assets::url("app.css"),
            js: assets::url("app.js"),
            logo: assets::url("logo.svg"),
        }
    }

    /// The page's own meta description (content pages use their summary).
    pub fn with_description(mut self, description: String) -> Self {
        if !description.trim().is_empty() {
            self.description = description;
        }
        self
    }

    /// The page title with the site name.
    pub fn full_title(&self) -> String {
        format!("{} · Impact Studio", self.title)
    }

    /// The visitor's CSRF token, for a form.
    pub fn csrf(&self) -> &str {
        self.csrf.value()
    }

    /// The language switch for visitors: a plain link (it only sets the language cookie; a
    /// signed-in person's switch is a form, as it also changes their account).
    pub fn lang_href(&self, code: &str) -> String {
        format!(
            "/lang?lang={code}&next={}",
            crate::ctx::urlencode(&self.path)
        )
    }

    pub fn lang_current(&self, code: &str) -> bool {
        self.i.code() == code
    }
}

fn nav_for(ctx: &Ctx, role: Role) -> Vec<NavItem> {
    let i = ctx.i;
    let mut items: Vec<(&str, &str)> = Vec::new();
    if ctx.user.is_none() {
        items.push(("/", "nav-home"));
        items.push(("/diagnostics", "nav-diagnostics"));
    } else {
        items.push(("/dashboard", "nav-dashboard"));
        items.push((
            "/projects",
            if role.is_staff() {
                "nav-projects-staff"
            } else {
                "nav-projects"
            },
        ));
        items.push(("/diagnostics", "nav-diagnostics"));
        match role {
            Role::NetworkAdmin => {
                items.push(("/centres", "nav-centres"));
                items.push(("/admin/content", "nav-content"));
                items.push(("/admin/leads", "nav-leads"));
                items.push(("/admin/site", "nav-site"));
                items.push(("/admin/diagnostics", "nav-diagnostics-stats"));
                items.push(("/roadmaps", "nav-roadmaps"));
                items.push(("/impact/report", "nav-impact"));
                items.push(("/admin/audit", "nav-audit"));
                items.push(("/admin/jobs", "nav-jobs"));
                items.push(("/admin/outbox", "nav-outbox"));
            }
            Role::CentreManager => {
                items.push(("/centres", "nav-my-centre"));
                items.push(("/admin/leads", "nav-leads"));
                items.push(("/admin/evenements", "nav-events"));
                items.push(("/admin/diagnostics", "nav-diagnostics-stats"));
                items.push(("/roadmaps", "nav-roadmaps"));
                items.push(("/impact/report", "nav-impact"));
                items.push(("/admin/audit", "nav-audit"));
            }
            Role::Coach => items.push(("/centres", "nav-my-centre")),
            _ => {}
        }
        items.push(("/account", "nav-account"));
    }
    items
        .into_iter()
        .map(|(href, key)| NavItem {
            current: ctx.path == href || (href != "/" && ctx.path.starts_with(&format!("{href}/"))),
            href: href.to_string(),
            label: i.t(key),
        })
        .collect()
}

impl Layout {
    /// Shorthand for templates: `layout.t("key")`.
    pub fn t(&self, key: &str) -> String {
        self.i.t(key)
    }
}
