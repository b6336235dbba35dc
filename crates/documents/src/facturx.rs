//! Factur-X: an invoice or a credit note as a PDF/A-3b that carries its CII XML (profile
//! EN 16931) as the attached file `factur-x.xml` (relationship Data, listed in the catalogue's
//! `/AF`), with the Factur-X properties in its XMP metadata (DocumentType INVOICE,
//! DocumentFileName, Version 1.0, ConformanceLevel EN 16931) and their PDF/A extension schema
//! description.
//!
//! Typst writes the PDF/A-3b and the attachment; the XMP packet it writes has no room for
//! properties of our own, so [`with_facturx_xmp`] rewrites that one stream in place: the new
//! packet replaces the old, the stream's `/Length` follows, and every offset of the
//! cross-reference table past it moves by the difference (the file stays one revision, with
//! no incremental update).
use crate::{Bill, DocumentError, Template};
use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// The name of the attached XML, as Factur-X requires it.
pub const FACTURX_FILE: &str = "factur-x.xml";

const FX_NS: &str = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

/// The invoice or credit note `bill` as a Factur-X PDF/A-3b carrying `xml`, dated `issue_date`
/// (`YYYY-MM-DD`, the PDF's creation date); `ident` (the invoice's number) makes the PDF's
/// identifier stable.
pub fn factur_x(
    bill: &Bill,
    xml: &str,
    issue_date: &str,
    ident: &str,
) -> Result<Vec<u8>, DocumentError> {
    let date = parse_date(issue_date)
        .ok_or_else(|| DocumentError::Layout(format!("not a date: {issue_date}")))?;
    let standards = PdfStandards::new(&[PdfStandard::A_3b])
        .map_err(|e| DocumentError::Layout(e.message().to_string()))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        timestamp: Some(Timestamp::new_utc(date)),
        standards,
        ..PdfOptions::default()
    };
    let mut data = bill.clone();
    data.facturx_xml = xml.to_string();
    let json = serde_json::to_vec(&data)?;
    let pdf = crate::world::compile_with(Template::Bill.source(), json, &options)?;
    with_facturx_xmp(pdf)
}

fn parse_date(iso: &str) -> Option<Datetime> {
    let mut parts = iso.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Datetime::from_ymd(y, m, d)
}

/// The Factur-X properties and, in the PDF/A extension schemas, their description.
fn facturx_properties() -> String {
    format!(
        "<rdf:Description rdf:about=\"\" xmlns:fx=\"{FX_NS}\">\
         <fx:DocumentType>INVOICE</fx:DocumentType>\
         <fx:DocumentFileName>{FACTURX_FILE}</fx:DocumentFileName>\
         <fx:Version>1.0</fx:Version>\
         <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>\
         </rdf:Description>"
    )
}

fn facturx_schema() -> String {
    let property = |name: &str, description: &str| {
        format!(
            "<rdf:li rdf:parseType=\"Resource\">\
             <pdfaProperty:name>{name}</pdfaProperty:name>\
             <pdfaProperty:valueType>Text</pdfaProperty:valueType>\
             <pdfaProperty:category>external</pdfaProperty:category>\
             <pdfaProperty:description>{description}</pdfaProperty:description>\
             </rdf:li>"
        )
    };
    format!(
        "<rdf:li rdf:parseType=\"Resource\" \
         xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" \
         xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\
         <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>\
         <pdfaSchema:namespaceURI>{FX_NS}</pdfaSchema:namespaceURI>\
         <pdfaSchema:prefix>fx</pdfaSchema:prefix>\
         <pdfaSchema:property><rdf:Seq>{}{}{}{}</rdf:Seq></pdfaSchema:property>\
         </rdf:li>",
        property("DocumentFileName", "The name of the embedded XML document"),
        property(
            "DocumentType",
            "The type of the hybrid document in capital letters"
        ),
        property(
            "Version",
            "The actual version of the standard applying to the embedded XML document"
        ),
        property(
            "ConformanceLevel",
            "The conformance level of the embedded XML document"
        ),
    )
}

