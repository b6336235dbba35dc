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
activity-task-done = Tâche terminée : { $title }
activity-task-created = Nouvelle tâche : { $title }
activity-measurement = Nouvelle mesure : { $indicator }
activity-canvas = Canvas modifié : { $title }

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
tracking-owner-is = Responsable : { $name }
tracking-due-on = Échéance : { $date }
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
tracking-error-steps = 20 prochaines étapes au plus : regroupe-les.
tracking-error-link = Mets une page de la plateforme (qui commence par /) ou une adresse qui commence par https://.
tracking-error-person = Choisis une personne de l'équipe du projet.
tracking-error-milestone-date = Un jalon a besoin d'une échéance.
tracking-error-file-size = Le fichier dépasse { $max } Mo : choisis-en un plus léger.

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
sessions-with = Participant·es : { $names }
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
sessions-field-steps-hint = Une par ligne : chacune devient une tâche du projet.
sessions-field-step-owner = Responsable des prochaines étapes
sessions-field-step-due = Échéance des prochaines étapes
sessions-field-file = Pièce jointe
sessions-field-file-hint = Facultatif, { $max } Mo au plus. Si le formulaire revient avec une erreur, choisis le fichier à nouveau.
sessions-next-steps = Prochaines étapes devenues tâches
sessions-edit = Corriger
sessions-edit-title = Corriger la séance du { $date }
sessions-edit-lead = Les corrections remplacent ce qui était enregistré ; l'équipe du projet voit la nouvelle version.
sessions-edit-steps-note = Les prochaines étapes de cette séance sont devenues des tâches : tu les modifies dans la liste des tâches du projet.
sessions-edit-submit = Enregistrer les corrections
sessions-edit-cancel = Annuler
flash-session-updated = Séance corrigée.
sessions-files = Pièces jointes
flash-session-recorded = Séance enregistrée : ses prochaines étapes sont dans les tâches du projet.

file-size-kb = { $value } Ko
file-size-mb = { $value } Mo

project-roadmap = Feuille de route du projet
project-roadmap-none = Pas encore de feuille de route pour ce projet.
project-roadmap-template = Lancer mon projet local
project-roadmap-template-lead = Pars de notre feuille de route sur 6 mois, de l'idée à l'ouverture : tu pourras cocher, dater et attribuer chaque étape.
project-roadmap-start = Démarrer ma feuille de route

timeline-link = Frise chronologique
timeline-title = Frise · { $title }
timeline-lead = Mois 1 commence le { $date }.
timeline-no-start = Sans date de début : donne-en une à la feuille de route pour voir les vraies dates.
timeline-back = Retour à la feuille de route
timeline-dates = du { $from } au { $to }

roadmaps-import-file = Importer un fichier
roadmaps-import-file-lead = Envoie le fichier Markdown (.md) de ta feuille de route ; les fins de ligne Windows sont acceptées.
roadmaps-field-file = Fichier Markdown
roadmaps-import-file-submit = Importer le fichier
roadmap-error-no-file = Choisis un fichier à importer.

