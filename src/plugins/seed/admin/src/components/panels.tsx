import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { useT } from '../intl';
import { SEED_CHANGED, refusalOf, useCan } from '../api';

/** GETs a desk route, again after every desk action; a refusal is shown in place of the data. */
const useDeskData = <T,>(path: string) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data?: T; error?: string }>({});
  React.useEffect(() => {
    let live = true;
    const load = () =>
      get<{ data: T }>(path).then(
        ({ data }) => live && setState({ data: data.data }),
        (error) => live && setState({ error: refusalOf(error) }),
      );
    load();
    window.addEventListener(SEED_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(SEED_CHANGED, load);
    };
  }, [get, path]);
  return state;
};

const Shown = <T,>({ state, children }: { state: { data?: T; error?: string }; children: (data: T) => React.ReactNode }) => {
  const t = useT();
  if (state.error) return <Typography textColor="danger600">{state.error}</Typography>;
  if (state.data === undefined) return <Typography textColor="neutral600">{t('panel.loading')}</Typography>;
  return <>{children(state.data)}</>;
};

interface Summary {
  accounts: { documentId: string; pointType: string; balance: number; reserved: number; available: number }[];
  membership: { documentId: string; year: number; refunded: boolean } | null;
  lastEntries: { documentId: string; createdAt: string; amount: number; pointType: string; line: string }[];
}

const MemberSummary = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const state = useDeskData<Summary>(`/seed/members/${documentId}/summary`);
  return (
    <Shown state={state}>
      {(summary) => (
        <Flex direction="column" alignItems="stretch" gap={3} width="100%">
          {summary.accounts.map((account) => (
            <Box key={account.documentId}>
              <Typography variant="omega" fontWeight="bold">
                {account.pointType}
              </Typography>
              <Typography variant="pi" tag="p">
                {t('panel.account.balance', account)}
              </Typography>
            </Box>
          ))}
          <Typography variant="pi">{summary.membership ? t('panel.account.membership', summary.membership) : t('panel.account.noMembership')}</Typography>
          <Typography variant="sigma" textColor="neutral600">
            {t('panel.account.lastEntries')}
          </Typography>
          {summary.lastEntries.length === 0 && <Typography variant="pi">{t('panel.account.noEntries')}</Typography>}
          {summary.lastEntries.map((entry) => (
            <Typography key={entry.documentId} variant="pi" tag="p">
              {formatDate(entry.createdAt)} · {entry.amount > 0 ? '+' : ''}
              {entry.amount} {entry.pointType} · {entry.line}
            </Typography>
          ))}
        </Flex>
      )}
    </Shown>
  );
};

interface Flag {
  documentId: string;
  member?: { displayName?: string } | string | null;
  reason: string;
  createdAt: string;
}

const MissionFlags = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const state = useDeskData<Flag[]>(`/seed/missions/${documentId}/flags`);
  return (
    <Shown state={state}>
      {(flags) => (
        <Flex direction="column" alignItems="stretch" gap={2} width="100%">
          {flags.length === 0 && <Typography variant="pi">{t('panel.flags.none')}</Typography>}
          {flags.map((flag) => (
            <Typography key={flag.documentId} variant="pi" tag="p">
              {formatDate(flag.createdAt)} · {typeof flag.member === 'string' ? flag.member : (flag.member?.displayName ?? '—')} — {flag.reason}
            </Typography>
          ))}
        </Flex>
      )}
    </Shown>
  );
};

export const AccountPanel: PanelComponent = ({ model, documentId }) => {
  const t = useT();
  const can = useCan('members.summary');
  if (model !== 'plugin::seed.member' || !can || !documentId) return null;
  return { title: t('panel.account.title'), content: <MemberSummary documentId={documentId} /> };
};

export const FlagsPanel: PanelComponent = ({ model, documentId }) => {
  const t = useT();
  const can = useCan('missions.flags');
  if (model !== 'plugin::seed.mission' || !can || !documentId) return null;
  return { title: t('panel.flags.title'), content: <MissionFlags documentId={documentId} /> };
};

/** A value on one line: lists joined, absent as a dash. */
const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map(shown).join(', ') || '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** A JSON value as the lines staff read: `field : value`, nested fields joined by dots. */
export const readableLines = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => readableLines(inner, prefix ? `${prefix}.${key}` : key))
    : [prefix ? `${prefix} : ${shown(value)}` : shown(value)];

const Lines = ({ lines }: { lines: string[] }) => (
  <Flex direction="column" alignItems="stretch" gap={1} width="100%">
    {lines.map((line, i) => (
      <Typography key={i} variant="pi" tag="p">
        {line}
      </Typography>
    ))}
  </Flex>
);

/** What a rule change did, field by field: `points : 3 → 5`. */
const SYSTEM_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'];
export const changedLines = (before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] =>
  [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    .filter((field) => !SYSTEM_FIELDS.includes(field) && shown(before?.[field]) !== shown(after?.[field]))
    .map((field) => `${field} : ${shown(before?.[field])} → ${shown(after?.[field])}`);

/** The JSON that staff read — an outgoing message's payload, a rule change's before and after — as lines. */
export const ReadablePanel: PanelComponent = ({ model, document }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const formatDateTime = (epoch: number) => formatDate(epoch, { dateStyle: 'medium', timeStyle: 'short' });
  const doc = (document ?? {}) as Record<string, unknown>;
  if (model === 'plugin::seed.outbox-message' && doc.payload !== undefined) {
    const at = (epoch: unknown) => (epoch ? formatDateTime(Number(epoch)) : '—');
    const schedule = [`${t('panel.payload.next')} : ${at(doc.nextAttemptAt)}`, `${t('panel.payload.lease')} : ${at(doc.leaseUntil)}`];
    return { title: t('panel.payload.title'), content: <Lines lines={[...schedule, ...readableLines(doc.payload)]} /> };
  }
  if (model === 'plugin::seed.earning-rule-change' && (doc.before !== undefined || doc.after !== undefined)) {
    const lines = changedLines(doc.before as Record<string, unknown> | null, doc.after as Record<string, unknown> | null);
    return { title: t('panel.change.title'), content: <Lines lines={lines.length > 0 ? lines : [t('panel.change.none')]} /> };
  }
  return null;
};
