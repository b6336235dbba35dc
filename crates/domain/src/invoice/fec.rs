//! The accounting entries of sales and payments in the FEC layout (fichier des écritures
//! comptables, article A47 A-1 du LPF): 18 tab-separated columns, dates as YYYYMMDD, amounts
//! with a comma and two decimals, one line per account movement, every entry balanced.
//!
//! Sales (journal VT): the client's account 411 is debited with the total VAT included, sales
//! 706 credited with the amount before VAT, VAT collected 44571 with the VAT; a credit note the
//! other way round. Payments (journal BQ): the bank 512 is debited, the client's 411 credited.

/// The 18 columns, in the order the administration requires.
pub const COLUMNS: [&str; 18] = [
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
];

/// An issued invoice or credit note, as the sales journal needs it.
#[derive(Debug, Clone)]
pub struct Sale<'a> {
    pub number: &'a str,
    pub credit_note: bool,
    /// YYYY-MM-DD.
    pub issue_date: &'a str,
    pub buyer_name: &'a str,
    /// The buyer's account, when there is one (gives a stable auxiliary account).
    pub buyer_account: Option<i64>,
    pub ht_cents: i64,
    pub vat_cents: i64,
    pub ttc_cents: i64,
}

/// A payment received, as the bank journal needs it.
#[derive(Debug, Clone)]
pub struct Received<'a> {
    pub invoice_number: &'a str,
    pub paid_on: &'a str,
    pub buyer_name: &'a str,
    pub buyer_account: Option<i64>,
    pub amount_cents: i64,
    pub method: &'a str,
    pub reference: &'a str,
}

/// « 1234,50 »: the FEC's amounts.
pub fn amount(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{},{:02}", (cents / 100).abs(), (cents % 100).abs())
}

/// « 20270106 » from « 2027-01-06 ».
pub fn date(iso: &str) -> String {
    iso.chars().filter(char::is_ascii_digit).take(8).collect()
}

/// A field without the tab and line ends that would break the layout.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The client's auxiliary account: by account id when known, else by name.
fn auxiliary(account: Option<i64>, name: &str) -> String {
    match account {
        Some(id) => format!("C{id:06}"),
        None => {
            let letters: String = name
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .take(16)
                .collect::<String>()
                .to_uppercase();
            format!("C{letters}")
        }
    }
}

struct Row<'a> {
    journal: (&'a str, &'a str),
    num: usize,
    date: &'a str,
    account: (&'a str, &'a str),
    aux: (String, String),
    piece: (&'a str, &'a str),
    label: String,
    debit: i64,
    credit: i64,
}

fn push(out: &mut String, r: Row<'_>) {
    let d = date(r.date);
    let cells = [
        r.journal.0.to_string(),
        r.journal.1.to_string(),
        format!("{}{:06}", r.journal.0, r.num),
        d.clone(),
        r.account.0.to_string(),
        r.account.1.to_string(),
        r.aux.0,
        clean(&r.aux.1),
        clean(r.piece.0),
        date(r.piece.1),
        clean(&r.label),
        amount(r.debit),
        amount(r.credit),
        String::new(),
        String::new(),
        d,
        String::new(),
        String::new(),
    ];
    out.push_str(&cells.join("\t"));
    out.push_str("\r\n");
}

