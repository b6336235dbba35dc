## Home
home-title = Lance ton projet à impact local
home-hero-title = Lance ton projet à impact local
home-hero-lead = Tu as une idée pour ton quartier, ton village, ta ville ? Le Studio d'Impact Local t'aide à la transformer en projet solide, utile et durable, pas à pas et bien entouré·e.
home-cta-start = Commencer gratuitement
home-steps-title = Comment ça marche
home-step-1-title = Fais le point
home-step-1-text = Un auto-diagnostic de dix minutes montre où en est ton projet et par quoi commencer.
home-step-2-title = Construis ton modèle
home-step-2-text = Le canvas d'impact t'aide à poser ton problème, tes publics, ta solution et ton modèle économique.
home-step-3-title = Sois accompagné·e
home-step-3-text = Une cohorte, un·e accompagnateur·rice et des ateliers pour avancer avec d'autres porteur·ses.
home-step-4-title = Lance-toi
home-step-4-text = Feuille de route, prévisionnel et indicateurs d'impact : tu pars avec un plan clair.
home-cta-band = Rejoins les porteur·ses de projets qui changent leur territoire.

## Privacy
privacy-title = Confidentialité et données personnelles
privacy-intro = Le Studio d'Impact Local traite vos données pour vous accompagner dans votre projet. Cette page explique lesquelles, pourquoi et quels sont vos droits.
privacy-what-title = Données collectées
privacy-what = Votre nom, votre adresse e-mail, vos rôles dans les centres, les projets que vous suivez, et un journal des actions sensibles (connexions, changements de rôle, exports, suppressions). Votre mot de passe n'est jamais conservé en clair.
privacy-why-title = Finalités et durée
privacy-why = Ces données servent à gérer votre compte et votre accompagnement. Elles sont conservées tant que votre compte est actif ; le journal d'audit est conservé sans données identifiantes après la suppression du compte.
privacy-rights-title = Vos droits
privacy-rights = Depuis « Mon compte », vous pouvez télécharger toutes vos données au format JSON et supprimer votre compte à tout moment. Pour toute autre demande, écrivez à l'équipe du studio.
privacy-cookies-title = Cookies
privacy-cookies = Nous utilisons uniquement des cookies nécessaires : la session de connexion, la protection des formulaires et la langue choisie. Aucun traceur publicitaire ni outil de mesure tiers.
home-welcome-back = Content de te revoir, { $name } !
home-next-project = Reprendre « { $project } »
home-next-start = Lancer mon projet
home-next-dashboard = Mon tableau de bord
