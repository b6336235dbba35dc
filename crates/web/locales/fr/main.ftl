## Site
site-description = Impact Studio accompagne les porteur·ses de projets à impact local : diagnostic, canvas, accompagnement et lancement.
skip-to-content = Aller au contenu
demo-banner = Instance de démonstration : les données et les comptes sont fictifs.
footer-privacy = Confidentialité
footer-tagline = Impact Studio · logiciel libre pour les studios d'impact local et leurs micro-centres.
datetime = { $date } à { $time }
lang-fr-label = Afficher en français
lang-en-label = Show in English
pagination = Pagination
page-previous = ← Page précédente
page-next = Page suivante →
action-save = Enregistrer
action-filter = Filtrer

## Navigation
nav-label = Navigation principale
nav-menu = Menu
nav-home = Accueil
nav-sign-in = Se connecter
nav-sign-up = Créer un compte
nav-sign-out = Se déconnecter
nav-dashboard = Tableau de bord
nav-projects = Mes projets
nav-projects-staff = Projets
nav-centres = Centres
nav-my-centre = Mon centre
nav-audit = Journal d'audit
nav-jobs = Tâches de fond
nav-outbox = E-mails envoyés
nav-account = Mon compte

## Months
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Roles
role-visitor = visiteur·se
role-participant = porteur·se de projet
role-ambassador = ambassadeur·rice
role-coach = accompagnateur·rice
role-centre-manager = gestionnaire de centre
role-network-admin = équipe du studio

## Project stages
stage-idea = Idée
stage-test = Test
stage-launch = Lancement
stage-activity = Activité
stage-spread = Essaimage

## Home
home-title = Lance ton projet à impact local
home-hero-title = Lance ton projet à impact local
home-hero-lead = Tu as une idée pour ton quartier, ton village, ta ville ? Le Studio d'Impact Local t'aide à la transformer en projet solide, utile et durable, pas à pas et bien entouré·e.
home-cta-start = Commencer gratuitement
home-steps-title = Comment ça marche
home-step-1-title = Fais le point
home-step-1-text = Un auto-diagnostic de dix minutes montre où en est ton projet et par quoi commencer.
home-step-2-title = Construis ton modèle
home-step-2-text = Le canvas d'impact t'aide à poser ton problème, tes publics, ta solution et ton modèle économique.
home-step-3-title = Sois accompagné·e
home-step-3-text = Une cohorte, un·e accompagnateur·rice et des ateliers pour avancer avec d'autres porteur·ses.
home-step-4-title = Lance-toi
home-step-4-text = Feuille de route, prévisionnel et indicateurs d'impact : tu pars avec un plan clair.
home-cta-band = Rejoins les porteur·ses de projets qui changent leur territoire.

## Privacy
privacy-title = Confidentialité et données personnelles
privacy-intro = Le Studio d'Impact Local traite vos données pour vous accompagner dans votre projet. Cette page explique lesquelles, pourquoi et quels sont vos droits.
privacy-what-title = Données collectées
privacy-what = Votre nom, votre adresse e-mail, vos rôles dans les centres, les projets que vous suivez, et un journal des actions sensibles (connexions, changements de rôle, exports, suppressions). Votre mot de passe n'est jamais conservé en clair.
privacy-why-title = Finalités et durée
privacy-why = Ces données servent à gérer votre compte et votre accompagnement. Elles sont conservées tant que votre compte est actif ; le journal d'audit est conservé sans données identifiantes après la suppression du compte.
privacy-rights-title = Vos droits
privacy-rights = Depuis « Mon compte », vous pouvez télécharger toutes vos données au format JSON et supprimer votre compte à tout moment. Pour toute autre demande, écrivez à l'équipe du studio.
privacy-cookies-title = Cookies
privacy-cookies = Nous utilisons uniquement des cookies nécessaires : la session de connexion, la protection des formulaires et la langue choisie. Aucun traceur publicitaire ni outil de mesure tiers.

