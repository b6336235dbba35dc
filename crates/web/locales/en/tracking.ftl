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
tracking-error-file-size = The file is over { $max } MB: choose a lighter one.

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

timeline-link = Timeline
timeline-title = Timeline · { $title }
timeline-lead = Month 1 starts on { $date }.
timeline-no-start = No start date: give the roadmap one to see the real dates.
timeline-back = Back to the roadmap
timeline-dates = from { $from } to { $to }

roadmaps-import-file = Import a file
roadmaps-import-file-lead = Send your roadmap's Markdown file (.md); Windows line endings are fine.
roadmaps-field-file = Markdown file
roadmaps-import-file-submit = Import the file
roadmap-error-no-file = Choose a file to import.

impact-catalogue-title = Impact indicator catalogue
impact-catalogue-lead = Indicators designed for local projects, linked to the Sustainable Development Goals and the five dimensions of impact.
impact-catalogue-link = The indicator catalogue
impact-col-indicator = Indicator
impact-col-unit = Unit
impact-col-direction = Direction
impact-col-sdgs = SDGs
impact-col-dimension = Dimension
impact-col-code = Code
impact-col-date = Date
impact-col-value = Value
impact-col-source = Source
impact-col-evidence = Evidence
impact-col-aggregation = Computed as
impact-col-reporting = Projects counted
impact-col-missing = Projects without a measurement
impact-col-carried = Levels carried over
impact-col-measurements = Measurements
impact-direction-increase = Higher is better
impact-direction-decrease = Lower is better
impact-kind-flow = added up over the period
impact-kind-stock = level at a date
impact-dimension-what = What
impact-dimension-who = Who
impact-dimension-how-much = How much
impact-dimension-contribution = Contribution
impact-dimension-risk = Risk
impact-sdg = SDG { $goal }
impact-aggregation-sum = sum
impact-aggregation-mean = mean
impact-project-title = Indicators · { $name }
impact-project-lead = Choose your indicators, set your baseline and target, then record your measurements month after month.
impact-project-none = No indicator yet: pick one or two from the catalogue below.
impact-baseline = Baseline
impact-baseline-hint = The value before the project (0 if you start from nothing).
impact-target = Target
impact-target-on = Target date
impact-current = Today
impact-trend = Trend
impact-trend-improving = improving
impact-trend-worsening = worsening
impact-trend-steady = steady
impact-trend-unknown = not enough measurements yet
impact-progress = { $percent } % of the way to the target
impact-progress-none = No numeric target
impact-sparkline-label = "{ $name }" month by month: { $values }
impact-measurements-count = { $count ->
    [one] 1 measurement
   *[other] { $n } measurements
}
impact-measurements-of = Measurements of "{ $name }"
impact-evidence-file = See the evidence
impact-measure-add = Add a measurement
impact-measure-submit = Record the measurement
impact-field-value = Value (in { $unit })
impact-field-source-hint = Where the figure comes from: weighing, attendance sheet, survey…
impact-add = Follow a new indicator
impact-add-submit = Add the indicator
impact-error-required = Give a value.
impact-error-number = Write a number, for example 12 or 12.5.
impact-error-decimals = Three decimals at most.
impact-error-range = This number is too large.
impact-error-indicator = Choose an indicator from the catalogue.
impact-error-already = This project already follows this indicator.
impact-error-target-direction = The target must go the right way from the baseline.
impact-error-period = The end of the period must come after its start.
impact-error-filter = The filter's dates are not valid.
flash-measurement-recorded = Measurement recorded.

impact-report-title = Network impact report
impact-report-lead = The indicators of every supported project, added up only when their units go together.
impact-report-sheet = Impact
impact-report-empty = No indicator followed over this period.
impact-report-note = Flows add up the period's measurements; levels take the latest known value (carried over when the period has none); rates are averaged, never added. Each indicator has its own total: two indicators are never added together, even in the same unit.
impact-export-csv = Export as CSV
impact-export-pdf = Year-end report as PDF
impact-pdf-figures = The network's indicators
impact-export-xlsx = Export as XLSX
impact-filter-from = From
impact-filter-to = To
impact-filter-sdg = Sustainable Development Goal
impact-filter-all = All
impact-filter-all-centres = All centres
impact-filter-submit = Filter

