## Self-diagnostics: list, questionnaire, results, scoring, network statistics.

nav-diagnostics = Diagnostics
nav-diagnostics-stats = Diagnostics statistics
diagnostics-title = Self-diagnostics
diagnostics-lead = In ten minutes, take stock of your project and leave with concrete next steps. Free, no account needed, and you can finish later.
diagnostics-meta = About { $minutes } minutes · { $questions } questions
diagnostics-open = Discover this diagnostic
diagnostics-dimensions = What the diagnostic looks at
diagnostics-start-title = Ready? Let's go
diagnostics-start = Start my diagnostic
diagnostics-start-again = Start again from scratch
diagnostics-resume = Resume where I left off
diagnostics-resume-text = You started this diagnostic in this browser: your answers are kept.
diagnostics-anonymous-note = Without an account, your answers are kept in this browser for a year. You can receive your result by e-mail.
diagnostics-field-project = For which project?
diagnostics-field-project-hint = The result is saved on this project: your coach will see it and you can compare it next time.
diagnostics-no-project = No project (on my account only)
diagnostics-scoring-link = How is my result calculated?
diagnostics-overall = Overall score

## Questionnaire

diagnostics-progress = Questions answered: { $answered } of { $asked }
diagnostics-page-of = Step { $page } of { $pages }
diagnostics-steps = All steps
diagnostics-step-done = (complete)
diagnostics-optional = (optional)
diagnostics-next = Next
diagnostics-prev = Previous
diagnostics-submit = See my result
diagnostics-save-later = Save and continue later
diagnostics-condition-any = Answer only if you answered { $answers } to "{ $question }".
diagnostics-condition-min = Answer only if your answer to "{ $question }" is at least { $min }.
diagnostics-missing-title = A few answers are missing
diagnostics-missing-text = All your answers are saved. Answer these questions to see your result:
diagnostics-errors = Some answers could not be saved: correct them below. The others are kept.
diagnostics-answer-missing = Answer this question to see your result.
diagnostics-answer-unknown-choice = Choose one of the answers offered.
diagnostics-answer-not-a-number = Write a whole number, in digits (for example 12).
diagnostics-answer-negative = The number cannot be negative.
diagnostics-answer-too-large = This number is too large.
diagnostics-answer-out-of-scale = Choose a value from 1 to 5.
diagnostics-answer-too-long = Your answer is too long: shorten it a little.
flash-diagnostics-saved = Your answers are saved. Come back whenever you like to finish.
flash-diagnostics-already-submitted = This diagnostic was already sent: here are your results.

## Results

diagnostics-results-title = Result · { $title }
diagnostics-results-heading = Your result
diagnostics-results-date = Diagnostic completed on { $date }
diagnostics-out-of = out of 100
diagnostics-chart-title = Your score per dimension
diagnostics-radar-desc = Radar chart of your score per dimension, from 0 at the centre to 100 at the edge. The same figures are in the table that follows.
diagnostics-radar-desc-previous = Radar chart of your score per dimension, from 0 at the centre to 100 at the edge, compared with your previous diagnostic. The same figures are in the table that follows.
diagnostics-legend-current = This diagnostic
diagnostics-legend-previous = Previous diagnostic
diagnostics-legend-median = Median of comparable projects
diagnostics-table-caption = Score per dimension (out of 100)
diagnostics-col-dimension = Dimension
diagnostics-col-score = Score
diagnostics-col-level = Level
diagnostics-col-previous = On { $date }
diagnostics-col-change = Change
diagnostics-col-peers = Comparable projects
diagnostics-col-date = Date
diagnostics-col-overall = Overall score
diagnostics-col-responses = Responses
diagnostics-peers-cell = 1st quartile { $q1 } · median { $median } · 3rd quartile { $q3 }
diagnostics-peers-overall = Comparable projects:
diagnostics-peers-count = { $count ->
    [one] Compared with { $n } anonymous response to this diagnostic.
   *[other] Compared with { $n } anonymous responses to this diagnostic.
}
diagnostics-peers-too-few = The comparison with other projects will appear once this version of the diagnostic has { $min } responses (it has { $count } today), so that nobody can be recognised.
diagnostics-strengths = Your strengths
diagnostics-strengths-none = No dimension at the highest level yet: that is normal at the start, your priorities show you where to begin.
diagnostics-priorities = Your priorities
diagnostics-priorities-none = All your dimensions are at the highest level. Well done!
diagnostics-recommendations = Our recommendations
diagnostics-mine = Your results
diagnostics-history = Your progress
diagnostics-next-steps = What now?
diagnostics-email-title = Receive my result by e-mail
diagnostics-email-field = Your e-mail address
diagnostics-email-hint = We send you your result and a link to find it again. The studio may contact you about your project; you can ask for your address to be erased at any time.
diagnostics-email-submit = Send me my result
diagnostics-signup-title = Go further with the studio
diagnostics-signup-text = Create your account to keep your results on your project, open your Impact Model Canvas and follow your progress.
diagnostics-signup = Create my account
diagnostics-retake-title = Take the diagnostic again
diagnostics-retake-text = In a few weeks, take it again to see what has moved: the comparison will show here.
diagnostics-retake = Take the diagnostic again
diagnostics-scoring-teaser = Every question, its weight and what raises the score: it is all explained.
diagnostics-scoring-open = See how it is calculated
diagnostics-link-canvas = Open this block of my canvas
diagnostics-link-canvas-new = Create my project's canvas
diagnostics-link-guide = Read this chapter of the canvas guide
diagnostics-link-diagnostic = Take this diagnostic
diagnostics-link-project = See my project
diagnostics-link-dashboard = Go to my dashboard
diagnostics-link-signup = Create my account
diagnostics-link-scoring = See how my result is calculated
flash-diagnostics-emailed = Sent! Your result is on its way to your inbox.

