## The deployment kit (issue 21)
nav-kit = Deployment kit
ops-tab-kit = Kit
kit-title = Deployment kit
kit-admin-title = Deployment kit
kit-admin-lead = What the network gives each licensed centre: the operations manual, guides, offer templates, courses, diagnostics, canvas examples, the standard equipment, checklists and the opening plan. Each version published shows the centres exactly what changed.
kit-current = Version in force
kit-none-published = No version published yet: prepare the first one below.
kit-version = Version { $number }
kit-published-by = published on { $date } by { $name }
kit-items-count = { $count ->
    [0] no item
    [one] one item
   *[other] { $n } items
}
kit-versions-table = Published versions
kit-col-version = Version
kit-col-published = Published
kit-col-notes = What changes
kit-centres = The centres and their version
kit-centres-table = Each centre's kit version
kit-col-centre = Centre
kit-col-held = Version held
kit-col-state = State
kit-held = Version { $number }, taken on { $date }
kit-centre-not-started = Not started yet
kit-centre-nothing = Nothing to take
kit-centre-up-to-date = Up to date
kit-centre-pending = { $count ->
    [one] One change to take
   *[other] { $n } changes to take
}
kit-draft-title = Draft of version { $number }
kit-draft-lead = Centres see nothing of the draft before it is published.
kit-draft-changes = What this draft changes
kit-draft-no-change = Nothing yet: the draft is the same as the version in force.
kit-next = Next version
kit-next-lead = Open a draft: it starts from the items of the version in force.
kit-open-draft = Prepare version { $number }
kit-item-title = Title
kit-item-body = Content
kit-item-body-hint = In Markdown: headings with ##, lists with -, links in brackets.
kit-item-section = Part of the kit
kit-item-save = Save the item
kit-item-remove = Remove “{ $title }” from the draft
kit-add = Add an item
kit-add-submit = Add to the draft
kit-sources = Take in the network's tools
kit-sources-lead = Updates in the draft the standard equipment list, the opening plan, and the studio's offers and checklists, as they stand today.
kit-sources-submit = Take in the network's tools
kit-publish = Publish version { $number }
kit-notes = Release notes
kit-notes-hint = What centres should know about this version, in a sentence or two.
kit-publish-submit = Publish to every centre
kit-section-manual = Operations manual
kit-section-guide = Guides
kit-section-offer = Offer templates
kit-section-course = Courses and training
kit-section-diagnostic = Diagnostics
kit-section-canvas = Canvas examples
kit-section-equipment = Standard equipment
kit-section-checklist = Checklists
kit-section-opening = Opening plan
kit-change-added = Added
kit-change-removed = Removed
kit-change-changed = Changed
kit-was-titled = formerly “{ $title }”
kit-line-added = Line added:
kit-line-removed = Line removed:
kit-centre-title = Deployment kit · { $centre }
kit-centre-lead-none = Your centre has not taken the kit yet.
kit-start-title = Start with version { $number }
kit-newer-title = Version { $number } is out
kit-take-legend = The changes to take
kit-take-hint = Untick what you would rather keep as it is: your copy of those items will not move.
kit-take-submit = Take the ticked changes
kit-take-by-manager = The centre's manager can take these changes.
kit-held-items = Your centre's kit
kit-no-items = Your centre has no kit item yet.
kit-item-version = From version { $number } of the kit
kit-unlicensed-title = The kit is for licensed centres
kit-unlicensed = Your centre has no licence in force: the deployment kit and the operations manual open once both parties have signed the licence contract. Your own data stays available.
kit-back-to-centre = Back to the centre's page
kit-network-sees-unlicensed = This centre has no licence in force: its team does not see the kit.
kit-unit-price = { $price } each
kit-opening-day = on opening day
kit-weeks-before = { $count ->
    [one] one week before
   *[other] { $n } weeks before
}
kit-offer-format = Format: { $format }
kit-offer-duration = Duration: { $duration }
kit-offer-price = Price: { $price }
kit-offer-sessions = { $count ->
    [one] One session
   *[other] { $n } sessions
}
kit-source-equipment = Standard equipment list
kit-source-opening = Opening plan
kit-error-required = This field is required.
kit-error-too-long = This text is too long.
kit-error-section = Choose a part of the kit from the list.
kit-error-duplicate = The draft already has an item of this title in this part.
kit-error-nothing-changed = This draft changes nothing from the version in force: there is nothing to publish.
kit-error-empty = An empty kit is not published: add at least one item.
kit-error-stale = Your centre's kit changed meanwhile: here are the changes still to take.
flash-kit-draft-opened = The draft is open.
flash-kit-item-added = The item is added to the draft.
flash-kit-item-saved = The item is saved.
flash-kit-item-removed = The item is removed from the draft.
flash-kit-sources-taken = The network's tools are taken into the draft.
flash-kit-published = The version is published: each centre sees what changed.
flash-kit-taken = Your centre took the new version of the kit.
flash-kit-taken-partly = Your centre took the new version; the unticked changes are left aside.
audit-kit-changed = Deployment kit changed
audit-kit-taken = Kit version taken by a centre
