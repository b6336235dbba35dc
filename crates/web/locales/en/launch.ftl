# Bringing up a new centre step by step (issue 21)
launch-steps = Steps of the opening
launch-start-title = Open a new centre
launch-start-lead = Six steps on one page: the profile, the manager, the licence and its contract, the kit, the offers and the first events. Allow half an hour; you can stop and come back at any time.
launch-start-submit = Create the centre and continue
launch-field-address = Address
launch-field-postcode = Postcode
launch-field-email = Centre e-mail
launch-field-phone = Phone
launch-field-presentation = Presentation
launch-hint-presentation = A few sentences for the centre's public page; its manager can add to it.
launch-step-profile = Centre profile
launch-step-profile-todo = The centre's name, town and address.
launch-step-manager = Centre manager
launch-step-manager-todo = Invite the person who will run the centre.
launch-step-licence = Licence and contract
launch-step-licence-todo = Grant the licence; its contract is written and sent for signature.
launch-step-kit = Deployment kit
launch-step-kit-todo = Give the centre its copy of the current kit.
launch-step-offers = Offer catalogue
launch-step-offers-todo = Copy the studio's offers into the centre's catalogue.
launch-step-events = First events
launch-step-events-todo = Prepare the inauguration, the first events and the opening plan.
flash-launch-started = The centre is created. Now for its manager.
launch-flow-title = Open { $centre }
launch-flow-lead = Each step is saved as soon as you confirm it: you can leave this page and come back.
launch-progress = { $done }/{ $total } steps done · started { $started }
launch-done = Done
launch-do-step = Do this step
launch-finished-title = The centre is ready
launch-finished = Every step is done, in { $count ->
    [one] { $n } minute
   *[other] { $n } minutes
}.
launch-finished-next = Over to its manager: accept the invitation, sign the contract, review and open the offers, publish the events.
launch-link-centre = See the centre's page
launch-link-plan = See the opening plan
launch-field-manager = Manager's e-mail
launch-hint-manager = This person gets an invitation to create their account, valid for 14 days.
launch-submit-manager = Send the invitation
launch-manager-invited = Invitation sent to { $email }
launch-manager-joined = { $name } joined the centre
launch-link-members = See the members
launch-hint-licence = The licence stays a draft until both parties sign the contract, which goes straight to the invited manager.
launch-submit-licence = Grant the licence and send the contract
launch-licence-no-model = There is no licence model yet: write one before granting a licence.
launch-licence-done = { $name }, version { $version }, from { $start } · contract sent for signature
launch-link-contract = Follow the contract
launch-link-licence = See the licence
launch-kit-current = Kit version { $number } · { $items } items
launch-hint-kit = The centre gets a copy of each item. Its team reads it once the licence is in force; later versions will show it what changes.
launch-submit-kit = Apply the kit
launch-kit-none = No kit version is published: publish one first.
launch-kit-done = Version { $number } applied
launch-link-kit = See the centre's kit
launch-offers-legend = Studio offers to copy
launch-hint-offers = They arrive closed: the manager reviews the prices and opens them when the centre is ready to take applications.
launch-offers-none = The studio has no offer to copy yet.
launch-submit-offers = Copy the ticked offers
launch-offer-free = Free
launch-offers-done = { $count ->
    [0] No offer copied
    [one] { $n } offer copied, closed
   *[other] { $n } offers copied, closed
}
launch-link-offers = See the offers
launch-field-opens-on = Opening day
launch-hint-opens-on = The events are placed around this day.
launch-field-plan = Start the opening plan from this day
launch-events-legend = Events to prepare
launch-hint-events = They stay drafts, unpublished, until the centre publishes them.
launch-field-event-title = Title: { $kind }
launch-submit-events = Prepare the events
launch-event-opening = Inauguration of { $centre }
launch-event-workshop = Discovery workshop: launching your impact project
launch-event-launch = Launch of the first cohort
launch-event-when-opening = on the opening day, 6 to 8 pm
launch-event-when-workshop = a week later, 6:30 to 8:30 pm
launch-event-when-launch = three weeks later, 6 to 8 pm
launch-event-summary = An event of { $centre }.
launch-events-done = { $count ->
    [0] No event prepared
    [one] { $n } draft event
   *[other] { $n } draft events
}
launch-opening-on = opening on { $day }
launch-link-events = See the events
launch-link-profile = Complete the profile
launch-events-slug-taken = Another event just took this address: confirm again.
flash-launch-already = This step was already done.
flash-launch-manager = The invitation is on its way.
flash-launch-licence = The licence is granted and the contract sent for signature.
flash-launch-kit = The kit is applied.
flash-launch-offers = The offers are copied.
flash-launch-events = The events are prepared.
flash-launch-finished = Done: the centre is ready.
audit-centre-launch = Step of a centre's opening
centres-launch = Open a centre step by step
centres-launches = Openings in progress
centres-launch-progress = { $done }/6 steps done
launch-manager-gone = The invitation expired unanswered: invite again from the centre page.
