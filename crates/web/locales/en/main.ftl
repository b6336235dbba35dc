## Site
site-description = Impact Studio supports people building local impact projects: diagnostic, canvas, coaching and launch.
skip-to-content = Skip to content
demo-banner = Demo instance: the data and accounts are made up.
footer-privacy = Privacy
footer-tagline = Impact Studio · free software for local impact studios and their micro-centres.
datetime = { $date } at { $time }
lang-fr-label = Afficher en français
lang-en-label = Show in English
pagination = Pagination
page-previous = ← Previous page
page-next = Next page →
action-save = Save
action-filter = Filter

## Navigation
nav-label = Main navigation
nav-menu = Menu
nav-home = Home
nav-sign-in = Sign in
nav-sign-up = Create an account
nav-sign-out = Sign out
nav-dashboard = Dashboard
nav-projects = My projects
nav-projects-staff = Projects
nav-centres = Centres
nav-my-centre = My centre
nav-audit = Audit log
nav-jobs = Background jobs
nav-outbox = Sent emails
nav-account = My account

## Months
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Roles
role-visitor = visitor
role-participant = project holder
role-ambassador = ambassador
role-coach = coach
role-centre-manager = centre manager
role-network-admin = studio team

## Project stages
stage-idea = Idea
stage-test = Test
stage-launch = Launch
stage-activity = Running
stage-spread = Spreading

## Home
home-title = Launch your local impact project
home-hero-title = Launch your local impact project
home-hero-lead = Got an idea for your neighbourhood, your village or your town? The Studio d'Impact Local helps you turn it into a solid, useful and lasting project, step by step and with people at your side.
home-cta-start = Start for free
home-steps-title = How it works
home-step-1-title = Take stock
home-step-1-text = A ten-minute self-assessment shows where your project stands and where to start.
home-step-2-title = Build your model
home-step-2-text = The impact canvas helps you set out your problem, your audiences, your solution and your business model.
home-step-3-title = Get support
home-step-3-text = A cohort, a coach and workshops to move forward alongside other project holders.
home-step-4-title = Go for it
home-step-4-text = Roadmap, financial forecast and impact indicators: you set off with a clear plan.
home-cta-band = Join the project holders who are changing their local area.

## Privacy
privacy-title = Privacy and personal data
privacy-intro = The Studio d'Impact Local processes your data to support you with your project. This page explains which data, why, and what your rights are.
privacy-what-title = Data we collect
privacy-what = Your name, your email address, your roles in centres, the projects you follow, and a log of sensitive actions (sign-ins, role changes, exports, deletions). Your password is never stored in plain text.
privacy-why-title = Purposes and retention
privacy-why = We use this data to manage your account and your support. It is kept for as long as your account is active; the audit log is kept without identifying data after your account is deleted.
privacy-rights-title = Your rights
privacy-rights = From “My account”, you can download all your data as JSON and delete your account at any time. For any other request, write to the studio team.
privacy-cookies-title = Cookies
privacy-cookies = We only use necessary cookies: your sign-in session, form protection and your chosen language. No advertising trackers and no third-party analytics.

## Fields
field-display-name = Your name
field-email = Email address
field-password = Password
field-password-hint = At least { $min } characters. A phrase of a few words is ideal.
field-new-password = New password
field-current-password = Current password
field-new-email = New email address
field-centre-name = Centre name
field-town = Town
field-slug = Web address identifier
field-slug-hint = Lowercase letters, digits and hyphens. Leave empty to derive it from the name.

