/** Points issued, exchanged and clawed back per month: bars drawn by hand (no chart library), the numbers in a table. */
import * as React from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Failed, Header, formatPoints, useLoad } from './shared';

interface Month {
  month: string;
  issued: number;
  exchanged: number;
  clawedBack: number;
}

// The design system's primary600, success600 and danger600.
const SERIES = [
  { key: 'issued', label: 'Émis', color: '#4945ff' },
  { key: 'exchanged', label: 'Échangés', color: '#328048' },
  { key: 'clawedBack', label: 'Repris', color: '#d02b20' },
] as const;

const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'short', year: '2-digit', timeZone: 'UTC' });
const labelOf = (month: string) => monthName.format(new Date(`${month}-01T00:00:00Z`));

const HEIGHT = 200;
const BAR = 10;
const GROUP = BAR * SERIES.length + 12;
// A year's width at least, so that a few months do not stretch into a few huge bars.
const MIN_SLOTS = 12;

/** Decorative: the table below says the same to screen readers. */
const Chart = ({ months }: { months: Month[] }) => {
  const top = Math.max(1, ...months.flatMap((month) => SERIES.map((series) => Number(month[series.key]))));
  const width = Math.max(months.length, MIN_SLOTS) * GROUP;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
      <svg viewBox={`0 0 ${width} ${HEIGHT + 20}`} width="100%" height={HEIGHT + 40} preserveAspectRatio="xMinYMax meet" aria-hidden="true">
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="#dcdce4" />
        {/* The scale's top: the tallest bar reaches this line. */}
        <line x1={0} x2={width} y1={10} y2={10} stroke="#eaeaef" strokeDasharray="4 4" />
        <text x={width} y={8} fontSize={8} textAnchor="end" fill="#666687">
          {formatPoints(top)}
        </text>
        {months.map((month, i) => (
          <g key={month.month} transform={`translate(${i * GROUP + 6}, 0)`}>
            {SERIES.map((series, j) => {
              const height = (Number(month[series.key]) / top) * (HEIGHT - 10);
              return <rect key={series.key} x={j * BAR} y={HEIGHT - height} width={BAR - 2} height={height} fill={series.color} rx={1} />;
            })}
            <text x={(BAR * SERIES.length) / 2} y={HEIGHT + 14} fontSize={9} textAnchor="middle" fill="#666687">
              {labelOf(month.month)}
            </text>
          </g>
        ))}
      </svg>
      <Flex gap={4}>
        {SERIES.map((series) => (
          <Flex key={series.key} gap={2}>
            <Box width="1.2rem" height="1.2rem" hasRadius style={{ background: series.color }} />
            <Typography variant="pi">{series.label}</Typography>
          </Flex>
        ))}
      </Flex>
    </Box>
  );
};

export const Monthly = () => {
  const [typed, setTyped] = React.useState('TS');
  const [pointType, setPointType] = React.useState('TS');
  const { data, error, loading } = useLoad<{ data: Month[] }>('/seed/reports/monthly', { pointType });
  const months = data?.data ?? [];

  return (
    <Page.Main>
      <Page.Title>Flux mensuels</Page.Title>
      <Header title="Flux mensuels" subtitle="Les points émis, échangés entre membres et repris, mois par mois." />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex
            tag="form"
            gap={2}
            alignItems="end"
            onSubmit={(e: React.FormEvent) => {
              e.preventDefault();
              setPointType(typed.trim() || 'TS');
            }}
          >
            <Field.Root name="pointType">
              <Field.Label>Type de points (code)</Field.Label>
              <TextInput name="pointType" value={typed} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTyped(e.target.value)} />
            </Field.Root>
            <Button type="submit" variant="secondary" size="L">
              Afficher
            </Button>
          </Flex>
          {error ? <Failed error={error} /> : null}
          {!loading && !error && months.length === 0 ? <Typography>Aucun mouvement sur la période.</Typography> : null}
          {months.length > 0 ? (
            <>
              <Chart months={months} />
              <Table colCount={4} rowCount={months.length + 1}>
                <VisuallyHidden tag="caption">Points {pointType} par mois</VisuallyHidden>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">Mois</Typography>
                    </Th>
                    {SERIES.map((series) => (
                      <Th key={series.key}>
                        <Typography variant="sigma">{series.label}</Typography>
                      </Th>
                    ))}
                  </Tr>
                </Thead>
                <Tbody>
                  {months.map((month) => (
                    <Tr key={month.month}>
                      <Td>
                        <Typography>{labelOf(month.month)}</Typography>
                      </Td>
                      {SERIES.map((series) => (
                        <Td key={series.key}>
                          <Typography>{formatPoints(month[series.key])}</Typography>
                        </Td>
                      ))}
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
