//! The audit log of sensitive actions. Entries hold ids, never passwords, tokens or e-mails.
use crate::{Db, Exec, Result, now};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    SignUp,
    PasswordReset,
    PasswordChanged,
    EmailChanged,
    RoleGranted,
    RoleRevoked,
    InvitationSent,
    InvitationAccepted,
    CentreCreated,
    DataExported,
    AccountDeleted,
    JobRetried,
    ShareLinkCreated,
    ShareLinkRevoked,
    ReportExported,
    ReviewRecorded,
    DiagnosticPublished,
    DiagnosticStatsExported,
    ContentPublished,
    ContentUnpublished,
    ContentDeleted,
    LeadsExported,
    LeadErased,
    LeadConverted,
    SiteEdited,
    ProjectCreated,
    ProjectEdited,
    ProjectArchived,
    ProjectRestored,
    ProjectPersonAdded,
    ProjectPersonRemoved,
    RoadmapImported,
    RoadmapReimported,
    LessonRevisionRestored,
    InvoiceIssued,
    CreditNoteIssued,
    InvoicePaymentRecorded,
    InvoiceChangeRefused,
    SellerEdited,
    InvoicesExported,
    ContactsImported,
    ContactsExported,
    NewsletterSent,
    NewsletterScheduled,
    NewsletterCancelled,
    NewsletterSettingsChanged,
    DonationRecorded,
    DonationsExported,
    TaxReceiptIssued,
    MembersExported,
    CentreProfileSaved,
    SpaceSaved,
    BookingCancelled,
    EquipmentTransferred,
    EquipmentExported,
    PlanVersionSaved,
    ChecklistTickRefused,
    IncidentReported,
    RaciChanged,
    InKindTransferred,
    OpeningTemplateEdited,
    LicenceVersionWritten,
    LicenceGranted,
    LicenceStatusChanged,
    ContractWritten,
    ContractSent,
    ContractSigned,
    ContractSignatureRefused,
    RoyaltyStatementMade,
    RoyaltyInvoiced,
    ReferralSelfUse,
    AmbassadorSettingsChanged,
    /// The partners' grid or a partner (scores, status, agreement, contributions) changed.
    PartnerChanged,
    /// The kit's draft written or published.
    KitChanged,
    /// A centre took a kit version's changes.
    KitTaken,
    /// A step of the guided flow that brings up a new centre (`detail`: the step, what it copied).
    CentreLaunch,
}