## Errors on fields
error-required = This field is required.
error-too-long = This text is too long.
error-email-invalid = This email address isn't valid, for example: firstname@example.com
error-email-same = That's already your current address.
error-password-too-short = This password is too short.
error-password-too-long = This password is too long (128 characters at most).
error-password-too-common = This password is too common: choose one that's harder to guess.
error-password-wrong = This password doesn't match.
error-slug-invalid = Use only lowercase letters, digits and hyphens (2 to 60 characters).
error-slug-taken = This identifier is already taken by another centre.
error-role-unknown = This role doesn't exist.
error-role-not-allowed = You can't give this role.
error-locale-unknown = This language isn't available.
error-too-many-attempts = Too many attempts. Try again in a few minutes.
error-form-invalid = This form is incomplete or malformed. Reload the page and try again.
error-body-too-large = The data you sent is too large.
error-query-invalid = This address has an incorrect parameter. Check the link and try again.
error-control-chars = What you sent contains invisible characters (control characters) that cannot be saved. Remove them and try again.
error-input-invalid = What you sent cannot be saved as it is (invalid characters or text too long). Correct it and try again.
error-busy-text = Many sign-ins are in progress right now. Try again in a few seconds.
error-revoke-self = You can't remove your own manager role.

## Error pages
error-back-home = Back to the home page
error-400-title = Bad request
error-401-title = Sign-in required
error-401-text = Sign in to see this page.
error-403-title = Access denied
error-403-text = You don't have access to this page. If you think this is a mistake, contact the person who manages your centre.
error-404-title = Page not found
error-404-text = This page doesn't exist or has moved.
error-409-title = Changed in the meantime
error-422-title = Not possible right now
error-stale-text = Someone changed this in the meantime. Reload the page to see the current version, then make your change again.
error-duplicate-text = This already exists: that name or address is already taken.
error-full-text = The limit is reached: remove something before adding more.
error-already-done-text = This is already done: nothing was changed.
error-413-title = Upload too large
error-429-title = Too many requests
error-429-text = You've made a lot of requests in a short time. Wait a few minutes, then try again.
error-500-title = Something went wrong
error-500-text = Something went wrong on our side. Try again in a moment; nothing you had saved is lost.
error-503-title = Service temporarily unavailable
error-503-text = The database isn't responding right now. Try again in a moment.
error-csrf-text = Your form session has expired. Reload the page, then send the form again.

## Sign-up
signup-title = Create your account
signup-lead = Free, no commitment. You'll receive a link to confirm your address.
signup-submit = Create my account
signup-have-account = Already have an account?
signup-aside-title = With your account
signup-aside-1 = Take stock of your project with the self-assessment.
signup-aside-2 = Build your impact canvas and keep its history.
signup-aside-3 = Find your coach, your workshops and your roadmap in one place.
check-email-title = Check your inbox
check-email-signup = If this address can be used, we've just sent it a link to confirm your account. It's valid for 48 hours.
check-email-reset = If an account exists with this address, we've just sent it a link to choose a new password. It's valid for one hour.
check-email-spam = Nothing after a few minutes? Look in your spam folder.
link-invalid-title = This link is no longer valid
link-invalid-verify = This confirmation link has expired or has already been used. Sign in: if your address isn't confirmed yet, we'll send you a new one.
link-invalid-reset = This reset link has expired or has already been used. Ask for a new one.
link-invalid-email = This address change link has expired or has already been used.
link-invalid-invitation = This invitation has expired or has already been accepted. Ask the person who invited you to send you a new one.
email-taken-meanwhile = This address is now used by another account. Your address hasn't changed.

## Sign-in
login-title = Sign in
login-lead = Good to see you again!
login-submit = Sign me in
login-forgot = Forgotten your password?
login-no-account = No account yet?
login-failed = Incorrect email address or password. After several attempts, sign-in is suspended for 15 minutes.
login-unverified = Confirm your email address first: we've just sent you a new link.
login-aside-title = Your project is moving forward
login-aside-text = Get back to your dashboard, your projects and your support team.

## Password reset
forgot-title = Forgotten password
forgot-lead = Enter your email address: we'll send you a link to choose a new password.
forgot-submit = Send me the link
forgot-request-again = Ask for a new link
reset-title = Choose a new password
reset-lead = This new password will replace the old one and sign you out of your other devices.
reset-submit = Save the password

