/** One account's history, newest first, with the staff's two corrections: adjust the account, reverse an entry. */
import * as React from 'react';
import { Alert, Box, Button, Flex, Grid, Link as DSLink, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, Table, useQueryParams } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { AdjustDialog, ReverseDialog, type Done } from './dialogs';
import { BASE, Failed, Header, PagedTable, formatPoints, frenchDate, holderName, useLoad } from './shared';

interface Entry {
  documentId: string;
  kind: string;
  amount: number;
  memo: string | null;
  counterpart: string | null;
  line: string;
  createdAt: string;
}

interface Account {
  key: string;
  holder: string | null;
  pointType: string;
  balance: number;
  reserved: number;
  available: number;
  entries: Entry[];
  pagination: { page: number; pageSize: number; total: number };
}

const HEADERS = [
  { name: 'createdAt', label: 'Date' },
  { name: 'line', label: 'Écriture' },
  { name: 'counterpart', label: 'Contrepartie' },
  { name: 'amount', label: 'Points' },
  { name: 'actions', label: 'Actions' },
];

const Figure = ({ label, value }: { label: string; value: number }) => (
  <Grid.Item col={4} s={12} direction="column" alignItems="start">
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} width="100%">
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography tag="p" variant="alpha">
        {formatPoints(value)}
      </Typography>
    </Box>
  </Grid.Item>
);

export const AccountHistory = () => {
  const { documentId = '' } = useParams();
  const [{ query }] = useQueryParams<{ page?: string; pageSize?: string }>();
  const { data, error, loading, reload } = useLoad<{ data: Account }>(`/seed/accounts/${documentId}`, { page: query.page ?? 1, pageSize: query.pageSize ?? 25 });
  const [dialog, setDialog] = React.useState<{ kind: 'adjust' } | { kind: 'reverse'; entry: Entry } | null>(null);
  const [done, setDone] = React.useState<Done | null>(null);
  const account = data?.data;
  const name = account ? holderName(account.holder) : '';
  const rows = (account?.entries ?? []).map((entry) => ({ ...entry, id: entry.documentId }));

  const finish = (result: Done) => {
    setDone(result);
    reload();
  };

  return (
    <Page.Main>
      <Page.Title>{`Compte ${name}`}</Page.Title>
      <Header
        title={name ? `Compte de ${name}` : 'Compte'}
        subtitle={account ? `Points ${account.pointType}` : undefined}
        back={
          <DSLink tag={Link} to={BASE} startIcon={<ArrowLeft />}>
            Soldes
          </DSLink>
        }
        actions={
          <Button onClick={() => setDialog({ kind: 'adjust' })} disabled={!account}>
            Ajuster le compte
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error ? <Failed error={error} /> : null}
          {done ? (
            <Alert variant="success" title="Fait" onClose={() => setDone(null)} closeLabel="Fermer">
              {done.said} {account?.entries.find((entry) => entry.documentId === done.entry)?.line ?? ''}
            </Alert>
          ) : null}
          {account ? (
            <Grid.Root gap={4}>
              <Figure label="Solde" value={account.balance} />
              <Figure label="Réservé" value={account.reserved} />
              <Figure label="Disponible" value={account.available} />
            </Grid.Root>
          ) : null}
          <PagedTable headers={HEADERS} rows={rows} loading={loading && !data} empty="Aucune écriture sur ce compte." pagination={account?.pagination}>
            {(entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell>
                  <Typography textColor="neutral600">{frenchDate(entry.createdAt)}</Typography>
                </Table.Cell>
                <Table.Cell>
                  <Typography>{entry.line}</Typography>
                </Table.Cell>
                <Table.Cell>
                  <Typography>{holderName(entry.counterpart)}</Typography>
                </Table.Cell>
                <Table.Cell>
                  <Typography fontWeight="bold" textColor={entry.amount < 0 ? 'danger600' : 'success600'}>
                    {formatPoints(entry.amount, true)}
                  </Typography>
                </Table.Cell>
                <Table.Cell>
                  {/* The ledger refuses to reverse a reversal: its line offers no button. */}
                  {entry.kind === 'reversal' ? null : (
                    <Button variant="danger-light" size="S" onClick={() => setDialog({ kind: 'reverse', entry })}>
                      Contre-passer
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            )}
          </PagedTable>
        </Flex>
      </Layouts.Content>
      {dialog?.kind === 'adjust' ? <AdjustDialog account={documentId} holder={name} onDone={finish} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reverse' ? <ReverseDialog entry={dialog.entry.documentId} line={dialog.entry.line} onDone={finish} onClose={() => setDialog(null)} /> : null}
    </Page.Main>
  );
};
