/**
 * What members and staff are told, and how it reads. Each kind names its audience and whether it is
 * mailed by default; its text is written when it is read or mailed, from ids kept in the
 * notification's data and the names as they are then — so an erased member's name never lingers
 * in someone else's notifications. French first: the association's members read French.
 */

export const NOTIFICATION_KINDS = {
  'exchange.proposed': { audience: 'member', email: true },
  'exchange.accepted': { audience: 'member', email: true },
  'exchange.delivered': { audience: 'member', email: true },
  'exchange.disputed': { audience: 'member', email: true },
  'exchange.resolved': { audience: 'member', email: true },
  'exchange.settled': { audience: 'member', email: false },
  'exchange.cancelled': { audience: 'member', email: true },
  'exchange.deadline': { audience: 'member', email: true },
  'revision.proposed': { audience: 'member', email: true },
  'revision.adopted': { audience: 'member', email: true },
  'revision.blocked': { audience: 'member', email: true },
  'revision.withdrawn': { audience: 'member', email: false },
  'mission.validated': { audience: 'member', email: true },
  'mission.rejected': { audience: 'member', email: true },
  'mission.outcome': { audience: 'member', email: true },
  'award.approved': { audience: 'member', email: false },
  'award.refused': { audience: 'member', email: true },
  'membership.campaign': { audience: 'member', email: true },
  'membership.refunded': { audience: 'member', email: true },
  'member.interviewed': { audience: 'member', email: false },
  'member.activated': { audience: 'member', email: true },
  'rank.changed': { audience: 'member', email: true },
  'rank.pending': { audience: 'member', email: true },
  'badge.earned': { audience: 'member', email: false },
  'staff.mission.submitted': { audience: 'staff', email: true },
  'staff.mission.flagged': { audience: 'staff', email: true },
  'staff.award.pending': { audience: 'staff', email: true },
  'staff.exchange.disputed': { audience: 'staff', email: true },
  'staff.rank.pending': { audience: 'staff', email: true },
} as const satisfies Record<string, { audience: 'member' | 'staff'; email: boolean }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

// Own keys only: `toString` or `__proto__` are no kinds.
export const isKind = (value: unknown): value is NotificationKind => typeof value === 'string' && Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, value);

/**
 * What a notification keeps: ids, numbers and states, never free text or names (read when shown).
 * `member` is the other member it is about (the counterpart, the proposer, who flagged…).
 */
export interface NotificationData {
  member?: string;
  exchange?: string;
  amount?: number;
  hours?: number;
  pointType?: string;
  /** Days left before an automatic step (deadline reminders), or of a setting. */
  days?: number;
  /** The exchange's state a deadline is about, a mission's outcome, an award's event type… */
  state?: string;
  charter?: string;
  revision?: string;
  mission?: string;
  award?: string;
  membership?: string;
  year?: number;
  /** A rank's or a badge's documentId (named when shown), a badge's level. */
  rank?: string;
  badge?: string;
  level?: number;
}

/** One notification to write: its kind, who gets it, its data, and the key that makes it once only. */
export interface Notice {
  kind: NotificationKind;
  data: NotificationData;
  /** Unique per recipient: the same fact never notifies anyone twice. */
  key: string;
}

/** What a notification says: a title, what to do, and the extranet page it is about (a path). */
export interface Rendered {
  title: string;
  body: string;
  path: string;
}

/** Names read when a notification is shown: members' display names and missions' and charters' titles, by documentId. */
export type Names = (documentId: string | undefined) => string | undefined;

const points = (data: NotificationData) => `${data.amount ?? 0} ${data.pointType ?? 'TS'}`;

const OUTCOMES: Record<string, string> = {
  won: 'remportée',
  lost: 'perdue',
  closed: 'close',
};