## Fields
field-display-name = Ton nom
field-email = Adresse e-mail
field-password = Mot de passe
field-password-hint = Au moins { $min } caractères. Une phrase de quelques mots est idéale.
field-new-password = Nouveau mot de passe
field-current-password = Mot de passe actuel
field-new-email = Nouvelle adresse e-mail
field-centre-name = Nom du centre
field-town = Commune
field-slug = Identifiant dans l'adresse web
field-slug-hint = Lettres minuscules, chiffres et tirets. Laisse vide pour le déduire du nom.

## Errors on fields
error-required = Ce champ est obligatoire.
error-too-long = Ce texte est trop long.
error-email-invalid = Cette adresse e-mail n'est pas valide, par exemple : prenom@exemple.fr
error-email-same = C'est déjà ton adresse actuelle.
error-password-too-short = Ce mot de passe est trop court.
error-password-too-long = Ce mot de passe est trop long (128 caractères au plus).
error-password-too-common = Ce mot de passe est trop courant : choisis-en un moins prévisible.
error-password-wrong = Ce mot de passe ne correspond pas.
error-slug-invalid = Utilise uniquement des lettres minuscules, des chiffres et des tirets (2 à 60 caractères).
error-slug-taken = Cet identifiant est déjà pris par un autre centre.
error-role-unknown = Ce rôle n'existe pas.
error-role-not-allowed = Tu ne peux pas donner ce rôle.
error-locale-unknown = Cette langue n'est pas disponible.
error-too-many-attempts = Trop de tentatives. Réessaie dans quelques minutes.
error-form-invalid = Ce formulaire est incomplet ou mal formé. Recharge la page et réessaie.
error-body-too-large = Les données envoyées sont trop volumineuses.
error-query-invalid = Cette adresse contient un paramètre incorrect. Vérifie le lien puis réessaie.
error-control-chars = Ce que tu as envoyé contient des caractères invisibles (caractères de contrôle) qui ne peuvent pas être enregistrés. Retire-les puis réessaie.
error-input-invalid = Ce que tu as envoyé ne peut pas être enregistré tel quel (caractères non valides ou texte trop long). Corrige-le puis réessaie.
error-busy-text = Beaucoup de connexions sont en cours en ce moment. Réessaie dans quelques secondes.
error-revoke-self = Tu ne peux pas te retirer toi-même le rôle de gestionnaire.

## Error pages
error-back-home = Retour à l'accueil
error-400-title = Demande incorrecte
error-401-title = Connexion requise
error-401-text = Connecte-toi pour voir cette page.
error-403-title = Accès refusé
error-403-text = Tu n'as pas accès à cette page. Si tu penses que c'est une erreur, contacte la personne qui gère ton centre.
error-404-title = Page introuvable
error-404-text = Cette page n'existe pas ou a été déplacée.
error-409-title = Déjà changé entre-temps
error-422-title = Impossible pour l'instant
error-stale-text = Quelqu'un a changé cela entre-temps. Recharge la page pour voir la version à jour, puis refais ton changement.
error-duplicate-text = Cela existe déjà : ce nom ou cette adresse est déjà pris.
error-full-text = La limite est atteinte : retire quelque chose avant d'en ajouter.
error-already-done-text = C'est déjà fait : rien n'a été changé.
error-413-title = Envoi trop volumineux
error-429-title = Trop de demandes
error-429-text = Tu as fait beaucoup de demandes en peu de temps. Patiente quelques minutes puis réessaie.
error-500-title = Une erreur est survenue
error-500-text = Quelque chose s'est mal passé de notre côté. Réessaie dans un instant ; rien de ce que tu avais enregistré n'est perdu.
error-503-title = Service momentanément indisponible
error-503-text = La base de données ne répond pas pour le moment. Réessaie dans un instant.
error-csrf-text = Ta session de formulaire a expiré. Recharge la page puis renvoie le formulaire.