## Results e-mail

diagnostics-email-subject = Your result: { $title }
diagnostics-email-greeting = Hello,
diagnostics-email-overall = Your overall score is { $score } out of 100: { $level }.
diagnostics-email-dimension = { $name }: { $score } out of 100 ({ $level })
diagnostics-email-next = Our recommendations to move forward:
diagnostics-email-action = See my full result
diagnostics-email-after = You are receiving this message because you asked for your result on Impact Studio. For any question, simply reply to this e-mail.

## Scoring explanation

diagnostics-scoring-title = How it is calculated · { $title }
diagnostics-scoring-heading = How is my result calculated?
diagnostics-scoring-lead = No black box: here is exactly how your answers become a score, a level and recommendations.
diagnostics-scoring-version = Version { $version }
diagnostics-scoring-rules = The rules
diagnostics-scoring-rule-answer = Each answer brings a share of its question's points: 0 for the weakest answer, all the points for the strongest. For multiple choices, each ticked box adds its points; for 1-to-5 scales, 1 is worth nothing and 5 everything.
diagnostics-scoring-rule-dimension = A dimension's score is the average of these shares, weighted by each question's weight in the dimension, out of 100. An unanswered question counts as 0.
diagnostics-scoring-rule-conditions = A question that does not apply to you (it depends on an earlier answer) does not count at all: it neither raises nor lowers your score.
diagnostics-scoring-rule-overall = The overall score is the average of the dimensions, each with its weight.
diagnostics-scoring-rule-levels = Each score gives a level according to the thresholds below; so does the overall score.
diagnostics-scoring-rule-priorities = Your strengths are the dimensions at the highest level (three at most). Your priorities are the three lowest-scoring dimensions not there yet; the recommendations follow these priorities, then your overall level.
diagnostics-scoring-rule-peers = The comparison with other projects shows the median and quartiles of the responses to the same version of the diagnostic, only from 10 responses on, and never shows any single response.
diagnostics-scoring-levels = The levels
diagnostics-scoring-range = from { $min } to { $max }
diagnostics-scoring-dimension-weight = (weight { $weight } out of { $total } in the overall score)
diagnostics-scoring-weight = weight { $weight }
diagnostics-scoring-points = { $points } point(s) out of { $max }
diagnostics-scoring-each = Each ticked box: { $choice }
diagnostics-scoring-from = From { $min }
diagnostics-scoring-condition = Asked only depending on your answer to "{ $question }".
diagnostics-scoring-unscored = Questions that do not count in the score
diagnostics-percent = { $value }%

diagnostics-pdf-title = My report as a PDF
diagnostics-pdf-text = Your result, your recommendations and how it is calculated, to print or share with your coach.
diagnostics-pdf-link = Download the PDF report
diagnostics-pdf-footer = Impact Studio · self-diagnostic

## A project's diagnostics

