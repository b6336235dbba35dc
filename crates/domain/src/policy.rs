//! The one authorization policy: every handler asks `Actor::can` before it reads or writes.
//! Centres never see each other's data; only network admins act across the network.
use crate::Role;

pub type CentreId = i64;
pub type UserId = i64;

/// Who is asking: a signed-in user with their memberships, or a visitor (no memberships).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub memberships: Vec<(CentreId, Role)>,
}

/// What is being acted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole network (centres list, job queue, outbox, network audit).
    Network,
    /// One centre's own data.
    Centre(CentreId),
    /// One project, with the asker's relation to it.
    Project {
        centre: CentreId,
        member: bool,
        follower: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // Network
    CreateCentre,
    ListAllCentres,
    ManageJobs,
    ViewOutbox,
    /// Read the impact report: on a centre, that centre's projects; on the network, every
    /// centre's (with a centre filter).
    ViewImpactReport,
    /// Record the network's yearly review and the next year's objectives.
    RecordNetworkReview,
    /// Publishing new versions of the diagnostics' definitions.
    ManageDiagnostics,
    /// The anonymised statistics of the diagnostics: on a centre, its own responses; on the
    /// network, everyone's (visitors' included).
    ViewDiagnosticStats,
    /// Write, schedule, publish and delete the public content (pages, blog, podcast, case
    /// studies, guides).
    ManageContent,
    /// See and work a centre's leads (pioneers, event registrations, campaigns); on the network
    /// scope, everyone's.
    ManageLeads,
    /// Create and edit a centre's events and workshops.
    ManageEvents,
    /// Edit the public site: landing texts, events, the pioneers goal.
    ManageSite,
    // Centre
    ViewCentre,
    /// Change a centre's own plans (its roadmap, settings).
    ManageCentre,
    ManageMembers,
    ViewAuditLog,
    ListProjects,
    CreateProject,
    /// Put a centre member on a project (participant or coach) or take them off it.
    AssignPeople,
    // Network, for any signed-in person
    /// Join the studio as a participant to start a first project (someone with no centre yet).
    JoinStudio,
    // Project
    ViewProject,
    EditProject,
    /// Answer a project's self-diagnostic: its holders (and the centre's managers), not the
    /// coaches who read the results.
    AnswerDiagnostic,
    CoachProject,
    // Learning
    /// Follow courses and paths (any signed-in person, on the network scope).
    Learn,
    /// Write, reorder, preview and publish courses and paths: the network's (network scope,
    /// the network team) or a centre's own (centre scope, its managers).
    ManageLearning,
    /// See a centre's learners' progress, quiz results and time spent, and export them.
    FollowLearning,
    // CRM
    /// See and work a centre's contacts, organisations, interactions, prospecting pipeline,
    /// imports and segments; on the network scope, every centre's.
    ManageContacts,
    // Invoices
    /// Set a centre's seller identity, write quotes, issue invoices and credit notes, record
    /// payments, export the sales journal.
    ManageInvoices,
    // Forecasts
    /// See and change a centre's own budget (its forecast, not its projects'): its managers.
    ManageCentreForecast,
    /// The network's summary of every centre's budget: the network team.
    ViewNetworkForecasts,
    // Memberships and donations
    /// Define a centre's membership plans, see its members and export them.
    ManageMemberships,
    /// Record a centre's donations, list and export them, issue its tax receipts.
    ManageDonations,
    // The place
    /// Edit a centre's profile, hours, closures and spaces, see who booked, cancel anyone's
    /// booking and read the occupancy report: its managers.
    ManagePlace,
    /// Ask to book a centre's space (anyone signed in: each space's rules then say who may).
    BookSpace,
    // Equipment and plans
    /// Keep a centre's equipment inventory and send its lines to the centre's budget.
    ManageEquipment,
    /// Edit the network's standard equipment list that every centre's inventory starts from.
    ManageStandardEquipment,
    /// Draw a centre's layout plan and keep its versions.
    ManagePlan,
    /// See a centre's layout plan read-only (its coaches too; the network team shows it to a
    /// future licensee).
    ViewPlan,
    // Running a centre
    /// Read a centre's procedures, checklists with their history, incidents, team and opening
    /// plan, and report an incident: its coaches and managers.
    ViewOperations,
    /// Tick a centre's checklist items: its coaches and managers.
    TickChecklist,
    /// Write a centre's procedures, checklists, responsibility matrix, volunteers and hours,
    /// close incidents, start and tick its opening plan: its managers.
    ManageOperations,
    /// Edit the network's opening plan template: the network team.
    EditOpeningTemplate,
    // Licences and contracts
    /// Write licence models (new versions), grant, suspend and resume centres' licences, write
    /// and send their contracts, sign them for the network, make royalty statements and invoice
    /// them: the network team.
    ManageLicences,
    /// Read a centre's licence, contracts and royalty statements: its managers.
    ViewLicence,
    /// Sign a contract for the licensee centre: its own managers only, never the network team
    /// (a party does not sign for the other).
    SignForCentre,
    // The deployment kit
    /// Write the kit's next version and publish it, see which version each centre holds: the
    /// network team.
    ManageKit,
    /// Read the kit a centre holds and what a newer version changes: its coaches and managers
    /// (the centre's licence decides too: `domain::kit::may_read`).
    ViewKit,
    /// Take a newer kit version's changes into the centre's copy: its managers.
    TakeKit,
    // The network
    /// Have a referral link and see one's own results as an ambassador of a centre: its
    /// ambassadors.
    Refer,
    /// Define the ambassadors' tiers and rewards, turn the leaderboard on or off, see every
    /// ambassador's results: the network team.
    ManageAmbassadors,
    /// The partners' selection grid, the organisations weighed on it, the chosen partners'
    /// agreements and what they bring: the network team.
    ManagePartners,
    /// The network dashboard: every centre's figures side by side, the pilot over time.
    ViewNetworkDashboard,
    /// A centre's year's review and next year's objectives: its managers.
    ReviewCentreYear,
}

