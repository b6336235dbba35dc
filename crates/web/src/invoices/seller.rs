//! The centre's seller identity, as its invoices print it (copied into each invoice on issue).
use super::staff_centre;
use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::Path;
use crate::form::{FieldErrors, Form};
use crate::layout::Layout;
use crate::respond::redirect_with_flash;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::invoice;
use serde::Deserialize;
use store::audit::{AuditAction, Entry};
use store::centres::CentreSummary;
use store::invoices::Seller;

#[derive(Debug, Default, Deserialize)]
pub struct SellerForm {
    #[serde(default)]
    pub legal_name: String,
    #[serde(default)]
    pub legal_form: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
    #[serde(default)]
    pub town: String,
    #[serde(default)]
    pub siren: String,
    #[serde(default)]
    pub siret: String,
    #[serde(default)]
    pub registration: String,
    #[serde(default)]
    pub vat_number: String,
    #[serde(default)]
    pub vat_exempt: String,
    #[serde(default)]
    pub exemption_mention: String,
    #[serde(default)]
    pub iban: String,
    #[serde(default)]
    pub bic: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub payment_terms_days: String,
    #[serde(default)]
    pub penalty_rate: String,
    #[serde(default)]
    pub reminder_first_days: String,
    #[serde(default)]
    pub reminder_second_days: String,
}

impl SellerForm {
    fn of(s: &Seller) -> Self {
        SellerForm {
            legal_name: s.legal_name.clone(),
            legal_form: s.legal_form.clone(),
            address: s.address.clone(),
            postcode: s.postcode.clone(),
            town: s.town.clone(),
            siren: s.siren.clone(),
            siret: s.siret.clone(),
            registration: s.registration.clone(),
            vat_number: s.vat_number.clone(),
            vat_exempt: if s.vat_exempt {
                "1".into()
            } else {
                String::new()
            },
            exemption_mention: s.exemption_mention.clone(),
            iban: s.iban.clone(),
            bic: s.bic.clone(),
            email: s.email.clone(),
            payment_terms_days: s.payment_terms_days.to_string(),
            penalty_rate: domain::offer::price_input(s.penalty_rate_bp),
            reminder_first_days: s.reminder_first_days.to_string(),
            reminder_second_days: s.reminder_second_days.to_string(),
        }
    }

