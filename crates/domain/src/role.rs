use crate::DomainError;
use serde::{Deserialize, Serialize};

/// The six roles of the platform. A user holds roles per centre (membership); `Visitor` is the
/// role of anyone not signed in and is never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Visitor,
    Participant,
    Ambassador,
    Coach,
    CentreManager,
    NetworkAdmin,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Visitor,
        Role::Participant,
        Role::Ambassador,
        Role::Coach,
        Role::CentreManager,
        Role::NetworkAdmin,
    ];
    /// Roles that can be held through a membership.
    pub const MEMBER_ROLES: [Role; 5] = [
        Role::Participant,
        Role::Ambassador,
        Role::Coach,
        Role::CentreManager,
        Role::NetworkAdmin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Visitor => "visitor",
            Role::Participant => "participant",
            Role::Ambassador => "ambassador",
            Role::Coach => "coach",
            Role::CentreManager => "centre_manager",
            Role::NetworkAdmin => "network_admin",
        }
    }

    pub fn parse(input: &str) -> Result<Self, DomainError> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == input.trim())
            .ok_or(DomainError::UnknownRole)
    }

    /// Parses a role that can be stored in a membership (not `visitor`).
    pub fn parse_member(input: &str) -> Result<Self, DomainError> {
        match Role::parse(input)? {
            Role::Visitor => Err(DomainError::UnknownRole),
            role => Ok(role),
        }
    }

    /// i18n key of the role's label (« accompagnateur·rice », …).
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Visitor => "role-visitor",
            Role::Participant => "role-participant",
            Role::Ambassador => "role-ambassador",
            Role::Coach => "role-coach",
            Role::CentreManager => "role-centre-manager",
            Role::NetworkAdmin => "role-network-admin",
        }
    }

    /// Staff roles run a centre or the network; they see pages participants don't.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Coach | Role::CentreManager | Role::NetworkAdmin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Ok(role));
        }
        assert!(Role::parse("admin").is_err());
        assert!(Role::parse_member("visitor").is_err());
    }
}
