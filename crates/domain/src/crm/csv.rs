//! Reading a CSV file as spreadsheets write it: RFC 4180 quotes (`""` inside a quoted cell),
//! comma or semicolon separators (French spreadsheets use `;`, guessed from the header line),
//! CRLF or LF line ends, a UTF-8 byte order mark ignored.

/// The rows of `text`, each with its line number in the file (1 for the header); empty lines
/// are skipped.
pub fn parse(text: &str) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = text.lines().next().unwrap_or("");
    let sep = if header.matches(';').count() > header.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    cell.push('\n');
                }
                '\r' => {}
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            c if c == sep => row.push(std::mem::take(&mut cell)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut cell));
                if row.iter().any(|c| !c.trim().is_empty()) {
                    rows.push((row_line, std::mem::take(&mut row)));
                } else {
                    row.clear();
                }
                line += 1;
                row_line = line;
            }
            _ => cell.push(c),
        }
    }
    row.push(cell);
    if row.iter().any(|c| !c.trim().is_empty()) {
        rows.push((row_line, row));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_separators_and_lines() {
        let rows = parse(
            "\u{feff}nom;email\r\n\"Dupont; Marie\";m@x.fr\r\n\r\n\"Il a dit \"\"oui\"\"\nsur deux lignes\";b@x.fr\n",
        );
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], (1, vec!["nom".to_string(), "email".to_string()]));
        assert_eq!(rows[1].1, vec!["Dupont; Marie", "m@x.fr"]);
        assert_eq!(rows[2].0, 4);
        assert_eq!(rows[2].1[0], "Il a dit \"oui\"\nsur deux lignes");
        let comma = parse("a,b\n1,2");
        assert_eq!(comma[1].1, vec!["1", "2"]);
        assert!(parse("").is_empty());
    }
}