impl Action {
    pub const ALL: [Action; 54] = [
        Action::CreateCentre,
        Action::ListAllCentres,
        Action::ManageJobs,
        Action::ViewOutbox,
        Action::ViewImpactReport,
        Action::RecordNetworkReview,
        Action::ManageDiagnostics,
        Action::ViewDiagnosticStats,
        Action::ManageContent,
        Action::ManageLeads,
        Action::ManageEvents,
        Action::ManageSite,
        Action::ViewCentre,
        Action::ManageCentre,
        Action::ManageMembers,
        Action::ViewAuditLog,
        Action::ListProjects,
        Action::CreateProject,
        Action::AssignPeople,
        Action::JoinStudio,
        Action::ViewProject,
        Action::EditProject,
        Action::AnswerDiagnostic,
        Action::CoachProject,
        Action::Learn,
        Action::ManageLearning,
        Action::FollowLearning,
        Action::ManageContacts,
        Action::ManageInvoices,
        Action::ManageCentreForecast,
        Action::ViewNetworkForecasts,
        Action::ManageMemberships,
        Action::ManageDonations,
        Action::ManagePlace,
        Action::BookSpace,
        Action::ManageEquipment,
        Action::ManageStandardEquipment,
        Action::ManagePlan,
        Action::ViewPlan,
        Action::ViewOperations,
        Action::TickChecklist,
        Action::ManageOperations,
        Action::EditOpeningTemplate,
        Action::ManageLicences,
        Action::ViewLicence,
        Action::SignForCentre,
        Action::ManageKit,
        Action::ViewKit,
        Action::TakeKit,
        Action::Refer,
        Action::ManageAmbassadors,
        Action::ManagePartners,
        Action::ViewNetworkDashboard,
        Action::ReviewCentreYear,
    ];
}

impl Actor {
    pub fn visitor() -> Self {
        Actor::default()
    }

    pub fn is_network_admin(&self) -> bool {
        self.memberships
            .iter()
            .any(|(_, r)| *r == Role::NetworkAdmin)
    }

