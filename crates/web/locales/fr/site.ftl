## Site public : page d'accueil, pionniers, événements, données des contacts, SEO.

site-landing-title = Lance ton projet à impact local
site-eyebrow = Studio d'Impact Local
site-cta-pioneers = Rejoindre les pionniers
site-cta-diagnostic = Faire mon auto-diagnostic
site-cta-canvas = Essayer le canvas
site-cta-signup = Créer mon compte gratuit
site-cta-workshop = M'inscrire à l'atelier gratuit
site-counter = { $confirmed } / { $goal } pionniers
site-story-title = Notre histoire
site-story-more = Lire toute notre histoire
site-offers-title = Nos offres
site-offers-more = Voir le détail des offres
site-events-title = Événements
site-events-lead = Ateliers gratuits, rencontres et sessions d'information, près de chez toi ou en ligne.
site-events-upcoming = Prochains rendez-vous
site-events-none = Aucun rendez-vous n'est prévu pour l'instant. Rejoins les pionniers pour être prévenu·e du prochain.
site-events-all = Tous les événements
site-testimonials-title = Elles et ils en parlent
site-video-captions = Sous-titres
site-video-download = Télécharger la vidéo
site-video-watch = Regarder la vidéo
site-join-title = Prêt·e à te lancer ?
site-join-text = Crée ton compte gratuit pour garder ton canvas et tes diagnostics, ou viens d'abord rencontrer l'équipe à l'atelier découverte.
site-footer-story = Notre histoire
site-footer-offers = Offres
site-footer-pioneers = Pionniers
site-footer-blog = Blog
site-footer-legal = Mentions légales

## Textes par défaut de la page d'accueil (modifiables par l'équipe du studio)
site-default-promise-title = Lance ton projet à impact local
site-default-promise-lead = Tu as une idée pour ton quartier, ton village ou ta ville ? Le Studio d'Impact Local t'aide à la transformer en projet solide, utile et durable : un diagnostic pour faire le point, un canvas pour construire ton modèle, un accompagnement pour avancer et un lancement bien préparé.
site-default-story = Tout est parti d'un constat simple : autour de nous, des dizaines de personnes ont une idée utile pour leur territoire (une recyclerie, une épicerie solidaire, un atelier vélo) et s'arrêtent faute de méthode, de temps ou d'entourage.

    Nous avons ouvert un premier studio pour les accompagner pas à pas, avec des outils simples et une communauté de porteur·ses de projets. Demain, un réseau de micro-centres portera la même démarche au plus près de chez toi.
site-default-testimonial-1-quote = Le canvas m'a obligée à mettre des mots sur mon public. En trois semaines, mon idée de recyclerie est devenue un vrai projet, avec un budget.
site-default-testimonial-1-name = Camille
site-default-testimonial-1-role = recyclerie de quartier, Villeurbanne
site-default-testimonial-2-quote = Ce qui m'a le plus aidé, c'est la cohorte : on avance ensemble, on se prête nos contacts et on ose davantage.
site-default-testimonial-2-name = Mehdi
site-default-testimonial-2-role = atelier vélo solidaire, Saint-Étienne
site-default-testimonial-3-quote = L'auto-diagnostic m'a montré par où commencer. J'ai gagné des mois.
site-default-testimonial-3-name = Sophie
site-default-testimonial-3-role = épicerie vrac itinérante, Drôme
site-default-video-title = Le studio en trois minutes

