//! Values the store keeps as short codes, read back as their domain types. Each implements
//! `TryFrom<String>`, so a store row decodes them with `#[sqlx(try_from = "String")]` and no
//! handler compares strings; an unknown code is an error that names it, never a silent default.
use crate::canvas::{Colour as NoteColour, ItemStatus};
use crate::centre::CentreKind;
use crate::content;
use crate::project::{Colour, Relation, Stage};
use crate::site::LeadStatus;
use crate::tracking::{TaskKind, TaskStatus};
use crate::{Locale, Role};

/// A stored code that no variant of its type has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown stored code {0:?}")]
pub struct UnknownCode(pub String);

macro_rules! stored_code {
    ($($t:ty => $parse:expr;)*) => {$(
        impl TryFrom<String> for $t {
            type Error = UnknownCode;
            fn try_from(code: String) -> Result<Self, UnknownCode> {
                let parse: fn(&str) -> Option<$t> = $parse;
                parse(&code).ok_or(UnknownCode(code))
            }
        }
    )*};
}

stored_code! {
    Stage => |c| Stage::parse(c).ok();
    Colour => |c| Colour::parse(c).ok();
    Role => |c| Role::parse_member(c).ok();
    Locale => |c| Locale::parse(c).ok();
    TaskKind => TaskKind::parse;
    TaskStatus => TaskStatus::parse;
    CentreKind => CentreKind::parse;
    content::Status => content::Status::parse;
    content::Kind => |c| content::Kind::parse(c).ok();
    NoteColour => |c| NoteColour::parse(c).ok();
    ItemStatus => |c| (!c.is_empty()).then(|| ItemStatus::parse(c).ok()).flatten();
    LeadStatus => |c| LeadStatus::parse(c).ok();
    crate::offer::Status => crate::offer::Status::parse;
}

/// A person's relation to a project, stored as `member`, `follower` or nothing (no row).
impl TryFrom<Option<String>> for Relation {
    type Error = UnknownCode;
    fn try_from(code: Option<String>) -> Result<Self, UnknownCode> {
        match code.as_deref() {
            None => Ok(Relation::Unrelated),
            Some("member") => Ok(Relation::Member),
            Some("follower") => Ok(Relation::Follower),
            Some(_) => Err(UnknownCode(code.unwrap_or_default())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_unknown_ones_are_named() {
        assert_eq!(Stage::try_from("spread".to_string()), Ok(Stage::Spread));
        assert_eq!(Role::try_from("coach".to_string()), Ok(Role::Coach));
        assert_eq!(
            Role::try_from("visitor".to_string()),
            Err(UnknownCode("visitor".into())),
            "a visitor is never stored"
        );
        assert_eq!(
            TaskStatus::try_from("later".to_string()),
            Err(UnknownCode("later".into()))
        );
        assert_eq!(Relation::try_from(None), Ok(Relation::Unrelated));
        assert_eq!(
            Relation::try_from(Some("follower".to_string())),
            Ok(Relation::Follower)
        );
        assert!(Relation::try_from(Some("boss".to_string())).is_err());
        assert_eq!(
            CentreKind::try_from("micro_centre".to_string()),
            Ok(CentreKind::MicroCentre)
        );
        assert_eq!(
            LeadStatus::try_from("pioneer".to_string()),
            Ok(LeadStatus::Pioneer)
        );
        assert!(LeadStatus::try_from("lost".to_string()).is_err());
        assert_eq!(Locale::try_from("en".to_string()), Ok(Locale::En));
        assert!(Locale::try_from("de".to_string()).is_err());
        assert_eq!(
            NoteColour::try_from("purple".to_string()),
            Ok(NoteColour::Purple)
        );
        assert_eq!(
            ItemStatus::try_from("validated".to_string()),
            Ok(ItemStatus::Validated)
        );
        assert!(
            ItemStatus::try_from(String::new()).is_err(),
            "an empty stored status is not read as a hypothesis"
        );
    }
}
