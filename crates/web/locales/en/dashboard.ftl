## Dashboard
dashboard-title = Dashboard
dashboard-greeting = Hello { $name }!
dashboard-lead = Here's where your projects and centres stand.
dashboard-network = The network in numbers
dashboard-centres = Your centres
dashboard-projects = Your projects
dashboard-followed = The projects you coach
dashboard-empty-title = No project yet
dashboard-empty-text = When you join a centre or launch your project, it will show up here.
stat-centres = centres
stat-members = members
stat-projects = projects
stat-invitations = pending invitations
stat-jobs-waiting = queued jobs
stat-jobs-failed = failed jobs
centre-members-count = { $count ->
    [0] no members
    [one] { $n } member
   *[other] { $n } members
}
centre-projects-count = { $count ->
    [0] no projects
    [one] { $n } project
   *[other] { $n } projects
}
