# The CRM: contacts, organisations, interactions, prospecting, import, segments.
nav-contacts = Relations
nav-prospection = Prospecting
todo-follow-ups = Follow-ups due
audit-contacts-imported = Relations imported
audit-contacts-exported = Relations exported
crm-tabs = Relations
crm-people-title = People
crm-orgs-title = Organisations
crm-board-title = Prospecting
crm-segments-title = Segments
crm-import-title = CSV import
crm-person-new = New person
crm-org-new = New organisation
crm-export-csv = Export as CSV
crm-search = Name or address
crm-search-org = Name or SIRET
crm-people-empty = Nobody yet. Add a person or import a CSV file.
crm-orgs-empty = No organisation yet.
crm-has-account = Has an account
crm-has-lead = Site lead
crm-none = (none)
crm-yes = yes
crm-no = no
crm-save = Save
crm-edit = Edit
crm-details = Details
crm-page-prev = Previous page
crm-page-next = Next page
crm-page-of = Page { $page } of { $pages } · { $total } in all
crm-people-count = { $count ->
    [0] Nobody
    [one] { $n } person
   *[other] { $n } people
}
crm-deals-count = { $count ->
    [0] No deal
    [one] { $n } deal
   *[other] { $n } deals
}
crm-col-name = Name
crm-col-email = E-mail
crm-col-phone = Phone
crm-col-role = Role
crm-col-organisation = Organisation
crm-col-tags = Tags
crm-col-newsletter = Newsletter
crm-col-people = People
crm-field-name = Full name
crm-field-org-name = Organisation name
crm-field-phone = Phone
crm-field-role = Role
crm-field-organisation = Organisation
crm-field-kind = Kind
crm-field-tag = Tag
crm-field-tags = Tags
crm-field-tags-hint = Separated by commas, for example: sponsor, elected
crm-field-newsletter = Newsletter
crm-field-newsletter-consent = Agreed to receive the newsletter
crm-field-address = Address
crm-field-website = Website
crm-field-notes = Notes
crm-field-siret-hint = 14 digits, spaces allowed
crm-consent-since = Yes, since { $date }
crm-kind-partner = Partner
crm-kind-funder = Funder
crm-kind-institution = Institution
crm-kind-supplier = Supplier
crm-kind-client = Client
crm-error-siret = This SIRET is not valid: it needs 14 digits and its check digit (Luhn) must match.
crm-error-siret-taken = An organisation of this centre already has this SIRET.
crm-error-email-taken = A person of this centre already has this address.
crm-error-phone = This does not look like a phone number (6 to 20 digits).
crm-error-website = This website address is not valid.
crm-error-amount = An amount in euros, for example 12500 or 1200.50.
crm-error-date = A date as YYYY-MM-DD.
crm-error-stage-name = Give the stage a name.
crm-error-segment-taken = A segment already has this name.
crm-flash-saved = Saved.
crm-flash-interaction = Interaction logged.
crm-flash-follow-up-done = Follow-up done.
crm-flash-deal-saved = Deal added.
crm-flash-deal-moved = Deal moved.
crm-flash-stage-saved = Stages saved.
crm-flash-imported = Import done.
crm-flash-segment-saved = Segment saved.
crm-history = History
crm-history-empty = Nothing yet: log your first interaction.
crm-timeline-lead = Site lead
crm-timeline-registration = Registration
crm-timeline-application = Application
crm-timeline-order = Order
crm-timeline-account = Account opened
crm-interaction-new = Log an interaction
crm-interaction-add = Save the interaction
crm-interaction-call = Call
crm-interaction-meeting = Meeting
crm-interaction-email = E-mail
crm-interaction-note = Note
crm-field-interaction-kind = Kind of interaction
crm-field-interaction-body = What was said
crm-field-follow-up = Follow up on
crm-field-follow-up-hint = Optional: the follow-up shows in “To do” that day.
crm-follow-up-on = follow up on { $day }
crm-follow-up-done = Follow-up done
crm-follow-up-late = Late
crm-follow-up-today = Today
crm-board-total = Total in progress:
crm-move-to = Stage
crm-move = Move
crm-deal-new = New deal
crm-deal-add = Add the deal
crm-deal-partner = Institutional partner
crm-deal-premium = Premium client
crm-field-deal-title = Title
crm-field-deal-kind = Kind of deal
crm-field-amount = Amount (€)
crm-field-amount-hint = Leave empty if you do not know yet.
crm-field-expected = Expected date
crm-field-stage = Stage
crm-stages-title = Stages
crm-stages-hint = Rename the stages or add one at the end.
crm-stage-name = Stage
crm-stage-new = New stage
crm-stage-add = Add the stage
crm-rename = Rename
crm-import-intro = A CSV file (comma or semicolon separated) with a header line: nom, email, téléphone, rôle, organisation, type, siret, adresse, site, tags, newsletter (English names work too). You see what will be created first, then confirm.
crm-import-file = CSV file
crm-import-file-hint = 5,000 lines at most. Duplicates (same e-mail, same SIRET) are skipped.
crm-import-paste = Or paste the file's content
crm-import-preview-submit = Preview
crm-import-preview = Preview
crm-import-line = Line
crm-import-outcome = Outcome
crm-import-reason = Reason
crm-import-confirm = Confirm the import
crm-import-nothing = Nothing new to import.
crm-import-status-new = New
crm-import-status-duplicate = Duplicate
crm-import-status-invalid = Invalid
crm-import-new = { $count ->
    [0] No new line
   *[other] { $n } new
}
crm-import-duplicates = { $count ->
    [0] No duplicate
    [one] { $n } duplicate
   *[other] { $n } duplicates
}
crm-import-invalid = { $count ->
    [0] No invalid line
   *[other] { $n } invalid
}
crm-import-error-empty = The file is empty.
crm-import-error-header = The first line must name the columns, “nom” (name) or “organisation” among them.
crm-import-error-too-long = The file is too long (5,000 lines at most).
crm-import-no-name = Neither a name nor an organisation.
crm-import-too-long = A name is longer than 120 characters.
crm-import-bad-email = Invalid e-mail address.
crm-import-bad-siret = Invalid SIRET (14 digits, check digit).
crm-import-bad-kind = Unknown kind (partner, funder, institution, supplier or client).
crm-import-bad-phone = Invalid phone number.
crm-import-bad-website = Invalid website.
crm-import-dup-email = A person already has this address.
crm-import-dup-email-file = Same address as a line above.
crm-import-dup-siret = An organisation already has this SIRET.
crm-import-dup-siret-file = Same SIRET as a line above.
crm-import-dup-org-name = An organisation already has this name.
crm-import-dup-org-name-file = Same organisation as a line above.
crm-import-dup-person-name = A person without an address already has this name.
crm-import-dup-person-name-file = Same person as a line above.
crm-segments-intro = A segment is a saved filter: the newsletters use it to choose whom to write to (only people who agreed).
crm-segments-empty = No segment yet.
crm-segment-new = New segment
crm-segment-filter = Filter
crm-segment-consent = Only people who accept the newsletter
crm-segment-count = Count
crm-segment-save = Save the segment
crm-field-segment-name = Segment name
crm-digest-subject = { $count ->
    [one] 1 follow-up due today
   *[other] { $n } follow-ups due today
}
crm-digest-intro = { $count ->
    [one] Here is the follow-up due today or late:
   *[other] Here are the { $n } follow-ups due today or late:
}
crm-digest-line = { $name } — { $kind }, { $day }: { $text }

## A deal created from a person's page.
crm-deal-create = Create a deal
crm-deal-with = Deal with { $name }
crm-deal-contact = With:
