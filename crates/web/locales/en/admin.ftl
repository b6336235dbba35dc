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
jobs-title = Background work
jobs-lead = Email sending and other work done in the background, with their attempts.
jobs-filter = Filter by status
jobs-all = All
jobs-empty = No background work.
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
audit-roadmap-imported = Roadmap imported
audit-roadmap-reimported = New roadmap version imported
audit-lesson-revision-restored = Lesson revision restored
