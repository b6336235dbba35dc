//! The plan drawn as SVG, server-side, from its data: a pure function (no I/O), one pass over the
//! shapes in the order rooms, zones, walls, doors, items, so what is placed in a room is drawn
//! over it. The drawing's user unit is the centimetre and its view box is the building exactly,
//! so a PDF that gives it a width in millimetres prints it at scale.
use super::{Kind, Plan, Shape};
use std::fmt::Write;

/// How to draw: the title read by screen readers, the size on paper (None: the page sizes it),
/// and whether shapes are focusable for the editor.
#[derive(Debug, Clone, Default)]
pub struct Options<'a> {
    pub title: &'a str,
    /// Width and height with their unit (`("200mm", "160mm")`).
    pub size: Option<(String, String)>,
    pub editable: bool,
}

const ORDER: [Kind; 5] = [Kind::Room, Kind::Zone, Kind::Wall, Kind::Door, Kind::Item];

fn colours(kind: Kind) -> (&'static str, &'static str) {
    // (fill, stroke): readable on white paper and in the page's light and dark modes alike.
    match kind {
        Kind::Room => ("#f6efe3", "#5b4636"),
        Kind::Zone => ("#dcefe9", "#1f6f5c"),
        Kind::Wall => ("#3d3a36", "#3d3a36"),
        Kind::Door => ("#ffffff", "#8a4b12"),
        Kind::Item => ("#e3e8f6", "#2f4a8a"),
    }
}

/// Escapes text for an XML attribute or element.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// The plan as a standalone SVG document.
pub fn render(plan: &Plan, options: &Options<'_>) -> String {
    let (w, h) = (plan.width_cm, plan.height_cm);
    let mut out = String::with_capacity(512 + plan.shapes.len() * 320);
    // Editable, its shapes are buttons: a group may hold them, an image may not.
    let role = if options.editable { "group" } else { "img" };
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" class="plan-svg" role="{role}" aria-labelledby="plan-title""#
    );
    if let Some((sw, sh)) = &options.size {
        out.push_str(" width=\"");
        escape(sw, &mut out);
        out.push_str("\" height=\"");
        escape(sh, &mut out);
        out.push('"');
    }
    let _ = write!(
        out,
        r#" data-width="{w}" data-height="{h}" data-grid="{}"><title id="plan-title">"#,
        plan.grid_cm
    );
    escape(options.title, &mut out);
    out.push_str("</title>");
    // The grid: one line every metre, light.
    let step = 100;
    let _ = write!(
        out,
        r##"<defs><pattern id="plan-grid" width="{step}" height="{step}" patternUnits="userSpaceOnUse"><path d="M {step} 0 L 0 0 0 {step}" fill="none" stroke="#d8d2c8" stroke-width="1"/></pattern></defs>"##
    );
    let border = (w.min(h) / 200).max(2);
    let _ = write!(
        out,
        r##"<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/><rect class="plan-building" x="0" y="0" width="{w}" height="{h}" fill="url(#plan-grid)" stroke="#3d3a36" stroke-width="{border}"/>"##
    );
    let font = (w.min(h) / 40).clamp(10, 60);
    for kind in ORDER {
        for s in plan.shapes.iter().filter(|s| s.kind == kind) {
            shape(&mut out, s, font, options.editable);
        }
    }
    out.push_str("</svg>");
    out
}