## Sign-up
signup-title = Créer ton compte
signup-lead = Gratuit, sans engagement. Tu recevras un lien pour confirmer ton adresse.
signup-submit = Créer mon compte
signup-have-account = Déjà un compte ?
signup-aside-title = Avec ton compte
signup-aside-1 = Fais le point sur ton projet avec l'auto-diagnostic.
signup-aside-2 = Construis ton canvas d'impact et garde son historique.
signup-aside-3 = Retrouve ton accompagnateur·rice, tes ateliers et ta feuille de route.
check-email-title = Vérifie ta boîte mail
check-email-signup = Si cette adresse peut être utilisée, nous venons d'y envoyer un lien pour confirmer ton compte. Il est valable 48 heures.
check-email-reset = Si un compte existe avec cette adresse, nous venons d'y envoyer un lien pour choisir un nouveau mot de passe. Il est valable une heure.
check-email-spam = Rien reçu d'ici quelques minutes ? Regarde dans les indésirables.
link-invalid-title = Ce lien n'est plus valable
link-invalid-verify = Ce lien de confirmation a expiré ou a déjà servi. Connecte-toi : si ton adresse n'est pas encore confirmée, nous t'en enverrons un nouveau.
link-invalid-reset = Ce lien de réinitialisation a expiré ou a déjà servi. Demande-en un nouveau.
link-invalid-email = Ce lien de changement d'adresse a expiré ou a déjà servi.
link-invalid-invitation = Cette invitation a expiré ou a déjà été acceptée. Demande à la personne qui t'a invité·e de t'en envoyer une nouvelle.
email-taken-meanwhile = Cette adresse est désormais utilisée par un autre compte. Ton adresse n'a pas changé.

## Sign-in
login-title = Se connecter
login-lead = Content·e de te revoir !
login-submit = Me connecter
login-forgot = Mot de passe oublié ?
login-no-account = Pas encore de compte ?
login-failed = Adresse e-mail ou mot de passe incorrect. Après plusieurs essais, la connexion est suspendue 15 minutes.
login-unverified = Confirme d'abord ton adresse e-mail : nous venons de t'envoyer un nouveau lien.
login-aside-title = Ton projet avance
login-aside-text = Retrouve ton tableau de bord, tes projets et ton équipe d'accompagnement.

## Password reset
forgot-title = Mot de passe oublié
forgot-lead = Indique ton adresse e-mail : nous t'enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Recevoir le lien
forgot-request-again = Demander un nouveau lien
reset-title = Choisir un nouveau mot de passe
reset-lead = Ce nouveau mot de passe remplacera l'ancien et te déconnectera de tes autres appareils.
reset-submit = Enregistrer le mot de passe

## Flash messages
flash-email-verified = Ton adresse est confirmée. Tu peux te connecter.
flash-signed-out = Tu es déconnecté·e. À bientôt !
flash-password-reset = Ton mot de passe a été changé. Connecte-toi avec le nouveau.
flash-password-changed = Ton mot de passe a été changé. Tes autres appareils ont été déconnectés.
flash-profile-saved = Ton profil est enregistré.
flash-email-change-sent = Nous avons envoyé un lien de confirmation à la nouvelle adresse. Le changement sera fait quand tu l'ouvriras.
flash-email-changed = Ton adresse e-mail a été changée.
flash-account-deleted = Ton compte a été supprimé. Merci d'avoir fait partie de l'aventure.
flash-centre-created = Le centre a été créé. Invite maintenant son équipe.
flash-invitation-sent = L'invitation est partie.
flash-invitation-accepted = Bienvenue ! Ton nouveau rôle est actif.
flash-role-revoked = Le rôle a été retiré.
flash-job-retried = La tâche a été remise dans la file.

## Account
account-title = Mon compte
account-lead = Membre depuis le { $date }.
account-profile = Profil
account-email = Adresse e-mail
account-email-current = Adresse actuelle : { $email }
account-email-submit = Changer d'adresse
account-password = Mot de passe
account-password-submit = Changer de mot de passe
account-roles = Mes rôles
account-roles-none = Tu n'as pas encore de rôle dans un centre. Une invitation d'un centre t'en donnera un.
account-data = Mes données
account-export = Télécharger mes données
account-export-text = Toutes les données que nous avons sur toi, dans un fichier JSON.
account-export-submit = Télécharger (JSON)
account-delete = Supprimer mon compte
account-delete-text = Tes données personnelles seront effacées définitivement. Le journal d'audit garde une trace anonyme des actions passées.
account-delete-submit = Supprimer définitivement

