// @ts-check
/** Every error code of the API (README, "Errors") as a sentence a member reads, in French. */

/** @type {Readonly<Record<string, string>>} */
export const ERROR_MESSAGES = Object.freeze({
  BAD_REQUEST: 'La demande est mal formée. Rechargez la page et réessayez.',
  INVALID_BODY: 'La demande n’a pas pu être lue. Réessayez.',
  UNSUPPORTED_MEDIA_TYPE: 'Ce type de contenu n’est pas accepté ici.',
  VALIDATION_FAILED: 'Certains champs ne sont pas valides : vérifiez le formulaire.',
  INVALID_CHARTER: 'La charte n’est pas cohérente (répartition, durée ou numéros d’articles).',
  INVALID_INPUT: 'Certains champs sont manquants ou invalides : vérifiez le formulaire.',
  INVALID_AMOUNT: 'Le nombre de points doit être un nombre entier positif, dans la limite autorisée.',
  NO_MONEY: 'Le SEED compte en points et en heures seulement : retirez tout prix, montant en euros ou devise.',
  QUERY_TOO_COMPLEX: 'La demande est trop lourde : affichez moins d’éléments à la fois.',
  INVALID_TOKEN: 'Ce lien n’est pas valide : il a peut-être été copié en partie.',
  UNAUTHENTICATED: 'Votre session a expiré : connectez-vous de nouveau.',
  FORBIDDEN: 'Vous n’avez pas le droit de faire cela.',
  DRAFTS_NOT_PUBLIC: 'Les brouillons ne sont pas publics.',
  NOT_ALLOWED: 'Ce n’est pas à vous de faire cette action.',
  NOT_A_MEMBER: 'Seuls les membres de l’association ont un espace membre.',
  HTTPS_REQUIRED: 'La connexion exige une adresse sécurisée (HTTPS).',
  NOT_FOUND: 'Introuvable : cet élément n’existe pas ou n’est plus public.',
  MEMBER_NOT_FOUND: 'Ce membre est introuvable.',
  POINT_TYPE_NOT_FOUND: 'Ce type de points n’existe pas.',
  INVALID_STATE: 'Cette action n’est plus possible dans l’état actuel : rechargez la page.',
  IDEMPOTENCY_KEY_REUSED: 'Cette opération a déjà été enregistrée avec une autre demande.',
  INSUFFICIENT_POINTS: 'Pas assez de points disponibles : le solde du bénéficiaire passerait sous le plancher autorisé.',
  CEILING_REACHED: 'Le solde du prestataire dépasserait le plafond de ce type de points.',
  PAIR_CAP_REACHED: 'Vous avez atteint, à vous deux, le plafond mensuel d’échanges entre deux membres.',
  SELF_EXCHANGE: 'Un échange se fait entre deux membres différents.',
  EXCHANGE_NOT_FOUND: 'Cet échange est introuvable.',
  INTERVIEW_REQUIRED: 'L’entretien préalable doit avoir lieu avant l’activation.',
  MEMBER_INACTIVE: 'Seuls les membres actifs peuvent participer. Contactez l’équipe.',
  MEMBERSHIP_REQUIRED: 'Il faut avoir adhéré pour l’année en cours : rendez-vous sur la page Adhésion.',
  CAMPAIGN_NOT_FOUND: 'Aucune campagne d’adhésion n’est ouverte pour cette année.',
  CAMPAIGN_FULL: 'Toutes les places de l’année sont prises.',
  ALREADY_MEMBER: 'Vous avez déjà adhéré pour cette année.',
  MEMBERSHIP_NOT_FOUND: 'Cette adhésion est introuvable.',
  MISSION_NOT_FOUND: 'Cette mission est introuvable.',
  MISSION_FULL: 'Cette mission a déjà ses trois réponses.',
  ALREADY_RESPONDED: 'Vous avez déjà répondu à cette mission.',
  ALREADY_FLAGGED: 'Vous avez déjà signalé cette mission.',
  RESPONSE_NOT_FOUND: 'Cette réponse est introuvable.',
  CHARTER_NOT_FOUND: 'Cette charte n’est pas publiée (ou pas dans cette langue).',
  ALREADY_SIGNED: 'Vous avez déjà signé cette charte.',
  NOT_A_SIGNATORY: 'Seuls les signataires de la charte participent à ses révisions.',
  REVISION_NOT_FOUND: 'Cette révision est introuvable.',
  ALREADY_ANSWERED: 'Vous avez déjà répondu à cette révision.',
  INVALID_SIGNATURE: 'La signature du webhook est absente, fausse ou trop ancienne.',
  SOURCE_NOT_FOUND: 'Cette source de webhooks n’existe pas.',
  AWARD_NOT_FOUND: 'Ce gain est introuvable.',
  BADGE_NOT_FOUND: 'Ce badge est introuvable.',
  ASSERTION_NOT_FOUND: 'Ce badge décerné est introuvable.',
  BADGE_ALREADY_AWARDED: 'Ce membre a déjà ce badge à ce niveau.',
  PROMOTION_NOT_FOUND: 'Ce changement de rang est introuvable.',
  UNKNOWN_MEMBER: 'L’événement ne désigne aucun membre connu.',
  UNKNOWN_EVENT_TYPE: 'Aucune règle de gains ne correspond à cet événement.',
  RULE_DISABLED: 'Cet événement ne rapporte rien pour le moment.',
  METHOD_NOT_ALLOWED: 'Cette adresse n’accepte pas cette action.',
  PAYLOAD_TOO_LARGE: 'Le texte envoyé est trop long.',
  RATE_LIMITED: 'Trop de demandes en peu de temps : patientez une minute puis réessayez.',
  INTERNAL_ERROR: 'Une erreur inattendue est survenue. Réessayez plus tard.',
  // Apollo's own codes, for a query refused before it runs.
  GRAPHQL_VALIDATION_FAILED: 'La demande n’est pas comprise par le serveur (version du site à mettre à jour).',
  BAD_USER_INPUT: 'Certains champs sont manquants ou invalides : vérifiez le formulaire.',
  NETWORK: 'Le serveur ne répond pas : vérifiez votre connexion et réessayez.',
});

