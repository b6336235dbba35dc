## Public site: landing page, pioneers, events, leads' data, SEO.

site-landing-title = Launch your local impact project
site-eyebrow = Local Impact Studio
site-cta-pioneers = Join the pioneers
site-cta-diagnostic = Take my self-diagnostic
site-cta-canvas = Try the canvas
site-cta-signup = Create my free account
site-cta-workshop = Register for the free workshop
site-counter = { $confirmed } / { $goal } pioneers
site-story-title = Our story
site-story-more = Read our whole story
site-offers-title = Our offers
site-offers-more = See the offers in detail
site-events-title = Events
site-events-lead = Free workshops, meet-ups and information sessions, near you or online.
site-events-upcoming = Upcoming events
site-events-none = Nothing is scheduled yet. Join the pioneers to hear about the next one.
site-events-all = All events
site-testimonials-title = What they say
site-video-captions = Captions
site-video-download = Download the video
site-video-watch = Watch the video
site-join-title = Ready to start?
site-join-text = Create your free account to keep your canvas and diagnostics, or come and meet the team at the discovery workshop first.
site-footer-story = Our story
site-footer-offers = Offers
site-footer-pioneers = Pioneers
site-footer-blog = Blog
site-footer-legal = Legal notice

## Default landing texts (the studio team can edit them)
site-default-promise-title = Launch your local impact project
site-default-promise-lead = Got an idea for your neighbourhood, village or town? The Local Impact Studio helps you turn it into a solid, useful and lasting project: a diagnostic to take stock, a canvas to build your model, coaching to move forward and a well-prepared launch.
site-default-story = It started with a simple observation: around us, dozens of people have a useful idea for their area (a repair shop, a community grocery, a bike workshop) and stop for lack of method, time or support.

    We opened a first studio to guide them step by step, with simple tools and a community of project holders. Tomorrow, a network of micro-centres will bring the same approach close to where you live.
site-default-testimonial-1-quote = The canvas made me put words on who I serve. In three weeks my repair-shop idea became a real project, with a budget.
site-default-testimonial-1-name = Camille
site-default-testimonial-1-role = neighbourhood repair shop, Villeurbanne
site-default-testimonial-2-quote = What helped most was the cohort: we move forward together, share contacts and dare more.
site-default-testimonial-2-name = Mehdi
site-default-testimonial-2-role = community bike workshop, Saint-Étienne
site-default-testimonial-3-quote = The self-diagnostic showed me where to begin. It saved me months.
site-default-testimonial-3-name = Sophie
site-default-testimonial-3-role = travelling bulk grocery, Drôme
site-default-video-title = The studio in three minutes

## Pioneers
site-pioneers-title = Join the pioneers
site-pioneers-lead = We are gathering a first group of 10 to 15 project holders to try the studio with us. Leave your details: we will get back to you to talk about it.
site-pioneers-submit = Join the pioneers
site-pioneers-why-title = Being a pioneer means
site-pioneers-why-1 = First access to the workshops, the canvas and the diagnostic, free during the pilot.
site-pioneers-why-2 = Support from the studio team and meeting other project holders.
site-pioneers-why-3 = Telling us what works and what is missing, to build the studio with us.
site-privacy-title = Your data
site-purpose = Purpose: getting back to you about the pioneers group, the workshops and our offers. Your data stays with the studio and is never sold or passed on.
site-retention = Retention: we keep it for 3 years after our last exchange. Then we ask whether you want to stay in touch; without an answer within 30 days, it is erased.
site-rights = Every e-mail has a link to download your data, unsubscribe or erase everything, without an account.
site-field-name = Name
site-field-town = Town
site-field-idea = Your project idea
site-field-idea-hint = A few lines are enough: the problem you want to solve, for whom, where.
site-field-interests = What interests you
site-field-consent = I agree that the studio may contact me about this.
site-field-newsletter-consent = I also want the studio's newsletter (once a month at most).
site-optional = (optional)
site-max-chars = At most { $max } characters.
site-honeypot = Leave this field empty
site-interest-diagnostic = The self-diagnostic of my project
site-interest-canvas = The impact canvas
site-interest-coaching = One-to-one coaching
site-interest-workshops = Group workshops
site-interest-micro-centre = Opening a micro-centre near me
site-error-consent = Tick this box so that we can get back to you.
site-check-mail-title = Check your inbox
site-check-mail-body = If this address is right, an e-mail is on its way with a link to confirm your sign-up. The link works for 7 days.
site-check-mail-spam = Nothing after a few minutes? Look in your spam folder.
site-confirmed-title = Confirmed, welcome!
site-confirmed-body = Your address is confirmed. The studio team will get back to you soon. Meanwhile, have a look at the upcoming workshops.
site-confirmed-action = See the upcoming workshops
site-link-unknown = This link matches no sign-up. It may have been used already: if your sign-up is confirmed, there is nothing else to do.
site-expired-title = This link has expired
site-expired-body = Confirmation links work for 7 days. Enter your e-mail address and we will send you a new one.
site-expired-submit = Send me a new link

