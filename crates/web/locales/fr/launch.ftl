# Ouvrir un nouveau centre pas à pas (issue 21)
launch-steps = Étapes de l’ouverture
launch-start-title = Ouvrir un nouveau centre
launch-start-lead = Six étapes, une seule page : le profil, le responsable, la licence et son contrat, le kit, les offres et les premiers événements. Comptez une demi-heure ; vous pouvez vous arrêter et reprendre à tout moment.
launch-start-submit = Créer le centre et continuer
launch-field-address = Adresse
launch-field-postcode = Code postal
launch-field-email = E-mail du centre
launch-field-phone = Téléphone
launch-field-presentation = Présentation
launch-hint-presentation = Quelques phrases pour la page publique du centre ; son responsable pourra la compléter.
launch-step-profile = Profil du centre
launch-step-profile-todo = Le nom, la ville et l’adresse du centre.
launch-step-manager = Responsable du centre
launch-step-manager-todo = Invitez la personne qui dirigera le centre.
launch-step-licence = Licence et contrat
launch-step-licence-todo = Accordez la licence ; le contrat est rédigé et envoyé pour signature.
launch-step-kit = Kit de déploiement
launch-step-kit-todo = Donnez au centre sa copie du kit en vigueur.
launch-step-offers = Catalogue d’offres
launch-step-offers-todo = Copiez les offres du studio dans le catalogue du centre.
launch-step-events = Premiers événements
launch-step-events-todo = Préparez l’inauguration et les premiers rendez-vous, et le plan d’ouverture.
flash-launch-started = Le centre est créé. Passons à son responsable.
launch-flow-title = Ouvrir { $centre }
launch-flow-lead = Chaque étape s’enregistre dès que vous la validez : vous pouvez quitter cette page et y revenir.
launch-progress = { $done }/{ $total } étapes faites · commencé le { $started }
launch-done = Fait
launch-do-step = Faire cette étape
launch-finished-title = Le centre est prêt
launch-finished = Toutes les étapes sont faites, en { $count ->
    [one] { $n } minute
   *[other] { $n } minutes
}.
launch-finished-next = À son responsable maintenant : accepter l’invitation, signer le contrat, relire et ouvrir les offres, publier les événements.
launch-link-centre = Voir la page du centre
launch-link-plan = Voir le plan d’ouverture
launch-field-manager = E-mail du ou de la responsable
launch-hint-manager = Cette personne reçoit une invitation à créer son compte, valable 14 jours.
launch-submit-manager = Envoyer l’invitation
launch-manager-invited = Invitation envoyée à { $email }
launch-manager-joined = { $name } a rejoint le centre
launch-link-members = Voir les membres
launch-hint-licence = La licence reste un brouillon jusqu’à ce que les deux parties signent le contrat, qui part aussitôt au responsable invité.
launch-submit-licence = Accorder la licence et envoyer le contrat
launch-licence-no-model = Aucun modèle de licence n’existe encore : écrivez-en un avant d’accorder une licence.
launch-licence-done = { $name }, version { $version }, à partir du { $start } · contrat envoyé pour signature
launch-link-contract = Suivre le contrat
launch-link-licence = Voir la licence
launch-kit-current = Version { $number } du kit · { $items } éléments
launch-hint-kit = Le centre reçoit une copie de chaque élément. Son équipe la lira dès que la licence sera en vigueur ; les prochaines versions lui montreront ce qui change.
launch-submit-kit = Appliquer le kit
launch-kit-none = Aucune version du kit n’est publiée : publiez-en une d’abord.
launch-kit-done = Version { $number } appliquée
launch-link-kit = Voir le kit du centre
launch-offers-legend = Offres du studio à copier
launch-hint-offers = Elles arrivent fermées : le responsable relit les prix et les ouvre quand le centre est prêt à recevoir des candidatures.
launch-offers-none = Le studio n’a pas encore d’offre à copier.
launch-submit-offers = Copier les offres cochées
launch-offer-free = Gratuit
launch-offers-done = { $count ->
    [0] Aucune offre copiée
    [one] { $n } offre copiée, fermée
   *[other] { $n } offres copiées, fermées
}
launch-link-offers = Voir les offres
launch-field-opens-on = Jour d’ouverture
launch-hint-opens-on = Les événements se placent autour de ce jour.
launch-field-plan = Démarrer le plan d’ouverture à partir de ce jour
launch-events-legend = Événements à préparer
launch-hint-events = Ils restent en brouillon, non publiés, jusqu’à ce que le centre les publie.
launch-field-event-title = Titre : { $kind }
launch-submit-events = Préparer les événements
launch-event-opening = Inauguration de { $centre }
launch-event-workshop = Atelier découverte : lancer son projet à impact
launch-event-launch = Lancement de la première cohorte
launch-event-when-opening = le jour de l’ouverture, de 18 h à 20 h
launch-event-when-workshop = une semaine après, de 18 h 30 à 20 h 30
launch-event-when-launch = trois semaines après, de 18 h à 20 h
launch-event-summary = Un rendez-vous de { $centre }.
launch-events-done = { $count ->
    [0] Aucun événement préparé
    [one] { $n } événement en brouillon
   *[other] { $n } événements en brouillon
}
launch-opening-on = ouverture le { $day }
launch-link-events = Voir les événements
launch-link-profile = Compléter le profil
launch-events-slug-taken = Un autre événement vient de prendre cette adresse : validez à nouveau.
flash-launch-already = Cette étape était déjà faite.
flash-launch-manager = L’invitation est partie.
flash-launch-licence = La licence est accordée et le contrat envoyé pour signature.
flash-launch-kit = Le kit est appliqué.
flash-launch-offers = Les offres sont copiées.
flash-launch-events = Les événements sont préparés.
flash-launch-finished = C’est fait : le centre est prêt.
audit-centre-launch = Étape de l’ouverture d’un centre
centres-launch = Ouvrir un centre pas à pas
centres-launches = Ouvertures en cours
centres-launch-progress = { $done }/6 étapes faites
launch-manager-gone = L’invitation a expiré sans réponse : invitez à nouveau depuis la page du centre.