/** The fields a refusal may name (`details.errors[].path`), as the forms label them. */
const FIELD_LABELS = /** @type {Readonly<Record<string, string>>} */ ({
  displayName: 'nom affiché', headline: 'accroche', skills: 'compétences', presentation: 'présentation', phone: 'téléphone',
  counterpart: 'membre', side: 'côté', description: 'description', hours: 'heures', amount: 'points', rating: 'note', comment: 'commentaire',
  title: 'titre', summary: 'résumé', details: 'détails', prospectContact: 'contact du client', mode: 'mode', text: 'réponse', reason: 'motif',
  articles: 'articles', number: 'numéro', body: 'texte', name: 'nom', year: 'année',
});

/** The French sentence for an error (an ApiError's code, or a network failure), naming the invalid fields. @param {unknown} error */
export const frenchMessage = (error) => {
  const { code, fields } = /** @type {{ code?: unknown, fields?: unknown }} */ (error ?? {});
  const sentence = typeof code === 'string' && code in ERROR_MESSAGES ? ERROR_MESSAGES[code] : error instanceof TypeError ? ERROR_MESSAGES.NETWORK : ERROR_MESSAGES.INTERNAL_ERROR;
  const named = Array.isArray(fields) ? [...new Set(fields.map((path) => FIELD_LABELS[String(path).split('.').pop() ?? ''] ?? null).filter(Boolean))] : [];
  return named.length ? `${sentence} Champ${named.length > 1 ? 's' : ''} à revoir : ${named.join(', ')}.` : sentence;
};