impact-catalogue-title = Catalogue des indicateurs d'impact
impact-catalogue-lead = Des indicateurs pensés pour les projets locaux, reliés aux Objectifs de développement durable et aux cinq dimensions de l'impact.
impact-catalogue-link = Le catalogue des indicateurs
impact-col-indicator = Indicateur
impact-col-unit = Unité
impact-col-direction = Sens
impact-col-sdgs = ODD
impact-col-dimension = Dimension
impact-col-code = Code
impact-col-date = Date
impact-col-value = Valeur
impact-col-source = Source
impact-col-evidence = Preuve
impact-col-aggregation = Calcul
impact-col-reporting = Projets comptés
impact-col-missing = Projets sans mesure
impact-col-carried = Niveaux reportés
impact-col-measurements = Mesures
impact-direction-increase = Plus c'est haut, mieux c'est
impact-direction-decrease = Plus c'est bas, mieux c'est
impact-kind-flow = cumulé sur la période
impact-kind-stock = niveau à une date
impact-dimension-what = Quoi
impact-dimension-who = Qui
impact-dimension-how-much = Combien
impact-dimension-contribution = Contribution
impact-dimension-risk = Risque
impact-sdg = ODD { $goal }
impact-aggregation-sum = somme
impact-aggregation-mean = moyenne
impact-project-title = Indicateurs · { $name }
impact-project-lead = Choisis tes indicateurs, fixe ton point de départ et ta cible, puis note tes mesures au fil des mois.
impact-project-none = Aucun indicateur pour l'instant : choisis-en un ou deux dans le catalogue ci-dessous.
impact-baseline = Point de départ
impact-baseline-hint = La valeur avant le projet (0 si tu pars de rien).
impact-target = Cible
impact-target-on = Date de la cible
impact-current = Aujourd'hui
impact-trend = Tendance
impact-trend-improving = en progrès
impact-trend-worsening = en recul
impact-trend-steady = stable
impact-trend-unknown = pas encore assez de mesures
impact-progress = { $percent } % du chemin vers la cible
impact-progress-none = Pas de cible chiffrée
impact-sparkline-label = Évolution de « { $name } » mois par mois : { $values }
impact-measurements-count = { $count ->
    [one] 1 mesure
   *[other] { $n } mesures
}
impact-measurements-of = Mesures de « { $name } »
impact-evidence-file = Voir la preuve
impact-measure-add = Ajouter une mesure
impact-measure-submit = Enregistrer la mesure
impact-field-value = Valeur (en { $unit })
impact-field-source-hint = D'où vient le chiffre : pesée, feuille de présence, enquête…
impact-add = Suivre un nouvel indicateur
impact-add-submit = Ajouter l'indicateur
impact-error-required = Indique une valeur.
impact-error-number = Écris un nombre, par exemple 12 ou 12,5.
impact-error-decimals = Trois chiffres après la virgule au plus.
impact-error-range = Ce nombre est trop grand.
impact-error-indicator = Choisis un indicateur du catalogue.
impact-error-already = Ce projet suit déjà cet indicateur.
impact-error-target-direction = La cible doit aller dans le bon sens par rapport au point de départ.
impact-error-period = La fin de la période doit venir après son début.
impact-error-filter = Les dates du filtre ne sont pas valides.
flash-measurement-recorded = Mesure enregistrée.

