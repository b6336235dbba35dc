//! Bank statements: the credits of a CSV export or a CAMT.053 file, each with a fingerprint so
//! importing the same file twice adds nothing, and their match to open invoices (by reference,
//! then by exact amount) for a person to confirm.
use super::transfer::compact;

/// A credit on the centre's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankLine {
    /// Stable across imports of the same statement: the bank's own reference of the entry, or
    /// its date, amount, texts and rank among identical lines.
    pub fingerprint: String,
    /// `YYYY-MM-DD`.
    pub booked_on: String,
    pub amount_cents: i64,
    /// The structured reference the payer quoted, if any.
    pub reference: String,
    /// The free text: payer, remittance information.
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankError {
    /// Neither a CAMT.053 document nor a CSV with date and amount columns.
    Unreadable,
    /// A line whose date or amount does not read (1-based, header included).
    Line(usize),
}

/// An amount as banks write it: `120,50`, `1 234.56`, `+50`, `-3,2` → cents.
pub fn parse_amount(text: &str) -> Option<i64> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}' && *c != '\u{A0}' && *c != '€')
        .collect();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    // The last separator is the decimal one when two digits or fewer follow it.
    let (whole, frac) = match t.rfind([',', '.']) {
        Some(i) if t.len() - i - 1 <= 2 => (&t[..i], &t[i + 1..]),
        _ => (t, ""),
    };
    let whole: String = whole.chars().filter(|c| *c != '.' && *c != ',').collect();
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let euros: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let cents: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let value = euros.checked_mul(100)?.checked_add(cents)?;
    Some(if negative { -value } else { value })
}

/// `DD/MM/YYYY` or `YYYY-MM-DD` → `YYYY-MM-DD`.
fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    let (y, m, d) = if let Some((d, rest)) = t.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        (y, m, d)
    } else {
        let mut it = t.get(..10)?.splitn(3, '-');
        (it.next()?, it.next()?, it.next()?)
    };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// One CSV record's cells (`;` or `,` separated, `"` quoting with `""` inside).
fn cells(line: &str, sep: char) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    out.push(cell);
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

fn fingerprint(parts: &[&str], seen: &mut std::collections::HashMap<String, u32>) -> String {
    let base = parts.join("|");
    let n = seen.entry(base.clone()).or_default();
    *n += 1;
    format!("{base}|{n}")
}

/// The credits of a CSV statement with a header naming its columns (date, amount or credit,
/// label, reference; French or English names). Debits are left out.
pub fn parse_csv(text: &str) -> Result<Vec<BankLine>, BankError> {
    let text = text.trim_start_matches('\u{FEFF}');
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(BankError::Unreadable)?;
    let sep = if header.contains(';') { ';' } else { ',' };
    let names: Vec<String> = cells(header, sep)
        .into_iter()
        .map(|n| n.to_lowercase())
        .collect();
    let find = |keys: &[&str]| {
        names
            .iter()
            .position(|n| keys.iter().any(|k| n.contains(k)))
    };
    let date = find(&["date"]).ok_or(BankError::Unreadable)?;
    let amount = find(&["montant", "amount", "crédit", "credit"]).ok_or(BankError::Unreadable)?;
    let label = find(&["libell", "label", "description", "motif"]);
    let reference = find(&["référence", "reference", "réf", "ref"]);
    let mut seen = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (n, line) in lines {
        let c = cells(line, sep);
        let get = |i: Option<usize>| i.and_then(|i| c.get(i)).cloned().unwrap_or_default();
        let booked_on = parse_date(&get(Some(date))).ok_or(BankError::Line(n + 1))?;
        let raw = get(Some(amount));
        if raw.is_empty() {
            continue;
        }
        let cents = parse_amount(&raw).ok_or(BankError::Line(n + 1))?;
        if cents <= 0 {
            continue;
        }
        let (label, reference) = (get(label), get(reference));
        let fp = fingerprint(
            &["csv", &booked_on, &cents.to_string(), &reference, &label],
            &mut seen,
        );
        out.push(BankLine {
            fingerprint: fp,
            booked_on,
            amount_cents: cents,
            reference,
            label,
        });
    }
    Ok(out)
}

