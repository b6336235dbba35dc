//! The kit items made from what the network keeps elsewhere: its standard equipment list, its
//! opening plan template, and the studio's offers and checklists (the network's own centre,
//! where they are proven first). « Reprendre les outils du réseau » writes them into the draft,
//! so a new version carries their latest state and centres see exactly what moved.
use crate::error::WebResult;
use crate::i18n::I18n;
use domain::kit::{Item, Section, key_of};
use store::Db;

fn item(section: Section, title: String, body: String) -> Item {
    Item {
        key: key_of(section, &title),
        section,
        title,
        body,
    }
}

/// The items made from the network's sources now, in the language of `i`.
pub async fn items(db: &Db, i: I18n) -> WebResult<Vec<Item>> {
    let mut out = Vec::new();
    let standard = store::equipment::standard(db).await?;
    if !standard.is_empty() {
        let lines: Vec<String> = standard
            .iter()
            .map(|s| {
                let mut line = format!("- {} × {}", i.number(s.quantity), s.name);
                if s.unit_price_cents > 0 {
                    line.push_str(&format!(
                        " · {}",
                        i.ta("kit-unit-price", &[("price", &i.money(s.unit_price_cents))])
                    ));
                }
                if !s.supplier.trim().is_empty() {
                    line.push_str(&format!(" · {}", s.supplier.trim()));
                }
                line
            })
            .collect();
        out.push(item(
            Section::Equipment,
            i.t("kit-source-equipment"),
            lines.join("\n"),
        ));
    }
    let milestones = store::opening::template(db).await?;
    if !milestones.is_empty() {
        let body: Vec<String> = milestones
            .iter()
            .map(|m| {
                let when = if m.offset_weeks == 0 {
                    i.t("kit-opening-day")
                } else {
                    i.tn("kit-weeks-before", m.offset_weeks.abs())
                };
                let checks: String = m
                    .checklist
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| format!("\n- {l}"))
                    .collect();
                format!("## {} ({when})\n{checks}", m.name)
            })
            .collect();
        out.push(item(
            Section::Opening,
            i.t("kit-source-opening"),
            body.join("\n\n"),
        ));
    }
    if let Some(studio) = store::centres::find_by_slug(db, "studio").await? {
        for o in store::offers::for_centre(db, studio.id).await? {
            let mut facts = vec![
                i.ta("kit-offer-format", &[("format", &o.format)]),
                i.ta("kit-offer-duration", &[("duration", &o.duration)]),
                i.ta("kit-offer-price", &[("price", &i.money(o.price_cents))]),
            ];
            if o.sessions > 0 {
                facts.push(i.tn("kit-offer-sessions", o.sessions));
            }
            let facts: String = facts.iter().map(|f| format!("- {f}\n")).collect();
            out.push(item(
                Section::Offer,
                o.title.clone(),
                format!("{facts}\n{}", o.description.trim()),
            ));
        }
        let today = domain::tracking::iso(crate::tracking::today());
        for c in store::procedures::checklists(db, studio.id).await? {
            let lines: Vec<String> = store::procedures::items(db, c.id, &today)
                .await?
                .into_iter()
                .map(|l| format!("- {}", l.label))
                .collect();
            out.push(item(Section::Checklist, c.name.clone(), lines.join("\n")));
        }
    }
    Ok(out)
}
