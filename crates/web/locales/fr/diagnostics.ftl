## Auto-diagnostics : liste, questionnaire, résultats, calcul, statistiques du réseau.

nav-diagnostics = Diagnostics
nav-diagnostics-stats = Statistiques des diagnostics
diagnostics-title = Auto-diagnostics
diagnostics-lead = En dix minutes, fais le point sur ton projet et repars avec des pistes concrètes. Gratuit, sans compte, et tu peux reprendre plus tard.
diagnostics-meta = Environ { $minutes } minutes · { $questions } questions
diagnostics-open = Découvrir ce diagnostic
diagnostics-dimensions = Ce que le diagnostic regarde
diagnostics-start-title = Prêt·e ? C'est parti
diagnostics-start = Commencer mon diagnostic
diagnostics-start-again = Recommencer à zéro
diagnostics-resume = Reprendre là où je m'étais arrêté·e
diagnostics-resume-text = Tu as commencé ce diagnostic sur ce navigateur : tes réponses sont gardées.
diagnostics-anonymous-note = Sans compte, tes réponses sont gardées sur ce navigateur pendant un an. Tu pourras recevoir ton résultat par e-mail.
diagnostics-field-project = Pour quel projet ?
diagnostics-field-project-hint = Le résultat est enregistré sur ce projet : ton accompagnateur·rice le verra et tu pourras le comparer la prochaine fois.
diagnostics-no-project = Sans projet (sur mon compte seulement)
diagnostics-scoring-link = Comment est calculé mon résultat ?
diagnostics-overall = Score global

## Questionnaire

diagnostics-progress = Questions répondues : { $answered } sur { $asked }
diagnostics-page-of = Étape { $page } sur { $pages }
diagnostics-steps = Toutes les étapes
diagnostics-step-done = (complète)
diagnostics-optional = (facultatif)
diagnostics-next = Suivant
diagnostics-prev = Précédent
diagnostics-submit = Voir mon résultat
diagnostics-save-later = Enregistrer et continuer plus tard
diagnostics-condition-any = Réponds seulement si tu as répondu { $answers } à « { $question } ».
diagnostics-condition-min = Réponds seulement si ta réponse à « { $question } » est au moins { $min }.
diagnostics-missing-title = Il manque quelques réponses
diagnostics-missing-text = Toutes tes réponses sont enregistrées. Réponds à ces questions pour voir ton résultat :
diagnostics-errors = Certaines réponses n'ont pas pu être enregistrées : corrige-les ci-dessous. Les autres sont bien gardées.
diagnostics-answer-missing = Réponds à cette question pour voir ton résultat.
diagnostics-answer-unknown-choice = Choisis une des réponses proposées.
diagnostics-answer-not-a-number = Écris un nombre entier, en chiffres (par exemple 12).
diagnostics-answer-negative = Le nombre ne peut pas être négatif.
diagnostics-answer-too-large = Ce nombre est trop grand.
diagnostics-answer-out-of-scale = Choisis une valeur de 1 à 5.
diagnostics-answer-too-long = Ta réponse est trop longue : raccourcis-la un peu.
flash-diagnostics-saved = Tes réponses sont enregistrées. Reviens quand tu veux pour terminer.
flash-diagnostics-already-submitted = Ce diagnostic est déjà envoyé : voici tes résultats.

## Résultats

