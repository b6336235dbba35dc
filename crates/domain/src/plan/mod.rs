//! A centre's layout plan (issue 20): the building's outline and the shapes drawn in it, to
//! scale, in whole centimetres on a grid. Rooms are rectangles or polygons; walls, doors, zones
//! and items (furniture, or equipment from the inventory) are rectangles. The plan is kept as
//! JSON and checked whole (`Plan::check`): a shape outside the building, a room with too few
//! corners, a label too long… each refused with the shape and the field it concerns. The SVG is
//! drawn from it by `svg::render`, a pure function.
use serde::{Deserialize, Serialize};

pub mod svg;

/// The smallest and largest side of a building (1 m to 1 km), in centimetres.
pub const MIN_SIDE_CM: i64 = 100;
pub const MAX_SIDE_CM: i64 = 100_000;
/// The most shapes a plan holds.
pub const MAX_SHAPES: usize = 500;
/// The most corners of a polygon room.
pub const MAX_POINTS: usize = 64;
/// The longest label.
pub const MAX_LABEL: usize = 80;
/// The grid step a new plan snaps to (10 cm).
pub const DEFAULT_GRID_CM: i64 = 10;

/// What a shape stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Room,
    Wall,
    Door,
    Zone,
    Item,
}

impl Kind {
    pub const ALL: [Kind; 5] = [Kind::Room, Kind::Wall, Kind::Door, Kind::Zone, Kind::Item];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Room => "room",
            Kind::Wall => "wall",
            Kind::Door => "door",
            Kind::Zone => "zone",
            Kind::Item => "item",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Kind::Room => "plan-kind-room",
            Kind::Wall => "plan-kind-wall",
            Kind::Door => "plan-kind-door",
            Kind::Zone => "plan-kind-zone",
            Kind::Item => "plan-kind-item",
        }
    }
}

/// One shape: a rectangle (x, y, w, h, from the building's top-left corner) or, for a room, a
/// polygon (`points`, when not empty; x, y, w, h are then its bounding box).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shape {
    pub id: u32,
    pub kind: Kind,
    #[serde(default)]
    pub label: String,
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<(i64, i64)>,
    /// The inventory line an item stands for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment_id: Option<i64>,
}

/// The building (its outer size) and what is drawn in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub width_cm: i64,
    pub height_cm: i64,
    #[serde(default = "default_grid")]
    pub grid_cm: i64,
    #[serde(default)]
    pub shapes: Vec<Shape>,
}

fn default_grid() -> i64 {
    DEFAULT_GRID_CM
}

/// Which field of the plan or of a shape was refused, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a plan (the JSON does not read).
    Unreadable,
    /// The building's side is below 1 m or above 1 km.
    BuildingSize,
    Grid,
    TooManyShapes,
    /// Two shapes share an id.
    DuplicateId,
    LabelTooLong,
    /// A width or height below 1 cm.
    Size,
    /// The shape (or a corner of it) lies outside the building.
    OutsideBuilding,
    /// A polygon with fewer than 3 or more than `MAX_POINTS` corners, or on a shape not a room.
    Points,
}

impl Problem {
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::Unreadable => "plan-error-unreadable",
            Problem::BuildingSize => "plan-error-building-size",
            Problem::Grid => "plan-error-grid",
            Problem::TooManyShapes => "plan-error-too-many",
            Problem::DuplicateId => "plan-error-duplicate",
            Problem::LabelTooLong => "plan-error-label",
            Problem::Size => "plan-error-size",
            Problem::OutsideBuilding => "plan-error-outside",
            Problem::Points => "plan-error-points",
        }
    }
}

/// A refusal: the problem, the shape's id when a shape is at fault, and the field to show it
/// beside (`width`, `x`, `w`, `label`, `points`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanError {
    pub problem: Problem,
    pub shape: Option<u32>,
    pub field: &'static str,
}

