## Audit log
audit-title = Journal d'audit
audit-lead = Les actions sensibles : connexions, rôles, invitations, exports et suppressions.
audit-all-centres = Tout le réseau
audit-empty = Aucune action enregistrée pour l'instant.
audit-sign-in = Connexion
audit-sign-in-failed = Échec de connexion
audit-sign-out = Déconnexion
audit-sign-up = Création de compte
audit-password-reset = Réinitialisation du mot de passe
audit-password-changed = Changement de mot de passe
audit-email-changed = Changement d'adresse e-mail
audit-role-granted = Rôle attribué
audit-role-revoked = Rôle retiré
audit-invitation-sent = Invitation envoyée
audit-invitation-accepted = Invitation acceptée
audit-centre-created = Centre créé
audit-data-exported = Export des données personnelles
audit-account-deleted = Suppression de compte
audit-job-retried = Travail relancé

## Jobs
jobs-title = Travaux en arrière-plan
jobs-lead = Envois d'e-mails et autres travaux faits en arrière-plan, avec leurs essais.
jobs-filter = Filtrer par état
jobs-all = Tous
jobs-empty = Aucun travail.
jobs-retry = Relancer
job-status-queued = en attente
job-status-running = en cours
job-status-done = terminé
job-status-failed = en échec
job-kind-send-email = Envoi d'e-mail
job-kind-noop = Vérification de la file
job-kind-password-reset-request = Lien de réinitialisation
job-kind-email-change-request = Confirmation de nouvelle adresse

## Outbox
outbox-title = E-mails envoyés
outbox-lead = Aucun serveur SMTP n'est configuré : les e-mails sont déposés dans le dossier local d'envoi et affichés ici.
outbox-smtp = Les e-mails partent par le serveur SMTP configuré ; ils ne sont pas conservés ici.
outbox-empty = Aucun e-mail pour l'instant.
audit-roadmap-imported = Feuille de route importée
audit-roadmap-reimported = Nouvelle version de feuille de route importée
audit-lesson-revision-restored = Version de leçon restaurée