## E-mails to leads
site-mail-confirm-subject = Confirm your sign-up to the Local Impact Studio
site-mail-confirm-body = Thank you for joining the pioneers of the Local Impact Studio! Confirm your address to complete your sign-up.
site-mail-confirm-event = Thank you for registering for "{ $event }"! Confirm your address to keep your seat.
site-mail-confirm-why = We ask you to confirm to be sure it was really you who signed up.
site-mail-confirm-action = Confirm my address
site-mail-confirm-expiry = This link works for 7 days.
site-mail-unsubscribe = Unsubscribe
site-mail-my-data = My data
site-mail-retention-subject = Do you want to stay in touch with the Local Impact Studio?
site-mail-retention-body = We have not been in touch for three years. To respect your privacy, we do not keep the details of people who no longer want to hear from us.
site-mail-retention-how = If you want to stay in touch, open the "my data" page and click "Keep my data". You can also download or erase it right away.
site-mail-retention-action = Open my data
site-mail-retention-after = Without an answer within 30 days, your data will be erased. Thank you for following the studio!

## My data, unsubscribe
site-my-data-title = My data
site-my-data-lead = Here is what the Local Impact Studio keeps about you. You can download it, keep it, unsubscribe or erase everything.
site-my-data-since = Signed up on
site-my-data-confirmed = Address confirmed on
site-my-data-last-contact = Last exchange
site-my-data-event = Event
site-my-data-download = Download my data (JSON)
site-my-data-keep-title = Stay in touch
site-my-data-keep = Keep my data
site-my-data-asked = We asked whether you want to stay in touch. Click "Keep my data" to stay; otherwise it will be erased 30 days after our message.
site-my-data-newsletter-title = Newsletter
site-none = —
site-kept-title = Noted, thank you!
site-kept-body = We keep your details. We will ask again in 3 years if we have not been in touch by then.
site-unsubscribe-title = Unsubscribe
site-unsubscribe-text = You will no longer receive the studio's newsletter. Messages about something you signed up for (a workshop, for example) will still arrive.
site-unsubscribe-submit = Unsubscribe from the newsletter
site-unsubscribed-title = You are unsubscribed
site-unsubscribed-body = You will no longer receive the newsletter. You can sign up again at any time from the pioneers form.
site-erase-title = Erase everything
site-erase-text = Your name, address, project idea, registrations and the team's notes are deleted for good.
site-erase-confirm = I confirm: erase all my data.
site-erase-confirm-staff = I confirm the permanent erasure of this lead (at the person's request).
site-erase-confirm-required = Tick this box to confirm the erasure.
site-erase-submit = Erase for good
site-erased-title = Your data is erased
site-erased-body = We no longer keep anything about you. Thank you for following the studio.
site-manage-gone = This link no longer works: the data it led to has been erased, or the link has expired. Write to us if you have a question about your data.

## Events
site-share-title = Share this event
site-share-email = E-mail
site-share-linkedin = LinkedIn
site-share-facebook = Facebook
site-event-online = Online
site-event-full = Full
site-event-seats-left = { $count ->
    [one] { $n } seat left
   *[other] { $n } seats left
}
site-event-starts = Starts
site-event-ends = Ends
site-event-place = Place
site-event-link = Video call link
site-event-seats = Seats
site-event-register = Register
site-event-submit = Book my seat
site-event-full-error = This event is full: there are no seats left. Join the pioneers to hear about the next one.
site-event-past = This event is over.
site-event-title = Title
site-event-slug = Page address
site-event-slug-hint = Lower-case letters, digits and hyphens. Leave empty to derive it from the title.
site-event-summary = Summary
site-event-description = Description
site-event-paris-time = Paris time.
site-event-capacity = Number of seats
site-event-published = Published on the site
site-error-datetime = Enter a date and a time.
site-error-ends-before = The end must come after the start.
site-error-https = The link must start with https://.
site-error-place-or-link = Enter a place or a video call link.
site-error-capacity = Enter a number of seats between 1 and 10,000.
site-error-slug-taken = Another event already uses this address.

## Team: leads
site-leads-title = Leads
site-leads-count = { $count ->
    [0] No leads
    [one] { $n } lead
   *[other] { $n } leads
}
site-leads-empty = No lead matches these filters.
site-leads-csv = Export as CSV
site-filter-any = All
site-filter-search = Search
site-filter-confirmed-yes = Confirmed
site-filter-confirmed-no = Not confirmed
site-field-interests-staff = Interests
site-field-idea-staff = Project idea
site-field-status = Status
site-field-source = Source
site-field-campaign = Campaign
site-field-medium = Medium
site-field-tag = Tag
site-field-tags = Tags
site-field-confirmed = Confirmed
site-field-newsletter = Newsletter
site-field-account = Account
site-account-since = Signed up on the platform on { $date }
site-account-none = No account yet
site-has-account = Signed up
site-field-created = Signed up on
site-field-utm-source = Source (utm_source)
site-field-utm-campaign = Campaign (utm_campaign)
site-confirmed = Confirmed
site-unconfirmed = Pending
site-yes = Yes
site-no = No
site-save = Save
site-tags-hint = Separated by commas, 10 at most.
site-invite-title = Invite to create an account
site-invite-submit = Send the invitation
site-invited-at = Invitation sent on
site-notes-title = Notes
site-note-new = New note
site-note-add = Add the note
site-notes-empty = No notes yet.
lead-status-new = New
lead-status-contacted = Contacted
lead-status-pioneer = Pioneer
lead-status-participant = Participant
lead-source-pioneers = Pioneers form
lead-source-event = Event registration
lead-source-diagnostic = Self-diagnostic
flash-lead-saved = Saved.
flash-lead-invited = The invitation is sent: the lead is now a "Participant".
flash-lead-erased = The lead is erased.
flash-site-saved = Saved: the site is up to date.
nav-leads = Leads
nav-site = Public site
audit-leads-exported = Leads exported
audit-lead-erased = Lead erased
audit-lead-converted = Lead invited to create an account
audit-site-edited = Public site edited

## Team: campaigns
site-campaigns-title = Campaigns
site-campaigns-lead = Leads by source and campaign: how many signed up, how many confirmed, how many were invited to create an account.
site-col-leads = Leads
site-col-converted = Invited
site-builder-title = Build a campaign link
site-builder-lead = A link with UTM parameters: everyone who signs up after following it is attributed to the campaign. No third-party tracker.
site-builder-page = Page
site-builder-submit = Build the link
site-builder-result = Link to share
site-builder-share = Paste this link into your post, e-mail or poster (as a QR code). A plain link: no share button or script from another site.

## Team: public site
site-admin-title = Public site
site-admin-lead = The landing page texts, in each language, and the goal of the pioneers counter.
site-admin-goal = Pioneers goal
site-admin-goal-hint = Shown on the landing page: "12 / 15 pioneers".
site-error-goal = Enter a whole number between 1 and 100,000.
site-admin-promise = The promise
site-admin-promise-title = Title
site-admin-promise-lead = Lead text
site-admin-story-hint = An empty line separates two paragraphs.
site-admin-testimonial = Testimonial
site-admin-quote = Quote (leave empty to hide it)
site-admin-quote-role = Project, town
site-admin-video = Pitch video
site-admin-video-hint = A video uploaded to this site (address starting with /) plays in the page; a link to another site (https://) shows as a plain link, with no third-party player or tracker.
site-admin-video-title = Section title
site-admin-video-url = Video address
site-admin-video-captions = WebVTT captions (address starting with /)
site-error-video-url = The address must start with / (a video on this site) or https://.
site-error-captions-url = The captions address must start with /.
site-admin-events-title = Events
site-admin-event-new = New event
site-admin-event-view = see the page
site-admin-event-seats = { $taken } / { $capacity }
site-admin-video-upload = Upload the pitch video
site-admin-video-upload-hint = An MP4 or WebM file (10 MB at most), served by this site: no player or tracker from another site. WebVTT captions are recommended.
site-admin-video-file = Video (MP4 or WebM)
site-admin-video-captions-file = Captions (WebVTT, optional)
site-admin-video-submit = Upload the video
site-error-video-file = Choose an MP4 or WebM video file.

site-stories-title = They launched their project
site-stories-all = All case studies
site-posts-title = From the Impact Local blog
site-posts-all = All posts
site-podcast-link = The podcast
site-footer-micro = The micro-centres
site-filter-all-centres = All centres
nav-events = Events
