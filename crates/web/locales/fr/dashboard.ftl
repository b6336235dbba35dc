## Dashboard
dashboard-title = Tableau de bord
dashboard-greeting = Bonjour { $name } !
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