/// The XMP packet `xmp` with the Factur-X properties and their schema description.
fn facturx_packet(xmp: &str) -> Option<String> {
    const BAG_END: &str = "</rdf:Bag></pdfaExtension:schemas>";
    const RDF_END: &str = "</rdf:RDF>";
    let mut out = xmp.to_string();
    if let Some(at) = out.find(BAG_END) {
        out.insert_str(at, &facturx_schema());
    } else {
        let at = out.rfind(RDF_END)?;
        out.insert_str(
            at,
            &format!(
                "<rdf:Description rdf:about=\"\" \
                 xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\">\
                 <pdfaExtension:schemas><rdf:Bag>{}</rdf:Bag></pdfaExtension:schemas>\
                 </rdf:Description>",
                facturx_schema()
            ),
        );
    }
    let at = out.rfind(RDF_END)?;
    out.insert_str(at, &facturx_properties());
    Some(out)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn digits_at(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let start = at + bytes.get(at..)?.iter().take_while(|b| **b == b' ').count();
    let len = bytes
        .get(start..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    (len > 0).then_some((start, start + len))
}

fn number(bytes: &[u8]) -> Option<usize> {
    std::str::from_utf8(bytes).ok()?.trim().parse().ok()
}

/// Rewrites the PDF's XMP metadata stream with the Factur-X properties (see the module).
fn with_facturx_xmp(pdf: Vec<u8>) -> Result<Vec<u8>, DocumentError> {
    rewrite_xmp(&pdf)
        .ok_or_else(|| DocumentError::Layout("the PDF's XMP metadata was not found".into()))
}

fn rewrite_xmp(pdf: &[u8]) -> Option<Vec<u8>> {
    // The metadata stream: `N 0 obj <<… /Type /Metadata …>> stream\n<?xpacket …?>…`.
    let begin = find(pdf, b"<?xpacket begin=", 0)?;
    let end_marker: &[u8] = b"<?xpacket end=\"r\"?>";
    let end = find(pdf, end_marker, begin)? + end_marker.len();
    let obj = rfind(&pdf[..begin], b" 0 obj")?;
    let dict = &pdf[obj..begin];
    find(dict, b"/Metadata", 0)?;
    let length_key = obj + find(dict, b"/Length", 0)? + b"/Length".len();
    let (len_start, len_end) = digits_at(pdf, length_key)?;
    if number(&pdf[len_start..len_end])? != end - begin {
        return None;
    }
    let old = std::str::from_utf8(&pdf[begin..end]).ok()?;
    let new = facturx_packet(old)?;
    let new_len = new.len().to_string();

    let mut out = Vec::with_capacity(pdf.len() + new.len() - old.len() + 8);
    out.extend_from_slice(&pdf[..len_start]);
    out.extend_from_slice(new_len.as_bytes());
    out.extend_from_slice(&pdf[len_end..begin]);
    out.extend_from_slice(new.as_bytes());
    let tail_at = out.len();
    out.extend_from_slice(&pdf[end..]);
    let delta = (tail_at as i64) - (end as i64);
    let moved = |offset: usize| -> usize {
        if offset > begin {
            (offset as i64 + delta) as usize
        } else {
            offset
        }
    };

    // The cross-reference table (one section, 20-byte entries) and `startxref`.
    let startxref = rfind(&out, b"startxref")?;
    let (sx_start, sx_end) = digits_at(&out, startxref + b"startxref".len() + 1)?;
    let old_xref = number(&out[sx_start..sx_end])?;
    let xref = moved(old_xref);
    if out.get(xref..xref + 4)? != b"xref" {
        return None;
    }
    let header_end = find(&out, b"\n", xref + 5)?;
    let header = std::str::from_utf8(&out[xref + 5..header_end]).ok()?;
    let count: usize = header.split_whitespace().nth(1)?.parse().ok()?;
    let entries = header_end + 1;
    for n in 0..count {
        let at = entries + n * 20;
        let entry = out.get(at..at + 20)?;
        if entry[17] != b'n' {
            continue;
        }
        let offset = number(&entry[..10])?;
        let fixed = format!("{:010}", moved(offset));
        out[at..at + 10].copy_from_slice(fixed.as_bytes());
    }
    let tail = out.split_off(sx_end);
    out.truncate(sx_start);
    out.extend_from_slice(xref.to_string().as_bytes());
    out.extend_from_slice(&tail);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bill() -> Bill {
        Bill {
            lang: "fr".into(),
            title: "Facture F-2027-00001".into(),
            seller: vec!["Studio".into()],
            buyer: vec!["Client".into()],
            columns: vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
            lines: vec![vec![
                "x".into(),
                "1".into(),
                "2".into(),
                "3".into(),
                "4".into(),
            ]],
            totals: vec![("Total".into(), "10 €".into())],
            ..Bill::default()
        }
    }

    /// Every object the cross-reference table names starts where it says.
    fn xref_is_true(pdf: &[u8]) -> bool {
        let sx = rfind(pdf, b"startxref").unwrap();
        let (a, b) = digits_at(pdf, sx + 10).unwrap();
        let xref = number(&pdf[a..b]).unwrap();
        let header_end = find(pdf, b"\n", xref + 5).unwrap();
        let header = std::str::from_utf8(&pdf[xref + 5..header_end]).unwrap();
        let count: usize = header.split_whitespace().nth(1).unwrap().parse().unwrap();
        (0..count).all(|n| {
            let at = header_end + 1 + n * 20;
            let entry = &pdf[at..at + 20];
            entry[17] != b'n' || {
                let offset = number(&entry[..10]).unwrap();
                pdf[offset..].starts_with(format!("{n} 0 obj").as_bytes())
            }
        })
    }

    #[test]
    fn an_invoice_pdf_carries_its_xml_and_the_factur_x_metadata() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rsm:CrossIndustryInvoice/>";
        let pdf = factur_x(&bill(), xml, "2027-01-06", "F-2027-00001").unwrap();
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("<fx:DocumentType>INVOICE</fx:DocumentType>"));
        assert!(text.contains("<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>"));
        assert!(text.contains("<pdfaSchema:prefix>fx</pdfaSchema:prefix>"));
        assert!(
            text.contains("<pdfaid:part>3</pdfaid:part>") || text.contains("pdfaid:part=\"3\"")
        );
        assert!(text.contains("factur-x.xml"));
        assert!(text.contains("/AFRelationship /Data") || text.contains("/AFRelationship/Data"));
        assert!(xref_is_true(&pdf));
        // The stream's length is the packet's.
        let begin = find(&pdf, b"<?xpacket begin=", 0).unwrap();
        let end = find(&pdf, b"<?xpacket end=\"r\"?>", begin).unwrap() + 19;
        let obj = rfind(&pdf[..begin], b" 0 obj").unwrap();
        let l = obj + find(&pdf[obj..begin], b"/Length", 0).unwrap() + 7;
        let (a, b) = digits_at(&pdf, l).unwrap();
        assert_eq!(number(&pdf[a..b]), Some(end - begin));
    }

    #[test]
    fn a_quote_stays_a_plain_pdf_and_bad_dates_are_refused() {
        let pdf = crate::pdf(Template::Bill, &bill()).unwrap();
        assert!(!String::from_utf8_lossy(&pdf).contains("factur-x.xml"));
        assert!(factur_x(&bill(), "<x/>", "2027-13-40", "F").is_err());
    }
}
