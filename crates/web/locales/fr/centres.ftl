## Centres
centres-title = Centres du réseau
centres-lead = Le studio et les micro-centres licenciés.
centres-new = Ouvrir un nouveau micro-centre
centres-create = Créer le centre
centre-kind-studio = Studio
centre-kind-micro = Micro-centre
centre-members = Équipe et membres
centre-revoke = Retirer
centre-revoke-confirm = Retirer ce rôle ? La personne perdra l'accès correspondant.
centre-invite = Inviter une personne
centre-invite-lead = Elle recevra un lien valable 14 jours pour rejoindre le centre avec ce rôle.
centre-invite-submit = Envoyer l'invitation
centre-invite-expires = expire le { $date }
centre-pending = Invitations en attente
centre-pending-none = Aucune invitation en attente.

## Invitations
invitation-title = Invitation
invitation-lead = Tu es invité·e à rejoindre { $centre } en tant que { $role }.
invitation-accept = Accepter l'invitation
invitation-sign-in-first = Un compte existe déjà pour { $email } : connecte-toi pour accepter.
invitation-create-account = Crée ton compte pour { $email } en choisissant ton nom et un mot de passe.
invitation-accept-create = Créer mon compte et accepter