diagnostics-project-title = Diagnostics · { $project }
diagnostics-project-heading = Project diagnostics
diagnostics-project-lead = Every completed diagnostic stays here: take them again from time to time to measure how far you have come.
diagnostics-project-none = Not taken yet for this project.
diagnostics-project-resume = Resume (started on { $date })
project-diagnostics-section = Self-diagnostics
project-diagnostics-lead = Take stock of your project in ten minutes and compare your results over time.
project-diagnostics-open = See the project's diagnostics
home-diagnostic-cta = Take stock of my project
dashboard-diagnostics = Self-diagnostics
dashboard-diagnostics-text = Ten minutes to know where your project stands and what to do next.

## Network statistics and editing

diagnostics-stats-title = Diagnostics statistics
diagnostics-stats-lead = Anonymous statistics of the responses. Groups of fewer than { $min } responses are not detailed.
diagnostics-stats-responses = { $count ->
    [0] no responses
    [one] { $n } response
   *[other] { $n } responses
}
diagnostics-stats-leads = { $count ->
    [0] No address left to receive a result.
    [one] { $n } address left to receive a result.
   *[other] { $n } addresses left to receive a result.
}
diagnostics-stats-export = Export as CSV
diagnostics-stats-distribution = Distribution per dimension and level
diagnostics-stats-centres = Median per centre
diagnostics-stats-centres-note = Anonymous visitors' responses are grouped separately; centres with too few responses show no figures.
diagnostics-stats-hidden = (too few responses)
diagnostics-stats-too-few = fewer than 10 responses
diagnostics-stats-visitors = Visitors without an account
diagnostics-edit-link = Edit the questionnaire
diagnostics-edit-title = Edit · { $title }
diagnostics-edit-lead = The questionnaire is described in JSON. On publishing, it is checked and becomes a new version; responses already given keep theirs.
diagnostics-edit-field = Definition (JSON)
diagnostics-edit-hint = Keep the same identifier. Every text exists in French (fr) and English (en).
diagnostics-edit-publish = Check and publish a new version
diagnostics-edit-errors = The definition was not published:
diagnostics-edit-versions = Published versions
flash-diagnostics-published = The new version is published. The next diagnostics will use it.
audit-diagnostic-published = Diagnostic published
audit-diagnostic-stats-exported = Diagnostic statistics exported
diagnostics-error-json = The text is not a valid definition: { $key }
diagnostics-error-bad-id = The identifier "{ $key }" may only hold lowercase letters, digits and dashes.
diagnostics-error-duplicate = "{ $key }" ({ $other }) is defined twice.
diagnostics-error-missing-text = "{ $key }" ({ $other }) has an empty French or English text.
diagnostics-error-empty = The list "{ $key }" is empty.
diagnostics-error-bad-levels = Levels must start at 0 and rise strictly (see "{ $key }").
diagnostics-error-too-few-choices = Question "{ $key }" must offer at least two answers.
diagnostics-error-bad-bands = Number question "{ $key }" needs bands that start at 0 and rise.
diagnostics-error-missing-scale = Scale "{ $key }" must name both its ends.
diagnostics-error-missing-weights = Question "{ $key }" carries points but has no weight in any dimension.
diagnostics-error-unscored-weights = Question "{ $key }" has weights but its answers carry no points.
diagnostics-error-unknown-dimension = Question "{ $key }" weighs a dimension that does not exist: "{ $other }".
diagnostics-error-zero-weight = "{ $key }" has a weight of 0.
diagnostics-error-dimension-empty = No question weighs the dimension "{ $key }".
diagnostics-error-condition-question = The condition of question "{ $key }" refers to an unknown question: "{ $other }".
diagnostics-error-condition-choice = The condition of question "{ $key }" refers to an unknown answer: "{ $other }".
diagnostics-error-condition-bad = The condition of question "{ $key }" must give answers (choices) or a minimum (scale, number) that fit the question it refers to.
diagnostics-error-condition-cycle = Conditions go round in circles: { $key }.
diagnostics-error-condition-later = The condition of question "{ $key }" refers to "{ $other }", which is asked later.
diagnostics-error-reco-dimension = A recommendation refers to an unknown dimension: "{ $key }".
diagnostics-error-reco-level = A recommendation refers to an unknown level: "{ $key }".
diagnostics-error-reco-block = A recommendation refers to an unknown canvas block: "{ $key }".
diagnostics-error-other-id = The identifier "{ $key }" does not match the diagnostic being edited ("{ $other }").
diagnostics-error-published-meanwhile = Someone published a version in the meantime. Reload the page to start from the latest version.
diagnostics-error-reco-theme = A recommendation refers to an unknown learning theme: "{ $key }".
diagnostics-link-learning = Take the course on this theme
