/** The three CSV exports, fetched with the admin's token (a plain link would not carry it) and saved under the server's filename. */
import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Failed, Header } from './shared';

const DATASETS = [
  { dataset: 'ledger', label: 'Registre', about: 'Toutes les écritures du registre des points.' },
  { dataset: 'exchanges', label: 'Échanges', about: 'Les échanges entre membres et leur état.' },
  { dataset: 'memberships', label: 'Adhésions', about: 'Les adhésions de chaque année.' },
];

const filenameOf = (disposition: string | null, dataset: string) => /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? `${dataset}.csv`;

const save = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};

export const Exports = () => {
  const { get } = useFetchClient();
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<unknown>(null);

  const download = async (dataset: string) => {
    setBusy(dataset);
    setError(null);
    try {
      const response = await get(`/seed/reports/${dataset}/csv`, { responseType: 'blob' });
      save(response.data, filenameOf(response.headers?.get('Content-Disposition') ?? null, dataset));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>Exports CSV</Page.Title>
      <Header title="Exports CSV" subtitle="Des fichiers à ouvrir dans un tableur." />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {error ? <Failed error={error} /> : null}
          {DATASETS.map(({ dataset, label, about }) => (
            <Box key={dataset} background="neutral0" hasRadius shadow="tableShadow" padding={4}>
              <Flex justifyContent="space-between" gap={4}>
                <Flex direction="column" alignItems="start" gap={1}>
                  <Typography variant="delta" tag="h2">
                    {label}
                  </Typography>
                  <Typography textColor="neutral600">{about}</Typography>
                </Flex>
                <Button startIcon={<Download />} loading={busy === dataset} disabled={busy !== null} onClick={() => download(dataset)}>
                  Télécharger
                </Button>
              </Flex>
            </Box>
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
