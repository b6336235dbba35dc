## Le kit de déploiement (issue 21)
nav-kit = Kit de déploiement
ops-tab-kit = Kit
kit-title = Kit de déploiement
kit-admin-title = Kit de déploiement
kit-admin-lead = Ce que le réseau remet à chaque centre sous licence : le manuel d'opérations, les guides, les modèles d'offres, les parcours, les diagnostics, les exemples de canevas, l'équipement standard, les listes de contrôle et le plan d'ouverture. Chaque version publiée montre aux centres exactement ce qui a changé.
kit-current = Version en vigueur
kit-none-published = Aucune version publiée pour l'instant : préparez la première ci-dessous.
kit-version = Version { $number }
kit-published-by = publiée le { $date } par { $name }
kit-items-count = { $count ->
    [0] aucun élément
    [one] un élément
   *[other] { $n } éléments
}
kit-versions-table = Versions publiées
kit-col-version = Version
kit-col-published = Publication
kit-col-notes = Ce qui change
kit-centres = Les centres et leur version
kit-centres-table = Version du kit de chaque centre
kit-col-centre = Centre
kit-col-held = Version détenue
kit-col-state = État
kit-held = Version { $number }, prise le { $date }
kit-centre-not-started = Pas encore démarré
kit-centre-nothing = Rien à prendre
kit-centre-up-to-date = À jour
kit-centre-pending = { $count ->
    [one] Un changement à prendre
   *[other] { $n } changements à prendre
}
kit-draft-title = Brouillon de la version { $number }
kit-draft-lead = Les centres ne voient rien du brouillon avant sa publication.
kit-draft-changes = Ce que ce brouillon change
kit-draft-no-change = Rien pour l'instant : le brouillon est identique à la version en vigueur.
kit-next = Prochaine version
kit-next-lead = Ouvrez un brouillon : il part des éléments de la version en vigueur.
kit-open-draft = Préparer la version { $number }
kit-item-title = Titre
kit-item-body = Contenu
kit-item-body-hint = En Markdown : titres avec ##, listes avec -, liens entre crochets.
kit-item-section = Partie du kit
kit-item-save = Enregistrer l'élément
kit-item-remove = Retirer « { $title } » du brouillon
kit-add = Ajouter un élément
kit-add-submit = Ajouter au brouillon
kit-sources = Reprendre les outils du réseau
kit-sources-lead = Met à jour dans le brouillon la liste d'équipement standard, le plan d'ouverture, les offres et les listes de contrôle du studio, tels qu'ils sont aujourd'hui.
kit-sources-submit = Reprendre les outils du réseau
kit-publish = Publier la version { $number }
kit-notes = Notes de version
kit-notes-hint = Ce que les centres doivent savoir de cette version, en une ou deux phrases.
kit-publish-submit = Publier pour tous les centres
kit-section-manual = Manuel d'opérations
kit-section-guide = Guides
kit-section-offer = Modèles d'offres
kit-section-course = Parcours et formations
kit-section-diagnostic = Diagnostics
kit-section-canvas = Exemples de canevas
kit-section-equipment = Équipement standard
kit-section-checklist = Listes de contrôle
kit-section-opening = Plan d'ouverture
kit-change-added = Ajouté
kit-change-removed = Retiré
kit-change-changed = Modifié
kit-was-titled = auparavant « { $title } »
kit-line-added = Ligne ajoutée :
kit-line-removed = Ligne retirée :
kit-centre-title = Kit de déploiement · { $centre }
kit-centre-lead-none = Votre centre n'a pas encore pris le kit.
kit-start-title = Démarrer avec la version { $number }
kit-newer-title = La version { $number } est parue
kit-take-legend = Les changements à prendre
kit-take-hint = Décochez ce que vous préférez garder tel quel : votre copie de ces éléments ne bougera pas.
kit-take-submit = Prendre les changements cochés
kit-take-by-manager = Le gestionnaire du centre peut prendre ces changements.
kit-held-items = Le kit de votre centre
kit-no-items = Votre centre n'a encore aucun élément du kit.
kit-item-version = Tiré de la version { $number } du kit
kit-unlicensed-title = Le kit est réservé aux centres sous licence
kit-unlicensed = Votre centre n'a pas de licence en vigueur : le kit de déploiement et le manuel d'opérations s'ouvrent dès la signature du contrat de licence par les deux parties. Vos propres données restent accessibles.
kit-back-to-centre = Revenir à la page du centre
kit-network-sees-unlicensed = Ce centre n'a pas de licence en vigueur : son équipe ne voit pas le kit.
kit-unit-price = { $price } l'unité
kit-opening-day = le jour de l'ouverture
kit-weeks-before = { $count ->
    [one] une semaine avant
   *[other] { $n } semaines avant
}
kit-offer-format = Format : { $format }
kit-offer-duration = Durée : { $duration }
kit-offer-price = Prix : { $price }
kit-offer-sessions = { $count ->
    [one] Une séance
   *[other] { $n } séances
}
kit-source-equipment = Liste d'équipement standard
kit-source-opening = Plan d'ouverture
kit-error-required = Ce champ est obligatoire.
kit-error-too-long = Ce texte est trop long.
kit-error-section = Choisissez une partie du kit dans la liste.
kit-error-duplicate = Le brouillon a déjà un élément de ce titre dans cette partie.
kit-error-nothing-changed = Ce brouillon ne change rien à la version en vigueur : il n'y a rien à publier.
kit-error-empty = Un kit vide ne se publie pas : ajoutez au moins un élément.
kit-error-stale = Le kit de votre centre a changé entre-temps : voici les changements qui restent à prendre.
flash-kit-draft-opened = Le brouillon est ouvert.
flash-kit-item-added = L'élément est ajouté au brouillon.
flash-kit-item-saved = L'élément est enregistré.
flash-kit-item-removed = L'élément est retiré du brouillon.
flash-kit-sources-taken = Les outils du réseau sont repris dans le brouillon.
flash-kit-published = La version est publiée : chaque centre voit ce qui a changé.
flash-kit-taken = Votre centre a pris la nouvelle version du kit.
flash-kit-taken-partly = Votre centre a pris la nouvelle version ; les changements décochés sont laissés de côté.
audit-kit-changed = Kit de déploiement modifié
audit-kit-taken = Version du kit prise par un centre