diagnostics-results-title = Résultat · { $title }
diagnostics-results-heading = Ton résultat
diagnostics-results-date = Diagnostic terminé le { $date }
diagnostics-out-of = sur 100
diagnostics-chart-title = Ton score par dimension
diagnostics-radar-desc = Graphique radar de ton score par dimension, de 0 au centre à 100 au bord. Les mêmes chiffres sont dans le tableau qui suit.
diagnostics-radar-desc-previous = Graphique radar de ton score par dimension, de 0 au centre à 100 au bord, comparé à ton diagnostic précédent. Les mêmes chiffres sont dans le tableau qui suit.
diagnostics-legend-current = Ce diagnostic
diagnostics-legend-previous = Diagnostic précédent
diagnostics-legend-median = Médiane des projets comparables
diagnostics-table-caption = Score par dimension (sur 100)
diagnostics-col-dimension = Dimension
diagnostics-col-score = Score
diagnostics-col-level = Niveau
diagnostics-col-previous = Le { $date }
diagnostics-col-change = Évolution
diagnostics-col-peers = Projets comparables
diagnostics-col-date = Date
diagnostics-col-overall = Score global
diagnostics-col-responses = Réponses
diagnostics-peers-cell = 1er quartile { $q1 } · médiane { $median } · 3e quartile { $q3 }
diagnostics-peers-overall = Projets comparables :
diagnostics-peers-count = { $count ->
    [one] Comparaison avec { $n } réponse à ce diagnostic, anonyme.
   *[other] Comparaison avec { $n } réponses à ce diagnostic, anonymes.
}
diagnostics-peers-too-few = La comparaison avec d'autres projets apparaîtra dès { $min } réponses à cette version du diagnostic (il y en a { $count } aujourd'hui), pour que personne ne soit reconnaissable.
diagnostics-strengths = Tes forces
diagnostics-strengths-none = Pas encore de dimension au niveau le plus haut : c'est normal au début, tes priorités te montrent par où commencer.
diagnostics-priorities = Tes priorités
diagnostics-priorities-none = Toutes tes dimensions sont au niveau le plus haut. Bravo !
diagnostics-recommendations = Nos recommandations
diagnostics-mine = Tes résultats
diagnostics-history = Ton évolution
diagnostics-next-steps = Et maintenant ?
diagnostics-email-title = Recevoir mon résultat par e-mail
diagnostics-email-field = Ton adresse e-mail
diagnostics-email-hint = Nous t'envoyons ton résultat et un lien pour le retrouver. Le studio pourra te recontacter au sujet de ton projet ; tu peux demander l'effacement de ton adresse à tout moment.
diagnostics-email-submit = M'envoyer mon résultat
diagnostics-signup-title = Aller plus loin avec le studio
diagnostics-signup-text = Crée ton compte pour garder tes résultats sur ton projet, ouvrir ton Impact Model Canvas et suivre ta progression.
diagnostics-signup = Créer mon compte
diagnostics-retake-title = Refaire le diagnostic
diagnostics-retake-text = Dans quelques semaines, refais-le pour voir ce qui a bougé : la comparaison s'affichera ici.
diagnostics-retake = Refaire le diagnostic
diagnostics-scoring-teaser = Chaque question, son poids et ce qui fait monter le score : tout est expliqué.
diagnostics-scoring-open = Voir le détail du calcul
diagnostics-link-canvas = Ouvrir ce bloc de mon canvas
diagnostics-link-canvas-new = Créer le canvas de mon projet
diagnostics-link-guide = Lire ce chapitre du guide du canvas
diagnostics-link-diagnostic = Faire ce diagnostic
diagnostics-link-project = Voir mon projet
diagnostics-link-dashboard = Aller à mon tableau de bord
diagnostics-link-signup = Créer mon compte
diagnostics-link-scoring = Voir comment est calculé mon résultat
flash-diagnostics-emailed = C'est envoyé ! Ton résultat arrive dans ta boîte mail.

## E-mail des résultats

diagnostics-email-subject = Ton résultat : { $title }
diagnostics-email-greeting = Bonjour,
diagnostics-email-overall = Ton score global est de { $score } sur 100 : { $level }.
diagnostics-email-dimension = { $name } : { $score } sur 100 ({ $level })
diagnostics-email-next = Nos recommandations pour avancer :
diagnostics-email-action = Retrouver mon résultat complet
diagnostics-email-after = Tu reçois ce message parce que tu as demandé ton résultat sur Impact Studio. Pour toute question, réponds simplement à cet e-mail.

## Calcul du résultat

