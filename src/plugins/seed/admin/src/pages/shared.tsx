/** What the SEED page's views share: its header and sections, fetching, French dates, points and refusals. */
import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Pagination, Table, isFetchError, useFetchClient } from '@strapi/strapi/admin';
import { NavLink, useLocation } from 'react-router-dom';

export const BASE = '/plugins/seed';

const SECTIONS = [
  { to: BASE, label: 'Soldes' },
  { to: `${BASE}/monthly`, label: 'Flux mensuels' },
  { to: `${BASE}/exports`, label: 'Exports CSV' },
];

/** The page's header, with the three sections as links under its title. */
export const Header = ({ title, subtitle, back, actions }: { title: string; subtitle?: string; back?: React.ReactNode; actions?: React.ReactNode }) => {
  const { pathname } = useLocation();
  const current = SECTIONS.slice()
    .reverse()
    .find((section) => pathname.startsWith(section.to))?.to;
  return (
    <>
      <Layouts.Header title={title} subtitle={subtitle} navigationAction={back} primaryAction={actions} />
      <Layouts.Content>
        <Flex tag="nav" aria-label="Sections SEED" gap={2} paddingBottom={4}>
          {SECTIONS.map((section) => (
            <Button
              key={section.to}
              tag={NavLink}
              to={section.to}
              end
              variant={section.to === current ? 'secondary' : 'tertiary'}
              aria-current={section.to === current ? 'page' : undefined}
            >
              {section.label}
            </Button>
          ))}
        </Flex>
      </Layouts.Content>
    </>
  );
};

/** A GET of the admin API, reloaded when its URL or params change, or on `reload()`. */
export const useLoad = <T,>(url: string, params?: Record<string, unknown>) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = React.useState(0);
  const key = JSON.stringify(params ?? {});
  React.useEffect(() => {
    let live = true;
    setState((prev) => ({ ...prev, loading: true }));
    get<T>(url, { params: JSON.parse(key) }).then(
      (response) => live && setState({ data: response.data, loading: false }),
      (error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [get, url, key, round]);
  return { ...state, reload: () => setRound((n) => n + 1) };
};

// The refusals staff meet on this page, said in French; any other shows the server's message.
const REFUSALS: Record<string, string> = {
  INSUFFICIENT_POINTS: 'Solde insuffisant : le compte n’a pas assez de points disponibles.',
  CEILING_REACHED: 'Le solde dépasserait son plafond.',
  INVALID_AMOUNT: 'Montant refusé : un nombre entier de points, supérieur à zéro, sans dépasser le plus grand mouvement permis.',
  IDEMPOTENCY_KEY_REUSED: 'Cette demande a déjà été envoyée avec d’autres valeurs : rouvrez la fenêtre.',
  VALIDATION_FAILED: 'Certains champs sont invalides.',
  NOT_FOUND: 'Introuvable : le compte ou l’écriture n’existe plus.',
  FORBIDDEN: 'Vous n’avez pas la permission de faire ceci.',
  RATE_LIMITED: 'Trop de demandes : réessayez dans un instant.',
  INTERNAL_ERROR: 'Erreur du serveur : réessayez, puis prévenez l’équipe technique.',
};

// INVALID_STATE covers many cases: the ledger's own are told apart by the server's message.
const STATES: Record<string, string> = {
  'This entry was already reversed.': 'Cette écriture est déjà contre-passée.',
  'A reversal is not reversed: adjust the account instead.': 'Une contre-passation ne se contre-passe pas : ajustez le compte.',
};

export const refusalOf = (error: unknown): string => {
  if (isFetchError(error)) {
    const body = (error.response?.data as { error?: { message?: string; details?: { code?: string } } } | undefined)?.error;
    const code = body?.details?.code;
    if (code === 'INVALID_STATE') return STATES[body?.message ?? ''] ?? `Impossible dans l’état actuel : ${body?.message}`;
    if (code && REFUSALS[code]) return REFUSALS[code];
    if (body?.message) return body.message;
  }
  return error instanceof Error ? error.message : String(error);
};

export const Failed = ({ error }: { error: unknown }) => (
  <Typography tag="p" role="alert" textColor="danger600">
    {refusalOf(error)}
  </Typography>
);

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
const points = new Intl.NumberFormat('fr-FR');
const signedPoints = new Intl.NumberFormat('fr-FR', { signDisplay: 'exceptZero' });

export const frenchDate = (iso: string) => dateTime.format(new Date(iso));
export const formatPoints = (value: number | string, signed = false) => (signed ? signedPoints : points).format(Number(value));

/** The account of the SEED itself (the points it issues and takes back) has no holder. */
export const holderName = (holder: string | null) => holder ?? 'SEED (émission)';

type Header = React.ComponentProps<typeof Table.HeaderCell>;

/**
 * A page of rows in Strapi's own table, its sort and page kept in the URL as the Content
 * Manager's lists do, with the page size and links under it.
 */
export const PagedTable = <Row extends { id: string }>({
  headers,
  rows,
  loading,
  empty,
  pagination,
  children,
}: {
  headers: Header[];
  rows: Row[];
  loading: boolean;
  empty: string;
  pagination?: { total: number; pageSize: number };
  children: (row: Row) => React.ReactNode;
}) => (
  <>
    <Table.Root headers={headers} rows={rows} isLoading={loading}>
      <Table.Content>
        <Table.Head>
          {headers.map((header) => (
            <Table.HeaderCell key={header.name} {...header} />
          ))}
        </Table.Head>
        <Table.Loading />
        <Table.Empty content={empty} />
        <Table.Body>{rows.map(children)}</Table.Body>
      </Table.Content>
    </Table.Root>
    {pagination ? (
      <Pagination.Root pageCount={Math.ceil(pagination.total / pagination.pageSize)} total={pagination.total} defaultPageSize={25}>
        <Pagination.PageSize options={['10', '25', '50', '100']} />
        <Pagination.Links />
      </Pagination.Root>
    ) : null}
  </>
);
