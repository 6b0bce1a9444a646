/** Cells of the Content Manager's lists the SEED shows its own way. */
import * as React from 'react';
import { Typography } from '@strapi/design-system';

type Header = { name: string; cellFormatter?: (row: Record<string, unknown>) => React.ReactNode };

/** Years read as years ("2026"), not as quantities ("2,026" or "2 026"). */
const YEAR_FIELDS = ['year'];

export const plainYears = <Args extends { displayedHeaders: Header[] }>({ displayedHeaders, ...rest }: Args) => ({
  ...rest,
  displayedHeaders: displayedHeaders.map((header) =>
    YEAR_FIELDS.includes(header.name) ? { ...header, cellFormatter: (row: Record<string, unknown>) => <Typography textColor="neutral800">{String(row[header.name] ?? '')}</Typography> } : header,
  ),
});
