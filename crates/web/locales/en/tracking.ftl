# Project tracking, coaching sessions, tasks, milestones, impact indicators, network report.

nav-impact = Impact
dashboard-impact = Network impact
dashboard-impact-report = Every project's indicators, by period, SDG and centre.
dashboard-impact-review = The year's review and next year's objectives.
dashboard-watched = Projects you follow
dashboard-my-tasks = My next tasks

glance-title = The project at a glance
glance-alerts = Needs a closer look
glance-canvas = Impact Model Canvas
glance-canvas-complete = { $done } of { $total } blocks complete
glance-canvas-none = No canvas yet.
glance-next-milestone = Next milestone
glance-no-milestone = No milestone coming up.
glance-open-tasks = { $count ->
    [0] No open task.
    [one] 1 open task.
   *[other] { $n } open tasks.
}
glance-indicators = Impact indicators
glance-no-indicators = No indicator chosen yet.
glance-indicators-link = See and update the indicators
glance-activity = Recent activity
glance-activity-none = Nothing new yet.

activity-session = Coaching session of { $date }
activity-task-done = Task done: { $title }
activity-task-created = New task: { $title }
activity-measurement = New measurement: { $indicator }
activity-canvas = Canvas changed: { $title }

alert-inactive = { $count ->
    [one] No activity for 1 day
   *[other] No activity for { $n } days
}
alert-overdue-tasks = { $count ->
    [one] 1 task overdue
   *[other] { $n } tasks overdue
}
alert-overdue-milestones = { $count ->
    [one] 1 milestone overdue
   *[other] { $n } milestones overdue
}
alert-overdue-roadmap = { $count ->
    [one] 1 roadmap step overdue
   *[other] { $n } roadmap steps overdue
}

tracking-last-activity = Last activity on { $date }
tracking-overdue = overdue
tracking-owner-is = Owner: { $name }
tracking-due-on = Due: { $date }
tracking-nobody = Nobody yet
tracking-back-to-project = Back to the project
tracking-item-details = Owner, due date, notes and links
tracking-item-link = What carries it out
tracking-item-evidence = The evidence
tracking-field-owner = Owner
tracking-field-due = Due date
tracking-field-notes = Notes
tracking-field-link = Link to what carries it out
tracking-field-link-hint = A page of the platform (for example /canvases/3) or an https:// address.
tracking-field-evidence = Link to the evidence
tracking-error-required = This field is required.
tracking-error-too-long = This text is too long.
tracking-error-date = Write the date as YYYY-MM-DD, for example 2026-11-24.
tracking-error-steps = 20 next steps at most: group them.
tracking-error-link = Give a page of the platform (starting with /) or an address starting with https://.
tracking-error-person = Choose someone from the project team.
tracking-error-milestone-date = A milestone needs a due date.

tasks-title = Tasks and milestones
tasks-none = No open task. Add the next step below.
tasks-from-session = from a session
tasks-start = Start
tasks-done = Done
tasks-reopen = Reopen
tasks-done-count = { $count ->
    [one] 1 task done
   *[other] { $n } tasks done
}
tasks-add = Add a task or a milestone
tasks-add-submit = Add
tasks-field-kind = Type
tasks-field-title = Title
task-kind-task = Task
task-kind-milestone = Milestone
task-status-todo = To do
task-status-doing = In progress
task-status-done = Done

sessions-title = Coaching sessions
sessions-none = No session recorded yet.
sessions-heading = Session of { $date }
sessions-by = With { $name }
sessions-with = Participants: { $names }
sessions-add = Record a session
sessions-submit = Record the session
sessions-field-date = Date of the session
sessions-field-participants = Participants
sessions-field-shared = Shared notes
sessions-field-shared-hint = Seen by the whole project team.
sessions-field-private = Notes for coaches only
sessions-field-private-hint = Project holders do not see them.
sessions-field-decisions = Decisions made
sessions-field-steps = Next steps
sessions-field-steps-hint = One per line: each becomes a task of the project.
sessions-field-step-owner = Owner of the next steps
sessions-field-step-due = Due date of the next steps
sessions-field-file = Attachment
sessions-field-file-hint = Optional, { $max } MB at most. If the form comes back with an error, choose the file again.
sessions-next-steps = Next steps turned into tasks
sessions-edit = Edit
sessions-edit-title = Edit the session of { $date }
sessions-edit-lead = Your changes replace what was recorded; the project team sees the new version.
sessions-edit-steps-note = This session's next steps became tasks: change them in the project's task list.
sessions-edit-submit = Save changes
sessions-edit-cancel = Cancel
flash-session-updated = Session updated.
sessions-files = Attachments
flash-session-recorded = Session recorded: its next steps are in the project's tasks.

file-size-kb = { $value } KB
file-size-mb = { $value } MB

project-roadmap = Project roadmap
project-roadmap-none = No roadmap for this project yet.
project-roadmap-template = Launch my local project
project-roadmap-template-lead = Start from our 6-month roadmap, from the idea to the opening: you can tick, date and assign every step.
project-roadmap-start = Start my roadmap

flash-measurement-recorded = Measurement recorded.

flash-review-recorded = Review recorded.

audit-report-exported = Impact report exported
audit-review-recorded = Yearly review recorded

action-cancel = Cancel
flash-roadmap-saved = Roadmap saved.
flash-roadmap-reimported = New version imported: the details of the actions found again are kept.
