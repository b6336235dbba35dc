# Suivi de projet, séances d'accompagnement, tâches, jalons, indicateurs d'impact, rapport réseau.

nav-impact = Impact
dashboard-impact = Impact du réseau
dashboard-impact-report = Les indicateurs de tous les projets, par période, ODD et centre.
dashboard-impact-review = Le bilan de l'année et les objectifs de la suivante.
dashboard-watched = Projets suivis
dashboard-my-tasks = Mes prochaines tâches

glance-title = Le projet en un coup d'œil
glance-alerts = À regarder de près
glance-canvas = Impact Model Canvas
glance-canvas-complete = { $done } blocs complets sur { $total }
glance-canvas-none = Pas encore de canvas.
glance-next-milestone = Prochain jalon
glance-no-milestone = Aucun jalon à venir.
glance-open-tasks = { $count ->
    [0] Aucune tâche ouverte.
    [one] 1 tâche ouverte.
   *[other] { $n } tâches ouvertes.
}
glance-indicators = Indicateurs d'impact
glance-no-indicators = Aucun indicateur choisi pour l'instant.
glance-indicators-link = Voir et mettre à jour les indicateurs
glance-activity = Activité récente
glance-activity-none = Rien de neuf pour l'instant.

activity-session = Séance d'accompagnement du { $date }
activity-task-done = Tâche terminée : { $title }
activity-task-created = Nouvelle tâche : { $title }
activity-measurement = Nouvelle mesure : { $indicator }
activity-canvas = Canvas modifié : { $title }

alert-inactive = { $count ->
    [one] Aucune activité depuis 1 jour
   *[other] Aucune activité depuis { $n } jours
}
alert-overdue-tasks = { $count ->
    [one] 1 tâche en retard
   *[other] { $n } tâches en retard
}
alert-overdue-milestones = { $count ->
    [one] 1 jalon en retard
   *[other] { $n } jalons en retard
}
alert-overdue-roadmap = { $count ->
    [one] 1 étape de la feuille de route en retard
   *[other] { $n } étapes de la feuille de route en retard
}

tracking-last-activity = Dernière activité le { $date }
tracking-overdue = en retard
tracking-owner-is = Responsable : { $name }
tracking-due-on = Échéance : { $date }
tracking-nobody = Personne pour l'instant
tracking-back-to-project = Retour au projet
tracking-item-details = Responsable, échéance, notes et liens
tracking-item-link = Ce qui la met en œuvre
tracking-item-evidence = La preuve
tracking-field-owner = Responsable
tracking-field-due = Échéance
tracking-field-notes = Notes
tracking-field-link = Lien vers ce qui la met en œuvre
tracking-field-link-hint = Une page de la plateforme (par exemple /canvases/3) ou une adresse https://.
tracking-field-evidence = Lien vers la preuve
tracking-error-required = Ce champ est obligatoire.
tracking-error-too-long = Ce texte est trop long.
tracking-error-date = Écris la date au format AAAA-MM-JJ, par exemple 2026-11-24.
tracking-error-steps = 20 prochaines étapes au plus : regroupe-les.
tracking-error-link = Mets une page de la plateforme (qui commence par /) ou une adresse qui commence par https://.
tracking-error-person = Choisis une personne de l'équipe du projet.
tracking-error-milestone-date = Un jalon a besoin d'une échéance.

tasks-title = Tâches et jalons
tasks-none = Aucune tâche ouverte. Ajoute la prochaine étape ci-dessous.
tasks-from-session = issue d'une séance
tasks-start = Commencer
tasks-done = C'est fait
tasks-reopen = Rouvrir
tasks-done-count = { $count ->
    [one] 1 tâche terminée
   *[other] { $n } tâches terminées
}
tasks-add = Ajouter une tâche ou un jalon
tasks-add-submit = Ajouter
tasks-field-kind = Type
tasks-field-title = Intitulé
task-kind-task = Tâche
task-kind-milestone = Jalon
task-status-todo = À faire
task-status-doing = En cours
task-status-done = Fait

sessions-title = Séances d'accompagnement
sessions-none = Aucune séance enregistrée pour l'instant.
sessions-heading = Séance du { $date }
sessions-by = Avec { $name }
sessions-with = Participant·es : { $names }
sessions-add = Enregistrer une séance
sessions-submit = Enregistrer la séance
sessions-field-date = Date de la séance
sessions-field-participants = Participant·es
sessions-field-shared = Notes partagées
sessions-field-shared-hint = Visibles par toute l'équipe du projet.
sessions-field-private = Notes réservées aux accompagnateur·rices
sessions-field-private-hint = Les porteur·ses de projet ne les voient pas.
sessions-field-decisions = Décisions prises
sessions-field-steps = Prochaines étapes
sessions-field-steps-hint = Une par ligne : chacune devient une tâche du projet.
sessions-field-step-owner = Responsable des prochaines étapes
sessions-field-step-due = Échéance des prochaines étapes
sessions-field-file = Pièce jointe
sessions-field-file-hint = Facultatif, { $max } Mo au plus. Si le formulaire revient avec une erreur, choisis le fichier à nouveau.
sessions-next-steps = Prochaines étapes devenues tâches
sessions-edit = Corriger
sessions-edit-title = Corriger la séance du { $date }
sessions-edit-lead = Les corrections remplacent ce qui était enregistré ; l'équipe du projet voit la nouvelle version.
sessions-edit-steps-note = Les prochaines étapes de cette séance sont devenues des tâches : tu les modifies dans la liste des tâches du projet.
sessions-edit-submit = Enregistrer les corrections
sessions-edit-cancel = Annuler
flash-session-updated = Séance corrigée.
sessions-files = Pièces jointes
flash-session-recorded = Séance enregistrée : ses prochaines étapes sont dans les tâches du projet.

file-size-kb = { $value } Ko
file-size-mb = { $value } Mo

project-roadmap = Feuille de route du projet
project-roadmap-none = Pas encore de feuille de route pour ce projet.
project-roadmap-template = Lancer mon projet local
project-roadmap-template-lead = Pars de notre feuille de route sur 6 mois, de l'idée à l'ouverture : tu pourras cocher, dater et attribuer chaque étape.
project-roadmap-start = Démarrer ma feuille de route

flash-measurement-recorded = Mesure enregistrée.

flash-review-recorded = Bilan enregistré.

audit-report-exported = Export du rapport d'impact
audit-review-recorded = Bilan annuel enregistré

action-cancel = Annuler
flash-roadmap-saved = Feuille de route enregistrée.
flash-roadmap-reimported = Nouvelle version importée : les détails des actions retrouvées sont conservés.