/// The credits of a CAMT.053 statement (ISO 20022 `BkToCstmrStmt`), in euros.
pub fn parse_camt(text: &str) -> Result<Vec<BankLine>, BankError> {
    let doc = roxmltree::Document::parse(text).map_err(|_| BankError::Unreadable)?;
    let named = |n: &roxmltree::Node, name: &str| n.is_element() && n.tag_name().name() == name;
    if !doc.descendants().any(|n| named(&n, "BkToCstmrStmt")) {
        return Err(BankError::Unreadable);
    }
    let first = |n: roxmltree::Node, path: &[&str]| -> Option<String> {
        let mut node = n;
        for name in path {
            node = node.descendants().find(|c| named(c, name))?;
        }
        node.text().map(|t| t.trim().to_string())
    };
    let mut seen = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, entry) in doc.descendants().filter(|n| named(n, "Ntry")).enumerate() {
        let line = i + 1;
        if first(entry, &["CdtDbtInd"]).as_deref() != Some("CRDT") {
            continue;
        }
        let amount_node = entry
            .children()
            .find(|c| named(c, "Amt"))
            .ok_or(BankError::Line(line))?;
        if amount_node.attribute("Ccy").is_some_and(|c| c != "EUR") {
            continue;
        }
        let cents = amount_node
            .text()
            .and_then(parse_amount)
            .filter(|c| *c > 0)
            .ok_or(BankError::Line(line))?;
        let booked_on = first(entry, &["BookgDt", "Dt"])
            .or_else(|| first(entry, &["BookgDt", "DtTm"]))
            .and_then(|d| parse_date(&d))
            .ok_or(BankError::Line(line))?;
        let reference = first(entry, &["CdtrRefInf", "Ref"]).unwrap_or_default();
        let mut label_parts: Vec<String> = Vec::new();
        if let Some(name) = first(entry, &["Dbtr", "Nm"]) {
            label_parts.push(name);
        }
        label_parts.extend(
            entry
                .descendants()
                .filter(|n| named(n, "Ustrd") || named(n, "AddtlNtryInf"))
                .filter_map(|n| n.text().map(|t| t.trim().to_string())),
        );
        let label = label_parts.join(" · ");
        let fp = match first(entry, &["AcctSvcrRef"]) {
            Some(r) if !r.is_empty() => format!("camt|{r}"),
            _ => fingerprint(
                &["camt", &booked_on, &cents.to_string(), &reference, &label],
                &mut seen,
            ),
        };
        out.push(BankLine {
            fingerprint: fp,
            booked_on,
            amount_cents: cents,
            reference,
            label,
        });
    }
    Ok(out)
}

/// A CSV or CAMT.053 statement, told apart by its first character.
pub fn parse(text: &str) -> Result<Vec<BankLine>, BankError> {
    if text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('<')
    {
        parse_camt(text)
    } else {
        parse_csv(text)
    }
}

/// An invoice still waiting for (part of) its payment.
#[derive(Debug, Clone)]
pub struct OpenInvoice {
    pub id: i64,
    /// Its number, such as `F2026-0001`.
    pub number: String,
    /// Its RF creditor reference.
    pub reference: String,
    pub due_cents: i64,
}

/// What a credit matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// One invoice, by its reference (or number) quoted in the transfer.
    Reference(i64),
    /// One invoice, by its exact amount (no reference quoted).
    Amount(i64),
    /// Several invoices have this amount: a person chooses.
    Ambiguous(Vec<i64>),
    Unmatched,
}