/// The FEC file of these sales and payments: a header line, then the entries (sales first, in
/// the order given, then payments), each balanced.
pub fn fec(sales: &[Sale<'_>], payments: &[Received<'_>]) -> String {
    let mut out = COLUMNS.join("\t");
    out.push_str("\r\n");
    let vt = ("VT", "Ventes");
    for (n, s) in sales.iter().enumerate() {
        let aux = (
            auxiliary(s.buyer_account, s.buyer_name),
            s.buyer_name.to_string(),
        );
        let none = (String::new(), String::new());
        let (kind, flip) = if s.credit_note {
            ("Avoir", true)
        } else {
            ("Facture", false)
        };
        let label = format!("{kind} {} {}", s.number, s.buyer_name);
        let side = |v: i64, debit: bool| {
            if debit != flip { (v, 0) } else { (0, v) }
        };
        let mut lines = vec![(("411000", "Clients"), aux.clone(), side(s.ttc_cents, true))];
        lines.push((
            ("706000", "Prestations de services"),
            none.clone(),
            side(s.ht_cents, false),
        ));
        if s.vat_cents != 0 {
            lines.push((
                ("445710", "TVA collectée"),
                none.clone(),
                side(s.vat_cents, false),
            ));
        }
        for (account, aux, (debit, credit)) in lines {
            push(
                &mut out,
                Row {
                    journal: vt,
                    num: n + 1,
                    date: s.issue_date,
                    account,
                    aux,
                    piece: (s.number, s.issue_date),
                    label: label.clone(),
                    debit,
                    credit,
                },
            );
        }
    }
    let bq = ("BQ", "Banque");
    for (n, p) in payments.iter().enumerate() {
        let aux = (
            auxiliary(p.buyer_account, p.buyer_name),
            p.buyer_name.to_string(),
        );
        let label = format!(
            "Règlement {} {} {}",
            p.invoice_number, p.method, p.reference
        );
        for (account, aux, debit, credit) in [
            (
                ("512000", "Banque"),
                (String::new(), String::new()),
                p.amount_cents,
                0,
            ),
            (("411000", "Clients"), aux, 0, p.amount_cents),
        ] {
            push(
                &mut out,
                Row {
                    journal: bq,
                    num: n + 1,
                    date: p.paid_on,
                    account,
                    aux,
                    piece: (p.invoice_number, p.paid_on),
                    label: label.clone(),
                    debit,
                    credit,
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_entries_in_eighteen_columns() {
        let sales = [
            Sale {
                number: "F-2027-00001",
                credit_note: false,
                issue_date: "2027-01-06",
                buyer_name: "Coopérative Les Jardins",
                buyer_account: None,
                ht_cents: 10_000,
                vat_cents: 2_000,
                ttc_cents: 12_000,
            },
            Sale {
                number: "AV-2027-00002",
                credit_note: true,
                issue_date: "2027-01-07",
                buyer_name: "Coopérative Les Jardins",
                buyer_account: None,
                ht_cents: 5_000,
                vat_cents: 1_000,
                ttc_cents: 6_000,
            },
        ];
        let payments = [Received {
            invoice_number: "F-2027-00001",
            paid_on: "2027-01-10",
            buyer_name: "Camille\tMartin",
            buyer_account: Some(7),
            amount_cents: 6_000,
            method: "transfer",
            reference: "VIR 123",
        }];
        let text = fec(&sales, &payments);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + 3 + 3 + 2);
        for l in &lines {
            assert_eq!(l.split('\t').count(), 18, "{l}");
        }
        let cols = |l: &str| l.split('\t').map(str::to_string).collect::<Vec<_>>();
        let first = cols(lines[1]);
        assert_eq!(
            &first[..5],
            ["VT", "Ventes", "VT000001", "20270106", "411000"]
        );
        assert_eq!((first[11].as_str(), first[12].as_str()), ("120,00", "0,00"));
        // The credit note debits sales and VAT and credits the client.
        let avoir = cols(lines[4]);
        assert_eq!((avoir[11].as_str(), avoir[12].as_str()), ("0,00", "60,00"));
        // Every entry balances.
        let cents = |s: &str| s.replace(',', "").parse::<i64>().unwrap();
        let (mut d, mut c) = (0, 0);
        for l in &lines[1..] {
            let v = cols(l);
            d += cents(&v[11]);
            c += cents(&v[12]);
        }
        assert_eq!(d, c);
        assert!(cols(lines[8])[7] == "Camille Martin");
        assert_eq!(cols(lines[7])[6], "");
        assert_eq!(cols(lines[8])[6], "C000007");
    }
}