## Flash messages
flash-email-verified = Your address is confirmed. You can sign in.
flash-signed-out = You're signed out. See you soon!
flash-password-reset = Your password has been changed. Sign in with the new one.
flash-password-changed = Your password has been changed. Your other devices have been signed out.
flash-profile-saved = Your profile is saved.
flash-email-change-sent = We've sent a confirmation link to the new address. The change will happen when you open it.
flash-email-changed = Your email address has been changed.
flash-account-deleted = Your account has been deleted. Thank you for being part of the adventure.
flash-centre-created = The centre has been created. Now invite its team.
flash-invitation-sent = The invitation is on its way.
flash-invitation-accepted = Welcome! Your new role is active.
flash-role-revoked = The role has been removed.
flash-job-retried = The job has been put back in the queue.

## Account
account-title = My account
account-lead = Member since { $date }.
account-profile = Profile
account-email = Email address
account-email-current = Current address: { $email }
account-email-submit = Change address
account-password = Password
account-password-submit = Change password
account-roles = My roles
account-roles-none = You don't have a role in a centre yet. An invitation from a centre will give you one.
account-data = My data
account-export = Download my data
account-export-text = All the data we hold about you, in a JSON file.
account-export-submit = Download (JSON)
account-delete = Delete my account
account-delete-text = Your personal data will be permanently erased. The audit log keeps an anonymous record of past actions.
account-delete-submit = Delete permanently

## Dashboard
dashboard-title = Dashboard
dashboard-greeting = Hello { $name }!
dashboard-lead = Here's where your projects and centres stand.
dashboard-network = The network in numbers
dashboard-centres = Your centres
dashboard-projects = Your projects
dashboard-followed = The projects you coach
dashboard-empty-title = No project yet
dashboard-empty-text = When you join a centre or launch your project, it will show up here.
stat-centres = centres
stat-members = members
stat-projects = projects
stat-invitations = pending invitations
stat-jobs-waiting = queued jobs
stat-jobs-failed = failed jobs
centre-members-count = { $count ->
    [0] no members
    [one] { $n } member
   *[other] { $n } members
}
centre-projects-count = { $count ->
    [0] no projects
    [one] { $n } project
   *[other] { $n } projects
}

## Projects
projects-title = Projects
projects-lead = The projects you lead or follow.
projects-mine = My projects
projects-mine-empty = You don't lead or follow any project yet.
projects-of-centre = Projects at { $centre }
projects-centre-empty = This centre has no projects yet.
project-members = Project holders
project-followers = Coaches

## Tables
col-project = Project
col-stage = Stage
col-summary = Summary
col-centre = Centre
col-created = Created
col-kind = Type
col-town = Town
col-members = Members
col-name = Name
col-role = Role
col-since = Since
col-actions = Actions
col-when = Date
col-action = Action
col-actor = By
col-subject = Concerns
col-detail = Details
col-status = Status
col-attempts = Attempts
col-error = Last error

## Centres
centres-title = Network centres
centres-lead = The studio and its licensed micro-centres.
centres-new = Open a new micro-centre
centres-create = Create the centre
centre-kind-studio = Studio
centre-kind-micro = Micro-centre
centre-members = Team and members
centre-revoke = Remove
centre-revoke-confirm = Remove this role? The person will lose the access that comes with it.
centre-invite = Invite someone
centre-invite-lead = They'll receive a link, valid for 14 days, to join the centre with this role.
centre-invite-submit = Send the invitation
centre-invite-expires = expires on { $date }
centre-pending = Pending invitations
centre-pending-none = No pending invitations.

## Invitations
invitation-title = Invitation
invitation-lead = You're invited to join { $centre } as { $role }.
invitation-accept = Accept the invitation
invitation-sign-in-first = An account already exists for { $email }: sign in to accept.
invitation-create-account = Create your account for { $email } by choosing your name and a password.
invitation-accept-create = Create my account and accept

## Audit log
audit-title = Audit log
audit-lead = Sensitive actions: sign-ins, roles, invitations, exports and deletions.
audit-all-centres = Whole network
audit-empty = No actions recorded yet.
audit-sign-in = Sign-in
audit-sign-in-failed = Failed sign-in
audit-sign-out = Sign-out
audit-sign-up = Account created
audit-password-reset = Password reset
audit-password-changed = Password changed
audit-email-changed = Email address changed
audit-role-granted = Role granted
audit-role-revoked = Role removed
audit-invitation-sent = Invitation sent
audit-invitation-accepted = Invitation accepted
audit-centre-created = Centre created
audit-data-exported = Personal data exported
audit-account-deleted = Account deleted
audit-job-retried = Job retried

