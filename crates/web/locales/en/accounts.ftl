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