## Pionniers
site-pioneers-title = Rejoindre les pionniers
site-pioneers-lead = Nous constituons un premier groupe de 10 à 15 porteur·ses de projets qui testent le studio avec nous. Laisse-nous tes coordonnées : nous te recontactons pour en parler.
site-pioneers-submit = Rejoindre les pionniers
site-pioneers-why-title = Être pionnier·e, c'est
site-pioneers-why-1 = Accéder en premier aux ateliers, au canvas et au diagnostic, gratuitement pendant la phase pilote.
site-pioneers-why-2 = Être accompagné·e par l'équipe du studio et rencontrer d'autres porteur·ses de projets.
site-pioneers-why-3 = Nous dire ce qui marche et ce qui manque, pour construire le studio avec nous.
site-privacy-title = Tes données
site-purpose = Finalité : te recontacter au sujet du groupe des pionniers, des ateliers et de nos offres. Tes données restent au studio et ne sont jamais vendues ni cédées.
site-retention = Durée : nous les gardons 3 ans après notre dernier échange. Passé ce délai, nous te demandons si tu veux rester en contact ; sans réponse sous 30 jours, elles sont effacées.
site-rights = Chaque e-mail contient un lien pour télécharger tes données, te désabonner ou tout effacer, sans compte.
site-field-name = Nom
site-field-town = Commune
site-field-idea = Ton idée de projet
site-field-idea-hint = Quelques lignes suffisent : le problème que tu veux résoudre, pour qui, où.
site-field-interests = Ce qui t'intéresse
site-field-consent = J'accepte que le studio me recontacte à ce sujet.
site-field-newsletter-consent = Je veux aussi recevoir la lettre d'information du studio (une par mois au plus).
site-optional = (facultatif)
site-max-chars = { $max } caractères au plus.
site-honeypot = Laisse ce champ vide
site-interest-diagnostic = L'auto-diagnostic de mon projet
site-interest-canvas = Le canvas d'impact
site-interest-coaching = Un accompagnement individuel
site-interest-workshops = Les ateliers collectifs
site-interest-micro-centre = Ouvrir un micro-centre près de chez moi
site-error-consent = Coche cette case pour que nous puissions te recontacter.
site-check-mail-title = Vérifie ta boîte mail
site-check-mail-body = Si cette adresse est correcte, un e-mail vient de partir avec un lien pour confirmer ton inscription. Le lien est valable 7 jours.
site-check-mail-spam = Rien reçu d'ici quelques minutes ? Regarde dans les indésirables.
site-confirmed-title = C'est confirmé, bienvenue !
site-confirmed-body = Ton adresse est confirmée. L'équipe du studio te recontacte très vite. En attendant, jette un œil aux prochains ateliers.
site-confirmed-action = Voir les prochains ateliers
site-link-unknown = Ce lien ne correspond à aucune inscription. Il a peut-être déjà servi : si ton inscription est confirmée, tu n'as rien d'autre à faire.
site-expired-title = Ce lien a expiré
site-expired-body = Les liens de confirmation sont valables 7 jours. Indique ton adresse e-mail : nous t'en envoyons un nouveau.
site-expired-submit = Recevoir un nouveau lien

## E-mails aux contacts
site-mail-confirm-subject = Confirme ton inscription au Studio d'Impact Local
site-mail-confirm-body = Merci de vouloir rejoindre les pionniers du Studio d'Impact Local ! Confirme ton adresse pour finaliser ton inscription.
site-mail-confirm-event = Merci pour ton inscription à « { $event } » ! Confirme ton adresse pour garder ta place.
site-mail-confirm-why = Nous te demandons de confirmer pour être sûrs que c'est bien toi qui t'es inscrit·e.
site-mail-confirm-action = Confirmer mon adresse
site-mail-confirm-expiry = Ce lien est valable 7 jours.
site-mail-unsubscribe = Se désabonner
site-mail-my-data = Mes données
site-mail-retention-subject = Veux-tu rester en contact avec le Studio d'Impact Local ?
site-mail-retention-body = Cela fait trois ans que nous n'avons pas échangé. Pour respecter ta vie privée, nous ne gardons pas les coordonnées des personnes qui ne souhaitent plus avoir de nos nouvelles.
site-mail-retention-how = Si tu veux rester en contact, ouvre la page « mes données » et clique sur « Garder mes données ». Tu peux aussi les télécharger ou les effacer tout de suite.
site-mail-retention-action = Ouvrir mes données
site-mail-retention-after = Sans réponse de ta part d'ici 30 jours, tes données seront effacées. Merci d'avoir suivi le studio !

