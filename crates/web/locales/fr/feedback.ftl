# Feedback after events: the survey, its results, the decision log.
feedback-mail-subject = Ton avis sur « { $event } »
feedback-mail-body = Merci d'être venu·e à « { $event } » ! Tu as deux minutes pour nous dire ce qui t'a servi ?
feedback-mail-why = Nous lisons chaque réponse et nous ajustons nos ateliers en fonction.
feedback-mail-action = Donner mon avis
feedback-expired = Ce lien de questionnaire a expiré.
feedback-forged = Ce lien de questionnaire n'est pas valable. Utilise le lien exact reçu par e-mail.
feedback-answered-title = Tu as déjà répondu
feedback-answered = Tu as déjà donné ton avis sur cet événement : une seule réponse par inscription. Merci encore !
feedback-thanks-title = Merci pour ton avis !
feedback-thanks = Ta réponse est bien enregistrée. Elle nous aide à améliorer les prochains rendez-vous.
feedback-errors = Certaines réponses manquent ou ne conviennent pas : regarde les messages sous les questions.
feedback-required = Réponds à cette question.
feedback-scale-ends = 1 : { $low } · 5 : { $high }
feedback-submit = Envoyer mon avis
feedback-results-title = Avis : { $event }
feedback-invite = Envoyer le questionnaire
feedback-csv = Réponses (CSV)
feedback-nps = NPS
feedback-nps-detail = { $promoters } promoteur·ices, { $passives } passif·ves, { $detractors } détracteur·ices
feedback-answers = { $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}
feedback-ratings = Notes moyennes
feedback-comments = Commentaires
feedback-no-comments = Pas encore de commentaire.
feedback-trend = Évolution d'un événement à l'autre
feedback-no-answers = Pas encore de réponse.
feedback-col-answers = Réponses
feedback-col-date = Date
feedback-decisions = Journal des décisions
feedback-decisions-lead = Ce que nous avons changé, et à cause de quel retour : la trace de l'amélioration continue.
feedback-decision = Décision
feedback-because = À cause de quel retour ?
feedback-because-short = Retour :
feedback-decide = Ajouter au journal
feedback-no-decisions = Aucune décision notée pour l'instant.
feedback-decision-by = { $name }, le { $date }
flash-feedback-invited = C'est parti : le questionnaire est envoyé.
flash-feedback-none = Personne à inviter : chaque inscrit·e confirmé·e a déjà reçu le questionnaire.
flash-feedback-decided = La décision est notée dans le journal.
feedback-results-link = Avis et questionnaire