impl PlanError {
    fn plan(problem: Problem, field: &'static str) -> Self {
        PlanError {
            problem,
            shape: None,
            field,
        }
    }
    fn shape(problem: Problem, id: u32, field: &'static str) -> Self {
        PlanError {
            problem,
            shape: Some(id),
            field,
        }
    }
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.shape {
            Some(id) => write!(f, "shape {id}: {}: {:?}", self.field, self.problem),
            None => write!(f, "{}: {:?}", self.field, self.problem),
        }
    }
}

impl Plan {
    /// An empty building of `width_cm` × `height_cm`.
    pub fn new(width_cm: i64, height_cm: i64) -> Plan {
        Plan {
            width_cm,
            height_cm,
            grid_cm: DEFAULT_GRID_CM,
            shapes: Vec::new(),
        }
    }

    /// Reads and checks a plan kept as JSON.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        let plan: Plan = serde_json::from_str(text)
            .map_err(|_| PlanError::plan(Problem::Unreadable, "document"))?;
        plan.check()?;
        Ok(plan)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks the whole plan; the first refusal found.
    pub fn check(&self) -> Result<(), PlanError> {
        for (field, side) in [("width", self.width_cm), ("height", self.height_cm)] {
            if !(MIN_SIDE_CM..=MAX_SIDE_CM).contains(&side) {
                return Err(PlanError::plan(Problem::BuildingSize, field));
            }
        }
        if !(1..=100).contains(&self.grid_cm) {
            return Err(PlanError::plan(Problem::Grid, "grid"));
        }
        if self.shapes.len() > MAX_SHAPES {
            return Err(PlanError::plan(Problem::TooManyShapes, "shapes"));
        }
        let mut ids: Vec<u32> = self.shapes.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(PlanError::plan(Problem::DuplicateId, "shapes"));
        }
        self.shapes.iter().try_for_each(|s| self.check_shape(s))
    }

    /// Checks one shape against the building.
    pub fn check_shape(&self, s: &Shape) -> Result<(), PlanError> {
        if s.label.chars().count() > MAX_LABEL {
            return Err(PlanError::shape(Problem::LabelTooLong, s.id, "label"));
        }
        if !s.points.is_empty() {
            if s.kind != Kind::Room || s.points.len() < 3 || s.points.len() > MAX_POINTS {
                return Err(PlanError::shape(Problem::Points, s.id, "points"));
            }
            let inside = s.points.iter().all(|&(x, y)| {
                (0..=self.width_cm).contains(&x) && (0..=self.height_cm).contains(&y)
            });
            if !inside {
                return Err(PlanError::shape(Problem::OutsideBuilding, s.id, "points"));
            }
            return Ok(());
        }
        for (field, v) in [("w", s.w), ("h", s.h)] {
            if v < 1 {
                return Err(PlanError::shape(Problem::Size, s.id, field));
            }
        }
        let fits =
            |start: i64, len: i64, side: i64| start >= 0 && start.saturating_add(len) <= side;
        if !fits(s.x, s.w, self.width_cm) {
            let field = if s.x < 0 { "x" } else { "w" };
            return Err(PlanError::shape(Problem::OutsideBuilding, s.id, field));
        }
        if !fits(s.y, s.h, self.height_cm) {
            let field = if s.y < 0 { "y" } else { "h" };
            return Err(PlanError::shape(Problem::OutsideBuilding, s.id, field));
        }
        Ok(())
    }

    /// The next free shape id.
    pub fn next_id(&self) -> u32 {
        self.shapes.iter().map(|s| s.id).max().unwrap_or(0) + 1
    }

    pub fn shape(&self, id: u32) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.id == id)
    }

    /// Adds a shape (given the next id), checked; the plan is unchanged when refused.
    pub fn add(&mut self, mut shape: Shape) -> Result<u32, PlanError> {
        if self.shapes.len() >= MAX_SHAPES {
            return Err(PlanError::plan(Problem::TooManyShapes, "shapes"));
        }
        shape.id = self.next_id();
        normalise(&mut shape);
        self.check_shape(&shape)?;
        let id = shape.id;
        self.shapes.push(shape);
        Ok(id)
    }

    /// Replaces a shape (same id), checked; `Ok(false)` when there is no such shape.
    pub fn replace(&mut self, mut shape: Shape) -> Result<bool, PlanError> {
        normalise(&mut shape);
        self.check_shape(&shape)?;
        match self.shapes.iter_mut().find(|s| s.id == shape.id) {
            Some(s) => {
                *s = shape;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Removes a shape; whether it was there.
    pub fn remove(&mut self, id: u32) -> bool {
        let before = self.shapes.len();
        self.shapes.retain(|s| s.id != id);
        self.shapes.len() != before
    }

    /// Changes the building's size, refused when a shape would fall outside it.
    pub fn resize(&mut self, width_cm: i64, height_cm: i64) -> Result<(), PlanError> {
        let mut next = self.clone();
        next.width_cm = width_cm;
        next.height_cm = height_cm;
        next.check()?;
        *self = next;
        Ok(())
    }
}

/// A polygon room's bounding box follows its corners.
fn normalise(s: &mut Shape) {
    s.label = s.label.trim().to_string();
    if s.points.is_empty() {
        return;
    }
    let xs = s.points.iter().map(|p| p.0);
    let ys = s.points.iter().map(|p| p.1);
    let (x0, x1) = (xs.clone().min().unwrap_or(0), xs.max().unwrap_or(0));
    let (y0, y1) = (ys.clone().min().unwrap_or(0), ys.max().unwrap_or(0));
    s.x = x0;
    s.y = y0;
    s.w = (x1 - x0).max(1);
    s.h = (y1 - y0).max(1);
}

/// Reads corners typed as « 0,0 400,0 400,300 0,300 » (centimetres, spaces or `;` between
/// corners); None when a corner does not read.
pub fn parse_points(text: &str) -> Option<Vec<(i64, i64)>> {
    text.split(|c: char| c.is_whitespace() || c == ';')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (x, y) = p.split_once(',')?;
            Some((x.trim().parse().ok()?, y.trim().parse().ok()?))
        })
        .collect()
}

