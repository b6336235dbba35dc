# Training-quality evidence: attendance sheets signed on a phone or tablet.
signature-sheet-open = Open the sign-in sheet
signature-sheet-help = Hand the phone or tablet to each person present: they tap their name and sign. The trainer signs too.
signature-count = { $signed } signature(s) out of { $total }
signature-sign = Sign
signature-pdf = Signed attendance sheet (PDF)
signature-role-participant = Participant
signature-role-trainer = Trainer
signature-draw-help = Sign with your finger, a stylus or the mouse in the box below.
signature-canvas-label = Signature box
signature-clear = Clear
signature-type-instead = Type my name instead
signature-typed-legend = Sign by typing your name
signature-field-name = Full name
signature-field-certify = I certify that I am present
signature-submit = Confirm my signature
signature-back = Back to the sheet
signature-drawn-at = Signed on { $at }
signature-typed-at = Name typed “{ $name }”, presence certified on { $at }
signature-staff = sheet run by { $name }
signature-col-role = Role
signature-col-present = Present
signature-error-empty = Sign in the box before confirming.
signature-error-invalid = This signature could not be read. Clear it and sign again.
signature-error-name = Type your full name.
signature-error-certify = Tick the box to certify you are present.
flash-signature-saved = Signature saved. Thank you!

# Surveys after a cohort's sessions and at its end.
cohort-survey-mail-subject = Your feedback on “{ $what }”
cohort-survey-mail-body = “{ $what }” has just ended. Tell us in two minutes what you thought of it.
cohort-survey-back = Back to my cohort
cohort-survey-whole = Cohort review
cohort-survey-answered = { $answers } answer(s) out of { $invited } invitation(s)
cohort-survey-lead = What participants said after each session and at the end of the cohort.
cohort-survey-trend = Session by session
cohort-survey-none = No invitation sent yet: they go out when each session and the cohort end.
cohort-survey-col-step = Session
cohort-survey-results-link = Participants' feedback
signature-col-signed-at = Signed at

# Qualiopi: published results and the evidence export of an offer.
evidence-link = Quality evidence (Qualiopi)
evidence-title = Quality evidence · { $offer }
evidence-lead = The evidence builds itself up: signed attendance sheets, satisfaction surveys, the improvement log.
evidence-published = Published results
evidence-completion = Completion rate
evidence-satisfaction = Satisfaction rate
evidence-respondents = { $count ->
    [one] { $count } respondent
   *[other] { $count } respondents
}
evidence-not-enough = Results are published on the offer's page once { $min } participants have answered the end-of-programme survey.
evidence-export = Export for the audit
evidence-export-help = A ZIP file: a PDF report whose index maps each piece to the Qualiopi indicator it serves, and every signed attendance sheet as PDF and CSV.
evidence-from = From
evidence-to = To
evidence-download = Download the export (ZIP)
evidence-indicator = Indicator
evidence-indicator-2 = Published results
evidence-indicator-11 = Attendance and achievement of objectives
evidence-indicator-30 = Participants' feedback
evidence-indicator-31 = Complaints and difficulties
evidence-indicator-32 = Improvement measures
evidence-report-title = Qualiopi quality evidence
evidence-index = Index of the pieces
evidence-col-piece = Piece
evidence-col-indicator = Indicator served
evidence-col-signatures = Signatures
evidence-col-file = File
evidence-piece-results = Published completion and satisfaction rates (this report, indicator 2 section)
evidence-piece-sheets = Signed attendance sheets (folder emargements/, PDF and CSV)
evidence-piece-satisfaction = Satisfaction survey results (this report, indicator 30 section)
evidence-piece-comments = Participants' comments tagged by theme (this report, indicator 31 section)
evidence-piece-improvements = Log of the decisions taken after feedback (this report, indicator 32 section)
evidence-participants = Participants of the finished cohorts
evidence-completed = Present at 75% of the sessions or more
evidence-respondents-label = Respondents to the end-of-programme survey
evidence-method = Method: completion counts participants present at 75% or more of their cohort's sessions; satisfaction, those who recommend the programme 7 or more out of 10. Rates are published from 5 respondents on.
evidence-no-sessions = No session in the period.
evidence-completion-rule = Share of participants present at { $percent } or more of their cohort's sessions.
evidence-satisfaction-rule = Share of answers recommending the programme { $from } or more out of 10.