## Jobs
jobs-title = Background jobs
jobs-lead = Email sending and other work done in the background, with their attempts.
jobs-filter = Filter by status
jobs-all = All
jobs-empty = No jobs.
jobs-retry = Retry
job-status-queued = queued
job-status-running = running
job-status-done = done
job-status-failed = failed
job-kind-send-email = Send email
job-kind-noop = Queue check
job-kind-password-reset-request = Password reset link
job-kind-email-change-request = New address confirmation

## Outbox
outbox-title = Sent emails
outbox-lead = No SMTP server is configured: emails are dropped into the local outbox folder and shown here.
outbox-smtp = Emails go out through the configured SMTP server; they aren't kept here.
outbox-empty = No emails yet.

## E-mails
email-footer = Impact Studio · Studio d'Impact Local. You're receiving this message because of an action on our website.
email-greeting = Hello { $name },
email-greeting-plain = Hello,
email-ignore-if-not-you = If you didn't make this request, ignore this message: nothing will change.
email-verify-subject = Confirm your email address
email-verify-body = Welcome to Impact Studio! To activate your account, confirm your email address.
email-verify-action = Confirm my address
email-verify-after = This link is valid for 48 hours.
email-existing-subject = Attempt to create an account
email-existing-body = Someone tried to create an account with this address, which already has one. If it was you, sign in, or choose a new password if you've forgotten it.
email-existing-action = Choose a new password
email-reset-subject = Choose a new password
email-reset-body = You asked to change your password. Click the button to choose a new one.
email-reset-action = Choose a new password
email-reset-expiry = This link is valid for one hour and works only once.
email-change-subject = Confirm your new email address
email-change-body = You asked to use this address for your Impact Studio account. Confirm it to finish the change.
email-change-action = Confirm this address
email-changed-subject = Your email address has been changed
email-changed-body = The email address for your Impact Studio account has just been replaced with a new one.
email-changed-not-you = If you didn't make this change, reply to this message right away.
email-invite-subject = Invitation to join { $centre }
email-invite-body = { $inviter } invites you to join { $centre } on Impact Studio as { $role }.
email-invite-action = See the invitation
email-invite-expiry = This invitation is valid for 14 days.