## Dashboard
dashboard-title = Tableau de bord
dashboard-greeting = Bonjour { $name } !
dashboard-lead = Voici où en sont tes projets et tes centres.
dashboard-network = Le réseau en chiffres
dashboard-centres = Tes centres
dashboard-projects = Tes projets
dashboard-followed = Les projets que tu accompagnes
dashboard-empty-title = Pas encore de projet
dashboard-empty-text = Quand tu rejoindras un centre ou lanceras ton projet, il apparaîtra ici.
stat-centres = centres
stat-members = membres
stat-projects = projets
stat-invitations = invitations en attente
stat-jobs-waiting = tâches en attente
stat-jobs-failed = tâches en échec
centre-members-count = { $count ->
    [0] aucun membre
    [one] { $n } membre
   *[other] { $n } membres
}
centre-projects-count = { $count ->
    [0] aucun projet
    [one] { $n } projet
   *[other] { $n } projets
}

## Projects
projects-title = Projets
projects-lead = Les projets que tu portes ou que tu suis.
projects-mine = Mes projets
projects-mine-empty = Tu ne portes ni ne suis encore aucun projet.
projects-of-centre = Projets de { $centre }
projects-centre-empty = Ce centre n'a pas encore de projet.
project-members = Porteur·ses
project-followers = Accompagnateur·rices

## Tables
col-project = Projet
col-stage = Étape
col-summary = Résumé
col-centre = Centre
col-created = Créé le
col-kind = Type
col-town = Commune
col-members = Membres
col-name = Nom
col-role = Rôle
col-since = Depuis le
col-actions = Actions
col-when = Date
col-action = Action
col-actor = Par
col-subject = Concerne
col-detail = Détail
col-status = État
col-attempts = Essais
col-error = Dernière erreur

## Centres
centres-title = Centres du réseau
centres-lead = Le studio et les micro-centres licenciés.
centres-new = Ouvrir un nouveau micro-centre
centres-create = Créer le centre
centre-kind-studio = Studio
centre-kind-micro = Micro-centre
centre-members = Équipe et membres
centre-revoke = Retirer
centre-revoke-confirm = Retirer ce rôle ? La personne perdra l'accès correspondant.
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
invitation-sign-in-first = Un compte existe déjà pour { $email } : connecte-toi pour accepter.
invitation-create-account = Crée ton compte pour { $email } en choisissant ton nom et un mot de passe.
invitation-accept-create = Créer mon compte et accepter

## Audit log
audit-title = Journal d'audit
audit-lead = Les actions sensibles : connexions, rôles, invitations, exports et suppressions.
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
audit-job-retried = Tâche relancée

## Jobs
jobs-title = Tâches de fond
jobs-lead = Envois d'e-mails et autres travaux faits en arrière-plan, avec leurs essais.
jobs-filter = Filtrer par état
jobs-all = Toutes
jobs-empty = Aucune tâche.
jobs-retry = Relancer
job-status-queued = en attente
job-status-running = en cours
job-status-done = terminée
job-status-failed = en échec
job-kind-send-email = Envoi d'e-mail
job-kind-noop = Vérification de la file
job-kind-password-reset-request = Lien de réinitialisation
job-kind-email-change-request = Confirmation de nouvelle adresse

## Outbox
outbox-title = E-mails envoyés
outbox-lead = Aucun serveur SMTP n'est configuré : les e-mails sont déposés dans le dossier local d'envoi et affichés ici.
outbox-smtp = Les e-mails partent par le serveur SMTP configuré ; ils ne sont pas conservés ici.
outbox-empty = Aucun e-mail pour l'instant.

