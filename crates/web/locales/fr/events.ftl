# Events: kinds, registration with a group and a waitlist, tickets, cancellation, check-in.
event-kind-workshop = Atelier
event-kind-launch = Événement de lancement
event-kind-opening = Inauguration
event-kind-webinar = Webinaire
event-field-kind = Type d'événement
event-field-seats = Nombre de personnes
event-field-seats-hint = Tu viens à plusieurs ? Inscris ton groupe en une fois (jusqu'à { $max } personnes) : vous aurez vos places ensemble ou attendrez ensemble.
event-error-group = Indique un nombre de personnes entre 1 et le maximum affiché.
event-error-already = Cette adresse est déjà inscrite à cet événement (ou sur sa liste d'attente). Regarde l'e-mail de confirmation reçu.
event-full-waitlist = Complet pour l'instant : inscris-toi sur la liste d'attente. Si une place se libère, nous te prévenons par e-mail, dans l'ordre d'inscription.
event-hold-explain = Ta place est réservée 24 heures : confirme ton adresse avec le lien reçu par e-mail pour la garder.
event-submit-waitlist = Rejoindre la liste d'attente
event-waitlisted-title = Tu es sur la liste d'attente
event-waitlisted-body = L'événement est complet. Dès qu'une place se libère pour toi (ou ton groupe), nous t'écrivons.
event-registrations-title = Inscriptions
event-mail-when = Quand : { $when }. Où : { $place }.
event-mail-group = { $count ->
    [one] Place réservée pour { $count } personne.
   *[other] Places réservées pour { $count } personnes.
}
event-mail-calendar = Le fichier joint ajoute l'événement à ton agenda.
event-mail-seated-subject = Ta place pour « { $event } »
event-mail-confirmed = Ton inscription à « { $event } » est confirmée. Voici ton billet : montre son QR code à l'accueil.
event-mail-promoted-subject = Une place s'est libérée : « { $event } »
event-mail-promoted = Bonne nouvelle : une place s'est libérée à « { $event } » et elle est pour toi !
event-mail-hold = Confirme ton adresse avant le { $until } pour garder ta place ; sinon elle ira à la personne suivante.
event-mail-ticket = Voir mon billet
event-mail-cancel = Un empêchement ? Annule ici pour laisser ta place à quelqu'un d'autre : { $url }
event-mail-reminder-subject = C'est demain : « { $event } »
event-mail-reminder = Petit rappel : « { $event } », c'est demain. Nous avons hâte de te voir !
event-cancel-title = Annuler mon inscription
event-cancel-explain = Ta place (ou celles de ton groupe) ira à la personne suivante sur la liste d'attente.
event-cancel-submit = Oui, annuler mon inscription
event-cancelled-title = Inscription annulée
event-cancelled = C'est noté : ton inscription est annulée. Merci d'avoir libéré ta place !
event-cancel-already = Cette inscription est déjà annulée.
event-cancel-expired-title = Ce lien a expiré
event-cancel-expired = L'événement a commencé : il n'est plus possible d'annuler en ligne. Écris-nous si besoin.
event-cancel-forged = Ce lien d'annulation n'est pas valable. Utilise le lien exact reçu par e-mail.
event-ticket-title = Billet
event-ticket-seats = { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
event-ticket-show = Montre ce QR code à l'accueil.
event-ticket-qr = QR code du billet
event-ticket-code = Code du billet :
event-ticket-inactive = Cette inscription n'a plus de place réservée (annulée, expirée ou sur liste d'attente).
event-ticket-expired = Ce billet n'est plus valable : l'événement est passé.
event-ticket-forged = Ce lien de billet n'est pas valable. Utilise le lien exact reçu par e-mail.
event-checkin-title = Accueil
event-checkin-count = { $in } arrivé·es sur { $total }
event-checkin-code-title = Scanner ou saisir un billet
event-checkin-scan = Scanne le QR code du billet avec l'appareil photo du téléphone, ou saisis le code écrit dessous.
event-checkin-submit = Enregistrer l'arrivée
event-checkin-one = Arrivé·e
event-checkin-arrived = Arrivé·e à
event-checkin-list = Inscrit·es
event-checkin-waiting = { $count ->
    [one] { $count } inscription sur liste d'attente.
   *[other] { $count } inscriptions sur liste d'attente.
}
event-checkin-done = { $name } est arrivé·e. Bienvenue !
event-checkin-again = { $name } était déjà enregistré·e.
event-checkin-unknown = Ce code ne correspond à aucun billet. Vérifie-le et réessaie.
event-checkin-not-registered = Ce billet n'a pas de place réservée pour cet événement (annulé, expiré ou sur liste d'attente).
event-checkin-other-event = Ce billet est celui d'un autre événement.
event-attendance-title = Feuille d'émargement
event-attendance-people = Participant·es
event-attendance-seats = Personnes
event-attendance-confirmed = Adresse confirmée
event-attendance-arrived = Arrivée
event-attendance-signature = Signature
event-attendance-yes = oui
event-attendance-no = non
event-attendance-csv = Présences (CSV)
event-attendance-pdf = Feuille d'émargement (PDF)