## Impact Model Canvas
canvas-section = Impact Model Canvas
canvas-section-lead = Lay out your impact model on one page: the problem, the people, the solution, the change you aim for and the business model.
canvas-none = This project has no canvas yet.
canvas-updated = changed on { $date }
canvas-new = New canvas
canvas-field-title = Canvas title
canvas-field-title-hint = Leave empty to name it after the project.
canvas-field-start = Start from
canvas-start-blank = A blank canvas
canvas-start-example = The “{ $name }” example
canvas-create = Create the canvas
canvas-default-title = { $project } canvas
canvas-import = Import a canvas
canvas-import-field = Exported JSON file
canvas-import-hint = Paste the content of an “Export as JSON” file here. Nothing is imported if a single note has a problem.
canvas-import-submit = Import
canvas-count = { $count } notes out of { $max }
canvas-export-md = Export as Markdown
canvas-export-json = Export as JSON
canvas-deleted = Note deleted.
canvas-undo = Undo the deletion
canvas-guide = Practical guide
canvas-prompts = Questions to help you
canvas-example = Example:
canvas-mistakes = Common mistakes
canvas-hypothesis = hypothesis
canvas-validated = validated
canvas-evidence = Evidence:
canvas-block-empty = (empty)
canvas-move-up = Move the note up
canvas-move-down = Move the note down
canvas-move-to = Move to block
canvas-move = Move
canvas-delete = Delete
canvas-edit = Edit
canvas-field-text = Note text
canvas-field-colour = Colour
canvas-field-status = Status
canvas-field-evidence = Evidence (what validates the note)
canvas-add-label = New note in “{ $block }”
canvas-add = Add the note
canvas-colour-yellow = yellow
canvas-colour-green = green
canvas-colour-blue = blue
canvas-colour-pink = pink
canvas-colour-orange = orange
canvas-colour-purple = purple
canvas-hint-empty = to fill in
canvas-hint-short = to complete
canvas-hint-no-indicator = no indicator linked
canvas-hint-complete = complete
canvas-error-unknown-block = This block does not exist in the canvas.
canvas-error-empty = Write something in the note.
canvas-error-too-long = A note holds at most 2,000 characters: split it into several notes.
canvas-error-evidence-too-long = Evidence holds at most 2,000 characters.
canvas-error-title = The title is required and holds at most 120 characters.
canvas-error-too-many = This canvas has reached 300 notes: group or delete notes before adding more.
canvas-error-colour = This colour does not exist.
canvas-error-status = This status does not exist.
canvas-error-stale = This note changed since you opened it.
canvas-error-import = This file is not a canvas exported by Impact Studio.
canvas-error-template = This file comes from another canvas template.
canvas-error-example = This example does not exist.
flash-canvas-kept-both = Someone edited this note at the same time as you: your version is kept in a new note right beside it.
flash-canvas-delete-stale = This note was changed in the meantime: it was not deleted. Read it again before retrying.
flash-canvas-full = The canvas is full (300 notes): the note could not come back.

## Roadmaps
nav-roadmaps = Roadmaps
roadmaps-title = Roadmaps
roadmaps-lead = Your centre's main stages, month by month, and what is already done.
roadmaps-empty = No roadmap yet. Import yours below.
roadmaps-import = Import a roadmap
roadmaps-import-lead = Paste a roadmap's Markdown: a “#” title, “##” phases, “###” periods and “- [ ]” checkboxes.
roadmaps-import-submit = Import the roadmap
roadmap-field-start = Start date
roadmap-field-start-hint = “Month 1” starts in the month of this date. Optional.
roadmap-field-markdown = Roadmap Markdown
roadmap-field-markdown-hint = Nothing is imported if a line has a problem: the message says which one.
roadmap-progress = { $done } of { $total } done
roadmap-export = Export as Markdown
roadmap-current = current
roadmap-started = started in { $date }
roadmap-no-start = no start date
roadmap-done = done
roadmap-todo = to do
dashboard-roadmaps = Roadmaps
flash-roadmap-stale = The roadmap changed in the meantime: here is the current version, make your choice again.
roadmap-error-at-line = Line { $line }: { $message }
roadmap-error-start-date = Write the date as YYYY-MM-DD, for example 2026-10-01.
roadmap-error-empty = The file is empty.
roadmap-error-too-large = The file is too large (1 MB at most).
roadmap-error-invalid-utf8 = The text is not UTF-8.
roadmap-error-missing-title = The first line must be the title, written “# Title”.
roadmap-error-empty-title = The title is empty.
roadmap-error-second-title = Only one “#” title is allowed.
roadmap-error-empty-heading = This section heading is empty.
roadmap-error-period-outside-phase = A period (“###”) must come after a phase (“##”).
roadmap-error-item-outside-period = A checkbox must come after a period (“###”) inside a phase (“##”).
roadmap-error-malformed-checkbox = Malformed checkbox: write “- [ ] text” or “- [x] text”.
roadmap-error-empty-item = This checkbox has no text.
roadmap-error-nested-item = Indented (nested) checkboxes are not supported.
roadmap-error-too-many-items = Too many checkboxes (5,000 at most).
flash-canvas-full-conflict = Someone edited this note at the same time as you and the canvas is full: your version could not be kept separately. Read the note and try again.
invitation-wrong-account = This invitation is for { $email }. Sign out, then sign in or create your account with that address to accept it.
canvas-poster = Poster view
canvas-back-to-editor = Back to editing
roadmap-months-range = { $from } – { $to }
