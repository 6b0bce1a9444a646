/**
 * Demo content: the five organisations of the source documents, their charters and values,
 * summarised in our own words (names, titles, figures and dates are the documents' facts).
 * French is the default locale; SolucracY's charter and values also exist in English.
 */

export interface DemoArticle {
  number: number;
  title: string;
  body: string;
}

export interface DemoRole {
  title: string;
  holder?: string;
  duties: string;
}

export interface DemoProfitShare {
  post: string;
  percentage?: number;
  amountCents: number;
}

export interface DemoDisputeStep {
  title: string;
  description: string;
}

export interface DemoSignatory {
  name: string;
  organisation: string;
  signedOn: string;
}

/** The parts of a charter written in one language. */
export interface CharterText {
  title: string;
  intention: string;
  articles: DemoArticle[];
  roles?: DemoRole[];
  profitSplit?: DemoProfitShare[];
  disputeSteps?: DemoDisputeStep[];
  dataProtection?: string;
  revisionRule?: string;
}

export interface DemoCharter extends CharterText {
  slug: string;
  /** Slugs of the organisation's values, in the charter's order. */
  values: string[];
  term?: { start: string; end: string };
  licence?: string;
  signatories?: DemoSignatory[];
  en?: CharterText;
}

export interface ValueText {
  name: string;
  explanation: string;
}

export interface DemoValue extends ValueText {
  slug: string;
  en?: ValueText;
}

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: 'association' | 'scop' | 'cae' | 'collective' | 'cooperative' | 'company' | 'other';
  website?: string;
  presentation: string;
  en?: { presentation: string };
  values: DemoValue[];
  charter: DemoCharter;
}

const moocEtCie: DemoOrganisation = {
  slug: 'mooc-et-cie',
  name: 'MOOC et Cie',
  kind: 'collective',
  presentation:
    'Collectif de consultants indépendants qui conçoivent des formations en ligne innovantes et accompagnent les équipes qui veulent en réaliser. Une SARL (CVDL) et une petite équipe permanente en assurent le support administratif.',
  values: [
    { slug: 'mooc-humain-au-centre', name: "L'Humain au centre", explanation: "Écouter, respecter l'autonomie de chacun, reconnaître les compétences et partager le travail équitablement." },
    { slug: 'mooc-bienveillance', name: 'La Bienveillance', explanation: "Être solidaires dans les difficultés et s'aider les uns les autres." },
    { slug: 'mooc-intelligence-collective', name: "La Valorisation de l'intelligence collective", explanation: "Réussir ensemble ce qu'aucun de nous ne saurait faire, ni même imaginer, seul." },
    { slug: 'mooc-authenticite-transparence', name: 'Authenticité et transparence', explanation: "Rendre lisibles les choix stratégiques et l'organisation du travail." },
  ],
  charter: {
    slug: 'charte-mooc-et-cie',
    title: 'Charte de MOOC et Cie — principes de fonctionnement',
    intention:
      "Dire qui nous sommes et comment nous travaillons ensemble : chaque membre en accepte les principes parce qu'il contribue à les faire naître et évoluer.",
    articles: [
      { number: 1, title: 'Identité', body: "Un collectif de consultants indépendants dédié aux dispositifs de formation en ligne ; chacun y consacre la part de son activité qu'il choisit." },
      { number: 2, title: 'Le choix de rejoindre le collectif', body: "On rejoint MOOC et Cie pour donner du sens à son travail, explorer de nouvelles voies et accepter un risque partagé : succès et difficultés se vivent ensemble." },
      { number: 3, title: 'Les valeurs fondatrices', body: "Quatre principes : l'humain au centre, la bienveillance, l'intelligence collective, l'authenticité et la transparence." },
      { number: 4, title: 'Les relations de travail', body: "Une confiance qui se construit (expertise, qualité, transparence des rémunérations, entraide), le souci de l'équité, la convivialité et l'autonomie de chacun, y compris financière." },
      { number: 5, title: 'Faire ensemble', body: "Pas d'obligation automatique mais une mise en commun des compétences : j'apporte mon expertise et j'apprends de celle des autres, sans créer de dépendance." },
      { number: 6, title: 'Modèle économique', body: "L'autonomie solidaire : vivre de ce que nous produisons, sans fonds publics ni privés ; personne ne travaille seul sur un projet, pour la qualité et pour l'équité des revenus." },
      { number: 7, title: 'Le client partenaire', body: "Le client est un partenaire : les projets se co-construisent, visent la qualité pour tous et le laissent plus autonome à la fin qu'au début." },
    ],
    values: ['mooc-humain-au-centre', 'mooc-bienveillance', 'mooc-intelligence-collective', 'mooc-authenticite-transparence'],
  },
};

