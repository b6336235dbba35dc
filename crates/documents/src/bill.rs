//! The view data of a commercial document (a quote, an invoice, a credit note), for
//! [`crate::Template::Bill`]: the parties, the dates, the lines, the totals and the mentions the
//! law requires, every text already written for the reader.
use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Bill {
    pub lang: String,
    /// « Devis D-00012 », « Facture F-2027-00012 ».
    pub title: String,
    /// The seller's block, one line a string (name first).
    pub seller: Vec<String>,
    pub buyer_heading: String,
    pub seller_heading: String,
    pub buyer: Vec<String>,
    /// Label and value: issue date, validity, due date…
    pub dates: Vec<(String, String)>,
    /// The column headings of the lines: label, quantity, unit price, VAT, total.
    pub columns: Vec<String>,
    pub lines: Vec<Vec<String>>,
    /// Label and amount, the last one in bold (the total to pay).
    pub totals: Vec<(String, String)>,
    pub mentions: Vec<String>,
    /// A payment block (transfer details), with an optional QR code as a standalone SVG.
    pub payment: Vec<String>,
    pub qr_svg: String,
    pub qr_caption: String,
    pub footer: String,
    /// The Factur-X CII XML attached as `factur-x.xml` (empty for a quote): only
    /// [`crate::factur_x`] sets it, since the attachment needs a PDF/A-3 export.
    pub facturx_xml: String,
}