    /// The roles held in one centre.
    pub fn roles_in(&self, centre: CentreId) -> impl Iterator<Item = Role> + '_ {
        self.memberships
            .iter()
            .filter(move |(c, _)| *c == centre)
            .map(|(_, r)| *r)
    }

    fn has_in(&self, centre: CentreId, wanted: &[Role]) -> bool {
        self.roles_in(centre).any(|r| wanted.contains(&r))
    }

    /// The highest role held anywhere, which decides the navigation shown.
    pub fn main_role(&self) -> Role {
        self.memberships
            .iter()
            .map(|(_, r)| *r)
            .max()
            .unwrap_or(if self.user_id.is_some() {
                Role::Participant
            } else {
                Role::Visitor
            })
    }

    /// Decides whether this actor may do `action` on `scope`.
    pub fn can(&self, action: Action, scope: Scope) -> bool {
        if self.user_id.is_none() {
            return false;
        }
        // The licensee's signature is its managers' own, whatever else the signer may do.
        if let (Action::SignForCentre, Scope::Centre(c)) = (action, scope) {
            return self.has_in(c, &[Role::CentreManager]);
        }
        if self.is_network_admin() {
            return true;
        }
        use Action::*;
        use Role::*;
        match (action, scope) {
            (
                CreateCentre
                | ListAllCentres
                | ManageJobs
                | ViewOutbox
                | RecordNetworkReview
                | ManageDiagnostics
                | ManageContent
                | ManageSite
                | ViewNetworkForecasts
                | ManageStandardEquipment
                | EditOpeningTemplate
                | ManageLicences
                | ManageAmbassadors
                | ManagePartners
                | ManageKit
                | ViewNetworkDashboard,
                _,
            ) => false,
            (ViewKit, Scope::Centre(c)) => self.has_in(c, &[Coach, CentreManager]),
            (TakeKit, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (ManageEquipment | ManagePlan, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (ViewPlan, Scope::Centre(c)) => self.has_in(c, &[Coach, CentreManager]),
            (ViewOperations | TickChecklist, Scope::Centre(c)) => {
                self.has_in(c, &[Coach, CentreManager])
            }
            (ManageOperations, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (ViewLicence, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (Refer, Scope::Centre(c)) => self.has_in(c, &[Ambassador]),
            (ReviewCentreYear, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (
                ManageLeads | ManageEvents | ViewImpactReport | ViewDiagnosticStats,
                Scope::Centre(c),
            ) => self.has_in(c, &[CentreManager]),
            (ViewCentre | CreateProject, Scope::Centre(c)) => {
                self.has_in(c, &[Participant, Ambassador, Coach, CentreManager])
            }
            (JoinStudio | Learn, Scope::Network) => true,
            (ManageLearning, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (FollowLearning, Scope::Centre(c)) => self.has_in(c, &[Coach, CentreManager]),
            (ManageContacts, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (ManageInvoices, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (ManageCentreForecast, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            (ManagePlace, Scope::Centre(c)) => self.has_in(c, &[CentreManager]),
            // Who may book a space is the space's rule (`domain::booking::Audience`).
            (BookSpace, Scope::Centre(_)) => true,
            (ManageMemberships | ManageDonations, Scope::Centre(c)) => {
                self.has_in(c, &[CentreManager])
            }
            (ManageCentre | ManageMembers | ViewAuditLog | AssignPeople, Scope::Centre(c)) => {
                self.has_in(c, &[CentreManager])
            }
            (ListProjects, Scope::Centre(c)) => self.has_in(c, &[Coach, CentreManager]),
            (
                ViewProject,
                Scope::Project {
                    centre,
                    member,
                    follower,
                },
            ) => {
                // A project's members see it even without a role in its centre: a co-editor
                // invited by a participant is a guest of that one project.
                self.has_in(centre, &[CentreManager, Coach])
                    || member
                    || (follower && self.roles_in(centre).next().is_some())
            }
            // Coaches hold the pen on the projects they follow (in a workshop they often type).
            (
                EditProject,
                Scope::Project {
                    centre,
                    member,
                    follower,
                },
            ) => {
                self.has_in(centre, &[CentreManager])
                    || member
                    || (follower && self.has_in(centre, &[Coach]))
            }
            (AnswerDiagnostic, Scope::Project { centre, member, .. }) => {
                self.has_in(centre, &[CentreManager]) || member
            }
            (
                CoachProject,
                Scope::Project {
                    centre, follower, ..
                },
            ) => {
                self.has_in(centre, &[CentreManager]) || (follower && self.has_in(centre, &[Coach]))
            }
            _ => false,
        }
    }

    /// Whether this actor may give `role` to someone in `centre` (invitation or role change).
    pub fn can_grant(&self, role: Role, centre: CentreId) -> bool {
        match role {
            Role::Visitor => false,
            Role::NetworkAdmin => self.is_network_admin(),
            _ => self.can(Action::ManageMembers, Scope::Centre(centre)),
        }
    }
}