fn shape(out: &mut String, s: &Shape, font: i64, editable: bool) {
    let (fill, stroke) = colours(s.kind);
    let _ = write!(
        out,
        r#"<g class="plan-shape plan-{}" data-id="{}" data-kind="{}" data-x="{}" data-y="{}" data-w="{}" data-h="{}""#,
        s.kind.code(),
        s.id,
        s.kind.code(),
        s.x,
        s.y,
        s.w,
        s.h
    );
    if editable {
        let _ = write!(
            out,
            r#" id="shape-{}" tabindex="0" role="button" aria-label=""#,
            s.id
        );
        escape(&s.label, out);
        out.push('"');
    }
    out.push('>');
    let width = (s.w.min(s.h) / 30).clamp(1, 6);
    if s.points.is_empty() {
        let dash = if s.kind == Kind::Zone || s.kind == Kind::Door {
            r#" stroke-dasharray="8 6""#
        } else {
            ""
        };
        let opacity = if s.kind == Kind::Zone {
            r#" fill-opacity="0.6""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}{opacity}/>"#,
            s.x, s.y, s.w, s.h
        );
    } else {
        out.push_str("<polygon points=\"");
        for (i, (x, y)) in s.points.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let _ = write!(out, "{x},{y}");
        }
        let _ = write!(
            out,
            r#"" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>"#
        );
    }
    if !s.label.is_empty() && s.kind != Kind::Wall {
        // Rooms and zones name themselves near their top-left corner; items and doors in
        // their middle, smaller.
        let (x, y, size) = match s.kind {
            Kind::Room | Kind::Zone => (s.x + font / 2, s.y + font + font / 3, font),
            _ => (
                s.x + s.w / 2,
                s.y + s.h / 2 + font / 4,
                (font * 3 / 4).max(8),
            ),
        };
        let anchor = if matches!(s.kind, Kind::Room | Kind::Zone) {
            "start"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            r##"<text x="{x}" y="{y}" font-size="{size}" text-anchor="{anchor}" fill="#1f1c19" font-family="Inter, system-ui, sans-serif">"##
        );
        escape(&s.label, out);
        out.push_str("</text>");
    }
    out.push_str("</g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Plan, Shape, sample};

    #[test]
    fn the_svg_parses_as_xml_with_every_shape() {
        let mut plan = sample(200);
        plan.shapes[0].label = "Salle « atelier » <1> & 'co' \"x\"".into();
        let svg = render(
            &plan,
            &Options {
                title: "Plan & co",
                size: Some(("600mm".into(), "400mm".into())),
                editable: true,
            },
        );
        let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("viewBox"), Some("0 0 3000 2000"));
        assert_eq!(root.attribute("width"), Some("600mm"));
        let groups = doc
            .descendants()
            .filter(|n| n.attribute("data-id").is_some())
            .count();
        assert_eq!(groups, 200);
        let label = doc
            .descendants()
            .find(|n| n.has_tag_name("text"))
            .and_then(|n| n.text())
            .unwrap_or_default()
            .to_string();
        assert!(label.contains('«'));
        assert!(
            doc.descendants()
                .any(|n| n.text() == Some("Salle « atelier » <1> & 'co' \"x\""))
        );
        assert_eq!(
            doc.descendants()
                .find(|n| n.has_tag_name("title"))
                .and_then(|n| n.text()),
            Some("Plan & co")
        );
    }

    #[test]
    fn rooms_are_drawn_before_what_stands_in_them() {
        let mut plan = Plan::new(1_000, 800);
        let item = Shape {
            id: 1,
            kind: Kind::Item,
            label: "Table".into(),
            x: 100,
            y: 100,
            w: 160,
            h: 80,
            points: vec![],
            equipment_id: Some(3),
        };
        let room = Shape {
            id: 2,
            kind: Kind::Room,
            label: "Atelier".into(),
            x: 0,
            y: 0,
            w: 500,
            h: 400,
            points: vec![],
            equipment_id: None,
        };
        plan.shapes = vec![item, room];
        let svg = render(&plan, &Options::default());
        let room_at = svg.find("plan-room").unwrap();
        let item_at = svg.find("plan-item").unwrap();
        assert!(room_at < item_at);
        assert!(!svg.contains("tabindex"), "not editable: nothing focusable");
        assert!(roxmltree::Document::parse(&svg).is_ok());
    }

    #[test]
    fn polygons_are_drawn_as_polygons() {
        let mut plan = Plan::new(1_000, 800);
        plan.add(Shape {
            id: 0,
            kind: Kind::Room,
            label: "L".into(),
            x: 0,
            y: 0,
            w: 1,
            h: 1,
            points: vec![
                (0, 0),
                (400, 0),
                (400, 200),
                (200, 200),
                (200, 400),
                (0, 400),
            ],
            equipment_id: None,
        })
        .unwrap();
        let svg = render(&plan, &Options::default());
        assert!(svg.contains(r#"points="0,0 400,0 400,200 200,200 200,400 0,400""#));
    }
}
