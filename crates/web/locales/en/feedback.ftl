# Feedback after events: the survey, its results, the decision log.
feedback-mail-subject = Your feedback on “{ $event }”
feedback-mail-body = Thank you for coming to “{ $event }”! Do you have two minutes to tell us what helped you?
feedback-mail-why = We read every answer and adjust our workshops accordingly.
feedback-mail-action = Give my feedback
feedback-expired = This survey link has expired.
feedback-forged = This survey link is not valid. Use the exact link from your e-mail.
feedback-answered-title = You have already answered
feedback-answered = You already gave your feedback on this event: one answer per registration. Thanks again!
feedback-thanks-title = Thank you for your feedback!
feedback-thanks = Your answer is saved. It helps us improve the next events.
feedback-errors = Some answers are missing or do not fit: see the messages under the questions.
feedback-required = Answer this question.
feedback-scale-ends = 1: { $low } · 5: { $high }
feedback-submit = Send my feedback
feedback-results-title = Feedback: { $event }
feedback-invite = Send the survey
feedback-csv = Answers (CSV)
feedback-nps = NPS
feedback-nps-detail = { $promoters } promoters, { $passives } passives, { $detractors } detractors
feedback-answers = { $count ->
    [one] { $count } answer
   *[other] { $count } answers
}
feedback-ratings = Average ratings
feedback-comments = Comments
feedback-no-comments = No comment yet.
feedback-trend = Trend from one event to the next
feedback-no-answers = No answer yet.
feedback-col-answers = Answers
feedback-col-date = Date
feedback-decisions = Decision log
feedback-decisions-lead = What we changed, and because of which feedback: the record of continuous improvement.
feedback-decision = Decision
feedback-because = Because of which feedback?
feedback-because-short = Feedback:
feedback-decide = Add to the log
feedback-no-decisions = No decision recorded yet.
feedback-decision-by = { $name }, on { $date }
flash-feedback-invited = Done: the survey is sent.
flash-feedback-none = Nobody to invite: every confirmed registration already received the survey.
flash-feedback-decided = The decision is recorded in the log.
feedback-results-link = Feedback and survey
