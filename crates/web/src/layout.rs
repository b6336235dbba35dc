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
    pub nav: Vec<NavEntry>,
    /// The trail above the page's title (empty: none shown).
    pub crumbs: Vec<NavItem>,
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
        let nav = nav_for(ctx, role);
        Layout {
            crumbs: crumbs_for(ctx, &nav),
            i,
            description: i.t("site-description"),
            title,
            csrf: ctx.csrf.clone(),
            demo: state.is_demo(),
            flash: ctx.flash.as_ref().map(|key| i.t(key)),
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            role_label: ctx.user.as_ref().map(|_| i.t(role.label_key())),
            nav,
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

/// A link of the navigation, or a named group of links (a disclosure menu) when `items` is
/// not empty.
pub struct NavEntry {
    pub href: String,
    pub label: String,
    /// The current page is this link, or one of this group's.
    pub current: bool,
    pub items: Vec<NavItem>,
}

/// A group of the menu: its key (`nav-group-…`) and its links (path, label key).
type Group = (&'static str, Vec<(&'static str, &'static str)>);

/// The viewer's menu: a few links everyone has, and the staff's tools grouped by what they
/// serve (public site, programmes, network, operations).
fn menu(ctx: &Ctx, role: Role) -> Vec<Group> {
    if ctx.user.is_none() {
        return vec![
            ("", vec![("/", "nav-home")]),
            ("", vec![("/diagnostics", "nav-diagnostics")]),
        ];
    }
    let projects = if role.is_staff() {
        "nav-projects-staff"
    } else {
        "nav-projects"
    };
    let mut menu: Vec<Group> = vec![
        ("", vec![("/dashboard", "nav-dashboard")]),
        ("", vec![("/projects", projects)]),
        ("", vec![("/learn", "nav-learn")]),
    ];
    match role {
        Role::NetworkAdmin => {
            menu.push((
                "nav-group-site",
                vec![
                    ("/admin/content", "nav-content"),
                    ("/admin/site", "nav-site-texts"),
                    ("/admin/evenements", "nav-events"),
                    ("/admin/campagnes", "nav-campaigns"),
                ],
            ));
            menu.push((
                "nav-group-programmes",
                vec![
                    ("/diagnostics", "nav-diagnostics"),
                    ("/admin/diagnostics", "nav-diagnostics-stats"),
                    ("/roadmaps", "nav-roadmaps"),
                    ("/impact/report", "nav-impact"),
                ],
            ));
            menu.push((
                "nav-group-network",
                vec![
                    ("/centres", "nav-centres"),
                    ("/admin/leads", "nav-leads"),
                    ("/contacts", "nav-contacts"),
                    ("/prospection", "nav-prospection"),
                    ("/admin/budgets", "nav-budgets"),
                    ("/admin/equipment", "nav-equipment-standard"),
                    ("/admin/plans", "nav-plans"),
                    ("/admin/licences", "nav-licences"),
                    ("/admin/kit", "nav-kit"),
                    ("/admin/reseau", "nav-network-dashboard"),
                    ("/admin/ambassadeurs", "nav-ambassadors"),
                    ("/admin/partenaires", "nav-partners"),
                ],
            ));
            menu.push((
                "nav-group-operations",
                vec![
                    ("/operations", "nav-operations"),
                    ("/admin/ouverture", "nav-opening-template"),
                    ("/admin/jobs", "nav-jobs"),
                    ("/admin/outbox", "nav-outbox"),
                    ("/admin/audit", "nav-audit"),
                ],
            ));
        }
        Role::CentreManager => {
            menu.push(("nav-group-site", vec![("/admin/evenements", "nav-events")]));
            menu.push((
                "nav-group-programmes",
                vec![
                    ("/diagnostics", "nav-diagnostics"),
                    ("/admin/diagnostics", "nav-diagnostics-stats"),
                    ("/roadmaps", "nav-roadmaps"),
                    ("/impact/report", "nav-impact"),
                ],
            ));
            menu.push((
                "nav-group-network",
                vec![
                    ("/centres", "nav-my-centre"),
                    ("/admin/leads", "nav-leads"),
                    ("/contacts", "nav-contacts"),
                    ("/prospection", "nav-prospection"),
                ],
            ));
            menu.push((
                "nav-group-operations",
                vec![
                    ("/operations", "nav-operations"),
                    ("/admin/audit", "nav-audit"),
                ],
            ));
        }
        Role::Coach => {
            menu.push(("", vec![("/diagnostics", "nav-diagnostics")]));
            menu.push(("", vec![("/centres", "nav-my-centre")]));
            menu.push(("", vec![("/operations", "nav-operations")]));
        }
        _ => {
            menu.push(("", vec![("/diagnostics", "nav-diagnostics")]));
            menu.push(("", vec![("/mes-candidatures", "nav-applications")]));
            if role == Role::Ambassador {
                menu.push(("", vec![("/ambassadeur", "nav-ambassador")]));
            }
        }
    }
    menu.push(("", vec![("/account", "nav-account")]));
    menu
}

/// Whether `href` is the page at `path` or one of its sub-pages.
fn is_current(path: &str, href: &str) -> bool {
    path == href || (href != "/" && path.starts_with(&format!("{href}/")))
}

fn nav_for(ctx: &Ctx, role: Role) -> Vec<NavEntry> {
    let i = ctx.i;
    let item = |(href, key): (&str, &str)| NavItem {
        current: is_current(&ctx.path, href),
        href: href.to_string(),
        label: i.t(key),
    };
    menu(ctx, role)
        .into_iter()
        .map(|(group, links)| {
            let mut items: Vec<NavItem> = links.into_iter().map(item).collect();
            // A group of one is a plain link.
            if group.is_empty() || items.len() == 1 {
                let only = items.remove(0);
                NavEntry {
                    href: only.href,
                    label: only.label,
                    current: only.current,
                    items: Vec::new(),
                }
            } else {
                NavEntry {
                    href: String::new(),
                    label: i.t(group),
                    current: items.iter().any(|l| l.current),
                    items,
                }
            }
        })
        .collect()
}

/// The trail to a page reached through a menu group: the dashboard, the group, and the group's
/// link when the page is below it (the page itself is named by the template, from its title).
fn crumbs_for(ctx: &Ctx, nav: &[NavEntry]) -> Vec<NavItem> {
    let Some(group) = nav.iter().find(|e| e.current && !e.items.is_empty()) else {
        return Vec::new();
    };
    let mut crumbs = vec![
        NavItem {
            href: "/dashboard".to_string(),
            label: ctx.i.t("nav-dashboard"),
            current: false,
        },
        NavItem {
            href: String::new(),
            label: group.label.clone(),
            current: false,
        },
    ];
    if let Some(link) = group.items.iter().find(|l| l.current && l.href != ctx.path) {
        crumbs.push(NavItem {
            href: link.href.clone(),
            label: link.label.clone(),
            current: false,
        });
    }
    crumbs
}

impl Layout {
    /// A page below another one (a project's settings, a roadmap's editor): the trail names
    /// the page above it, then this page.
    pub fn under(mut self, href: String, label: String) -> Self {
        self.crumbs = vec![NavItem {
            href,
            label,
            current: false,
        }];
        self
    }

    /// Shorthand for templates: `layout.t("key")`.
    pub fn t(&self, key: &str) -> String {
        self.i.t(key)
    }
}
