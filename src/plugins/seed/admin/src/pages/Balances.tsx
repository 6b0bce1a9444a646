/** Every account's balance with its holder, searched and sorted through the URL like the Content Manager's lists. */
import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { Layouts, Page, SearchInput, Table, useQueryParams } from '@strapi/strapi/admin';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { BASE, Failed, Header, PagedTable, formatPoints, holderName, useLoad } from './shared';

interface Balance {
  documentId: string;
  holder: string | null;
  memberDocumentId: string | null;
  pointType: string;
  balance: number;
  reserved: number;
}

interface Query {
  _q?: string;
  sort?: string;
  page?: string;
  pageSize?: string;
}

const HEADERS = [
  { name: 'holder', label: 'Titulaire', sortable: true },
  { name: 'pointType', label: 'Type de points', sortable: false },
  { name: 'balance', label: 'Solde', sortable: true },
  { name: 'reserved', label: 'Réservé', sortable: false },
];

export const Balances = () => {
  const navigate = useNavigate();
  const [{ query }] = useQueryParams<Query>();
  // The admin table writes `sort=holder:ASC`; the route takes the field and the order apart.
  const [sort, order] = (query.sort ?? 'holder:ASC').split(':');
  const { data, error, loading } = useLoad<{ data: Balance[]; meta: { pagination: { page: number; pageSize: number; total: number } } }>('/seed/reports/balances', {
    search: query._q || undefined,
    sort: sort === 'balance' ? 'balance' : 'holder',
    order: order === 'DESC' ? 'desc' : 'asc',
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 25,
  });
  const rows = (data?.data ?? []).map((account) => ({ ...account, id: account.documentId }));
  const pagination = data?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>Soldes des comptes</Page.Title>
      <Header title="Soldes des comptes" subtitle="Le solde de chaque compte ; ouvrez-en un pour voir son historique." />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex>
            <SearchInput label="Rechercher un titulaire" placeholder="Nom du titulaire" />
          </Flex>
          {error ? <Failed error={error} /> : null}
          <PagedTable headers={HEADERS} rows={rows} loading={loading && !data} empty="Aucun compte ne correspond." pagination={pagination}>
            {(account) => (
              <Table.Row key={account.id} cursor="pointer" onClick={() => navigate(`${BASE}/accounts/${account.documentId}`)}>
                <Table.Cell>
                  {/* The row opens on click; the link lets the keyboard open it too. */}
                  <Link tag={RouterLink} to={`${BASE}/accounts/${account.documentId}`} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
                    {holderName(account.holder)}
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  <Typography>{account.pointType}</Typography>
                </Table.Cell>
                <Table.Cell>
                  <Typography>{formatPoints(account.balance)}</Typography>
                </Table.Cell>
                <Table.Cell>
                  <Typography textColor="neutral600">{formatPoints(account.reserved)}</Typography>
                </Table.Cell>
              </Table.Row>
            )}
          </PagedTable>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
