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
