//! The impact report's sheet, written with rust_xlsxwriter (like the forecast's workbook): one
//! sheet of text and number cells, the header row in bold.
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// One cell: text, or a number written with `.` as decimal separator.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(String),
}

/// A sheet name Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, no quote at
/// either end; `None` when nothing is left.
fn sheet_name(name: &str) -> Option<String> {
    let kept: String = name
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let kept = kept.trim().trim_matches('\'').trim();
    (!kept.is_empty()).then(|| kept.to_string())
}

/// A workbook with one sheet named `sheet_name`, the first row its header.
pub fn workbook(sheet_name_text: &str, rows: &[Vec<Cell>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    if let Some(name) = sheet_name(sheet_name_text) {
        sheet.set_name(name)?;
    }
    let head = Format::new().set_bold();
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            match cell {
                Cell::Text(t) if r == 0 => sheet.write_string_with_format(r, c, t, &head)?,
                Cell::Text(t) => sheet.write_string(r, c, t)?,
                Cell::Number(n) => match n.parse::<f64>() {
                    Ok(v) if v.is_finite() => sheet.write_number(r, c, v)?,
                    _ => sheet.write_string(r, c, n)?,
                },
            };
        }
    }
    sheet.autofit();
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_excel_accepts() {
        assert_eq!(
            sheet_name("Rapport d'impact").as_deref(),
            Some("Rapport d'impact")
        );
        assert_eq!(
            sheet_name("Impact: 2026/2027 [réseau]").as_deref(),
            Some("Impact 20262027 réseau")
        );
        assert_eq!(sheet_name(&"x".repeat(40)).map(|n| n.len()), Some(31));
        assert_eq!(sheet_name("'?'"), None);
    }

    #[test]
    fn numbers_are_numbers_and_text_is_text() {
        let rows = vec![
            vec![Cell::Text("Indicateur".into()), Cell::Text("Valeur".into())],
            vec![Cell::Text("Bénévoles".into()), Cell::Number("29".into())],
            vec![Cell::Text("Moyenne".into()), Cell::Number("3.5".into())],
        ];
        let bytes = workbook("Rapport", &rows).unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}
