//! A signature on an attendance sheet: strokes drawn on a pad (pointer or touch) sent as SVG
//! path data, checked here before anything stores it, or — without JavaScript — a typed full
//! name with a box ticked to certify presence.

/// The drawing pad's coordinate box: every point is clamped into 0..=WIDTH × 0..=HEIGHT.
pub const WIDTH: f64 = 600.0;
pub const HEIGHT: f64 = 200.0;
/// More points than this is not a signature (and would bloat the sheet).
const MAX_POINTS: usize = 4000;

/// Why a drawn signature was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureError {
    /// Nothing drawn (or a single dot).
    Empty,
    /// Not path data made of `M`/`L` commands and numbers, or far too long.
    Invalid,
}

impl SignatureError {
    pub fn message_key(self) -> &'static str {
        match self {
            SignatureError::Empty => "signature-error-empty",
            SignatureError::Invalid => "signature-error-invalid",
        }
    }
}

/// Checks drawn strokes (`M x y L x y … M x y …`) and returns them rewritten with whole
/// numbers clamped to the pad: only `M`, `L`, digits and spaces reach the database, so the
/// path can go into an SVG document as it is.
pub fn normalise_path(raw: &str) -> Result<String, SignatureError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(SignatureError::Empty);
    }
    if raw.len() > MAX_POINTS * 16 {
        return Err(SignatureError::Invalid);
    }
    let mut out = String::with_capacity(raw.len());
    let mut tokens = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .flat_map(split_command)
        .peekable();
    let mut points = 0;
    let mut moved = false;
    let mut drawn = 0;
    while let Some(t) = tokens.next() {
        let command = match t {
            "M" | "m" => 'M',
            "L" | "l" => 'L',
            _ => return Err(SignatureError::Invalid),
        };
        if command == 'L' && !moved {
            return Err(SignatureError::Invalid);
        }
        moved = true;
        // One command, then one or more pairs of numbers.
        let mut pairs = 0;
        while let Some(next) = tokens.peek() {
            if next.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
                break;
            }
            let x = number(tokens.next(), WIDTH)?;
            let y = number(tokens.next(), HEIGHT)?;
            points += 1;
            if points > MAX_POINTS {
                return Err(SignatureError::Invalid);
            }
            let c = if pairs == 0 { command } else { 'L' };
            if c == 'L' {
                drawn += 1;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("{c}{x} {y}"));
            pairs += 1;
        }
        if pairs == 0 {
            return Err(SignatureError::Invalid);
        }
    }
    if drawn == 0 {
        return Err(SignatureError::Empty);
    }
    Ok(out)
}

/// `M12` → `M`, `12` (browsers and hand-written paths glue the command to its number).
fn split_command(t: &str) -> Vec<&str> {
    match t.char_indices().nth(1) {
        Some((i, _)) if t.starts_with(|c: char| c.is_ascii_alphabetic()) => vec![&t[..i], &t[i..]],
        _ => vec![t],
    }
}

fn number(t: Option<&str>, max: f64) -> Result<i64, SignatureError> {
    let v: f64 = t
        .ok_or(SignatureError::Invalid)?
        .parse()
        .map_err(|_| SignatureError::Invalid)?;
    if !v.is_finite() {
        return Err(SignatureError::Invalid);
    }
    // Clamped into the pad, so the cast cannot overflow.
    Ok(v.clamp(0.0, max).round() as i64)
}

/// A stored path as a standalone SVG document (for the PDF sheet and the page's preview).
pub fn svg(path: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\">\
         <path d=\"{path}\" fill=\"none\" stroke=\"#1f2624\" stroke-width=\"4\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>"
    )
}

/// A typed name for the fallback: trimmed, one to 120 characters, no control characters.
pub fn typed_name(raw: &str) -> Option<String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = name.chars().count();
    ((1..=120).contains(&n) && !name.chars().any(char::is_control)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strokes_are_rewritten_as_whole_numbers_inside_the_pad() {
        assert_eq!(
            normalise_path("M10.4 20 L30,40.6 55 60 M700 -5 L 1 2").unwrap(),
            "M10 20 L30 41 L55 60 M600 0 L1 2"
        );
        assert_eq!(normalise_path("M1,2 L3,4").unwrap(), "M1 2 L3 4");
    }

    #[test]
    fn anything_else_is_refused() {
        assert_eq!(normalise_path(""), Err(SignatureError::Empty));
        assert_eq!(normalise_path("M1 1"), Err(SignatureError::Empty));
        for bad in [
            "L1 1",
            "M1",
            "M1 1 L2",
            "M1 1 Z",
            "M1 1 L2 2\"/><script>",
            "M1 1 L NaN 2",
            "M1 1 L inf 2",
            "<svg>",
        ] {
            assert_eq!(normalise_path(bad), Err(SignatureError::Invalid), "{bad}");
        }
        let long = format!("M0 0{}", " L1 1".repeat(MAX_POINTS + 1));
        assert_eq!(normalise_path(&long), Err(SignatureError::Invalid));
    }

    #[test]
    fn a_typed_name_is_trimmed_and_bounded() {
        assert_eq!(
            typed_name("  Paul   Martin ").as_deref(),
            Some("Paul Martin")
        );
        assert_eq!(typed_name("   "), None);
        assert_eq!(typed_name(&"a".repeat(121)), None);
    }

    #[test]
    fn the_svg_is_a_standalone_document() {
        let s = svg("M1 2 L3 4");
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(s.contains("d=\"M1 2 L3 4\""));
    }
}