/// Matches a credit to the open invoices: by reference first, then by exact amount.
pub fn match_line(line: &BankLine, open: &[OpenInvoice]) -> Match {
    let haystack = compact(&format!("{} {}", line.reference, line.label));
    let by_reference: Vec<i64> = open
        .iter()
        .filter(|inv| {
            let r = compact(&inv.reference);
            let n = compact(&inv.number);
            (r.len() >= 5 && haystack.contains(&r)) || (n.len() >= 3 && haystack.contains(&n))
        })
        .map(|inv| inv.id)
        .collect();
    if let [one] = by_reference[..] {
        return Match::Reference(one);
    }
    let by_amount: Vec<i64> = open
        .iter()
        .filter(|inv| inv.due_cents == line.amount_cents)
        .map(|inv| inv.id)
        .collect();
    match by_amount[..] {
        [] => Match::Unmatched,
        [one] => Match::Amount(one),
        _ => Match::Ambiguous(by_amount),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_banks_write_them() {
        assert_eq!(parse_amount("120,50"), Some(12_050));
        assert_eq!(parse_amount("1 234.5"), Some(123_450));
        assert_eq!(parse_amount("1.234,56"), Some(123_456));
        assert_eq!(parse_amount("+50"), Some(5_000));
        assert_eq!(parse_amount("-3,20"), Some(-320));
        assert_eq!(parse_amount("abc"), None);
        assert_eq!(parse_amount(""), None);
    }

    const CSV: &str = "Date;Libellé;Référence;Montant\n\
        03/03/2027;VIR SEPA MME DUPONT;RF12F20260001;120,50\n\
        03/03/2027;PRLV EDF;;-45,00\n\
        04/03/2027;VIR M. MARTIN;;80,00\n\
        04/03/2027;VIR M. MARTIN;;80,00\n";

    #[test]
    fn csv_credits_with_distinct_fingerprints() {
        let lines = parse_csv(CSV).unwrap();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].booked_on, "2027-03-03");
        assert_eq!(lines[0].amount_cents, 12_050);
        assert_eq!(lines[0].reference, "RF12F20260001");
        assert_ne!(lines[1].fingerprint, lines[2].fingerprint);
        assert_eq!(
            parse_csv(CSV).unwrap(),
            lines,
            "same file, same fingerprints"
        );
        assert_eq!(parse_csv("a;b\n"), Err(BankError::Unreadable));
        assert_eq!(parse_csv("date;montant\nhier;3\n"), Err(BankError::Line(2)));
    }

    #[test]
    fn camt_credits() {
        let xml = r#"<?xml version="1.0"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Ntry><Amt Ccy="EUR">120.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2027-03-03</Dt></BookgDt>
<AcctSvcrRef>B1</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Claire Dupont</Nm></Dbtr></RltdPties>
<RmtInf><Strd><CdtrRefInf><Ref>RF12F20260001</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry>
<Ntry><Amt Ccy="EUR">45.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2027-03-03</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>"#;
        let lines = parse(xml).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].fingerprint, "camt|B1");
        assert_eq!(lines[0].reference, "RF12F20260001");
        assert_eq!(lines[0].label, "Claire Dupont");
        assert_eq!(parse("<html></html>"), Err(BankError::Unreadable));
    }

    #[test]
    fn matching_by_reference_then_amount() {
        let open = [
            OpenInvoice {
                id: 1,
                number: "F2026-0001".into(),
                reference: "RF12F20260001".into(),
                due_cents: 12_050,
            },
            OpenInvoice {
                id: 2,
                number: "F2026-0002".into(),
                reference: String::new(),
                due_cents: 8_000,
            },
            OpenInvoice {
                id: 3,
                number: "F2026-0003".into(),
                reference: String::new(),
                due_cents: 8_000,
            },
            OpenInvoice {
                id: 4,
                number: "F2026-0004".into(),
                reference: String::new(),
                due_cents: 9_900,
            },
        ];
        let line = |reference: &str, label: &str, cents| BankLine {
            fingerprint: String::new(),
            booked_on: "2027-03-03".into(),
            amount_cents: cents,
            reference: reference.into(),
            label: label.into(),
        };
        assert_eq!(
            match_line(&line("RF12 F202 6000 1", "", 1), &open),
            Match::Reference(1)
        );
        assert_eq!(
            match_line(&line("", "facture F2026-0003", 8_000), &open),
            Match::Reference(3)
        );
        assert_eq!(match_line(&line("", "", 9_900), &open), Match::Amount(4));
        assert_eq!(
            match_line(&line("", "", 8_000), &open),
            Match::Ambiguous(vec![2, 3])
        );
        assert_eq!(match_line(&line("", "", 1), &open), Match::Unmatched);
    }
}
