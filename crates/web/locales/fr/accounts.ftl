## Sign-up
signup-title = Créer ton compte
signup-lead = Gratuit, sans engagement. Tu recevras un lien pour confirmer ton adresse.
signup-submit = Créer mon compte
signup-have-account = Déjà un compte ?
signup-aside-title = Avec ton compte
signup-aside-1 = Fais le point sur ton projet avec l'auto-diagnostic.
signup-aside-2 = Construis ton canvas d'impact et garde son historique.
signup-aside-3 = Retrouve ton accompagnateur·rice, tes ateliers et ta feuille de route.
check-email-title = Vérifie ta boîte mail
check-email-signup = Si cette adresse peut être utilisée, nous venons d'y envoyer un lien pour confirmer ton compte. Il est valable 48 heures.
check-email-reset = Si un compte existe avec cette adresse, nous venons d'y envoyer un lien pour choisir un nouveau mot de passe. Il est valable une heure.
check-email-spam = Rien reçu d'ici quelques minutes ? Regarde dans les indésirables.
link-invalid-title = Ce lien n'est plus valable
link-invalid-verify = Ce lien de confirmation a expiré ou a déjà servi. Connecte-toi : si ton adresse n'est pas encore confirmée, nous t'en enverrons un nouveau.
link-invalid-reset = Ce lien de réinitialisation a expiré ou a déjà servi. Demande-en un nouveau.
link-invalid-email = Ce lien de changement d'adresse a expiré ou a déjà servi.
link-invalid-invitation = Cette invitation a expiré ou a déjà été acceptée. Demande à la personne qui t'a invité·e de t'en envoyer une nouvelle.
email-taken-meanwhile = Cette adresse est désormais utilisée par un autre compte. Ton adresse n'a pas changé.

## Sign-in
login-title = Se connecter
login-lead = Content·e de te revoir !
login-submit = Me connecter
login-forgot = Mot de passe oublié ?
login-no-account = Pas encore de compte ?
login-failed = Adresse e-mail ou mot de passe incorrect. Après plusieurs essais, la connexion est suspendue 15 minutes.
login-unverified = Confirme d'abord ton adresse e-mail : nous venons de t'envoyer un nouveau lien.
login-aside-title = Ton projet avance
login-aside-text = Retrouve ton tableau de bord, tes projets et ton équipe d'accompagnement.

## Password reset
forgot-title = Mot de passe oublié
forgot-lead = Indique ton adresse e-mail : nous t'enverrons un lien pour choisir un nouveau mot de passe.
forgot-submit = Recevoir le lien
forgot-request-again = Demander un nouveau lien
reset-title = Choisir un nouveau mot de passe
reset-lead = Ce nouveau mot de passe remplacera l'ancien et te déconnectera de tes autres appareils.
reset-submit = Enregistrer le mot de passe

## Account
account-title = Mon compte
account-lead = Membre depuis le { $date }.
account-profile = Profil
account-email = Adresse e-mail
account-email-current = Adresse actuelle : { $email }
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