## Mes données, désinscription
site-my-data-title = Mes données
site-my-data-lead = Voici ce que le Studio d'Impact Local garde à ton sujet. Tu peux le télécharger, le garder, te désabonner ou tout effacer.
site-my-data-since = Inscrit·e le
site-my-data-confirmed = Adresse confirmée le
site-my-data-last-contact = Dernier échange
site-my-data-event = Événement
site-my-data-download = Télécharger mes données (JSON)
site-my-data-keep-title = Rester en contact
site-my-data-keep = Garder mes données
site-my-data-asked = Nous t'avons demandé si tu voulais rester en contact. Clique sur « Garder mes données » pour rester, sinon elles seront effacées 30 jours après notre message.
site-my-data-newsletter-title = Lettre d'information
site-none = —
site-kept-title = C'est noté, merci !
site-kept-body = Nous gardons tes coordonnées. Nous te reposerons la question dans 3 ans si nous n'avons pas échangé d'ici là.
site-unsubscribe-title = Se désabonner
site-unsubscribe-text = Tu ne recevras plus la lettre d'information du studio. Les messages liés à une inscription (un atelier, par exemple) continueront d'arriver.
site-unsubscribe-submit = Me désabonner de la lettre d'information
site-unsubscribed-title = Tu es désabonné·e
site-unsubscribed-body = Tu ne recevras plus la lettre d'information. Tu peux te réinscrire à tout moment depuis le formulaire des pionniers.
site-erase-title = Tout effacer
site-erase-text = Ton nom, ton adresse, ton idée de projet, tes inscriptions et les notes de l'équipe sont supprimés définitivement.
site-erase-confirm = Je confirme : effacez toutes mes données.
site-erase-confirm-staff = Je confirme l'effacement définitif de ce contact (demande de la personne).
site-erase-confirm-required = Coche cette case pour confirmer l'effacement.
site-erase-submit = Effacer définitivement
site-erased-title = Tes données sont effacées
site-erased-body = Nous ne gardons plus rien à ton sujet. Merci d'avoir suivi le studio.
site-manage-gone = Ce lien ne fonctionne plus : les données auxquelles il menait ont été effacées, ou le lien a expiré. Écris-nous si tu as une question sur tes données.

## Événements
site-share-title = Partager cet événement
site-share-email = E-mail
site-share-linkedin = LinkedIn
site-share-facebook = Facebook
site-event-online = En ligne
site-event-full = Complet
site-event-seats-left = { $count ->
    [one] { $n } place restante
   *[other] { $n } places restantes
}
site-event-starts = Début
site-event-ends = Fin
site-event-place = Lieu
site-event-link = Lien de la visio
site-event-seats = Places
site-event-register = S'inscrire
site-event-submit = Réserver ma place
site-event-full-error = Cet événement est complet : il n'y a plus de place. Rejoins les pionniers pour être prévenu·e du prochain.
site-event-past = Cet événement est terminé.
site-event-title = Titre
site-event-slug = Adresse de la page
site-event-slug-hint = Lettres minuscules, chiffres et tirets. Laisse vide pour la déduire du titre.
site-event-summary = Résumé
site-event-description = Description
site-event-paris-time = Heure de Paris.
site-event-capacity = Nombre de places
site-event-published = Publié sur le site
site-error-datetime = Indique une date et une heure.
site-error-ends-before = La fin doit venir après le début.
site-error-https = Le lien doit commencer par https://.
site-error-place-or-link = Indique un lieu ou un lien de visio.
site-error-capacity = Indique un nombre de places entre 1 et 10 000.
site-error-slug-taken = Un autre événement utilise déjà cette adresse.

