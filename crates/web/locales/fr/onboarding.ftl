# Onboarding: the e-mails of the sequence, the unsubscribe page.
onboarding-welcome-subject = Bienvenue au Studio d'Impact Local
onboarding-welcome-body = Ton espace est prêt. Dans les prochains jours, on t'envoie quelques e-mails courts pour avancer pas à pas sur ton projet.
onboarding-welcome-action = Ouvrir mon tableau de bord
onboarding-diagnostic-subject = Fais le point sur ton projet en dix minutes
onboarding-diagnostic-body = Le diagnostic te montre où en est ton projet et ce qui compte maintenant. Tes réponses guident aussi ton accompagnement.
onboarding-diagnostic-action = Faire le diagnostic
onboarding-canvas-subject = Pose ton projet sur le canevas
onboarding-canvas-body = Le canevas tient ton projet sur une page : les personnes concernées, ta proposition, ton impact. Commence par une case, tu pourras tout reprendre.
onboarding-canvas-action = Commencer mon canevas
onboarding-course-subject = Choisis ta première formation
onboarding-course-body = Des modules courts, en vidéo et avec des exercices, pour chaque étape de ton projet. Choisis celui qui t'aide aujourd'hui.
onboarding-course-action = Voir les formations
onboarding-coaching-subject = Réserve ta première séance d'accompagnement
onboarding-coaching-body = Une heure avec une ou un coach pour relire ton canevas, préparer tes prochains pas et lever ce qui te bloque.
onboarding-coaching-action = Préparer ma séance
onboarding-mail-why = Tu reçois cet e-mail parce que tu as rejoint le Studio d'Impact Local.
onboarding-unsubscribe-link = Ne plus recevoir ces e-mails de démarrage
onboarding-unsubscribe-title = Ne plus recevoir les e-mails de démarrage
onboarding-unsubscribe-text = Tu ne recevras plus les e-mails qui t'accompagnent dans tes premiers pas. Ton compte et ton projet restent tels quels.
onboarding-unsubscribe-submit = Me désinscrire
onboarding-unsubscribed-title = C'est noté
onboarding-unsubscribed-body = Tu ne recevras plus les e-mails de démarrage.
onboarding-link-invalid = Ce lien de désinscription n'est pas valable. Copie-le en entier depuis l'e-mail.

# Settings of the sequence (centre managers).
onboarding-settings-title = Démarrage des nouveaux membres · { $centre }
onboarding-settings-heading = Séquence de démarrage
onboarding-settings-lead = Les e-mails et la liste de démarrage que reçoit chaque nouvelle personne. Choisis les étapes, leur ordre, leur délai et leurs mots.
onboarding-step-welcome = Bienvenue
onboarding-step-diagnostic = Diagnostic
onboarding-step-canvas = Canevas
onboarding-step-course = Première formation
onboarding-step-coaching = Première séance d'accompagnement
onboarding-field-enabled = Envoyer cette étape
onboarding-field-delay = Délai (jours)
onboarding-field-delay-hint = Après l'étape précédente (après le démarrage pour la première).
onboarding-field-position = Ordre
onboarding-field-position-hint = 1 pour la première étape.
onboarding-language-fr = en français
onboarding-language-en = en anglais
onboarding-texts-summary = Textes de l'e-mail { $language }
onboarding-field-subject = Objet
onboarding-field-subject-hint = Laisse vide pour garder : « { $subject } ».
onboarding-field-intro = Introduction
onboarding-field-intro-hint = Remplace le premier paragraphe de l'e-mail. Laisse vide pour garder le texte prévu.
onboarding-error-summary = Certains champs sont à corriger : regarde les messages sous chacun.
onboarding-error-delay = Indique un nombre entier de jours, entre 0 et { $max }.
onboarding-error-position = Indique une place entre 1 et { $max }.
onboarding-error-subject = L'objet tient en 150 caractères au plus.
onboarding-error-intro = L'introduction tient en 1 000 caractères au plus.
flash-onboarding-saved = Séquence de démarrage enregistrée.

# Funnel report.
onboarding-funnel-title = Suivi du démarrage · { $centre }
onboarding-funnel-heading = Suivi du démarrage
onboarding-funnel-lead = Combien de personnes atteignent chaque étape, et combien la réalisent vraiment.
onboarding-funnel-csv = Télécharger en CSV
onboarding-period-from = Démarré à partir du
onboarding-period-to = Jusqu'au
onboarding-period-apply = Afficher
onboarding-error-date = Indique une date, par exemple 2026-09-01.
onboarding-funnel-steps = Étapes
onboarding-funnel-started = { $count ->
    [one] { $n } personne a démarré sur la période.
   *[other] { $n } personnes ont démarré sur la période.
}
onboarding-funnel-figures = { $reached } atteinte(s) · { $completed } réalisée(s) ({ $percent } %)
onboarding-legend-reached = Étape atteinte
onboarding-legend-completed = Étape réalisée
onboarding-people-heading = Personnes en démarrage
onboarding-people-none = Personne n'a démarré sur cette période.
onboarding-person-started = démarré le { $date }
onboarding-person-steps = { $reached } étape(s) sur { $total }
onboarding-status-active = En cours
onboarding-status-paused = En pause
onboarding-status-pending = Adresse à confirmer
onboarding-status-unsubscribed = Désinscrit·e
onboarding-pause = Mettre en pause les e-mails de { $name }
onboarding-resume = Reprendre les e-mails de { $name }
flash-onboarding-paused = E-mails de démarrage mis en pause.
flash-onboarding-resumed = E-mails de démarrage repris.
onboarding-csv-step = Étape
onboarding-csv-started = Démarré
onboarding-csv-reached = Atteinte
onboarding-csv-completed = Réalisée

# Checklist on the dashboard.
onboarding-check-title = Tes premiers pas
onboarding-check-progress = { $done } étape(s) faite(s) sur { $total }
onboarding-check-welcome = Crée ton projet
onboarding-check-diagnostic = Fais ton diagnostic
onboarding-check-canvas = Commence ton canevas
onboarding-check-course = Choisis une formation
onboarding-check-coaching = Participe à ta première séance d'accompagnement
onboarding-check-done = Fait
onboarding-check-todo = À faire
onboarding-check-dismiss = Masquer cette liste
flash-onboarding-checklist-hidden = La liste de démarrage est masquée.
