# Training-quality evidence: attendance sheets signed on a phone or tablet.
signature-sheet-open = Faire signer la feuille d'émargement
signature-sheet-help = Tends le téléphone ou la tablette à chaque personne présente : elle touche son nom et signe. Le formateur ou la formatrice signe aussi.
signature-count = { $signed } signature(s) sur { $total }
signature-sign = Signer
signature-pdf = Feuille d'émargement signée (PDF)
signature-role-participant = Participant·e
signature-role-trainer = Formateur·rice
signature-draw-help = Signe avec le doigt, un stylet ou la souris dans le cadre ci-dessous.
signature-canvas-label = Cadre de signature
signature-clear = Effacer
signature-type-instead = Saisir mon nom à la place
signature-typed-legend = Signer en saisissant ton nom
signature-field-name = Nom complet
signature-field-certify = Je certifie être présent·e
signature-submit = Valider ma signature
signature-back = Retour à la feuille
signature-drawn-at = Signé le { $at }
signature-typed-at = Nom saisi « { $name } », présence certifiée le { $at }
signature-staff = feuille tenue par { $name }
signature-col-role = Rôle
signature-col-present = Présent·e
signature-error-empty = Signe dans le cadre avant de valider.
signature-error-invalid = Cette signature n'a pas pu être lue. Efface et signe à nouveau.
signature-error-name = Saisis ton nom complet.
signature-error-certify = Coche la case pour certifier ta présence.
flash-signature-saved = Signature enregistrée. Merci !

# Surveys after a cohort's sessions and at its end.
cohort-survey-mail-subject = Ton avis sur « { $what } »
cohort-survey-mail-body = « { $what } » vient de se terminer. Dis-nous en deux minutes ce que tu en as pensé.
cohort-survey-back = Retour à ma cohorte
cohort-survey-whole = Bilan de la cohorte
cohort-survey-answered = { $answers } réponse(s) sur { $invited } invitation(s)
cohort-survey-lead = Les réponses des participant·es après chaque séance et à la fin de la cohorte.
cohort-survey-trend = Évolution séance après séance
cohort-survey-none = Aucune invitation envoyée pour l'instant : elles partent à la fin de chaque séance et de la cohorte.
cohort-survey-col-step = Séance
cohort-survey-results-link = Avis des participant·es
signature-col-signed-at = Heure de signature

# Qualiopi: published results and the evidence export of an offer.
evidence-link = Preuves qualité (Qualiopi)
evidence-title = Preuves qualité · { $offer }
evidence-lead = Les preuves se constituent d'elles-mêmes : émargements signés, enquêtes de satisfaction, journal des améliorations.
evidence-published = Résultats publiés
evidence-completion = Taux d'achèvement
evidence-satisfaction = Taux de satisfaction
evidence-respondents = { $count ->
    [one] { $count } répondant·e
   *[other] { $count } répondant·es
}
evidence-not-enough = Les résultats sont publiés sur la page de l'offre dès que { $min } participant·es ont répondu à l'enquête de fin de parcours.
evidence-export = Export pour l'audit
evidence-export-help = Un fichier ZIP : un rapport PDF dont l'index relie chaque pièce à l'indicateur Qualiopi qu'elle sert, et chaque feuille d'émargement signée en PDF et en CSV.
evidence-from = Du
evidence-to = Au
evidence-download = Télécharger l'export (ZIP)
evidence-indicator = Indicateur
evidence-indicator-2 = Résultats publiés
evidence-indicator-11 = Assiduité et atteinte des objectifs
evidence-indicator-30 = Appréciations des participant·es
evidence-indicator-31 = Réclamations et difficultés
evidence-indicator-32 = Mesures d'amélioration
evidence-report-title = Preuves qualité Qualiopi
evidence-index = Index des pièces
evidence-col-piece = Pièce
evidence-col-indicator = Indicateur servi
evidence-col-signatures = Signatures
evidence-col-file = Fichier
evidence-piece-results = Taux d'achèvement et de satisfaction publiés (ce rapport, section indicateur 2)
evidence-piece-sheets = Feuilles d'émargement signées (dossier emargements/, PDF et CSV)
evidence-piece-satisfaction = Résultats des enquêtes de satisfaction (ce rapport, section indicateur 30)
evidence-piece-comments = Commentaires des participant·es classés par thème (ce rapport, section indicateur 31)
evidence-piece-improvements = Journal des décisions prises à la suite des retours (ce rapport, section indicateur 32)
evidence-participants = Participant·es des cohortes terminées
evidence-completed = Présent·es à au moins 75 % des séances
evidence-respondents-label = Répondant·es à l'enquête de fin de parcours
evidence-method = Méthode : l'achèvement compte les participant·es présent·es à au moins 75 % des séances de leur cohorte ; la satisfaction, celles et ceux qui recommandent l'accompagnement 7 ou plus sur 10. Les taux ne sont publiés qu'à partir de 5 répondant·es.
evidence-no-sessions = Aucune séance sur la période.
evidence-completion-rule = Part des participant·es présent·es à au moins { $percent } des séances de leur cohorte.
evidence-satisfaction-rule = Part des réponses qui recommandent l'accompagnement { $from } ou plus sur 10.