## Équipe : contacts
site-leads-title = Contacts
site-leads-count = { $count ->
    [0] Aucun contact
    [one] { $n } contact
   *[other] { $n } contacts
}
site-leads-empty = Aucun contact ne correspond à ces filtres.
site-leads-csv = Exporter en CSV
site-filter-any = Tous
site-filter-search = Rechercher
site-filter-confirmed-yes = Confirmés
site-filter-confirmed-no = Non confirmés
site-field-interests-staff = Centres d'intérêt
site-field-idea-staff = Idée de projet
site-field-status = Statut
site-field-source = Source
site-field-campaign = Campagne
site-field-medium = Support
site-field-tag = Étiquette
site-field-tags = Étiquettes
site-field-confirmed = Confirmé
site-field-newsletter = Lettre d'information
site-field-account = Compte
site-account-since = Inscrit·e sur la plateforme depuis le { $date }
site-account-none = Pas encore de compte
site-has-account = Inscrit·e
site-field-created = Inscrit le
site-field-utm-source = Source (utm_source)
site-field-utm-campaign = Campagne (utm_campaign)
site-confirmed = Confirmé
site-unconfirmed = En attente
site-yes = Oui
site-no = Non
site-save = Enregistrer
site-tags-hint = Séparées par des virgules, 10 au plus.
site-invite-title = Inviter à créer un compte
site-invite-submit = Envoyer l'invitation
site-invited-at = Invitation envoyée le
site-notes-title = Notes
site-note-new = Nouvelle note
site-note-add = Ajouter la note
site-notes-empty = Pas encore de note.
lead-status-new = Nouveau
lead-status-contacted = Contacté
lead-status-pioneer = Pionnier
lead-status-participant = Participant
lead-source-pioneers = Formulaire pionniers
lead-source-event = Inscription à un événement
lead-source-diagnostic = Auto-diagnostic
flash-lead-saved = C'est enregistré.
flash-lead-invited = L'invitation est partie : le contact passe en « Participant ».
flash-lead-erased = Le contact est effacé.
flash-site-saved = C'est enregistré : le site est à jour.
nav-leads = Contacts
nav-site = Site public
audit-leads-exported = Contacts exportés
audit-lead-erased = Contact effacé
audit-lead-converted = Contact invité à créer un compte
audit-site-edited = Site public modifié

## Équipe : campagnes
site-campaigns-title = Campagnes
site-campaigns-lead = Les contacts par source et par campagne : combien se sont inscrits, combien ont confirmé, combien ont été invités à créer un compte.
site-col-leads = Contacts
site-col-converted = Invités
site-builder-title = Créer un lien de campagne
site-builder-lead = Un lien avec des paramètres UTM : chaque personne qui s'inscrit après l'avoir suivi est rattachée à la campagne. Aucun traceur tiers.
site-builder-page = Page
site-builder-submit = Créer le lien
site-builder-result = Lien à partager
site-builder-share = Copie ce lien dans ta publication, ton e-mail ou ton affiche (en QR code). Un simple lien : pas de bouton de partage ni de script d'un autre site.

## Équipe : site public
site-admin-title = Site public
site-admin-lead = Les textes de la page d'accueil, dans chaque langue, et l'objectif du compteur de pionniers.
site-admin-goal = Objectif de pionniers
site-admin-goal-hint = Affiché sur la page d'accueil : « 12 / 15 pionniers ».
site-error-goal = Indique un nombre entier entre 1 et 100 000.
site-admin-promise = La promesse
site-admin-promise-title = Titre
site-admin-promise-lead = Texte d'accroche
site-admin-story-hint = Une ligne vide sépare deux paragraphes.
site-admin-testimonial = Témoignage
site-admin-quote = Citation (laisse vide pour la masquer)
site-admin-quote-role = Projet, commune
site-admin-video = Vidéo de présentation
site-admin-video-hint = Une vidéo déposée sur ce site (adresse commençant par /) s'affiche dans la page ; un lien vers un autre site (https://) s'affiche comme un simple lien, sans lecteur ni traceur tiers.
site-admin-video-title = Titre de la section
site-admin-video-url = Adresse de la vidéo
site-admin-video-captions = Sous-titres WebVTT (adresse commençant par /)
site-error-video-url = L'adresse doit commencer par / (vidéo de ce site) ou par https://.
site-error-captions-url = L'adresse des sous-titres doit commencer par /.
site-admin-events-title = Événements
site-admin-event-new = Nouvel événement
site-admin-event-view = voir la page
site-admin-event-seats = { $taken } / { $capacity }
site-admin-video-upload = Déposer la vidéo de présentation
site-admin-video-upload-hint = Un fichier MP4 ou WebM (10 Mo au plus), servi par ce site : aucun lecteur ni traceur d'un autre site. Les sous-titres WebVTT sont conseillés.
site-admin-video-file = Vidéo (MP4 ou WebM)
site-admin-video-captions-file = Sous-titres (WebVTT, facultatif)
site-admin-video-submit = Déposer la vidéo
site-error-video-file = Choisis un fichier vidéo MP4 ou WebM.

site-stories-title = Ils ont lancé leur projet
site-stories-all = Toutes les études de cas
site-posts-title = Du blog Impact Local
site-posts-all = Tous les articles
site-podcast-link = Le podcast
site-footer-micro = Les micro-centres
site-filter-all-centres = Tous les centres
nav-events = Événements