/** The French text of a notification. */
export const render = (kind: NotificationKind, data: NotificationData, names: Names): Rendered => {
  const someone = names(data.member) || 'Un membre';
  // A title in quotes after its noun (« la charte « … » »), or the noun alone when it is gone.
  const quoted = (id: string | undefined) => (names(id) ? ` « ${names(id)} »` : '');
  const mission = quoted(data.mission);
  const charter = `la charte${quoted(data.charter)}`;
  const exchange = `/espace/echanges/${data.exchange ?? ''}`;
  switch (kind) {
    case 'exchange.proposed':
      return {
        title: `${someone} vous propose un échange`,
        body: `${someone} vous propose un échange de ${points(data)} pour ${data.hours ?? 0} h. Acceptez-le ou annulez-le depuis vos échanges.`,
        path: exchange,
      };
    case 'exchange.accepted':
      return {
        title: `${someone} a accepté votre échange`,
        body: `L'échange de ${points(data)} est accepté : les points sont réservés. Une fois le service rendu, le prestataire le marque livré.`,
        path: exchange,
      };
    case 'exchange.delivered':
      return {
        title: `${someone} a rendu le service : évaluez-le`,
        body: `Donnez une note de 1 à 5 à l'échange de ${points(data)}. Sans évaluation, il sera réglé automatiquement à l'échéance.`,
        path: exchange,
      };
    case 'exchange.disputed':
      return {
        title: 'Un échange est en litige',
        body: `L'évaluation de l'échange de ${points(data)} avec ${someone} est sous le seuil : l'équipe va l'examiner et le régler ou l'annuler.`,
        path: exchange,
      };
    case 'exchange.resolved':
      return {
        title: `L'équipe a ${data.state === 'settled' ? 'réglé' : 'annulé'} un échange en litige`,
        body: `L'échange de ${points(data)} avec ${someone} est ${data.state === 'settled' ? 'réglé' : 'annulé'}. Le motif est indiqué sur l'échange.`,
        path: exchange,
      };
    case 'exchange.settled':
      return {
        title: `Échange réglé avec ${someone}`,
        body: `L'échange de ${points(data)} est réglé : les points ont été versés.`,
        path: exchange,
      };
    case 'exchange.cancelled':
      return {
        title: `Échange annulé avec ${someone}`,
        body: `L'échange de ${points(data)} est annulé ; les points réservés sont libérés.`,
        path: exchange,
      };
    case 'exchange.deadline':
      return data.state === 'accepted'
        ? {
            title: 'Un échange attend votre service',
            body: `L'échange de ${points(data)} avec ${someone} sera annulé automatiquement dans ${data.days ?? 0} jours s'il n'est pas marqué livré.`,
            path: exchange,
          }
        : {
            title: 'Un échange attend votre évaluation',
            body: `L'échange de ${points(data)} avec ${someone} sera réglé automatiquement au seuil dans ${data.days ?? 0} jours si vous ne l'évaluez pas.`,
            path: exchange,
          };
    case 'revision.proposed':
      return {
        title: `Une révision de ${charter} attend votre réponse`,
        body: `${someone} propose de réviser ${charter}. Lisez la proposition, puis consentez ou objectez : une seule objection la bloque.`,
        path: `/espace/chartes/revisions/${data.revision ?? ''}`,
      };
    case 'revision.adopted':
      return {
        title: `La révision de ${charter} est adoptée`,
        body: `Tous les signataires ont consenti : le texte révisé de ${charter} est publié.`,
        path: `/chartes/${data.charter ?? ''}`,
      };
    case 'revision.blocked':
      return {
        title: `La révision de ${charter} est bloquée`,
        body: `${someone} a objecté : la révision n'est pas adoptée. Le texte publié reste inchangé.`,
        path: `/espace/chartes/revisions/${data.revision ?? ''}`,
      };
    case 'revision.withdrawn':
      return {
        title: `La révision de ${charter} est retirée`,
        body: `${someone} a retiré sa proposition : plus rien n'attend votre réponse.`,
        path: `/espace/chartes/revisions/${data.revision ?? ''}`,
      };
    case 'mission.validated':
      return {
        title: `Votre mission${mission} est validée`,
        body: `L'équipe a validé la mission que vous avez apportée${data.amount ? ` : ${points(data)} vous sont versés` : ''}.`,
        path: `/espace/missions/${data.mission ?? ''}`,
      };
    case 'mission.rejected':
      return {
        title: `Votre mission${mission} est refusée`,
        body: `L'équipe a refusé la mission que vous avez apportée. Le motif est indiqué sur la mission.`,
        path: `/espace/missions/${data.mission ?? ''}`,
      };
    case 'mission.outcome':
      return {
        title: `La mission${mission} est ${OUTCOMES[data.state ?? ''] ?? 'close'}`,
        body: `La mission à laquelle vous avez répondu est ${OUTCOMES[data.state ?? ''] ?? 'close'}.`,
        path: `/espace/missions/${data.mission ?? ''}`,
      };
    case 'award.approved':
      return {
        title: `${points(data)} gagnés`,
        body: `L'équipe a approuvé vos points pour « ${data.state ?? ''} ».`,
        path: '/espace/compte',
      };
    case 'award.refused':
      return {
        title: 'Des points n’ont pas été approuvés',
        body: `L'équipe n'a pas approuvé les ${points(data)} de « ${data.state ?? ''} ». Parlez-en avec elle si vous pensez à une erreur.`,
        path: '/espace/compte',
      };
    case 'membership.campaign':
      return {
        title: `Les adhésions ${data.year ?? ''} sont ouvertes`,
        body: `La campagne d'adhésion ${data.year ?? ''} est ouverte : adhérez depuis votre espace tant qu'il reste des places.`,
        path: '/espace/adhesion',
      };
    case 'membership.refunded':
      return {
        title: `Votre adhésion ${data.year ?? ''} est remboursée`,
        body: `L'équipe a remboursé votre adhésion ${data.year ?? ''} ; votre place est libérée.`,
        path: '/espace/adhesion',
      };
    case 'member.interviewed':
      return {
        title: 'Votre entretien est enregistré',
        body: `Merci pour l'entretien préalable. L'équipe peut maintenant activer votre adhésion au SEED.`,
        path: '/espace',
      };
    case 'member.activated':
      return {
        title: 'Bienvenue dans le SEED',
        body: `Votre compte est actif${data.amount ? ` : ${points(data)} de dotation de départ vous sont versés` : ''}. Proposez ou demandez un premier service !`,
        path: '/espace/compte',
      };
    case 'rank.changed':
      return {
        title: `Nouveau rang : ${names(data.rank) ?? 'rang changé'}`,
        body:
          data.state === 'demotion'
            ? `L'équipe a changé votre rang ; son motif est indiqué dans votre profil.`
            : `Bravo : vous êtes désormais ${names(data.rank) ?? 'au rang suivant'}. Votre profil montre ce que demande le rang d'après.`,
        path: '/espace/profil',
      };
    case 'rank.pending':
      return {
        title: `${someone} peut devenir ${names(data.rank) ?? 'plus avancé·e'}`,
        body: `${someone} remplit les exigences du rang ${names(data.rank) ?? 'suivant'} : vous êtes son tuteur ou sa tutrice, confirmez ou refusez sa promotion.`,
        path: '/espace/profil',
      };
    case 'badge.earned':
      return {
        title: `Nouveau badge : ${names(data.badge) ?? 'badge'}${(data.level ?? 1) > 1 ? ` (niveau ${data.level})` : ''}`,
        body: `Vous avez obtenu ce badge ; tout le monde peut le vérifier (Open Badges) : partagez-le depuis votre profil.`,
        path: '/espace/profil',
      };
    case 'staff.rank.pending':
      return {
        title: 'Une promotion attend votre confirmation',
        body: `${someone} remplit les exigences du rang ${names(data.rank) ?? 'suivant'} : confirmez ou refusez sa promotion.`,
        path: '/espace',
      };
    case 'staff.mission.submitted':
      return {
        title: `Mission à valider${mission}`,
        body: `${someone} a apporté une mission. Vérifiez-la, puis validez-la ou refusez-la.`,
        path: `/espace/missions/${data.mission ?? ''}`,
      };
    case 'staff.mission.flagged':
      return {
        title: `Mission signalée${mission}`,
        body: `${someone} pense que cette mission est fausse. Lisez les signalements et décidez.`,
        path: `/espace/missions/${data.mission ?? ''}`,
      };
    case 'staff.award.pending':
      return {
        title: `Des points attendent votre approbation`,
        body: `${someone} a gagné ${points(data)} pour « ${data.state ?? ''} » : approuvez-les ou refusez-les.`,
        path: '/espace/compte',
      };
    case 'staff.exchange.disputed':
      return {
        title: 'Un échange est en litige',
        body: `Un échange de ${points(data)} a été évalué sous le seuil : réglez-le ou annulez-le en donnant un motif.`,
        path: exchange,
      };
  }
};

