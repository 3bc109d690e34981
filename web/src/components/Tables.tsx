/**
 * Small building blocks for the pages' tables and links, on MUI's Table: every table has a caption (its
 * accessible name), column headers with scope, and numbers aligned right.
 */
import { Box, Link as MuiLink, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography, useMediaQuery, useTheme } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, labelOf } from '../format';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
}

export function DataTable<T>({ caption, columns, rows, rowKey, empty, captionVisible = true }: {
  caption: string; columns: Column<T>[]; rows: readonly T[]; rowKey: (row: T, index: number) => string; empty?: string; captionVisible?: boolean;
}) {
  // On a phone a wide table would hide its last columns off-screen: each row becomes a card of label–value pairs.
  // useTheme falls back to the default theme, so a table also renders outside the app's ThemeProvider (unit tests).
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  if (rows.length === 0 && empty) return <Typography sx={{ my: 1 }}>{empty}</Typography>;
  if (phone) {
    return (
      <Box component="section" aria-label={caption} sx={{ my: 1 }} data-layout="cards">
        {captionVisible && <Typography sx={{ fontWeight: 600, mb: 1 }}>{caption}</Typography>}
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {rows.map((row, index) => (
            <Paper component="li" key={rowKey(row, index)} variant="outlined" sx={{ p: 1.5, mb: 1, position: 'relative' }}>
              <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(88px, 35%) 1fr', columnGap: 1, rowGap: 0.5 }}>
                {columns.map((column) => (typeof column.header === 'string'
                  ? (
                    <Box key={column.key} sx={{ display: 'contents' }}>
                      <Box component="dt" sx={{ color: 'text.secondary', fontSize: '0.875rem' }}>{column.header}</Box>
                      <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{column.cell(row)}</Box>
                    </Box>
                  )
                  : (
                    <Box key={column.key} sx={{ display: 'contents' }}>
                      <Box component="dt" sx={{ ...visuallyHidden, left: 0, top: 0 }}>{column.header}</Box>
                      <Box component="dd" sx={{ m: 0, gridColumn: '1 / -1' }}>{column.cell(row)}</Box>
                    </Box>
                  )))}
              </Box>
            </Paper>
          ))}
        </Box>
      </Box>
    );
  }
  return (
    // A table wider than the page scrolls sideways; the region takes keyboard focus so it can be scrolled without a mouse.
    <TableContainer component={Paper} variant="outlined" sx={{ my: 1 }} tabIndex={0} role="region" aria-label={caption}>
      <Table size="small">
        <caption style={captionVisible ? { captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '8px 16px', color: '#1a1a1a' } : visuallyHidden}>{caption}</caption>
        <TableHead>
          <TableRow>{columns.map((column) => <TableCell key={column.key} scope="col" align={column.numeric ? 'right' : 'left'}>{column.header}</TableCell>)}</TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, index) => (
            <TableRow key={rowKey(row, index)}>
              {columns.map((column) => <TableCell key={column.key} align={column.numeric ? 'right' : 'left'}>{column.cell(row)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

export const visuallyHidden = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
} as const;

/** A link to a case page from its stream name (`criminal/SZ-2023-004`). */
export function CaseLink({ stream }: { stream: string }) {
  const { t } = useTranslation();
  const [kind, id] = stream.split('/') as [string, string];
  return <MuiLink component={Link} to={`/cases/${kind}/${encodeURIComponent(id)}`} aria-label={`${labelOf(t, 'kind', kind)} ${id}`}>{id}</MuiLink>;
}

export function PersonLink({ id, names }: { id: string; names?: readonly string[] }) {
  return <MuiLink component={Link} to={`/persons/${encodeURIComponent(id)}`}>{names?.[0] ?? id}</MuiLink>;
}

export function Count({ value }: { value: number }) {
  const { i18n } = useTranslation();
  return <>{formatNumber(value, i18n.language)}</>;
}