impl AuditAction {
    pub const ALL: [AuditAction; 79] = [
        AuditAction::SignIn,
        AuditAction::SignInFailed,
        AuditAction::SignOut,
        AuditAction::SignUp,
        AuditAction::PasswordReset,
        AuditAction::PasswordChanged,
        AuditAction::EmailChanged,
        AuditAction::RoleGranted,
        AuditAction::RoleRevoked,
        AuditAction::InvitationSent,
        AuditAction::InvitationAccepted,
        AuditAction::CentreCreated,
        AuditAction::DataExported,
        AuditAction::AccountDeleted,
        AuditAction::JobRetried,
        AuditAction::ShareLinkCreated,
        AuditAction::ShareLinkRevoked,
        AuditAction::ReportExported,
        AuditAction::ReviewRecorded,
        AuditAction::DiagnosticPublished,
        AuditAction::DiagnosticStatsExported,
        AuditAction::ContentPublished,
        AuditAction::ContentUnpublished,
        AuditAction::ContentDeleted,
        AuditAction::LeadsExported,
        AuditAction::LeadErased,
        AuditAction::LeadConverted,
        AuditAction::SiteEdited,
        AuditAction::ProjectCreated,
        AuditAction::ProjectEdited,
        AuditAction::ProjectArchived,
        AuditAction::ProjectRestored,
        AuditAction::ProjectPersonAdded,
        AuditAction::ProjectPersonRemoved,
        AuditAction::RoadmapImported,
        AuditAction::RoadmapReimported,
        AuditAction::LessonRevisionRestored,
        AuditAction::InvoiceIssued,
        AuditAction::CreditNoteIssued,
        AuditAction::InvoicePaymentRecorded,
        AuditAction::InvoiceChangeRefused,
        AuditAction::SellerEdited,
        AuditAction::InvoicesExported,
        AuditAction::ContactsImported,
        AuditAction::ContactsExported,
        AuditAction::NewsletterSent,
        AuditAction::NewsletterScheduled,
        AuditAction::NewsletterCancelled,
        AuditAction::NewsletterSettingsChanged,
        AuditAction::DonationRecorded,
        AuditAction::DonationsExported,
        AuditAction::TaxReceiptIssued,
        AuditAction::MembersExported,
        AuditAction::CentreProfileSaved,
        AuditAction::SpaceSaved,
        AuditAction::BookingCancelled,
        AuditAction::EquipmentTransferred,
        AuditAction::EquipmentExported,
        AuditAction::PlanVersionSaved,
        AuditAction::ChecklistTickRefused,
        AuditAction::IncidentReported,
        AuditAction::RaciChanged,
        AuditAction::InKindTransferred,
        AuditAction::OpeningTemplateEdited,
        AuditAction::LicenceVersionWritten,
        AuditAction::LicenceGranted,
        AuditAction::LicenceStatusChanged,
        AuditAction::ContractWritten,
        AuditAction::ContractSent,
        AuditAction::ContractSigned,
        AuditAction::ContractSignatureRefused,
        AuditAction::RoyaltyStatementMade,
        AuditAction::RoyaltyInvoiced,
        AuditAction::ReferralSelfUse,
        AuditAction::AmbassadorSettingsChanged,
        AuditAction::PartnerChanged,
        AuditAction::KitChanged,
        AuditAction::KitTaken,
        AuditAction::CentreLaunch,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignOut => "sign_out",
            AuditAction::SignUp => "sign_up",
            AuditAction::PasswordReset => "password_reset",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::EmailChanged => "email_changed",
            AuditAction::RoleGranted => "role_granted",
            AuditAction::RoleRevoked => "role_revoked",
            AuditAction::InvitationSent => "invitation_sent",
            AuditAction::InvitationAccepted => "invitation_accepted",
            AuditAction::CentreCreated => "centre_created",
            AuditAction::DataExported => "data_exported",
            AuditAction::AccountDeleted => "account_deleted",
            AuditAction::JobRetried => "job_retried",
            AuditAction::ShareLinkCreated => "share_link_created",
            AuditAction::ShareLinkRevoked => "share_link_revoked",
            AuditAction::ReportExported => "report_exported",
            AuditAction::ReviewRecorded => "review_recorded",
            AuditAction::DiagnosticPublished => "diagnostic_published",
            AuditAction::DiagnosticStatsExported => "diagnostic_stats_exported",
            AuditAction::ContentPublished => "content_published",
            AuditAction::ContentUnpublished => "content_unpublished",
            AuditAction::ContentDeleted => "content_deleted",
            AuditAction::LeadsExported => "leads_exported",
            AuditAction::LeadErased => "lead_erased",
            AuditAction::LeadConverted => "lead_converted",
            AuditAction::SiteEdited => "site_edited",
            AuditAction::ProjectCreated => "project_created",
            AuditAction::ProjectEdited => "project_edited",
            AuditAction::ProjectArchived => "project_archived",
            AuditAction::ProjectRestored => "project_restored",
            AuditAction::ProjectPersonAdded => "project_person_added",
            AuditAction::ProjectPersonRemoved => "project_person_removed",
            AuditAction::RoadmapImported => "roadmap_imported",
            AuditAction::RoadmapReimported => "roadmap_reimported",
            AuditAction::LessonRevisionRestored => "lesson_revision_restored",
            AuditAction::InvoiceIssued => "invoice_issued",
            AuditAction::CreditNoteIssued => "credit_note_issued",
            AuditAction::InvoicePaymentRecorded => "invoice_payment_recorded",
            AuditAction::InvoiceChangeRefused => "invoice_change_refused",
            AuditAction::SellerEdited => "seller_edited",
            AuditAction::InvoicesExported => "invoices_exported",
            AuditAction::ContactsImported => "contacts_imported",
            AuditAction::ContactsExported => "contacts_exported",
            AuditAction::NewsletterSent => "newsletter_sent",
            AuditAction::NewsletterScheduled => "newsletter_scheduled",
            AuditAction::NewsletterCancelled => "newsletter_cancelled",
            AuditAction::NewsletterSettingsChanged => "newsletter_settings_changed",
            AuditAction::DonationRecorded => "donation_recorded",
            AuditAction::DonationsExported => "donations_exported",
            AuditAction::TaxReceiptIssued => "tax_receipt_issued",
            AuditAction::MembersExported => "members_exported",
            AuditAction::CentreProfileSaved => "centre_profile_saved",
            AuditAction::SpaceSaved => "space_saved",
            AuditAction::BookingCancelled => "booking_cancelled",
            AuditAction::EquipmentTransferred => "equipment_transferred",
            AuditAction::EquipmentExported => "equipment_exported",
            AuditAction::PlanVersionSaved => "plan_version_saved",
            AuditAction::ChecklistTickRefused => "checklist_tick_refused",
            AuditAction::IncidentReported => "incident_reported",
            AuditAction::RaciChanged => "raci_changed",
            AuditAction::InKindTransferred => "in_kind_transferred",
            AuditAction::OpeningTemplateEdited => "opening_template_edited",
            AuditAction::LicenceVersionWritten => "licence_version_written",
            AuditAction::LicenceGranted => "licence_granted",
            AuditAction::LicenceStatusChanged => "licence_status_changed",
            AuditAction::ContractWritten => "contract_written",
            AuditAction::ContractSent => "contract_sent",
            AuditAction::ContractSigned => "contract_signed",
            AuditAction::ContractSignatureRefused => "contract_signature_refused",
            AuditAction::RoyaltyStatementMade => "royalty_statement_made",
            AuditAction::RoyaltyInvoiced => "royalty_invoiced",
            AuditAction::ReferralSelfUse => "referral_self_use",
            AuditAction::AmbassadorSettingsChanged => "ambassador_settings_changed",
            AuditAction::PartnerChanged => "partner_changed",
            AuditAction::KitChanged => "kit_changed",
            AuditAction::KitTaken => "kit_taken",
            AuditAction::CentreLaunch => "centre_launch",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        AuditAction::ALL.into_iter().find(|a| a.code() == code)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Entry<'a> {
    pub actor_id: Option<i64>,
    pub centre_id: Option<i64>,
    pub subject_id: Option<i64>,
    /// A short, non-personal detail (a role code, a job id…).
    pub detail: &'a str,
}

impl Entry<'_> {
    /// An action a person did on their own account (sign-in, password change, export…).
    pub fn about_self(user_id: i64) -> Self {
        Entry {
            actor_id: Some(user_id),
            subject_id: Some(user_id),
            ..Entry::default()
        }
    }
}

