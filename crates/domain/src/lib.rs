//! Pure rules and types of Impact Studio: no I/O, no async, no SQL.
#![forbid(unsafe_code)]

pub mod canvas;
pub mod centre;
pub mod content;
pub mod crm;
pub mod diagnostic;
pub mod email;
pub mod error;
pub mod event;
pub mod evidence;
pub mod forecast;
pub mod format;
pub mod impact;
pub mod invoice;
pub mod learning;
pub mod locale;
pub mod markdown;
pub mod membership;
pub mod newsletter;
pub mod offer;
pub mod onboarding;
pub mod opening;
pub mod password;
pub mod payment;
pub mod policy;
pub mod procedures;
pub mod project;
pub mod roadmap;
pub mod roadmap_edit;
pub mod role;
pub mod signature;
pub mod site;
pub mod slug;
pub mod stored;
pub mod survey;
pub mod team;
pub mod time_zone;
pub mod tracking;
pub mod typography;

pub use email::Email;
pub use error::DomainError;
pub use locale::Locale;
pub use policy::{Action, Actor, Scope};
pub use role::Role;
pub use slug::Slug;
