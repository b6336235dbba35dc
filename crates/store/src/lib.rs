//! Storage over SQLite (embedded, default) or PostgreSQL (scale-out), chosen by the URL.
//! Each query is written once in the SQL both understand; `on_db!` expands it for both pools.
#![forbid(unsafe_code)]

#[macro_use]
mod macros;
#[macro_use]
pub mod tx;
pub mod accounts;
pub mod adhesions;
pub mod ambassadors;
pub mod audit;
pub mod bookings;
pub mod canvas;
pub mod centres;
mod clock;
pub mod cohort_surveys;
pub mod cohorts;
pub mod contacts;
pub mod content;
pub mod contracts;
pub mod counted;
pub mod dashboard;
mod db;
pub mod diagnostics;
pub mod donations;
pub mod equipment;
mod error;
pub mod events;
pub mod evidence;
pub mod feedback;
pub mod forecasts;
pub mod impact;
pub mod invoices;
pub mod jobs;
pub mod kit;
pub mod launches;
pub mod learning;
pub mod learning_paths;
pub mod lesson_revisions;
pub mod licences;
pub mod live;
pub mod network;
pub mod newsletters;
pub mod offers;
pub mod onboarding;
pub mod opening;
pub mod partners;
pub mod payments;
pub mod places;
pub mod plans;
pub mod procedures;
pub mod projects;
pub mod quotes;
pub mod rate_limit;
pub mod reminders;
pub mod review;
pub mod roadmaps;
pub mod settings;
pub mod signatures;
pub mod site;
pub mod tax_receipts;
pub mod team;
pub mod tracking;

pub use clock::{Clock, now};
pub use db::{Backend, Db, write_turn};
pub use error::{Current, StoreError};
pub use tx::{Exec, Tx};

pub type Result<T> = std::result::Result<T, StoreError>;
