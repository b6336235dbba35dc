# Events: kinds, registration with a group and a waitlist, tickets, cancellation, check-in.
event-kind-workshop = Workshop
event-kind-launch = Launch event
event-kind-opening = Opening
event-kind-webinar = Webinar
event-field-kind = Kind of event
event-field-seats = Number of people
event-field-seats-hint = Coming with others? Register your group at once (up to { $max } people): you get your seats together or wait together.
event-error-group = Give a number of people between 1 and the maximum shown.
event-error-already = This address is already registered for this event (or on its waiting list). Look for the confirmation e-mail you received.
event-full-waitlist = Full for now: join the waiting list. If a seat frees up, we tell you by e-mail, in the order people registered.
event-hold-explain = Your seat is held for 24 hours: confirm your address with the link we e-mail you to keep it.
event-submit-waitlist = Join the waiting list
event-waitlisted-title = You are on the waiting list
event-waitlisted-body = The event is full. As soon as a seat frees up for you (or your group), we write to you.
event-registrations-title = Registrations
event-mail-when = When: { $when }. Where: { $place }.
event-mail-group = { $count ->
    [one] Seat booked for { $count } person.
   *[other] Seats booked for { $count } people.
}
event-mail-calendar = The attached file adds the event to your calendar.
event-mail-seated-subject = Your seat for “{ $event }”
event-mail-confirmed = Your registration for “{ $event }” is confirmed. Here is your ticket: show its QR code at the door.
event-mail-promoted-subject = A seat freed up: “{ $event }”
event-mail-promoted = Good news: a seat freed up at “{ $event }” and it is yours!
event-mail-hold = Confirm your address before { $until } to keep your seat; otherwise it goes to the next person.
event-mail-ticket = See my ticket
event-mail-cancel = Can't come? Cancel here to give your seat to someone else: { $url }
event-mail-reminder-subject = Tomorrow: “{ $event }”
event-mail-reminder = A quick reminder: “{ $event }” is tomorrow. We look forward to seeing you!
event-cancel-title = Cancel my registration
event-cancel-explain = Your seat (or your group's) goes to the next person on the waiting list.
event-cancel-submit = Yes, cancel my registration
event-cancelled-title = Registration cancelled
event-cancelled = Done: your registration is cancelled. Thank you for freeing your seat!
event-cancel-already = This registration is already cancelled.
event-cancel-expired-title = This link has expired
event-cancel-expired = The event has started: it can no longer be cancelled online. Write to us if needed.
event-cancel-forged = This cancellation link is not valid. Use the exact link from your e-mail.
event-ticket-title = Ticket
event-ticket-seats = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
event-ticket-show = Show this QR code at the door.
event-ticket-qr = Ticket QR code
event-ticket-code = Ticket code:
event-ticket-inactive = This registration no longer holds a seat (cancelled, lapsed or on the waiting list).
event-ticket-expired = This ticket is no longer valid: the event is over.
event-ticket-forged = This ticket link is not valid. Use the exact link from your e-mail.
event-checkin-title = Door
event-checkin-count = { $in } arrived out of { $total }
event-checkin-code-title = Scan or type a ticket
event-checkin-scan = Scan the ticket's QR code with the phone's camera, or type the code written under it.
event-checkin-submit = Check in
event-checkin-one = Arrived
event-checkin-arrived = Arrived at
event-checkin-list = Registered
event-checkin-waiting = { $count ->
    [one] { $count } registration on the waiting list.
   *[other] { $count } registrations on the waiting list.
}
event-checkin-done = { $name } has arrived. Welcome!
event-checkin-again = { $name } was already checked in.
event-checkin-unknown = This code matches no ticket. Check it and try again.
event-checkin-not-registered = This ticket holds no seat for this event (cancelled, lapsed or on the waiting list).
event-checkin-other-event = This ticket is for another event.
event-attendance-title = Attendance sheet
event-attendance-people = Participants
event-attendance-seats = People
event-attendance-confirmed = Address confirmed
event-attendance-arrived = Arrival
event-attendance-signature = Signature
event-attendance-yes = yes
event-attendance-no = no
event-attendance-csv = Attendance (CSV)
event-attendance-pdf = Attendance sheet (PDF)