/// Corners written back the way `parse_points` reads them.
pub fn points_text(points: &[(i64, i64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A length typed in centimetres (a whole number, may be negative: the check says if it fits).
pub fn parse_cm(text: &str) -> Option<i64> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| v.abs() <= MAX_SIDE_CM * 2)
}

/// The print scales offered (1:50, 1:100).
pub const SCALES: [u32; 2] = [50, 100];

/// The drawing's size on paper at 1:`scale`, in millimetres (1 cm of building = 10 mm ÷ scale).
pub fn paper_mm(plan: &Plan, scale: u32) -> (f64, f64) {
    let k = 10.0 / f64::from(scale.max(1));
    (plan.width_cm as f64 * k, plan.height_cm as f64 * k)
}

/// A plan of `n` shapes spread over a building, for benchmarks and tests.
pub fn sample(n: usize) -> Plan {
    let mut plan = Plan::new(3_000, 2_000);
    for i in 0..n.min(MAX_SHAPES) {
        let kind = Kind::ALL[i % Kind::ALL.len()];
        let col = (i % 20) as i64;
        let row = (i / 20) as i64;
        plan.shapes.push(Shape {
            id: i as u32 + 1,
            kind,
            label: format!("{} {}", kind.code(), i + 1),
            x: col * 140 + 10,
            y: row * 75 + 10,
            w: 120,
            h: 60,
            points: Vec::new(),
            equipment_id: None,
        });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(x: i64, y: i64, w: i64, h: i64) -> Shape {
        Shape {
            id: 0,
            kind: Kind::Room,
            label: "Atelier".into(),
            x,
            y,
            w,
            h,
            points: Vec::new(),
            equipment_id: None,
        }
    }

    #[test]
    fn a_room_outside_the_building_is_refused_with_its_field() {
        let mut plan = Plan::new(1_000, 800);
        assert_eq!(plan.add(room(0, 0, 400, 300)), Ok(1));
        let e = plan.add(room(700, 0, 400, 300)).unwrap_err();
        assert_eq!(
            (e.problem, e.field, e.shape),
            (Problem::OutsideBuilding, "w", Some(2))
        );
        let e = plan.add(room(-10, 0, 400, 300)).unwrap_err();
        assert_eq!(e.field, "x");
        let e = plan.add(room(0, 600, 100, 300)).unwrap_err();
        assert_eq!(e.field, "h");
        assert_eq!(plan.shapes.len(), 1, "nothing added when refused");
        let e = plan.add(room(0, 0, 0, 300)).unwrap_err();
        assert_eq!((e.problem, e.field), (Problem::Size, "w"));
    }

    #[test]
    fn polygons_take_their_bounding_box_and_stay_inside() {
        let mut plan = Plan::new(1_000, 800);
        let mut r = room(0, 0, 1, 1);
        r.points = parse_points("100,100 500,100; 500,400 100,400").unwrap_or_default();
        let id = plan.add(r.clone()).unwrap();
        let s = plan.shape(id).unwrap();
        assert_eq!((s.x, s.y, s.w, s.h), (100, 100, 400, 300));
        r.points = vec![(0, 0), (1_200, 0), (0, 300)];
        assert_eq!(
            plan.add(r.clone()).unwrap_err().problem,
            Problem::OutsideBuilding
        );
        r.points = vec![(0, 0), (10, 0)];
        assert_eq!(plan.add(r).unwrap_err().problem, Problem::Points);
        assert_eq!(parse_points("1,2 x"), None);
        assert_eq!(points_text(&[(1, 2), (3, 4)]), "1,2 3,4");
    }

    #[test]
    fn the_json_round_trips_and_is_checked_when_read() {
        let plan = sample(30);
        let back = Plan::from_json(&plan.to_json()).unwrap();
        assert_eq!(back, plan);
        let mut bad = plan.clone();
        bad.shapes[3].x = 2_990;
        assert_eq!(
            Plan::from_json(&bad.to_json()).unwrap_err().problem,
            Problem::OutsideBuilding
        );
        let mut dup = plan.clone();
        dup.shapes[1].id = dup.shapes[0].id;
        assert_eq!(dup.check().unwrap_err().problem, Problem::DuplicateId);
        assert_eq!(
            Plan::from_json("{").unwrap_err().problem,
            Problem::Unreadable
        );
        assert_eq!(
            Plan::new(50, 800).check().unwrap_err().problem,
            Problem::BuildingSize
        );
    }

    #[test]
    fn shrinking_the_building_below_a_shape_is_refused() {
        let mut plan = Plan::new(1_000, 800);
        plan.add(room(500, 0, 400, 300)).unwrap();
        assert_eq!(
            plan.resize(800, 800).unwrap_err().problem,
            Problem::OutsideBuilding
        );
        assert_eq!(plan.width_cm, 1_000);
        assert!(plan.resize(900, 300).is_ok());
    }

    #[test]
    fn replace_and_remove() {
        let mut plan = Plan::new(1_000, 800);
        let id = plan.add(room(0, 0, 100, 100)).unwrap();
        let mut moved = plan.shape(id).unwrap().clone();
        moved.x = 50;
        assert_eq!(plan.replace(moved.clone()), Ok(true));
        moved.x = 950;
        assert!(plan.replace(moved).is_err());
        assert_eq!(plan.shape(id).unwrap().x, 50);
        assert!(plan.remove(id));
        assert!(!plan.remove(id));
    }

    #[test]
    fn paper_size_at_scale() {
        let plan = Plan::new(1_000, 800);
        assert_eq!(paper_mm(&plan, 50), (200.0, 160.0));
        assert_eq!(paper_mm(&plan, 100), (100.0, 80.0));
    }
}
