//! Every role × action × same/other centre, with the project relations that matter.
//! The table is written by hand from DESIGN.md's roles, independently of the policy code.
use domain::{Action, Actor, Role, Scope};

const SAME: i64 = 1;
const OTHER: i64 = 2;

#[derive(Clone, Copy, Debug)]
enum Rel {
    None,
    Member,
    Follower,
}

fn actor(role: Role) -> Actor {
    match role {
        Role::Visitor => Actor::visitor(),
        r => Actor {
            user_id: Some(7),
            memberships: vec![(SAME, r)],
        },
    }
}

fn scope(action: Action, centre: i64, rel: Rel) -> Scope {
    use Action::*;
    match action {
        CreateCentre
        | ListAllCentres
        | ManageJobs
        | ViewOutbox
        | RecordNetworkReview
        | ManageDiagnostics
        | ManageContent
        | ManageSite
        | JoinStudio
        | Learn
        | ViewNetworkForecasts
        | ManageStandardEquipment
        | EditOpeningTemplate
        | ManageLicences
        | ManageAmbassadors
        | ManagePartners
        | ManageKit
        | ViewNetworkDashboard => Scope::Network,
        ViewProject | EditProject | AnswerDiagnostic | CoachProject => Scope::Project {
            centre,
            member: matches!(rel, Rel::Member),
            follower: matches!(rel, Rel::Follower),
        },
        _ => Scope::Centre(centre),
    }
}

/// Roles allowed in the same centre, then in another centre. Letters: V visitor, P participant,
/// A ambassador, C coach, M centre manager, N network admin.
fn expected(action: Action, rel: Rel) -> (&'static str, &'static str) {
    use Action::*;
    match (action, rel) {
        (
            CreateCentre | ListAllCentres | ManageJobs | ViewOutbox | RecordNetworkReview
            | ManageDiagnostics | ManageContent | ManageSite,
            _,
        ) => ("N", "N"),
        // A centre's managers work its leads and events and read its impact report and
        // diagnostic statistics, not another centre's.
        (ManageLeads | ManageEvents | ViewImpactReport | ViewDiagnosticStats, _) => ("MN", "N"),
        (ViewCentre | CreateProject, _) => ("PACMN", "N"),
        (JoinStudio, _) => ("PACMN", "PACMN"),
        // Anyone signed in learns; a centre's managers write its own courses, its coaches and
        // managers follow its learners.
        (Learn, _) => ("PACMN", "PACMN"),
        (ManageLearning, _) => ("MN", "N"),
        (FollowLearning, _) => ("CMN", "N"),
        // A centre's managers work its contacts, pipeline and segments, not another centre's.
        (ManageContacts, _) => ("MN", "N"),
        // A centre's managers invoice for it, not another centre's.
        (ManageInvoices, _) => ("MN", "N"),
        // A centre's managers keep its own budget; the network team reads every centre's.
        (ManageCentreForecast, _) => ("MN", "N"),
        (ViewNetworkForecasts, _) => ("N", "N"),
        // An ambassador of a centre refers for it; the network team sets the tiers and sees
        // every ambassador, and alone reads the network dashboard.
        (Refer, _) => ("AN", "N"),
        (ManageAmbassadors | ViewNetworkDashboard, _) => ("N", "N"),
        // The network team weighs and chooses the partners; no centre sees the grid.
        (ManagePartners, _) => ("N", "N"),
        // A centre's managers review their own centre's year, not another's.
        (ReviewCentreYear, _) => ("MN", "N"),
        // A centre's managers keep its members and donations, not another centre's.
        (ManageMemberships | ManageDonations, _) => ("MN", "N"),
        // A centre's managers keep its place; anyone signed in may ask to book (the space's
        // rules say who may).
        (ManagePlace, _) => ("MN", "N"),
        (BookSpace, _) => ("PACMN", "PACMN"),
        // A centre's managers keep its equipment; the network team edits the standard list.
        (ManageEquipment, _) => ("MN", "N"),
        (ManageStandardEquipment, _) => ("N", "N"),
        // A centre's managers draw its plan; its coaches see it; the network team shows it.
        (ManagePlan, _) => ("MN", "N"),
        (ViewPlan, _) => ("CMN", "N"),
        // The network team runs the licences; a centre's managers read their own licence and
        // sign its contracts, which nobody else may sign for them (not even the network team).
        (ManageLicences, _) => ("N", "N"),
        (ViewLicence, _) => ("MN", "N"),
        (SignForCentre, _) => ("M", ""),
        // The network team writes and publishes the kit; a centre's coaches and managers read
        // the kit their centre holds, its managers take a new version (never another centre's).
        (ManageKit, _) => ("N", "N"),
        (ViewKit, _) => ("CMN", "N"),
        (TakeKit, _) => ("MN", "N"),
        (ManageCentre | ManageMembers | ViewAuditLog | AssignPeople, _) => ("MN", "N"),
        (ListProjects, _) => ("CMN", "N"),
        // A centre's coaches and managers read its procedures and tick its checklists (never
        // another centre's); its managers write them; the network team edits the opening template.
        (ViewOperations | TickChecklist, _) => ("CMN", "N"),
        (ManageOperations, _) => ("MN", "N"),
        (EditOpeningTemplate, _) => ("N", "N"),
        (ViewProject, Rel::None) => ("CMN", "N"),
        // A member of a project sees and edits it even from another centre: a project guest.
        (ViewProject | EditProject | AnswerDiagnostic, Rel::Member) => ("PACMN", "PACMN"),
        (AnswerDiagnostic, Rel::None | Rel::Follower) => ("MN", "N"),
        (ViewProject, Rel::Follower) => ("PACMN", "N"),
        (EditProject, Rel::None) => ("MN", "N"),
        (EditProject, Rel::Follower) => ("CMN", "N"),
        (CoachProject, Rel::None | Rel::Member) => ("MN", "N"),
        (CoachProject, Rel::Follower) => ("CMN", "N"),
    }
}

