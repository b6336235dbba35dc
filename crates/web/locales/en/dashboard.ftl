## Dashboard
dashboard-title = Dashboard
dashboard-greeting = Hello { $name }!
dashboard-lead = Here's where your projects and centres stand.
dashboard-network = The network in numbers
dashboard-centres = Your centres
dashboard-projects = Your projects
dashboard-empty-title = No project yet
dashboard-empty-text = When you join a centre or launch your project, it will show up here.
stat-centres = centres
stat-members = members
stat-projects = projects
stat-invitations = pending invitations
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

## The to-do list
todo-title = To do
todo-nothing = Nothing urgent: everything is up to date.
todo-next-session = Next session
todo-session-on = Coaching session on { $date }
todo-canvas = Your canvas
todo-canvas-empty = Complete “{ $canvas }” ({ $project })
todo-canvas-empty-count = { $count ->
    [one] { $n } empty block
   *[other] { $n } empty blocks
}
todo-diagnostic = Your diagnostic
todo-diagnostic-finish = Finish your diagnostic
todo-diagnostic-take = Take your first diagnostic
todo-diagnostic-priority = Priority: { $dimension }
todo-diagnostic-taken = { $title }, on { $date }
todo-diagnostic-score = { $score } / 100
todo-sessions = Next sessions
todo-comments = Comments to handle
todo-comments-open = { $count ->
    [one] 1 open comment
   *[other] { $n } open comments
}
todo-alerts = Projects in difficulty
todo-leads = New contacts
todo-contacts = New contacts across the network
todo-leads-new = { $count ->
    [one] 1 new contact to handle
   *[other] { $n } new contacts to handle
}
todo-leads-new-text = Pioneers, workshop registrations and diagnostics left with an address.
todo-events = Coming events
todo-event-fill = { $taken } / { $capacity } registered
todo-cohorts = Running cohorts
todo-cohort-alerts = { $count ->
    [one] 1 project with alerts
   *[other] { $n } projects with alerts
}
todo-cohort-ok = All is well
dashboard-watched-none = No project to follow yet.
dashboard-centres-side = The centres side by side
dashboard-operations-link = Background work, e-mails and log: the operations page
stat-new-contacts = new contacts
stat-pioneers-30 = pioneers (30 days)
stat-registrations-30 = registrations (30 days)