/// Records an action, on the pool or inside the transaction that made the change.
pub async fn record<'e>(
    ex: impl Into<Exec<'e>>,
    action: AuditAction,
    entry: Entry<'_>,
) -> Result<()> {
    let sql = "INSERT INTO audit_log (at, actor_id, centre_id, action, subject_id, detail) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    on_exec!(ex.into(), e => sqlx::query(sql)
        .bind(now())
        .bind(entry.actor_id)
        .bind(entry.centre_id)
        .bind(action.code())
        .bind(entry.subject_id)
        .bind(entry.detail)
        .execute(e)
        .await?.rows_affected());
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub action: String,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub centre_id: Option<i64>,
    pub centre_name: Option<String>,
    pub subject_id: Option<i64>,
    pub subject_name: Option<String>,
    pub detail: String,
}

/// The newest entries, of one centre (a centre manager's view) or of the whole network.
/// Entries of a user's own account (sign-ins) belong to the centres where the user is a member.
pub async fn list(db: &Db, centre: Option<i64>, limit: i64, offset: i64) -> Result<Vec<AuditRow>> {
    const SELECT: &str = "SELECT a.id, a.at, a.action, a.actor_id, ua.display_name AS actor_name, \
         a.centre_id, c.name AS centre_name, a.subject_id, us.display_name AS subject_name, a.detail \
         FROM audit_log a LEFT JOIN users ua ON ua.id = a.actor_id \
         LEFT JOIN users us ON us.id = a.subject_id LEFT JOIN centres c ON c.id = a.centre_id";
    Ok(match centre {
        Some(centre) => {
            let sql = format!(
                "{SELECT} WHERE a.centre_id = $1 OR (a.centre_id IS NULL AND EXISTS (SELECT 1 FROM memberships m \
                 WHERE m.centre_id = $1 AND m.user_id IN (a.actor_id, a.subject_id))) \
                 ORDER BY a.id DESC LIMIT $2 OFFSET $3"
            );
            on_db!(db, pool => sqlx::query_as(&sql).bind(centre).bind(limit).bind(offset).fetch_all(pool).await?)
        }
        None => {
            let sql = format!("{SELECT} ORDER BY a.id DESC LIMIT $1 OFFSET $2");
            on_db!(db, pool => sqlx::query_as(&sql).bind(limit).bind(offset).fetch_all(pool).await?)
        }
    })
}

/// Entries about one user, for their data export.
pub async fn for_user(db: &Db, user_id: i64) -> Result<Vec<(i64, String, String)>> {
    let sql = "SELECT at, action, detail FROM audit_log WHERE actor_id = $1 OR subject_id = $1 ORDER BY id";
    Ok(on_db!(db, pool => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await?))
}
