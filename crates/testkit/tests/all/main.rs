//! All integration tests of the platform in one binary (one link instead of eighteen), a module per capability.

mod browser;
mod canvas;
mod canvas_browser;
mod cohorts;
mod content;
mod content_browser;
mod dashboard;
mod dashboard_browser;
mod diagnostics;
mod diagnostics_browser;
mod documents;
mod events;
mod events_browser;
mod http;
mod projects;
mod projects_browser;
mod roadmaps;
mod security;
mod site;
mod site_browser;
mod statements;
mod store;
mod tracking;
mod tracking_browser;