## E-mails
email-footer = Impact Studio · Studio d'Impact Local. Vous recevez ce message suite à une action sur notre site.
email-greeting = Bonjour { $name },
email-greeting-plain = Bonjour,
email-ignore-if-not-you = Si tu n'es pas à l'origine de cette demande, ignore ce message : rien ne changera.
email-verify-subject = Confirme ton adresse e-mail
email-verify-body = Bienvenue sur Impact Studio ! Pour activer ton compte, confirme ton adresse e-mail.
email-verify-action = Confirmer mon adresse
email-verify-after = Ce lien est valable 48 heures.
email-existing-subject = Tentative de création de compte
email-existing-body = Quelqu'un a essayé de créer un compte avec cette adresse, qui en a déjà un. Si c'était toi, connecte-toi, ou choisis un nouveau mot de passe si tu l'as oublié.
email-existing-action = Choisir un nouveau mot de passe
email-reset-subject = Choisis un nouveau mot de passe
email-reset-body = Tu as demandé à changer ton mot de passe. Clique sur le bouton pour en choisir un nouveau.
email-reset-action = Choisir un nouveau mot de passe
email-reset-expiry = Ce lien est valable une heure et ne sert qu'une fois.
email-change-subject = Confirme ta nouvelle adresse e-mail
email-change-body = Tu as demandé à utiliser cette adresse pour ton compte Impact Studio. Confirme-la pour terminer le changement.
email-change-action = Confirmer cette adresse
email-changed-subject = Ton adresse e-mail a été changée
email-changed-body = L'adresse e-mail de ton compte Impact Studio vient d'être remplacée par une nouvelle.
email-changed-not-you = Si tu n'es pas à l'origine de ce changement, réponds à ce message sans attendre.
email-invite-subject = Invitation à rejoindre { $centre }
email-invite-body = { $inviter } t'invite à rejoindre { $centre } sur Impact Studio en tant que { $role }.
email-invite-action = Voir l'invitation
email-invite-expiry = Cette invitation est valable 14 jours.

## Impact Model Canvas
canvas-section = Impact Model Canvas
canvas-section-lead = Pose ton modèle d'impact sur une page : le problème, les personnes, la solution, le changement visé et le modèle économique.
canvas-none = Ce projet n'a pas encore de canvas.
canvas-updated = modifié le { $date }
canvas-new = Nouveau canvas
canvas-field-title = Titre du canvas
canvas-field-title-hint = Laisse vide pour l'appeler comme le projet.
canvas-field-start = Point de départ
canvas-start-blank = Un canvas vierge
canvas-start-example = L'exemple « { $name } »
canvas-create = Créer le canvas
canvas-default-title = Canvas de { $project }
canvas-import = Importer un canvas
canvas-import-field = Fichier JSON exporté
canvas-import-hint = Colle ici le contenu d'un fichier « Exporter en JSON ». Rien n'est importé si une seule note pose problème.
canvas-import-submit = Importer
canvas-count = { $count } notes sur { $max } possibles
canvas-export-md = Exporter en Markdown
canvas-export-json = Exporter en JSON
canvas-deleted = Note supprimée.
canvas-undo = Annuler la suppression
canvas-guide = Guide pratique
canvas-prompts = Questions pour t'aider
canvas-example = Exemple :
canvas-mistakes = Erreurs fréquentes
canvas-hypothesis = hypothèse
canvas-validated = validé
canvas-evidence = Preuve :
canvas-block-empty = (vide)
canvas-move-up = Monter la note
canvas-move-down = Descendre la note
canvas-move-to = Déplacer vers le bloc
canvas-move = Déplacer
canvas-delete = Supprimer
canvas-edit = Modifier
canvas-field-text = Texte de la note
canvas-field-colour = Couleur
canvas-field-status = Statut
canvas-field-evidence = Preuve (ce qui valide la note)
canvas-add-label = Nouvelle note dans « { $block } »
canvas-add = Ajouter la note
canvas-colour-yellow = jaune
canvas-colour-green = vert
canvas-colour-blue = bleu
canvas-colour-pink = rose
canvas-colour-orange = orange
canvas-colour-purple = violet
canvas-hint-empty = à remplir
canvas-hint-short = à compléter
canvas-hint-no-indicator = aucun indicateur relié
canvas-hint-complete = complet
canvas-error-unknown-block = Ce bloc n'existe pas dans le canvas.
canvas-error-empty = Écris quelque chose dans la note.
canvas-error-too-long = Une note fait au plus 2 000 caractères : découpe-la en plusieurs notes.
canvas-error-evidence-too-long = La preuve fait au plus 2 000 caractères.
canvas-error-title = Le titre est obligatoire et fait au plus 120 caractères.
canvas-error-too-many = Ce canvas a atteint 300 notes : regroupe ou supprime des notes avant d'en ajouter.
canvas-error-colour = Cette couleur n'existe pas.
canvas-error-status = Ce statut n'existe pas.
canvas-error-stale = Cette note a changé depuis que tu l'as ouverte.
canvas-error-import = Ce fichier n'est pas un canvas exporté par Impact Studio.
canvas-error-template = Ce fichier vient d'un autre modèle de canvas.
canvas-error-example = Cet exemple n'existe pas.
flash-canvas-kept-both = Quelqu'un a modifié cette note en même temps que toi : ta version est gardée dans une nouvelle note juste à côté.
flash-canvas-delete-stale = Cette note a été modifiée entre-temps : elle n'a pas été supprimée. Relis-la avant de recommencer.
flash-canvas-full = Le canvas est plein (300 notes) : la note n'a pas pu revenir.

