# The CRM: contacts, organisations, interactions, prospecting, import, segments.
nav-contacts = Relations
nav-prospection = Prospection
todo-follow-ups = Relances à faire
audit-contacts-imported = Relations importées
audit-contacts-exported = Relations exportées
crm-tabs = Relations
crm-people-title = Personnes
crm-orgs-title = Organisations
crm-board-title = Prospection
crm-segments-title = Segments
crm-import-title = Import CSV
crm-person-new = Nouvelle personne
crm-org-new = Nouvelle organisation
crm-export-csv = Exporter en CSV
crm-search = Nom ou adresse
crm-search-org = Nom ou SIRET
crm-people-empty = Personne pour l'instant. Ajoute une personne ou importe un fichier CSV.
crm-orgs-empty = Aucune organisation pour l'instant.
crm-has-account = A un compte
crm-has-lead = Contact du site
crm-none = (aucune)
crm-yes = oui
crm-no = non
crm-save = Enregistrer
crm-edit = Modifier
crm-details = Coordonnées
crm-page-prev = Page précédente
crm-page-next = Page suivante
crm-page-of = Page { $page } sur { $pages } · { $total } en tout
crm-people-count = { $count ->
    [0] Personne
    [one] { $n } personne
   *[other] { $n } personnes
}
crm-deals-count = { $count ->
    [0] Aucune affaire
    [one] { $n } affaire
   *[other] { $n } affaires
}
crm-col-name = Nom
crm-col-email = E-mail
crm-col-phone = Téléphone
crm-col-role = Fonction
crm-col-organisation = Organisation
crm-col-tags = Étiquettes
crm-col-newsletter = Newsletter
crm-col-people = Personnes
crm-field-name = Nom et prénom
crm-field-org-name = Nom de l'organisation
crm-field-phone = Téléphone
crm-field-role = Fonction
crm-field-organisation = Organisation
crm-field-kind = Type
crm-field-tag = Étiquette
crm-field-tags = Étiquettes
crm-field-tags-hint = Séparées par des virgules, par exemple : mécène, élus
crm-field-newsletter = Newsletter
crm-field-newsletter-consent = A accepté de recevoir la newsletter
crm-field-address = Adresse
crm-field-website = Site web
crm-field-notes = Notes
crm-field-siret-hint = 14 chiffres, espaces permis
crm-consent-since = Oui, depuis le { $date }
crm-kind-partner = Partenaire
crm-kind-funder = Financeur
crm-kind-institution = Institution
crm-kind-supplier = Fournisseur
crm-kind-client = Client
crm-error-siret = Ce SIRET n'est pas valide : il faut 14 chiffres et la clé de contrôle (Luhn) doit tomber juste.
crm-error-siret-taken = Une organisation de ce centre a déjà ce SIRET.
crm-error-email-taken = Une personne de ce centre a déjà cette adresse.
crm-error-phone = Ce numéro ne ressemble pas à un téléphone (6 à 20 chiffres).
crm-error-website = Cette adresse de site n'est pas valide.
crm-error-amount = Montant en euros, par exemple 12 500 ou 1200,50.
crm-error-date = Date au format AAAA-MM-JJ.
crm-error-stage-name = Donne un nom à l'étape.
crm-error-segment-taken = Un segment porte déjà ce nom.
crm-flash-saved = Enregistré.
crm-flash-interaction = Échange noté.
crm-flash-follow-up-done = Relance faite.
crm-flash-deal-saved = Affaire ajoutée.
crm-flash-deal-moved = Affaire déplacée.
crm-flash-stage-saved = Étapes enregistrées.
crm-flash-imported = Import terminé.
crm-flash-segment-saved = Segment enregistré.
crm-history = Historique
crm-history-empty = Rien encore : note ton premier échange.
crm-timeline-lead = Contact du site
crm-timeline-registration = Inscription
crm-timeline-application = Candidature
crm-timeline-order = Commande
crm-timeline-account = Compte créé
crm-interaction-new = Noter un échange
crm-interaction-add = Enregistrer l'échange
crm-interaction-call = Appel
crm-interaction-meeting = Rendez-vous
crm-interaction-email = E-mail
crm-interaction-note = Note
crm-field-interaction-kind = Type d'échange
crm-field-interaction-body = Ce qui s'est dit
crm-field-follow-up = Relancer le
crm-field-follow-up-hint = Facultatif : la relance apparaîtra dans « À faire » ce jour-là.
crm-follow-up-on = relance le { $day }
crm-follow-up-done = Relance faite
crm-follow-up-late = En retard
crm-follow-up-today = Aujourd'hui
crm-board-total = Total en cours :
crm-move-to = Étape
crm-move = Déplacer
crm-deal-new = Nouvelle affaire
crm-deal-add = Ajouter l'affaire
crm-deal-partner = Partenaire institutionnel
crm-deal-premium = Client premium
crm-field-deal-title = Intitulé
crm-field-deal-kind = Type d'affaire
crm-field-amount = Montant (€)
crm-field-amount-hint = Laisse vide si tu ne sais pas encore.
crm-field-expected = Date prévue
crm-field-stage = Étape
crm-stages-title = Étapes
crm-stages-hint = Renomme les étapes ou ajoutes-en une à la fin.
crm-stage-name = Étape
crm-stage-new = Nouvelle étape
crm-stage-add = Ajouter l'étape
crm-rename = Renommer
crm-import-intro = Un fichier CSV (séparateur virgule ou point-virgule) avec une ligne d'en-tête : nom, email, téléphone, rôle, organisation, type, siret, adresse, site, tags, newsletter. Tu vois d'abord ce qui sera créé, puis tu confirmes.
crm-import-file = Fichier CSV
crm-import-file-hint = 5 000 lignes au plus. Les doublons (même e-mail, même SIRET) sont ignorés.
crm-import-paste = Ou colle le contenu du fichier
crm-import-preview-submit = Voir l'aperçu
crm-import-preview = Aperçu
crm-import-line = Ligne
crm-import-outcome = Résultat
crm-import-reason = Raison
crm-import-confirm = Confirmer l'import
crm-import-nothing = Rien de nouveau à importer.
crm-import-status-new = Nouveau
crm-import-status-duplicate = Doublon
crm-import-status-invalid = Invalide
crm-import-new = { $count ->
    [0] Aucune nouvelle ligne
    [one] { $n } nouvelle
   *[other] { $n } nouvelles
}
crm-import-duplicates = { $count ->
    [0] Aucun doublon
    [one] { $n } doublon
   *[other] { $n } doublons
}
crm-import-invalid = { $count ->
    [0] Aucune ligne invalide
    [one] { $n } invalide
   *[other] { $n } invalides
}
crm-import-error-empty = Le fichier est vide.
crm-import-error-header = La première ligne doit nommer les colonnes, dont « nom » ou « organisation ».
crm-import-error-too-long = Le fichier est trop long (5 000 lignes au plus).
crm-import-no-name = Ni nom ni organisation.
crm-import-too-long = Un nom dépasse 120 caractères.
crm-import-bad-email = Adresse e-mail invalide.
crm-import-bad-siret = SIRET invalide (14 chiffres, clé de contrôle).
crm-import-bad-kind = Type inconnu (partenaire, financeur, institution, fournisseur ou client).
crm-import-bad-phone = Téléphone invalide.
crm-import-bad-website = Site web invalide.
crm-import-dup-email = Une personne a déjà cette adresse.
crm-import-dup-email-file = Même adresse qu'une ligne plus haut.
crm-import-dup-siret = Une organisation a déjà ce SIRET.
crm-import-dup-siret-file = Même SIRET qu'une ligne plus haut.
crm-import-dup-org-name = Une organisation porte déjà ce nom.
crm-import-dup-org-name-file = Même organisation qu'une ligne plus haut.
crm-import-dup-person-name = Une personne sans adresse porte déjà ce nom.
crm-import-dup-person-name-file = Même personne qu'une ligne plus haut.
crm-segments-intro = Un segment est un filtre enregistré : les newsletters s'en servent pour choisir à qui écrire (seulement aux personnes qui ont accepté).
crm-segments-empty = Aucun segment pour l'instant.
crm-segment-new = Nouveau segment
crm-segment-filter = Filtre
crm-segment-consent = Seulement les personnes qui acceptent la newsletter
crm-segment-count = Compter
crm-segment-save = Enregistrer le segment
crm-field-segment-name = Nom du segment
crm-digest-subject = { $count ->
    [one] 1 relance à faire aujourd'hui
   *[other] { $n } relances à faire aujourd'hui
}
crm-digest-intro = { $count ->
    [one] Voici la relance prévue pour aujourd'hui ou en retard :
   *[other] Voici les { $n } relances prévues pour aujourd'hui ou en retard :
}
crm-digest-line = { $name } — { $kind }, { $day } : { $text }

## A deal created from a person's page.
crm-deal-create = Créer une affaire
crm-deal-with = Affaire avec { $name }
crm-deal-contact = Avec :
