/** The staff's homepage widgets: each counts what waits for the team and opens that list in the Content Manager. */
import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { Widget, useFetchClient } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';

interface Overview {
  year: number;
  seats: { year: number; cap: number; taken: number; remaining: number } | null;
  members: { applicants: number; interviewed: number };
  promotions: { pending: number };
  awards: { pending: number };
  missions: { toReview: number; flagged: number };
  exchanges: { disputed: number; nearingDeadline: number };
  outbox: { failed: number };
}

// The six widgets read the same overview: one request per visit of the home page, not six.
let shared: { at: number; overview: Promise<Overview> } | null = null;
const FRESH_MS = 5_000;

const useOverview = () => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ overview?: Overview; failed?: boolean }>({});
  React.useEffect(() => {
    if (!shared || Date.now() - shared.at > FRESH_MS) {
      shared = { at: Date.now(), overview: get<{ data: Overview }>('/seed/dashboard').then((response) => response.data.data) };
    }
    let live = true;
    shared.overview.then(
      (overview) => live && setState({ overview }),
      () => live && setState({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, [get]);
  return state;
};

/** A Content Manager list, filtered the way its own filter bar writes the URL. */
export const listOf = (uid: string, filters: Record<string, string | number> = {}) => {
  const query = Object.entries(filters).map(([path, value], i) => `filters[$and][${i}]${path}=${encodeURIComponent(String(value))}`);
  return `/content-manager/collection-types/${uid}${query.length ? `?${query.join('&')}` : ''}`;
};

interface Row {
  label: string;
  count: number;
  to?: string;
}

const Counts = ({ rows }: { rows: Row[] }) => (
  <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
    {rows.map((row) => (
      <Flex key={row.label} tag="li" justifyContent="space-between" gap={4}>
        <Typography textColor="neutral700">{row.label}</Typography>
        {row.to ? (
          <Link tag={RouterLink} to={row.to} aria-label={`${row.label} : ${row.count}`}>
            <Typography variant="beta" textColor={row.count > 0 ? 'primary600' : 'neutral500'}>
              {row.count}
            </Typography>
          </Link>
        ) : (
          <Typography variant="beta">{row.count}</Typography>
        )}
      </Flex>
    ))}
  </Flex>
);

/** A widget's body from the overview, with Strapi's own loading and error states. */
const countsWidget = (rowsOf: (overview: Overview) => Row[] | string) => {
  const CountsWidget = () => {
    const { overview, failed } = useOverview();
    if (failed) return <Widget.Error />;
    if (!overview) return <Widget.Loading />;
    const rows = rowsOf(overview);
    return typeof rows === 'string' ? <Widget.NoData>{rows}</Widget.NoData> : <Counts rows={rows} />;
  };
  return CountsWidget;
};

const MEMBER = 'plugin::seed.member';

export const SeatsWidget = countsWidget(({ seats, year }) =>
  seats
    ? [
        { label: `Places ${seats.year}`, count: seats.cap, to: listOf('api::membership-campaign.membership-campaign', { '[year][$eq]': seats.year }) },
        { label: 'Prises', count: seats.taken },
        { label: 'Restantes', count: seats.remaining },
      ]
    : `Aucune campagne d’adhésion pour ${year}`,
);

export const MembersWidget = countsWidget(({ members, promotions }) => [
  { label: 'À recevoir en entretien', count: members.applicants, to: listOf(MEMBER, { '[state][$eq]': 'applicant' }) },
  { label: 'À activer', count: members.interviewed, to: listOf(MEMBER, { '[state][$eq]': 'interviewed' }) },
  { label: 'Promotions à confirmer', count: promotions.pending, to: listOf('plugin::seed.rank-change', { '[state][$eq]': 'pending' }) },
]);

export const AwardsWidget = countsWidget(({ awards }) => [
  { label: 'À approuver ou refuser', count: awards.pending, to: listOf('plugin::seed.award', { '[state][$eq]': 'pending' }) },
]);

export const MissionsWidget = countsWidget(({ missions }) => [
  { label: 'À valider', count: missions.toReview, to: listOf('plugin::seed.mission', { '[state][$eq]': 'submitted' }) },
  { label: 'Signalées', count: missions.flagged, to: listOf('plugin::seed.mission', { '[flagCount][$gt]': 0 }) },
]);

export const ExchangesWidget = countsWidget(({ exchanges }) => [
  { label: 'En litige', count: exchanges.disputed, to: listOf('plugin::seed.exchange', { '[state][$eq]': 'disputed' }) },
  // The deadline depends on each point type's rules: no list filter says it, so the count links to all exchanges.
  { label: 'Échéance cette semaine', count: exchanges.nearingDeadline, to: listOf('plugin::seed.exchange') },
]);

export const OutboxWidget = countsWidget(({ outbox }) => [
  { label: 'Messages en échec', count: outbox.failed, to: listOf('plugin::seed.outbox-message', { '[state][$eq]': 'failed' }) },
]);
