//! The offer form staff fill, checked once.
use crate::form::{FieldErrors, text};
use crate::i18n::I18n;
use serde::Deserialize;
use store::offers::{Offer, OfferFields};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub format: String,
    pub duration: String,
    pub price: String,
    pub capacity: String,
    pub sessions: String,
    pub coaching_hours: String,
    pub learning_path: String,
    pub questions: String,
    pub open: String,
    pub position: String,
}

impl OfferForm {
    pub fn of(o: &Offer) -> Self {
        OfferForm {
            slug: o.slug.clone(),
            title: o.title.clone(),
            description: o.description.clone(),
            format: o.format.clone(),
            duration: o.duration.clone(),
            price: domain::offer::price_input(o.price_cents),
            capacity: o.capacity.to_string(),
            sessions: o.sessions.to_string(),
            coaching_hours: o.coaching_hours.to_string(),
            learning_path: o.learning_path.clone(),
            questions: o.questions.clone(),
            open: if o.open() { "1".into() } else { String::new() },
            position: o.position.to_string(),
        }
    }

    pub fn fresh() -> Self {
        OfferForm {
            open: "1".into(),
            price: "0".into(),
            capacity: "12".into(),
            sessions: "0".into(),
            coaching_hours: "0".into(),
            position: "0".into(),
            ..Default::default()
        }
    }

    /// The fields once checked, or the errors beside them.
    pub fn check(&self, i: I18n, errors: &mut FieldErrors) -> Option<OfferFields> {
        let slug = errors.check("slug", i, domain::Slug::parse(&self.slug));
        let title = errors.check("title", i, text(&self.title, 120));
        let description = errors.check("description", i, text(&self.description, 2_000));
        let format = errors.check("format", i, text(&self.format, 80));
        let duration = errors.check("duration", i, text(&self.duration, 80));
        let price = domain::offer::parse_price(&self.price);
        if price.is_none() {
            errors.add("price", i, "offer-error-price");
        }
        let mut count =
            |field: &'static str, value: &str, max: i64| match value.trim().parse::<i64>() {
                Ok(n) if (0..=max).contains(&n) => Some(n),
                _ if value.trim().is_empty() => Some(0),
                _ => {
                    errors.add(field, i, "offer-error-count");
                    None
                }
            };
        let capacity = count("capacity", &self.capacity, 500);
        let sessions = count("sessions", &self.sessions, 200);
        let coaching_hours = count("coaching_hours", &self.coaching_hours, 500);
        let position = count("position", &self.position, 1_000);
        let learning_path = self.learning_path.trim();
        if learning_path.chars().count() > 120 {
            errors.add("learning_path", i, "error-too-long");
        }
        let questions = domain::offer::questions(&self.questions).join("\n");
        if questions.chars().count() > 2_000 {
            errors.add("questions", i, "error-too-long");
        }
        if !errors.is_empty() {
            return None;
        }
        Some(OfferFields {
            slug: slug?.as_str().to_string(),
            title: title?,
            description: description?,
            format: format?,
            duration: duration?,
            price_cents: price?,
            capacity: capacity?,
            sessions: sessions?,
            coaching_hours: coaching_hours?,
            learning_path: learning_path.to_string(),
            questions,
            open: !self.open.is_empty(),
            position: position?,
        })
    }
}