/** French labels of the kinds, for the preferences a member sets. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  'exchange.proposed': 'Un échange vous est proposé',
  'exchange.accepted': 'Votre échange est accepté',
  'exchange.delivered': 'Un service rendu attend votre évaluation',
  'exchange.disputed': 'Un échange est en litige',
  'exchange.resolved': "L'équipe a tranché un litige",
  'exchange.settled': 'Un échange est réglé',
  'exchange.cancelled': 'Un échange est annulé',
  'exchange.deadline': "Une échéance d'échange approche",
  'revision.proposed': 'Une révision de charte attend votre réponse',
  'revision.adopted': 'Une révision est adoptée',
  'revision.blocked': 'Une révision est bloquée',
  'revision.withdrawn': 'Une révision est retirée',
  'mission.validated': 'Votre mission est validée',
  'mission.rejected': 'Votre mission est refusée',
  'mission.outcome': 'Une mission à laquelle vous avez répondu est close',
  'award.approved': 'Des points sont approuvés',
  'award.refused': 'Des points sont refusés',
  'membership.campaign': "La campagne d'adhésion est ouverte",
  'membership.refunded': 'Votre adhésion est remboursée',
  'member.interviewed': 'Votre entretien est enregistré',
  'member.activated': 'Votre compte est activé',
  'rank.changed': 'Votre rang change',
  'rank.pending': 'Une promotion attend votre confirmation de tuteur',
  'badge.earned': 'Vous obtenez un badge',
  'staff.mission.submitted': '(équipe) Une mission est à valider',
  'staff.mission.flagged': '(équipe) Une mission est signalée',
  'staff.award.pending': '(équipe) Des points attendent une approbation',
  'staff.exchange.disputed': '(équipe) Un échange est en litige',
  'staff.rank.pending': '(équipe) Une promotion attend une confirmation',
};