const solucracy: DemoOrganisation = {
  slug: 'solucracy',
  name: 'SolucracY',
  kind: 'association',
  website: 'https://www.solucracy.org',
  presentation:
    "Association qui accompagne les habitants et les conseils citoyens vers une culture de coopération, et partage sa méthode comme un bien commun.",
  en: {
    presentation: 'An association that helps residents and citizens’ councils build a culture of cooperation, and shares its method as a commons.',
  },
  values: [
    {
      slug: 'solucracy-grandir',
      name: 'Grandir pour soi et avec les autres',
      explanation: 'Expérimenter et apprendre : sur soi, sur sa place dans le groupe et sur notre méthode.',
      en: { name: 'Growing for ourselves and with others', explanation: 'Experiment and learn: about ourselves, our place in the group and our method.' },
    },
    {
      slug: 'solucracy-sincerite',
      name: 'Être sincère dans nos relations',
      explanation: "Se montrer tel que l'on est, dire franchement ce que l'on pense en restant attentif à l'autre ; la différence est une force.",
      en: { name: 'Being sincere with each other', explanation: 'Show who we are and say what we think frankly while caring for the other; difference is a strength.' },
    },
    {
      slug: 'solucracy-mise-en-commun',
      name: "Donner de l'importance à la mise en commun",
      explanation: "Partager nos réflexions et nos expériences, s'inspirer des autres et garder tout le monde au même niveau d'information.",
      en: { name: 'Valuing what we share', explanation: 'Share our thinking and experiments, learn from others and keep everyone equally informed.' },
    },
    {
      slug: 'solucracy-moments-qualite',
      name: 'Créer des moments de qualité',
      explanation: 'Prendre soin de soi, oser dire ses besoins et ses limites, et faire des temps collectifs des moments où chacun compte.',
      en: { name: 'Creating moments of quality', explanation: 'Take care of ourselves, dare to state our needs and limits, and make group time a time where everyone counts.' },
    },
  ],
  charter: {
    slug: 'charte-cooperation-sereine',
    title: 'Charte de coopération sereine',
    intention: 'Poser un cadre de coopération commun dans lequel chacun se sent à la fois libre et protégé.',
    articles: [
      { number: 1, title: 'Objet', body: "Accompagner le conseil citoyen vers une coopération plus saine (5 réunions de 2 h en animation tournante), créer une gazette de quartier, organiser un porte-à-porte vers les personnes âgées et soutenir les projets citoyens qui émergeront." },
      { number: 2, title: 'Rôles attribués', body: 'Une responsable projet, une accompagnatrice et une personne chargée de la moisson des apprentissages.' },
      { number: 3, title: 'Valeurs portées par le groupe', body: 'Grandir ensemble, être sincères, mettre en commun, créer des moments de qualité.' },
      { number: 4, title: 'Entrée en vigueur et durée', body: "L'engagement court de janvier à décembre 2021." },
      { number: 5, title: 'Répartition des bénéfices et apurement des comptes', body: "Sur 8 272 € : 10 % (712 €) pour l'association, 5 480 € pour la gestion de projet et la moisson, 2 080 € pour l'accompagnement." },
      { number: 6, title: 'Gestion', body: "L'équipe décide collégialement ; chacun répond des livrables et du budget qui lui reviennent. L'association fournit ses outils et son aide en cas de différend, sans intervenir dans la gestion." },
      { number: 7, title: 'Différends et litiges', body: "D'abord une réunion de crise, puis une médiation proposée par l'association, enfin un plan d'action pour clore le projet proprement." },
      { number: 8, title: 'Licence des contenus produits', body: 'Retours d’expérience, données et synthèses produits pendant le projet sont publiés sous licence CC-BY-SA.' },
      { number: 9, title: 'Protection des données', body: 'Aucune donnée confidentielle ni personnelle n’est divulguée sans accord ; les contacts sont gérés conformément au RGPD.' },
      { number: 10, title: 'Révision du présent document', body: 'Tout signataire peut demander une mise à jour ; chaque modification est adoptée au consentement.' },
      { number: 11, title: 'Signataires', body: 'Les personnes engagées signent la charte avec la mention « Lu et approuvé ».' },
    ],
    roles: [
      { title: 'Responsable projet', holder: 'Yannick Laignel', duties: 'Prend soin du groupe et de la relation avec le mandataire, anime les réunions de suivi et fait circuler l’information.' },
      { title: 'Accompagnatrice', holder: 'Judith AYNES', duties: 'Personne ressource pour la méthode et les outils (un point de 30 min par semaine) ; réalise aussi la gazette.' },
      { title: 'Moissonneur·se', holder: 'Yannick Laignel', duties: "Documente l'expérience et récolte, le plus objectivement possible, les réussites et les écueils dont la communauté apprendra." },
    ],
    term: { start: '2021-01-01', end: '2021-12-31' },
    profitSplit: [
      { post: 'Association', percentage: 10, amountCents: 71200 },
      { post: 'Gestion de projet + Moissonneur·se', amountCents: 548000 },
      { post: 'Accompagnateur·rice', amountCents: 208000 },
    ],
    disputeSteps: [
      { title: 'Réunion de crise', description: 'Réunir rapidement les parties prenantes pour chercher une solution amiable et consensuelle.' },
      { title: 'Médiation', description: "Sur simple demande par courriel au Cœur de l'association, SolucracY met une personne à disposition pour une médiation." },
      { title: 'Plan de sortie', description: "À défaut d'accord, les signataires définissent un plan pour clore le projet : protéger le mandataire et l'association, rembourser ce qui n'a pas été réalisé, solder les comptes, finir par un cercle restauratif et documenter l'expérience." },
    ],
    licence: 'CC-BY-SA-4.0',
    dataProtection: 'Les associés ne divulguent ni données confidentielles ni informations personnelles sans l’accord des parties prenantes ; la gestion des contacts respecte le RGPD.',
    revisionRule: 'Mise à jour sur simple demande d’un signataire ; toute modification est validée au consentement des signataires.',
    values: ['solucracy-grandir', 'solucracy-sincerite', 'solucracy-mise-en-commun', 'solucracy-moments-qualite'],
    signatories: [
      { name: 'Judith AYNES', organisation: 'Solucracy', signedOn: '2021-02-05' },
      { name: 'Yannick Laignel', organisation: 'Solucracy', signedOn: '2021-02-05' },
    ],
    en: {
      title: 'Charter for serene cooperation',
      intention: 'Set a shared frame for cooperating, in which everyone feels both free and protected.',
      articles: [
        { number: 1, title: 'Purpose', body: 'Help the citizens’ council towards healthier cooperation (5 two-hour meetings with rotating facilitation), create a neighbourhood newsletter, organise door-to-door visits to elderly residents and support the citizen projects that emerge.' },
        { number: 2, title: 'Roles', body: 'A project lead, a coach and a person who harvests what the project teaches.' },
        { number: 3, title: 'Values of the group', body: 'Growing together, being sincere, sharing, creating moments of quality.' },
        { number: 4, title: 'Start and duration', body: 'The commitment runs from January to December 2021.' },
        { number: 5, title: 'Profit split and settling accounts', body: 'Of €8,272: 10% (€712) for the association, €5,480 for project management and harvesting, €2,080 for coaching.' },
        { number: 6, title: 'Management', body: 'The team decides together; each member answers for their deliverables and budget. The association provides its tools and help with disputes, and does not interfere with management.' },
        { number: 7, title: 'Disputes', body: 'First a crisis meeting, then a mediation offered by the association, finally an action plan to close the project properly.' },
        { number: 8, title: 'Licence of what is produced', body: 'Experience reports, data and summaries produced during the project are published under CC-BY-SA.' },
        { number: 9, title: 'Data protection', body: 'No confidential or personal data is disclosed without consent; contacts are handled in line with the GDPR.' },
        { number: 10, title: 'Revising this document', body: 'Any signatory may ask for an update; every change is adopted by consent.' },
        { number: 11, title: 'Signatories', body: 'The people committed sign the charter as “read and approved”.' },
      ],
      roles: [
        { title: 'Project lead', holder: 'Yannick Laignel', duties: 'Looks after the group and the relationship with the client, runs follow-up meetings and keeps information flowing.' },
        { title: 'Coach', holder: 'Judith AYNES', duties: 'Resource person for method and tools (a 30-minute check-in each week); also produces the newsletter.' },
        { title: 'Harvester', holder: 'Yannick Laignel', duties: 'Documents the experience and gathers, as objectively as possible, the successes and pitfalls the community will learn from.' },
      ],
      profitSplit: [
        { post: 'Association', percentage: 10, amountCents: 71200 },
        { post: 'Project management + harvesting', amountCents: 548000 },
        { post: 'Coaching', amountCents: 208000 },
      ],
      disputeSteps: [
        { title: 'Crisis meeting', description: 'Bring the stakeholders together quickly to look for an amicable, consensual solution.' },
        { title: 'Mediation', description: 'On a simple email to the association’s core team, SolucracY provides a mediator.' },
        { title: 'Exit plan', description: 'Failing agreement, the signatories plan the end of the project: protect the client and the association, refund undelivered work, settle accounts, close with a restorative circle and document the experience.' },
      ],
      dataProtection: 'Partners disclose no confidential data or personal information without the stakeholders’ consent; contacts are managed in line with the GDPR.',
      revisionRule: 'Updated at the simple request of any signatory; every change is adopted by consent of the signatories.',
    },
  },
};

