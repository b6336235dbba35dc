//! What a centre is: the studio that heads the network, or a licensed micro-centre.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CentreKind {
    Studio,
    MicroCentre,
}

impl CentreKind {
    pub fn code(self) -> &'static str {
        match self {
            CentreKind::Studio => "studio",
            CentreKind::MicroCentre => "micro_centre",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "studio" => Some(CentreKind::Studio),
            "micro_centre" => Some(CentreKind::MicroCentre),
            _ => None,
        }
    }

    /// i18n key of the kind's label.
    pub fn label_key(self) -> &'static str {
        match self {
            CentreKind::Studio => "centre-kind-studio",
            CentreKind::MicroCentre => "centre-kind-micro",
        }
    }
}
