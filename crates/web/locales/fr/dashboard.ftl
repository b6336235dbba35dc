## Dashboard
dashboard-title = Tableau de bord
dashboard-greeting = Bonjour { $name } !
dashboard-lead = Voici où en sont tes projets et tes centres.
dashboard-network = Le réseau en chiffres
dashboard-centres = Tes centres
dashboard-projects = Tes projets
dashboard-empty-title = Pas encore de projet
dashboard-empty-text = Quand tu rejoindras un centre ou lanceras ton projet, il apparaîtra ici.
stat-centres = centres
stat-members = membres
stat-projects = projets
stat-invitations = invitations en attente
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

## The « À faire » list
todo-title = À faire
todo-nothing = Rien ne presse : tout est à jour.
todo-next-session = Prochaine séance
todo-session-on = Séance d'accompagnement le { $date }
todo-canvas = Ton canevas
todo-canvas-empty = Compléter « { $canvas } » ({ $project })
todo-canvas-empty-count = { $count ->
    [one] { $n } bloc vide
   *[other] { $n } blocs vides
}
todo-diagnostic = Ton diagnostic
todo-diagnostic-finish = Termine ton diagnostic
todo-diagnostic-take = Fais ton premier diagnostic
todo-diagnostic-priority = Priorité : { $dimension }
todo-diagnostic-taken = { $title }, le { $date }
todo-diagnostic-score = { $score } / 100
todo-sessions = Prochaines séances
todo-comments = Commentaires à traiter
todo-comments-open = { $count ->
    [one] 1 commentaire ouvert
   *[other] { $n } commentaires ouverts
}
todo-alerts = Projets en difficulté
todo-leads = Nouveaux contacts
todo-contacts = Nouveaux contacts du réseau
todo-leads-new = { $count ->
    [one] 1 nouveau contact à traiter
   *[other] { $n } nouveaux contacts à traiter
}
todo-leads-new-text = Pionniers, inscriptions aux ateliers et diagnostics laissés avec une adresse.
todo-events = Prochains événements
todo-event-fill = { $taken } / { $capacity } inscrits
todo-cohorts = Cohortes en cours
todo-cohort-alerts = { $count ->
    [one] 1 projet en alerte
   *[other] { $n } projets en alerte
}
todo-cohort-ok = Tout va bien
dashboard-watched-none = Aucun projet à suivre pour l'instant.
dashboard-centres-side = Les centres côte à côte
dashboard-operations-link = Travaux en arrière-plan, e-mails et journal : la page des opérations
stat-new-contacts = nouveaux contacts
stat-pioneers-30 = pionniers (30 jours)
stat-registrations-30 = inscriptions (30 jours)
