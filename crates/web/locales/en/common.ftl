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
nav-jobs = Background work
nav-outbox = Sent emails
nav-breadcrumbs = Breadcrumb
nav-group-site = Public site
nav-group-programmes = Programmes
nav-group-network = Network
nav-group-operations = Operations
nav-site-texts = Landing texts
nav-campaigns = Campaigns
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
error-413-title = Upload too large
error-429-title = Too many requests
error-429-text = You've made a lot of requests in a short time. Wait a few minutes, then try again.
error-500-title = Something went wrong
error-500-text = Something went wrong on our side. Try again in a moment; nothing you had saved is lost.
error-503-title = Service temporarily unavailable
error-503-text = The database isn't responding right now. Try again in a moment.
error-csrf-text = Your form session has expired. Reload the page, then send the form again.

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
filters-summary = { $count ->
    [0] Filters
   *[other] Filters ({ $n })
}
col-when = Date
col-action = Action
col-actor = By
col-subject = Concerns
col-detail = Details
col-status = Status
col-attempts = Attempts
col-error = Last error

## Outcomes of a change (stale, duplicate, full, already done)
error-409-title = Changed in the meantime
error-422-title = Not possible right now
error-stale-text = Someone changed this in the meantime. Reload the page to see the current version, then make your change again.
error-duplicate-text = This already exists: that name or address is already taken.
error-full-text = The limit is reached: remove something before adding more.
error-already-done-text = This is already done: nothing was changed.