    /// The seller to save, or the errors beside their fields.
    fn check(
        &self,
        centre_id: i64,
        i: crate::i18n::I18n,
        errors: &mut FieldErrors,
    ) -> Option<Seller> {
        let required = [
            ("legal_name", &self.legal_name),
            ("address", &self.address),
            ("postcode", &self.postcode),
            ("town", &self.town),
        ];
        for (field, value) in required {
            if value.trim().is_empty() {
                errors.add(field, i, "error-required");
            } else if value.chars().count() > 300 {
                errors.add(field, i, "error-too-long");
            }
        }
        let siren = invoice::check_siren(&self.siren)
            .map_err(|e| errors.add("siren", i, e.message_key()))
            .ok();
        let siret = if self.siret.trim().is_empty() {
            Some(String::new())
        } else {
            invoice::check_siret(&self.siret)
                .map_err(|e| errors.add("siret", i, e.message_key()))
                .ok()
        };
        let exempt = !self.vat_exempt.is_empty();
        let vat_number = if self.vat_number.trim().is_empty() {
            if !exempt {
                errors.add("vat_number", i, "invoice-error-vat-or-exempt");
            }
            Some(String::new())
        } else {
            invoice::check_vat_number(&self.vat_number)
                .map_err(|e| errors.add("vat_number", i, e.message_key()))
                .ok()
        };
        let iban = if self.iban.trim().is_empty() {
            Some(String::new())
        } else {
            invoice::check_iban(&self.iban)
                .map_err(|e| errors.add("iban", i, e.message_key()))
                .ok()
        };
        let terms = match self.payment_terms_days.trim().parse::<i64>() {
            Ok(d) if (0..=60).contains(&d) => Some(d),
            _ => {
                errors.add("payment_terms_days", i, "invoice-error-terms");
                None
            }
        };
        let penalty = match domain::offer::parse_price(&self.penalty_rate) {
            Some(bp) if (0..=10_000).contains(&bp) => Some(bp),
            _ => {
                errors.add("penalty_rate", i, "invoice-error-penalty");
                None
            }
        };
        // Days past the due date of each reminder (0 for none; left blank, the defaults).
        let mut reminder = |field: &'static str, typed: &str, default: i64| match typed.trim() {
            "" => Some(default),
            t => match t.parse::<i64>() {
                Ok(d) if (0..=365).contains(&d) => Some(d),
                _ => {
                    errors.add(field, i, "invoice-error-reminder-days");
                    None
                }
            },
        };
        let first = reminder(
            "reminder_first_days",
            &self.reminder_first_days,
            invoice::reminder::DEFAULT_FIRST,
        );
        let second = reminder(
            "reminder_second_days",
            &self.reminder_second_days,
            invoice::reminder::DEFAULT_SECOND,
        );
        if let (Some(f), Some(s)) = (first, second)
            && f > 0
            && s > 0
            && s <= f
        {
            errors.add("reminder_second_days", i, "invoice-error-reminder-order");
        }
        let mention = if exempt && self.exemption_mention.trim().is_empty() {
            invoice::EXEMPTION_293B.to_string()
        } else {
            self.exemption_mention.trim().to_string()
        };
        if !errors.is_empty() {
            return None;
        }
        Some(Seller {
            centre_id,
            legal_name: self.legal_name.trim().into(),
            legal_form: self.legal_form.trim().into(),
            address: self.address.trim().into(),
            postcode: self.postcode.trim().into(),
            town: self.town.trim().into(),
            country: "FR".into(),
            siren: siren?,
            siret: siret?,
            registration: self.registration.trim().into(),
            vat_number: vat_number?,
            vat_exempt: exempt,
            exemption_mention: mention,
            iban: iban?,
            bic: self.bic.trim().to_uppercase(),
            email: self.email.trim().into(),
            payment_terms_days: terms?,
            penalty_rate_bp: penalty?,
            reminder_first_days: first?,
            reminder_second_days: second?,
        })
    }
}

#[derive(Template)]
#[template(path = "invoices/seller.html")]
struct SellerView {
    layout: Layout,
    centre: CentreSummary,
    form: SellerForm,
    errors: FieldErrors,
}

fn render(
    state: &AppState,
    ctx: &Ctx,
    centre: CentreSummary,
    form: SellerForm,
    errors: FieldErrors,
) -> WebResult<Response> {
    let i = ctx.i;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let view = SellerView {
        layout: Layout::new(state, ctx, i.t("invoice-seller-heading")).under(
            format!("/centres/{}/invoices", centre.slug),
            i.t("invoice-list-heading"),
        ),
        centre,
        form,
        errors,
    };
    Ok((status, Html(view.render()?)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let form = match store::invoices::seller(&state.db, centre.id).await? {
        Some(s) => SellerForm::of(&s),
        None => SellerForm {
            legal_name: centre.name.clone(),
            town: centre.town.clone(),
            payment_terms_days: "30".into(),
            penalty_rate: "10".into(),
            reminder_first_days: invoice::reminder::DEFAULT_FIRST.to_string(),
            reminder_second_days: invoice::reminder::DEFAULT_SECOND.to_string(),
            ..SellerForm::default()
        },
    };
    render(&state, &ctx, centre, form, FieldErrors::default())
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<SellerForm>,
) -> WebResult<Response> {
    let centre = staff_centre(&state, &ctx, &slug).await?;
    let mut errors = FieldErrors::default();
    let Some(seller) = form.check(centre.id, ctx.i, &mut errors) else {
        return render(&state, &ctx, centre, form, errors);
    };
    let mut tx = state.db.begin().await?;
    store::invoices::save_seller(&mut tx, &seller).await?;
    store::audit::record(
        &mut tx,
        AuditAction::SellerEdited,
        Entry {
            actor_id: ctx.user.as_ref().map(|u| u.id),
            centre_id: Some(centre.id),
            ..Entry::default()
        },
    )
    .await?;
    tx.commit().await?;
    Ok(redirect_with_flash(
        &format!("/centres/{}/invoices", centre.slug),
        "flash-seller-saved",
        &state,
    ))
}