const kaleidoscop: DemoOrganisation = {
  slug: 'kaleidoscop',
  name: "Kaleido'Scop",
  kind: 'cae',
  presentation:
    "Coopérative de compétences (SCOP sous forme de CAE) qui accompagne les démarches participatives en variant les angles de vue sur une même question. Ses membres sont entrepreneurs-salariés-associés.",
  values: [
    { slug: 'kaleidoscop-comprehension-sensible', name: 'Compréhension sensible', explanation: 'Partir du terrain et de son environnement avant de proposer quoi que ce soit.' },
    { slug: 'kaleidoscop-creativite', name: "Créativité d'artisan-designer", explanation: 'Des méthodes et des outils sur mesure, adaptés à chaque besoin.' },
    { slug: 'kaleidoscop-intelligence-collective', name: 'Intelligence collective et contributive', explanation: "Donner du sens ensemble à ce que l'on fait, et le mettre en récit." },
  ],
  charter: {
    slug: 'projet-entreprise-kaleidoscop',
    title: "Projet d'entreprise et organisation humaine",
    intention:
      "Une entreprise apprenante où des personnes différentes, en se mettant en mouvement ensemble, créent une richesse économique, sociale, territoriale et politique.",
    articles: [
      { number: 1, title: 'Un triple statut', body: "Chaque membre est entrepreneur (il finance son emploi et garde sa clientèle), salarié (dans le cadre de la CAE) et peut devenir associé en prenant des parts au capital ; un CAPE permet de tester son activité." },
      { number: 2, title: 'Une mutualisation', body: "Trésorerie, poste d'administrateur, co-gérance, ressources pédagogiques, locaux, outils de communication et activités économiques sont mis en commun." },
      { number: 3, title: 'Des droits', body: 'Participer à toutes les décisions, bénéficier des postes mutualisés, de la marque, du fonds de formation, d’un suivi individualisé et de la protection sociale des salariés.' },
      { number: 4, title: 'Des devoirs', body: 'S’engager dans la vie coopérative, venir aux séminaires trimestriels et aux entretiens bi-annuels, soigner la qualité de ses missions et son compte d’activité, contribuer à la coopérative et privilégier la coopération interne.' },
      { number: 5, title: "Des parcours d'entrée et de sortie", body: "On entre en partageant les valeurs, avec un projet viable, après avoir coopéré avec un membre ; chaque entrant a un tuteur ou une tutrice pendant 6 à 12 mois. Qui part bénéficie d'un parcours de sortie, bilan de compétences à la clé." },
      { number: 6, title: 'Des mécanismes de solidarité', body: 'Relais entre entrepreneurs quand une mission est en difficulté, trésorerie collective, locaux partagés et trinômes de co-développement entre séminaires.' },
      { number: 7, title: 'Un transfert de compétences continu', body: 'Interventions en binômes avec retours systématiques, entretiens bi-annuels et formations entre membres à la demande.' },
      { number: 8, title: 'Une gouvernance partagée à 4 niveaux', body: "Échanges quotidiens sur une plateforme numérique, 4 séminaires par an, co-gérance pour le quotidien, assemblée générale pour les décisions statutaires." },
    ],
    roles: [
      { title: 'Responsable administration – gestion', duties: "Suit chaque nouvel entrant dans l'appropriation des cadres et des outils, en lien avec la gérance." },
      { title: 'Cogérant·e', duties: 'Garant·e des cadres légaux ; conduit avec l’administration les entretiens individuels bi-annuels.' },
      { title: 'Tuteur·rice', duties: "Accompagne un nouvel entrant pendant 6 à 12 mois et lui ouvre la mémoire de l'entreprise." },
    ],
    values: ['kaleidoscop-comprehension-sensible', 'kaleidoscop-creativite', 'kaleidoscop-intelligence-collective'],
  },
};