fn letter(role: Role) -> char {
    match role {
        Role::Visitor => 'V',
        Role::Participant => 'P',
        Role::Ambassador => 'A',
        Role::Coach => 'C',
        Role::CentreManager => 'M',
        Role::NetworkAdmin => 'N',
    }
}

#[test]
fn every_role_action_and_centre() {
    let mut checked = 0;
    for role in Role::ALL {
        for action in Action::ALL {
            for rel in [Rel::None, Rel::Member, Rel::Follower] {
                let (same, other) = expected(action, rel);
                let a = actor(role);
                for (centre, allowed) in [(SAME, same), (OTHER, other)] {
                    let want = allowed.contains(letter(role));
                    let got = a.can(action, scope(action, centre, rel));
                    assert_eq!(got, want, "{role:?} {action:?} {rel:?} centre {centre}");
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 6 * Action::ALL.len() * 3 * 2);
}

#[test]
fn a_project_guest_reaches_that_project_only() {
    // Invited by a participant to co-edit, with no role in any centre.
    let guest = Actor {
        user_id: Some(9),
        memberships: vec![],
    };
    let member = Scope::Project {
        centre: SAME,
        member: true,
        follower: false,
    };
    let stranger = Scope::Project {
        centre: SAME,
        member: false,
        follower: false,
    };
    assert!(guest.can(Action::ViewProject, member));
    assert!(guest.can(Action::EditProject, member));
    assert!(!guest.can(Action::CoachProject, member));
    assert!(!guest.can(Action::ViewProject, stranger));
    assert!(!guest.can(Action::ViewCentre, Scope::Centre(SAME)));
    assert!(!guest.can(Action::CreateProject, Scope::Centre(SAME)));
    assert!(guest.can(Action::JoinStudio, Scope::Network));
    assert!(!Actor::visitor().can(Action::JoinStudio, Scope::Network));
    // A coach who no longer holds the role in the centre loses the projects they followed.
    let former = Actor {
        user_id: Some(3),
        memberships: vec![(SAME, Role::Participant)],
    };
    let followed = Scope::Project {
        centre: SAME,
        member: false,
        follower: true,
    };
    assert!(!former.can(Action::EditProject, followed));
}

#[test]
fn granting_roles() {
    let manager = actor(Role::CentreManager);
    assert!(manager.can_grant(Role::Coach, SAME));
    assert!(manager.can_grant(Role::CentreManager, SAME));
    assert!(!manager.can_grant(Role::NetworkAdmin, SAME));
    assert!(!manager.can_grant(Role::Coach, OTHER));
    assert!(!manager.can_grant(Role::Visitor, SAME));
    let admin = actor(Role::NetworkAdmin);
    assert!(admin.can_grant(Role::NetworkAdmin, OTHER));
    for role in [Role::Participant, Role::Ambassador, Role::Coach] {
        assert!(!actor(role).can_grant(Role::Participant, SAME));
    }
}

#[test]
fn main_role_is_the_highest() {
    let a = Actor {
        user_id: Some(1),
        memberships: vec![(1, Role::Participant), (2, Role::Coach)],
    };
    assert_eq!(a.main_role(), Role::Coach);
    assert_eq!(Actor::visitor().main_role(), Role::Visitor);
}
