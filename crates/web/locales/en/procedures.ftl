## Running a centre: procedures, checklists, incidents (issue 20)

nav-operations = Procedures and team
nav-opening-template = Opening plan template
ops-centres-title = Running the centres
ops-centres-lead = Choose the centre whose procedures, team and opening you follow.
ops-centres-none = You follow no centre's operations.
ops-tabs = Running the centre
ops-tab-procedures = Procedures and checklists
ops-tab-incidents = Incidents
ops-tab-team = Team
ops-tab-volunteers = Volunteers
ops-tab-opening = Opening
ops-hub-title = Procedures · { $centre }
ops-hub-lead = The checklists to tick, the team's written procedures and the incident log.
ops-checklists = Checklists
ops-checklists-none = No checklist yet.
ops-checklist-new = New checklist
ops-checklist-edit = Edit the checklist
ops-checklist-lead = A checklist comes back every day, week or month; the people of the chosen role tick it on their phone.
ops-checklist-name = Name of the checklist
ops-checklist-recurrence = How often
ops-checklist-role = Assigned to the role
ops-checklist-procedure = Procedure to follow
ops-checklist-procedure-none = None
ops-checklist-items = Items to tick
ops-checklist-items-hint = One item a line (40 at most).
ops-checklist-read-procedure = Read the procedure
ops-recurrence-daily = Every day
ops-recurrence-weekly = Every week
ops-recurrence-monthly = Every month
ops-status-done = Done
ops-status-due = To do
ops-status-overdue = Overdue
ops-items-count = { $count ->
    [0] no item
    [one] { $n } item
   *[other] { $n } items
}
ops-progress = { $done } of { $total }
ops-period-week = Week of { $date }
ops-history = History
ops-history-none = No run recorded yet.
ops-run-incomplete = Incomplete
ops-someone = Deleted account
ops-procedures = Procedures
ops-procedures-none = No written procedure yet.
ops-procedure-new = New procedure
ops-procedure-edit = Edit the procedure
ops-procedure-lead = Write in Markdown, like the site's pages; the preview shows how it reads.
ops-procedure-title = Title
ops-procedure-body = Text
ops-procedure-body-hint = Markdown: ## for a heading, - for a list, **bold**.
ops-procedure-chapters = Chapters of the operations manual
ops-procedure-chapters-none = The operations manual is not published yet.
ops-procedure-updated = Updated on { $date }
ops-procedure-updated-by = Updated on { $date } by { $name }
ops-save = Save
ops-preview = Preview
ops-preview-title = Preview
ops-cancel = Cancel
ops-form-has-errors = Some fields need correcting: see the messages below.
ops-error-no-item = Add at least one item to tick.
ops-error-too-many-items = A checklist holds 40 items at most.
ops-error-item-too-long = An item holds 200 characters at most.
ops-error-date = Give a past day or today, as YYYY-MM-DD.
ops-error-procedure-taken = A procedure already has this title.
ops-error-checklist-taken = A checklist already has this name.
ops-error-body-too-long = The text is too long.
ops-incidents = Incident log
ops-incidents-title = Incidents · { $centre }
ops-incidents-lead = Note every incident: when, where, how serious, what happened and what was done.
ops-incidents-none = No incident noted.
ops-incidents-open = { $count ->
    [0] no open incident
    [one] { $n } open incident
   *[other] { $n } open incidents
}
ops-incidents-open-log = Open the log
ops-incident-open = Open
ops-incident-closed = Closed
ops-incident-action = Action taken:
ops-incident-reported-by = Noted by
ops-incident-report = Note an incident
ops-incident-day = Date
ops-incident-place = Space or place
ops-incident-place-hint = For instance: wood workshop, meeting room, pavement by the door.
ops-incident-severity = Severity
ops-incident-what = What happened
ops-incident-action-field = What was done
ops-incident-close-action = Action taken (optional)
ops-incident-close = Close the incident
ops-severity-minor = Minor
ops-severity-moderate = Moderate
ops-severity-serious = Serious
flash-ops-procedure-saved = Procedure saved.
flash-ops-checklist-saved = Checklist saved.
flash-ops-incident-reported = Incident noted.
flash-ops-incident-closed = Incident closed.
todo-checklists = Checklists
todo-opening = Opening the centre
todo-opening-item = Opening · { $centre }
todo-opening-next = Next milestone on { $date }
audit-checklist-tick-refused = Tick refused on another centre's checklist
audit-incident-reported = Incident noted
audit-raci-changed = Responsibility matrix changed
audit-in-kind-transferred = Volunteer time carried to the budget
audit-opening-template-edited = Opening plan template changed