review-link = Network yearly review
review-title = Review of year { $year }
review-lead = The studio team records the year's review and sets next year's objectives, against the real figures.
review-recorded = Recorded on { $date }
review-report-link = See the report for the period
review-impact = Impact measured over the period
review-centres = Centres and supported projects
review-financial = Financial results
review-financial-hint = Revenue, grants, result: what is known on the day of the review.
review-cohorts = Cohorts and coaching
review-feedback = Feedback from project holders and partners
review-objectives = Objectives for year { $year }
review-objectives-lead = For each measured indicator, next year's target against what was achieved.
review-objectives-none = No indicator measured over the period: objectives will come with the first measurements.
review-achieved = Achieved in year { $year }
review-target = Target for year { $year }
review-target-of = Target for "{ $name }"
review-note = Comment
review-note-of = Comment on "{ $name }"
review-growth = { $percent } %
review-error-targets = A target is not a number: correct it (for example 12 or 12.5).
review-submit = Record the review
flash-review-recorded = Review recorded.

audit-report-exported = Impact report exported
audit-review-recorded = Yearly review recorded

unit-fte = { $value } FTE
unit-people = { $value } people
unit-hours = { $value } h
unit-tonnes = { $value } t
unit-items = { $value } items
unit-percent = { $value } %
unit-euros = €{ $value }
unit-organisations = { $value } organisations
unit-meals = { $value } meals
unit-tco2e = { $value } t CO₂e
unit-kwh = { $value } kWh
unit-m2 = { $value } m²
unit-m3 = { $value } m³
unit-events = { $value } events
unit-km = { $value } km
unit-name-fte = full-time equivalents
unit-name-people = people
unit-name-hours = hours
unit-name-tonnes = tonnes
unit-name-items = items
unit-name-percent = percent
unit-name-euros = euros
unit-name-organisations = organisations
unit-name-meals = meals
unit-name-tco2e = tonnes of CO₂ equivalent
unit-name-kwh = kilowatt-hours
unit-name-m2 = square metres
unit-name-m3 = cubic metres
unit-name-events = events
unit-name-km = kilometres
# Roadmap editing
roadmap-edit-link = Edit
roadmap-edit-period-link = Edit the period
roadmap-edit-item-title = Edit the action
roadmap-error-stale = The roadmap changed in the meantime: here is the current version. Your text is kept here; check it, then send it again.
roadmap-edit-item-text = Text of the action
roadmap-edit-period-title = Period “{ $period }”
roadmap-edit-period-heading = Title of the period
roadmap-new-period-title = New period in “{ $phase }”
roadmap-new-period = Add a period
roadmap-field-item = Action
roadmap-field-period = Title of the period
roadmap-field-period-hint = For example “Month 5-6: Launch”: the months give its dates.
roadmap-field-target = Period
roadmap-field-position = Place
roadmap-position-end = At the end
roadmap-position-start = At the start
roadmap-move-item = Move the action
roadmap-move-submit = Move
roadmap-delete-item = Delete the action
roadmap-delete-item-lead = Its details (owner, due date, notes, link) go with it.
roadmap-period-items = Actions of the period
roadmap-period-empty = No action in this period yet.
roadmap-add-item = + Add an action
roadmap-add-item-submit = Add
roadmap-period-order = Order and deletion
roadmap-period-up = Move up
roadmap-period-down = Move down
roadmap-delete-period = Delete the period
roadmap-delete-period-lead = Deleting the period also deletes its actions and their details.
roadmap-edit-not-found = This action or period no longer exists.
roadmap-edit-not-writable = This text would break the Markdown file's structure: rephrase it.
roadmap-reimport-title = Import a new version
roadmap-reimport-lead = Send the changed file: you will see what changes before applying it. Actions whose text did not change keep their details.
roadmap-reimport-preview = See the changes
roadmap-reimport-changes = What will change
roadmap-reimport-same = Nothing changes: the file is the same as the roadmap.
roadmap-reimport-kept = { $count } actions found again keep their details ({ $moved } move).
roadmap-reimport-added = New actions
roadmap-reimport-removed = Actions removed (with their details)
roadmap-reimport-periods-added = New periods:
roadmap-reimport-periods-removed = Periods removed:
roadmap-reimport-apply = Apply these changes
action-cancel = Cancel
flash-roadmap-saved = Roadmap saved.
flash-roadmap-reimported = New version imported: the details of the actions found again are kept.
audit-roadmap-imported = Roadmap imported
audit-roadmap-reimported = New roadmap version imported