const laCoop: DemoOrganisation = {
  slug: 'la-coop',
  name: 'La Coop',
  kind: 'cooperative',
  presentation:
    "Coopérative rurale du Bocage qui porte des projets d'expérimentation dans l'Orne et accompagne des collectivités ; son séminaire annuel a posé ses valeurs et son cap pour 2028.",
  values: [
    { slug: 'la-coop-liberte-individuelle', name: 'La liberté individuelle au service du commun', explanation: "Chacun s'organise librement tant que le cadre collectif est respecté et que ses actions servent l'intention commune : la liberté va avec la responsabilité." },
    { slug: 'la-coop-exigence-adaptation', name: 'Exigence et adaptation', explanation: 'Être exigeants sur la qualité et la fiabilité de nos engagements, et savoir nous adapter ensemble à l’imprévu.' },
    { slug: 'la-coop-authenticite-legerete', name: 'Authenticité et légèreté', explanation: 'Venir comme on est, oser dire les choses difficiles, et cultiver la bonne humeur sans en faire une injonction.' },
  ],
  charter: {
    slug: 'la-coop-en-route-pour-2028',
    title: 'En route pour 2028 : les valeurs de la Coop',
    intention: 'Dire clairement à nos collaborateurs, clients et partenaires comment nous fonctionnons, pour éviter les malentendus.',
    articles: [
      { number: 1, title: 'Nos clients', body: 'Sauf exception, nous ne répondons qu’aux clients avec qui une première relation de confiance existe déjà.' },
      { number: 2, title: 'La Coop en 2028', body: 'Trois pôles reliés : expérimentation, accompagnement et, au cœur, un pôle communautés qui anime un réseau d’alliés institutionnels et de porteurs de projets.' },
      { number: 3, title: 'Nos valeurs', body: 'La liberté individuelle au service du commun, l’exigence et l’adaptation, l’authenticité et la légèreté.' },
    ],
    values: ['la-coop-liberte-individuelle', 'la-coop-exigence-adaptation', 'la-coop-authenticite-legerete'],
  },
};

