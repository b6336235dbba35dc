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