## Roadmaps
nav-roadmaps = Feuilles de route
roadmaps-title = Feuilles de route
roadmaps-lead = Les grandes étapes de ton centre, mois par mois, et ce qui est déjà fait.
roadmaps-empty = Aucune feuille de route pour l'instant. Importe la tienne ci-dessous.
roadmaps-import = Importer une feuille de route
roadmaps-import-lead = Colle le Markdown d'une feuille de route : un titre « # », des phases « ## », des périodes « ### » et des cases « - [ ] ».
roadmaps-import-submit = Importer la feuille de route
roadmap-field-start = Date de début
roadmap-field-start-hint = Le « Mois 1 » commence le mois de cette date. Facultatif.
roadmap-field-markdown = Markdown de la feuille de route
roadmap-field-markdown-hint = Rien n'est importé si une ligne pose problème : le message indique laquelle.
roadmap-progress = { $done } sur { $total } faits
roadmap-export = Exporter en Markdown
roadmap-current = en cours
roadmap-started = commencée en { $date }
roadmap-no-start = sans date de début
roadmap-done = fait
roadmap-todo = à faire
dashboard-roadmaps = Feuilles de route
flash-roadmap-stale = La feuille de route a changé entre-temps : voici la version à jour, refais ton choix.
roadmap-error-at-line = Ligne { $line } : { $message }
roadmap-error-start-date = Écris la date au format AAAA-MM-JJ, par exemple 2026-10-01.
roadmap-error-empty = Le fichier est vide.
roadmap-error-too-large = Le fichier est trop gros (1 Mo au plus).
roadmap-error-invalid-utf8 = Le texte n'est pas en UTF-8.
roadmap-error-missing-title = La première ligne doit être le titre, écrit « # Titre ».
roadmap-error-empty-title = Le titre est vide.
roadmap-error-second-title = Un seul titre « # » est permis.
roadmap-error-empty-heading = Ce titre de section est vide.
roadmap-error-period-outside-phase = Une période (« ### ») doit venir après une phase (« ## »).
roadmap-error-item-outside-period = Une case à cocher doit venir après une période (« ### ») dans une phase (« ## »).
roadmap-error-malformed-checkbox = Case mal écrite : écris « - [ ] texte » ou « - [x] texte ».
roadmap-error-empty-item = Cette case n'a pas de texte.
roadmap-error-nested-item = Les cases en retrait (imbriquées) ne sont pas prises en charge.
roadmap-error-too-many-items = Trop de cases (5 000 au plus).
flash-canvas-full-conflict = Quelqu'un a modifié cette note en même temps que toi et le canvas est plein : ta version n'a pas pu être gardée à part. Relis la note et recommence.
invitation-wrong-account = Cette invitation est destinée à { $email }. Déconnecte-toi, puis connecte-toi ou crée ton compte avec cette adresse pour l'accepter.
canvas-poster = Vue poster
canvas-back-to-editor = Retour à l'édition
roadmap-months-range = { $from } – { $to }