diagnostics-scoring-title = Calcul du résultat · { $title }
diagnostics-scoring-heading = Comment est calculé mon résultat ?
diagnostics-scoring-lead = Pas de boîte noire : voici exactement comment tes réponses deviennent un score, un niveau et des recommandations.
diagnostics-scoring-version = Version { $version }
diagnostics-scoring-rules = Les règles
diagnostics-scoring-rule-answer = Chaque réponse rapporte une part des points de sa question : 0 pour la réponse la plus faible, tous les points pour la plus forte. Pour les choix multiples, chaque case cochée ajoute ses points ; pour les échelles de 1 à 5, 1 vaut 0 et 5 vaut tout.
diagnostics-scoring-rule-dimension = Le score d'une dimension est la moyenne de ces parts, pondérée par le poids de chaque question dans la dimension, ramenée sur 100. Une question sans réponse compte 0.
diagnostics-scoring-rule-conditions = Une question qui ne te concerne pas (elle dépend d'une réponse précédente) ne compte pas du tout : elle ne fait ni monter ni baisser ton score.
diagnostics-scoring-rule-overall = Le score global est la moyenne des dimensions, chacune avec son poids.
diagnostics-scoring-rule-levels = Chaque score donne un niveau selon les seuils ci-dessous ; le score global aussi.
diagnostics-scoring-rule-priorities = Tes forces sont les dimensions au niveau le plus haut (trois au plus). Tes priorités sont les trois dimensions au score le plus bas qui n'y sont pas encore ; les recommandations suivent ces priorités, puis ton niveau global.
diagnostics-scoring-rule-peers = La comparaison avec d'autres projets montre la médiane et les quartiles des réponses à la même version du diagnostic, seulement à partir de 10 réponses, sans jamais montrer une réponse en particulier.
diagnostics-scoring-levels = Les niveaux
diagnostics-scoring-range = de { $min } à { $max }
diagnostics-scoring-dimension-weight = (poids { $weight } sur { $total } dans le score global)
diagnostics-scoring-weight = poids { $weight }
diagnostics-scoring-points = { $points } point(s) sur { $max }
diagnostics-scoring-each = Chaque case cochée : { $choice }
diagnostics-scoring-from = À partir de { $min }
diagnostics-scoring-condition = Posée seulement selon ta réponse à « { $question } ».
diagnostics-scoring-unscored = Questions qui ne comptent pas dans le score
diagnostics-percent = { $value } %

diagnostics-pdf-title = Mon rapport en PDF
diagnostics-pdf-text = Ton résultat, tes recommandations et le détail du calcul, à imprimer ou à partager avec ton accompagnateur·rice.
diagnostics-pdf-link = Télécharger le rapport PDF
diagnostics-pdf-footer = Impact Studio · auto-diagnostic

## Diagnostics d'un projet

diagnostics-project-title = Diagnostics · { $project }
diagnostics-project-heading = Diagnostics du projet
diagnostics-project-lead = Chaque diagnostic terminé reste ici : refais-le de temps en temps pour mesurer le chemin parcouru.
diagnostics-project-none = Pas encore fait pour ce projet.
diagnostics-project-resume = Reprendre (commencé le { $date })
project-diagnostics-section = Auto-diagnostics
project-diagnostics-lead = Fais le point sur ton projet en dix minutes et compare tes résultats dans le temps.
project-diagnostics-open = Voir les diagnostics du projet
home-diagnostic-cta = Faire le point sur mon projet
dashboard-diagnostics = Auto-diagnostics
dashboard-diagnostics-text = Dix minutes pour savoir où en est ton projet et quoi faire ensuite.

## Statistiques du réseau et édition

diagnostics-stats-title = Statistiques des diagnostics
diagnostics-stats-lead = Statistiques anonymes des réponses. Les groupes de moins de { $min } réponses ne sont pas détaillés.
diagnostics-stats-responses = { $count ->
    [0] aucune réponse
    [one] { $n } réponse
   *[other] { $n } réponses
}
diagnostics-stats-leads = { $count ->
    [0] Aucune adresse laissée pour recevoir un résultat.
    [one] { $n } adresse laissée pour recevoir un résultat.
   *[other] { $n } adresses laissées pour recevoir un résultat.
}
diagnostics-stats-export = Exporter en CSV
diagnostics-stats-distribution = Répartition par dimension et par niveau
diagnostics-stats-centres = Médiane par centre
diagnostics-stats-centres-note = Les réponses anonymes des visiteurs sont regroupées à part ; les centres avec trop peu de réponses n'affichent pas de chiffres.
diagnostics-stats-hidden = (trop peu de réponses)
diagnostics-stats-too-few = moins de 10 réponses
diagnostics-stats-visitors = Visiteurs sans compte
diagnostics-edit-link = Modifier le questionnaire
diagnostics-edit-title = Modifier · { $title }
diagnostics-edit-lead = Le questionnaire est décrit en JSON. À la publication, il est vérifié puis devient une nouvelle version ; les réponses déjà données gardent la leur.
diagnostics-edit-field = Définition (JSON)
diagnostics-edit-hint = Garde le même identifiant. Chaque texte existe en français (fr) et en anglais (en).
diagnostics-edit-publish = Vérifier et publier une nouvelle version
diagnostics-edit-errors = La définition n'a pas été publiée :
diagnostics-edit-versions = Versions publiées
flash-diagnostics-published = La nouvelle version est publiée. Les prochains diagnostics l'utiliseront.
audit-diagnostic-published = Diagnostic publié
audit-diagnostic-stats-exported = Statistiques de diagnostic exportées
diagnostics-error-json = Le texte n'est pas une définition valide : { $key }
diagnostics-error-bad-id = L'identifiant « { $key } » ne doit contenir que des minuscules, des chiffres et des tirets.
diagnostics-error-duplicate = « { $key } » ({ $other }) est défini deux fois.
diagnostics-error-missing-text = « { $key } » ({ $other }) a un texte vide en français ou en anglais.
diagnostics-error-empty = La liste « { $key } » est vide.
diagnostics-error-bad-levels = Les niveaux doivent commencer à 0 et monter strictement (voir « { $key } »).
diagnostics-error-too-few-choices = La question « { $key } » doit proposer au moins deux réponses.
diagnostics-error-bad-bands = La question chiffrée « { $key } » doit avoir des tranches qui commencent à 0 et montent.
diagnostics-error-missing-scale = L'échelle « { $key } » doit nommer ses deux extrémités.
diagnostics-error-missing-weights = La question « { $key } » rapporte des points mais n'a de poids dans aucune dimension.
diagnostics-error-unscored-weights = La question « { $key } » a des poids mais ses réponses ne rapportent aucun point.
diagnostics-error-unknown-dimension = La question « { $key } » pèse sur une dimension qui n'existe pas : « { $other } ».
diagnostics-error-zero-weight = « { $key } » a un poids de 0.
diagnostics-error-dimension-empty = Aucune question ne pèse sur la dimension « { $key } ».
diagnostics-error-condition-question = La condition de la question « { $key } » renvoie à une question inconnue : « { $other } ».
diagnostics-error-condition-choice = La condition de la question « { $key } » renvoie à une réponse inconnue : « { $other } ».
diagnostics-error-condition-bad = La condition de la question « { $key } » doit donner des réponses (choix) ou un minimum (échelle, nombre) adaptés à la question visée.
diagnostics-error-condition-cycle = Des conditions tournent en rond : { $key }.
diagnostics-error-condition-later = La condition de la question « { $key } » renvoie à « { $other } », qui est posée après.
diagnostics-error-reco-dimension = Une recommandation renvoie à une dimension inconnue : « { $key } ».
diagnostics-error-reco-level = Une recommandation renvoie à un niveau inconnu : « { $key } ».
diagnostics-error-reco-block = Une recommandation renvoie à un bloc du canvas inconnu : « { $key } ».
diagnostics-error-other-id = L'identifiant « { $key } » ne correspond pas au diagnostic modifié (« { $other } »).
diagnostics-error-published-meanwhile = Quelqu'un a publié une version entre-temps. Recharge la page pour repartir de la dernière version.
diagnostics-error-reco-theme = Une recommandation renvoie à un thème de formation inconnu : « { $key } ».
diagnostics-link-learning = Suivre le cours sur ce thème
