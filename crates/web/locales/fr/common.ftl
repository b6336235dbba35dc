## Site
site-description = Impact Studio accompagne les porteur·ses de projets à impact local : diagnostic, canvas, accompagnement et lancement.
skip-to-content = Aller au contenu
demo-banner = Instance de démonstration : les données et les comptes sont fictifs.
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
nav-jobs = Travaux en arrière-plan
nav-outbox = E-mails envoyés
nav-breadcrumbs = Fil d'Ariane
nav-group-site = Site public
nav-group-programmes = Programmes
nav-group-network = Réseau
nav-group-operations = Opérations
nav-site-texts = Textes de l'accueil
nav-campaigns = Campagnes
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
error-email-invalid = Cette adresse e-mail n'est pas valide, par exemple : prenom@exemple.fr
error-email-same = C'est déjà ton adresse actuelle.
error-password-too-short = Ce mot de passe est trop court.
error-password-too-long = Ce mot de passe est trop long (128 caractères au plus).
error-password-too-common = Ce mot de passe est trop courant : choisis-en un moins prévisible.
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
error-413-title = Envoi trop volumineux
error-429-title = Trop de demandes
error-429-text = Tu as fait beaucoup de demandes en peu de temps. Patiente quelques minutes puis réessaie.
error-500-title = Une erreur est survenue
error-500-text = Quelque chose s'est mal passé de notre côté. Réessaie dans un instant ; rien de ce que tu avais enregistré n'est perdu.
error-503-title = Service momentanément indisponible
error-503-text = La base de données ne répond pas pour le moment. Réessaie dans un instant.
error-csrf-text = Ta session de formulaire a expiré. Recharge la page puis renvoie le formulaire.

## Flash messages
flash-email-verified = Ton adresse est confirmée. Tu peux te connecter.
flash-signed-out = Tu es déconnecté·e. À bientôt !
flash-password-reset = Ton mot de passe a été changé. Connecte-toi avec le nouveau.
flash-password-changed = Ton mot de passe a été changé. Tes autres appareils ont été déconnectés.
flash-profile-saved = Ton profil est enregistré.
flash-email-change-sent = Nous avons envoyé un lien de confirmation à la nouvelle adresse. Le changement sera fait quand tu l'ouvriras.
flash-email-changed = Ton adresse e-mail a été changée.
flash-account-deleted = Ton compte a été supprimé. Merci d'avoir fait partie de l'aventure.
flash-centre-created = Le centre a été créé. Invite maintenant son équipe.
flash-invitation-sent = L'invitation est partie.
flash-invitation-accepted = Bienvenue ! Ton nouveau rôle est actif.
flash-role-revoked = Le rôle a été retiré.
flash-job-retried = Le travail a été remis dans la file.

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
filters-summary = { $count ->
    [0] Filtres
   *[other] Filtres ({ $n })
}
col-when = Date
col-action = Action
col-actor = Par
col-subject = Concerne
col-detail = Détail
col-status = État
col-attempts = Essais
col-error = Dernière erreur

## Outcomes of a change (stale, duplicate, full, already done)
error-409-title = Déjà changé entre-temps
error-422-title = Impossible pour l'instant
error-stale-text = Quelqu'un a changé cela entre-temps. Recharge la page pour voir la version à jour, puis refais ton changement.
error-duplicate-text = Cela existe déjà : ce nom ou cette adresse est déjà pris.
error-full-text = La limite est atteinte : retire quelque chose avant d'en ajouter.
error-already-done-text = C'est déjà fait : rien n'a été changé.
