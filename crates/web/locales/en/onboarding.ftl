# Onboarding: the e-mails of the sequence, the unsubscribe page.
onboarding-welcome-subject = Welcome to the Studio d'Impact Local
onboarding-welcome-body = Your space is ready. Over the next few days we will send you a few short e-mails to move your project forward step by step.
onboarding-welcome-action = Open my dashboard
onboarding-diagnostic-subject = Take stock of your project in ten minutes
onboarding-diagnostic-body = The diagnostic shows where your project stands and what matters now. Your answers also guide your coaching.
onboarding-diagnostic-action = Take the diagnostic
onboarding-canvas-subject = Put your project on the canvas
onboarding-canvas-body = The canvas holds your project on one page: the people concerned, your offer, your impact. Start with one box, you can change everything later.
onboarding-canvas-action = Start my canvas
onboarding-course-subject = Pick your first course
onboarding-course-body = Short modules, with videos and exercises, for every stage of your project. Pick the one that helps you today.
onboarding-course-action = See the courses
onboarding-coaching-subject = Book your first coaching session
onboarding-coaching-body = One hour with a coach to review your canvas, plan your next steps and clear what holds you back.
onboarding-coaching-action = Prepare my session
onboarding-mail-why = You receive this e-mail because you joined the Studio d'Impact Local.
onboarding-unsubscribe-link = Stop these getting-started e-mails
onboarding-unsubscribe-title = Stop the getting-started e-mails
onboarding-unsubscribe-text = You will no longer receive the e-mails that guide your first steps. Your account and project stay as they are.
onboarding-unsubscribe-submit = Unsubscribe
onboarding-unsubscribed-title = Done
onboarding-unsubscribed-body = You will no longer receive the getting-started e-mails.
onboarding-link-invalid = This unsubscribe link is not valid. Copy it whole from the e-mail.

# Settings of the sequence (centre managers).
onboarding-settings-title = Onboarding new members · { $centre }
onboarding-settings-heading = Onboarding sequence
onboarding-settings-lead = The e-mails and the getting-started list every new person receives. Choose the steps, their order, their delay and their words.
onboarding-step-welcome = Welcome
onboarding-step-diagnostic = Diagnostic
onboarding-step-canvas = Canvas
onboarding-step-course = First course
onboarding-step-coaching = First coaching session
onboarding-field-enabled = Send this step
onboarding-field-delay = Delay (days)
onboarding-field-delay-hint = After the previous step (after the start for the first one).
onboarding-field-position = Order
onboarding-field-position-hint = 1 for the first step.
onboarding-language-fr = in French
onboarding-language-en = in English
onboarding-texts-summary = E-mail texts { $language }
onboarding-field-subject = Subject
onboarding-field-subject-hint = Leave empty to keep: “{ $subject }”.
onboarding-field-intro = Introduction
onboarding-field-intro-hint = Replaces the e-mail's first paragraph. Leave empty to keep the planned text.
onboarding-error-summary = Some fields need fixing: see the message under each.
onboarding-error-delay = Enter a whole number of days, between 0 and { $max }.
onboarding-error-position = Enter a place between 1 and { $max }.
onboarding-error-subject = The subject fits in 150 characters at most.
onboarding-error-intro = The introduction fits in 1,000 characters at most.
flash-onboarding-saved = Onboarding sequence saved.

# Funnel report.
onboarding-funnel-title = Onboarding funnel · { $centre }
onboarding-funnel-heading = Onboarding funnel
onboarding-funnel-lead = How many people reach each step, and how many really do it.
onboarding-funnel-csv = Download as CSV
onboarding-period-from = Started from
onboarding-period-to = Until
onboarding-period-apply = Show
onboarding-error-date = Enter a date, for example 2026-09-01.
onboarding-funnel-steps = Steps
onboarding-funnel-started = { $count ->
    [one] { $n } person started in the period.
   *[other] { $n } people started in the period.
}
onboarding-funnel-figures = { $reached } reached · { $completed } done ({ $percent }%)
onboarding-legend-reached = Step reached
onboarding-legend-completed = Step done
onboarding-people-heading = People getting started
onboarding-people-none = Nobody started in this period.
onboarding-person-started = started on { $date }
onboarding-person-steps = { $reached } of { $total } steps
onboarding-status-active = Running
onboarding-status-paused = Paused
onboarding-status-pending = Address to confirm
onboarding-status-unsubscribed = Unsubscribed
onboarding-pause = Pause the e-mails of { $name }
onboarding-resume = Resume the e-mails of { $name }
flash-onboarding-paused = Onboarding e-mails paused.
flash-onboarding-resumed = Onboarding e-mails resumed.
onboarding-csv-step = Step
onboarding-csv-started = Started
onboarding-csv-reached = Reached
onboarding-csv-completed = Done

# Checklist on the dashboard.
onboarding-check-title = Your first steps
onboarding-check-progress = { $done } of { $total } steps done
onboarding-check-welcome = Create your project
onboarding-check-diagnostic = Take your diagnostic
onboarding-check-canvas = Start your canvas
onboarding-check-course = Pick a course
onboarding-check-coaching = Attend your first coaching session
onboarding-check-done = Done
onboarding-check-todo = To do
onboarding-check-dismiss = Hide this list
flash-onboarding-checklist-hidden = The getting-started list is hidden.