impact-report-title = Rapport d'impact du réseau
impact-report-lead = Les indicateurs de tous les projets accompagnés, additionnés seulement quand leurs unités vont ensemble.
impact-report-sheet = Impact
impact-report-empty = Aucun indicateur suivi sur cette période.
impact-report-note = Les cumuls additionnent les mesures de la période ; les niveaux prennent la dernière valeur connue (reportée si la période n'en a pas) ; les taux sont des moyennes, jamais des sommes. Chaque indicateur a son propre total : deux indicateurs ne sont jamais additionnés, même de même unité.
impact-export-csv = Exporter en CSV
impact-export-pdf = Rapport annuel en PDF
impact-pdf-figures = Les indicateurs du réseau
impact-export-xlsx = Exporter en XLSX
impact-filter-from = Du
impact-filter-to = Au
impact-filter-sdg = Objectif de développement durable
impact-filter-all = Tous
impact-filter-all-centres = Tous les centres
impact-filter-submit = Filtrer

review-link = Bilan annuel du réseau
review-title = Bilan de l'année { $year }
review-lead = L'équipe du studio y consigne le bilan de l'année et fixe les objectifs de la suivante, face aux chiffres réels.
review-recorded = Enregistré le { $date }
review-report-link = Voir le rapport de la période
review-impact = Impact mesuré sur la période
review-centres = Centres et projets accompagnés
review-financial = Résultats financiers
review-financial-hint = Chiffre d'affaires, subventions, résultat : ce qui est connu à la date du bilan.
review-cohorts = Cohortes et accompagnements
review-feedback = Retours des porteur·ses de projet et des partenaires
review-objectives = Objectifs de l'année { $year }
review-objectives-lead = Pour chaque indicateur mesuré, la cible de l'année suivante face au réalisé.
review-objectives-none = Aucun indicateur mesuré sur la période : les objectifs viendront avec les premières mesures.
review-achieved = Réalisé en année { $year }
review-target = Cible année { $year }
review-target-of = Cible pour « { $name } »
review-note = Commentaire
review-note-of = Commentaire sur « { $name } »
review-growth = { $percent } %
review-error-targets = Une cible n'est pas un nombre : corrige-la (par exemple 12 ou 12,5).
review-submit = Enregistrer le bilan
flash-review-recorded = Bilan enregistré.

audit-report-exported = Export du rapport d'impact
audit-review-recorded = Bilan annuel enregistré

unit-fte = { $value } ETP
unit-people = { $value } pers.
unit-hours = { $value } h
unit-tonnes = { $value } t
unit-items = { $value } objets
unit-percent = { $value } %
unit-euros = { $value } €
unit-organisations = { $value } structures
unit-meals = { $value } repas
unit-tco2e = { $value } t CO₂e
unit-kwh = { $value } kWh
unit-m2 = { $value } m²
unit-m3 = { $value } m³
unit-events = { $value } événements
unit-km = { $value } km
unit-name-fte = équivalents temps plein
unit-name-people = personnes
unit-name-hours = heures
unit-name-tonnes = tonnes
unit-name-items = objets
unit-name-percent = pourcentage
unit-name-euros = euros
unit-name-organisations = structures
unit-name-meals = repas
unit-name-tco2e = tonnes équivalent CO₂
unit-name-kwh = kilowattheures
unit-name-m2 = mètres carrés
unit-name-m3 = mètres cubes
unit-name-events = événements
unit-name-km = kilomètres
# Roadmap editing
roadmap-edit-link = Modifier
roadmap-edit-period-link = Modifier la période
roadmap-edit-item-title = Modifier l'action
roadmap-error-stale = La feuille de route a changé entre-temps : voici la version à jour. Ton texte est gardé ici ; vérifie-le puis renvoie-le.
roadmap-edit-item-text = Texte de l'action
roadmap-edit-period-title = Période « { $period } »
roadmap-edit-period-heading = Titre de la période
roadmap-new-period-title = Nouvelle période dans « { $phase } »
roadmap-new-period = Ajouter une période
roadmap-field-item = Action
roadmap-field-period = Titre de la période
roadmap-field-period-hint = Par exemple « Mois 5-6 : Lancement » : les mois donnent ses dates.
roadmap-field-target = Période
roadmap-field-position = Place
roadmap-position-end = À la fin
roadmap-position-start = Au début
roadmap-move-item = Déplacer l'action
roadmap-move-submit = Déplacer
roadmap-delete-item = Supprimer l'action
roadmap-delete-item-lead = Ses détails (responsable, échéance, notes, lien) partent avec elle.
roadmap-period-items = Actions de la période
roadmap-period-empty = Pas encore d'action dans cette période.
roadmap-add-item = + Ajouter une action
roadmap-add-item-submit = Ajouter
roadmap-period-order = Ordre et suppression
roadmap-period-up = Monter d'un cran
roadmap-period-down = Descendre d'un cran
roadmap-delete-period = Supprimer la période
roadmap-delete-period-lead = Supprimer la période supprime aussi ses actions et leurs détails.
roadmap-edit-not-found = Cette action ou cette période n'existe plus.
roadmap-edit-not-writable = Ce texte casserait la structure du fichier Markdown : reformule-le.
roadmap-reimport-title = Importer une nouvelle version
roadmap-reimport-lead = Envoie le fichier modifié : tu verras ce qui change avant de l'appliquer. Les actions dont le texte n'a pas changé gardent leurs détails.
roadmap-reimport-preview = Voir les changements
roadmap-reimport-changes = Ce qui va changer
roadmap-reimport-same = Rien ne change : le fichier est identique à la feuille de route.
roadmap-reimport-kept = { $count } actions retrouvées gardent leurs détails ({ $moved } changent de place).
roadmap-reimport-added = Nouvelles actions
roadmap-reimport-removed = Actions retirées (avec leurs détails)
roadmap-reimport-periods-added = Nouvelles périodes :
roadmap-reimport-periods-removed = Périodes retirées :
roadmap-reimport-apply = Appliquer ces changements
action-cancel = Annuler
flash-roadmap-saved = Feuille de route enregistrée.
flash-roadmap-reimported = Nouvelle version importée : les détails des actions retrouvées sont conservés.
audit-roadmap-imported = Feuille de route importée
audit-roadmap-reimported = Nouvelle version de feuille de route importée
