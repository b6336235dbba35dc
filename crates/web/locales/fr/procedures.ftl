## Running a centre: procedures, checklists, incidents (issue 20)

nav-operations = Procédures et équipe
nav-opening-template = Plan d'ouverture type
ops-centres-title = Fonctionnement des centres
ops-centres-lead = Choisissez le centre dont vous suivez les procédures, l'équipe et l'ouverture.
ops-centres-none = Vous ne suivez le fonctionnement d'aucun centre.
ops-tabs = Fonctionnement du centre
ops-tab-procedures = Procédures et listes
ops-tab-incidents = Incidents
ops-tab-team = Équipe
ops-tab-volunteers = Bénévoles
ops-tab-opening = Ouverture
ops-hub-title = Procédures · { $centre }
ops-hub-lead = Les listes de contrôle à cocher, les procédures écrites de l'équipe et le journal des incidents.
ops-checklists = Listes de contrôle
ops-checklists-none = Aucune liste de contrôle pour l'instant.
ops-checklist-new = Nouvelle liste de contrôle
ops-checklist-edit = Modifier la liste
ops-checklist-lead = Une liste revient chaque jour, chaque semaine ou chaque mois ; les personnes du rôle choisi la cochent sur leur téléphone.
ops-checklist-name = Nom de la liste
ops-checklist-recurrence = Fréquence
ops-checklist-role = Confiée au rôle
ops-checklist-procedure = Procédure à suivre
ops-checklist-procedure-none = Aucune
ops-checklist-items = Points à cocher
ops-checklist-items-hint = Un point par ligne (40 au plus).
ops-checklist-read-procedure = Lire la procédure
ops-recurrence-daily = Chaque jour
ops-recurrence-weekly = Chaque semaine
ops-recurrence-monthly = Chaque mois
ops-status-done = Faite
ops-status-due = À faire
ops-status-overdue = En retard
ops-items-count = { $count ->
    [0] aucun point
    [one] { $n } point
   *[other] { $n } points
}
ops-progress = { $done } sur { $total }
ops-period-week = Semaine du { $date }
ops-history = Historique
ops-history-none = Aucun passage enregistré pour l'instant.
ops-run-incomplete = Incomplète
ops-someone = Compte supprimé
ops-procedures = Procédures
ops-procedures-none = Aucune procédure écrite pour l'instant.
ops-procedure-new = Nouvelle procédure
ops-procedure-edit = Modifier la procédure
ops-procedure-lead = Écrivez en Markdown, comme les pages du site ; l'aperçu montre le rendu.
ops-procedure-title = Titre
ops-procedure-body = Texte
ops-procedure-body-hint = Markdown : ## pour un intertitre, - pour une liste, **gras**.
ops-procedure-chapters = Chapitres du manuel d'opérations
ops-procedure-chapters-none = Le manuel d'opérations n'est pas encore publié.
ops-procedure-updated = Mise à jour le { $date }
ops-procedure-updated-by = Mise à jour le { $date } par { $name }
ops-save = Enregistrer
ops-preview = Aperçu
ops-preview-title = Aperçu
ops-cancel = Annuler
ops-form-has-errors = Certains champs sont à corriger : voyez les messages ci-dessous.
ops-error-no-item = Ajoutez au moins un point à cocher.
ops-error-too-many-items = Une liste compte 40 points au plus.
ops-error-item-too-long = Un point compte 200 caractères au plus.
ops-error-date = Indiquez une date passée ou celle d'aujourd'hui, au format AAAA-MM-JJ.
ops-error-procedure-taken = Une procédure porte déjà ce titre.
ops-error-checklist-taken = Une liste porte déjà ce nom.
ops-error-body-too-long = Le texte est trop long.
ops-incidents = Journal des incidents
ops-incidents-title = Incidents · { $centre }
ops-incidents-lead = Notez tout incident : quand, où, sa gravité, ce qui s'est passé et ce qui a été fait.
ops-incidents-none = Aucun incident noté.
ops-incidents-open = { $count ->
    [0] aucun incident ouvert
    [one] { $n } incident ouvert
   *[other] { $n } incidents ouverts
}
ops-incidents-open-log = Ouvrir le journal
ops-incident-open = Ouvert
ops-incident-closed = Clos
ops-incident-action = Suite donnée :
ops-incident-reported-by = Noté par
ops-incident-report = Noter un incident
ops-incident-day = Date
ops-incident-place = Espace ou lieu
ops-incident-place-hint = Par exemple : atelier bois, salle de réunion, trottoir devant l'entrée.
ops-incident-severity = Gravité
ops-incident-what = Ce qui s'est passé
ops-incident-action-field = Ce qui a été fait
ops-incident-close-action = Suite donnée (facultatif)
ops-incident-close = Clore l'incident
ops-severity-minor = Mineur
ops-severity-moderate = Modéré
ops-severity-serious = Grave
flash-ops-procedure-saved = Procédure enregistrée.
flash-ops-checklist-saved = Liste de contrôle enregistrée.
flash-ops-incident-reported = Incident noté.
flash-ops-incident-closed = Incident clos.
todo-checklists = Listes de contrôle
todo-opening = Ouverture du centre
todo-opening-item = Ouverture · { $centre }
todo-opening-next = Prochain jalon le { $date }
audit-checklist-tick-refused = Coche refusée sur une liste d'un autre centre
audit-incident-reported = Incident noté
audit-raci-changed = Matrice des responsabilités modifiée
audit-in-kind-transferred = Bénévolat reporté au budget
audit-opening-template-edited = Plan d'ouverture type modifié