const amt: DemoOrganisation = {
  slug: 'amt',
  name: 'Association Euro-méditerranéenne du Télétravail (AMT)',
  kind: 'association',
  website: 'https://amteletravail.fr',
  presentation:
    'Association à but non lucratif de télétravailleurs indépendants : formation compagnonnique, banque de missions ouverte et solidaire, et le SEED, système d’échange et d’entraide distanciel.',
  values: [
    { slug: 'amt-loyaute', name: 'Loyauté', explanation: 'Un espace de confiance entre télétravailleurs et téléformateurs.' },
    { slug: 'amt-fidelite', name: 'Fidélité', explanation: 'Nous ne laissons jamais l’un des nôtres au bord du chemin.' },
    { slug: 'amt-temperance', name: 'Tempérance', explanation: 'Construire pas à pas, avec rigueur, sans chercher la mission « en 3 clics ».' },
    { slug: 'amt-fraternite', name: 'Fraternité', explanation: "C'est en aidant les autres qu'on s'aide soi-même et le groupe." },
    { slug: 'amt-amour-teletravail', name: 'Amour de notre télétravail', explanation: "L'amour du travail et du travail bien fait." },
  ],
  charter: {
    slug: 'charte-compagnons-du-teletravail',
    title: 'Charte des Compagnons du Télétravail',
    intention: 'Créer un collectif de confiance et de loyauté où chacun se forme, forme à son tour et coopère plutôt que de chercher seul des clients.',
    articles: [
      { number: 1, title: 'Une association à but non lucratif', body: 'Le projet est collectif et associatif ; personne ne se met en avant.' },
      { number: 2, title: 'Adhésion', body: 'L’adhésion annuelle coûte 5 EUR et le nombre d’adhérents est plafonné (120 en 2023). L’association peut refuser une adhésion et rembourse quiconque le demande.' },
      { number: 3, title: 'Parcours', body: 'Chaque membre passe un entretien préalable, puis est accompagné et suivi pendant toute son adhésion.' },
      { number: 4, title: 'Banque de missions ouverte et solidaire', body: 'Les missions apportées par les membres sont vérifiées avant de compter ; on y répond en mode coopératif (3 répondants au plus, réponse groupée) ou comparatif (3 propositions au plus, le client choisit).' },
      { number: 5, title: 'Le SEED', body: 'Un système d’échange en téléservices (TS) : 5 TS à l’adhésion, 5 TS pour une mission apportée ou pour 3 heures de service rendu à un membre ; chaque contrepartie est évaluée ; jamais d’argent.' },
      { number: 6, title: 'Transmission', body: '« Je te forme, tu formes à ton tour » : apprenti, compagnon puis formateur.' },
    ],
    roles: [
      { title: 'Permanent', holder: 'Cyril SLUCKI', duties: 'Porte le projet associatif et anime les formations.' },
      { title: 'Permanent', holder: 'Patrick', duties: 'Fait vivre l’association au quotidien avec le bureau.' },
      { title: 'Développement du SEED', holder: 'Delphine STEIN', duties: 'Aide à concevoir le système d’échange et ses règles.' },
    ],
    revisionRule: 'La charte est coproduite par le groupe de travail des membres et évolue avec eux.',
    values: ['amt-loyaute', 'amt-fidelite', 'amt-temperance', 'amt-fraternite', 'amt-amour-teletravail'],
  },
};

export const demoOrganisations: DemoOrganisation[] = [moocEtCie, solucracy, kaleidoscop, laCoop, amt];
