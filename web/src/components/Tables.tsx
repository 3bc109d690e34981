/**
 * Small building blocks for the pages' tables and links, on MUI's Table: every table has a caption (its
 * accessible name), column headers with scope, and numbers aligned right.
 *
 * A list (DataTable) can be sorted by any column with a text header (the header is a button, `aria-sort` says the
 * order; on a phone a "sort by" picker stands in for the headers), narrowed by a search box, exported as CSV (the
 * rows shown, in the order and text shown, `;`-separated with a byte order mark for Dutch Excel — see README, "Web
 * app") and printed (the print style sheet in PrintStyles hides navigation and tools and lets the table run over pages).
 * A page that pages or sorts on the server passes `sort`/`onSort`, `search` and `paging`; otherwise sorting and
 * searching work on the rows given. The tools bar shows on lists longer than ten rows or when asked (`tools`).
 */
import {
  Box, Button, Link as MuiLink, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TableSortLabel,
  TextField, Typography, useMediaQuery, useTheme,
} from '@mui/material';
import { Children, isValidElement, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, labelOf } from '../format';
import { downloadText, toCsv } from '../lib/csv';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  numeric?: boolean;
  /**
   * The cell as plain text or a number, for sorting and searching (a date as YYYY-MM-DD, so it sorts by time).
   * Without it the cell's own text is used when it renders text; a column that renders only components needs it.
   */
  value?: (row: T) => string | number | null | undefined;
  /** Default: sortable when the header is text. */
  sortable?: boolean;
}

export type SortDirection = 'asc' | 'desc';
export interface SortState { key: string; direction: SortDirection }

export interface Paging {
  /** 1 for the first page. */
  page: number;
  onPrevious?: () => void;
  onNext?: () => void;
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  empty?: string;
  captionVisible?: boolean;
  /** Show the search box, CSV export and print button (default: when there are more than ten rows, or paging or search is given). */
  tools?: boolean;
  /** The CSV file's name without extension (default: the caption). */
  fileName?: string;
  /** Sorting done by the server: the current sort, the handler, and which columns it can sort by. */
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  serverSortable?: readonly string[];
  /** Searching done by the server: the current text and the handler (called on submit). */
  search?: { value: string; onSearch: (text: string) => void; label?: string };
  /** Cursor paging done by the server: "previous" and "next" pages. */
  paging?: Paging;
}

/** The text a cell renders, when it renders text (strings, numbers and elements whose children are text). */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  // The links of this module render their text from props: a case link its case number, a person link the first name.
  if (isValidElement<{ stream: string }>(node) && node.type === CaseLink) return node.props.stream.split('/')[1] ?? node.props.stream;
  if (isValidElement<{ id: string; names?: readonly string[] }>(node) && node.type === PersonLink) return node.props.names?.[0] ?? node.props.id;
  if (isValidElement<{ children?: ReactNode }>(node)) return Children.toArray(node.props.children).map(textOf).join('');
  return '';
}

function valueOf<T>(column: Column<T>, row: T): string | number {
  const value = column.value ? column.value(row) : textOf(column.cell(row));
  return value ?? '';
}

function compare(a: string | number, b: string | number, language: string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === '' && b !== '') return 1;
  if (b === '' && a !== '') return -1;
  return String(a).localeCompare(String(b), language === 'en' ? 'en' : 'nl', { numeric: true, sensitivity: 'base' });
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, columns, rows, rowKey, empty, captionVisible = true, sort, onSort, serverSortable, search, paging } = props;
  const { t, i18n } = useTranslation();
  // On a phone a wide table would hide its last columns off-screen: each row becomes a card of label–value pairs.
  // useTheme falls back to the default theme, so a table also renders outside the app's ThemeProvider (unit tests).
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'), { noSsr: true });
  const [localSort, setLocalSort] = useState<SortState>();
  const [filter, setFilter] = useState('');
  const [searchText, setSearchText] = useState(search?.value ?? '');
  const body = useRef<HTMLElement>(null);
  const showTools = props.tools ?? (rows.length > 10 || Boolean(paging) || Boolean(search));

  const sortableKeys = new Set(columns.filter((column) => (onSort ? serverSortable?.includes(column.key) : column.sortable ?? typeof column.header === 'string')).map((column) => column.key));
  const activeSort = onSort ? sort : localSort;
  const shown = useMemo(() => {
    let result = [...rows];
    const needle = filter.trim().toLocaleLowerCase();
    if (!search && needle) {
      result = result.filter((row) => columns.some((column) => String(valueOf(column, row)).toLocaleLowerCase().includes(needle) || textOf(column.cell(row)).toLocaleLowerCase().includes(needle)));
    }
    if (!onSort && localSort) {
      const column = columns.find((candidate) => candidate.key === localSort.key);
      if (column) {
        const sign = localSort.direction === 'asc' ? 1 : -1;
        result = result.map((row, index) => ({ row, index, value: valueOf(column, row) }))
          .sort((a, b) => sign * compare(a.value, b.value, i18n.language) || a.index - b.index)
          .map((entry) => entry.row);
      }
    }
    return result;
  }, [rows, columns, filter, search, onSort, localSort, i18n.language]);

  const sortBy = (key: string, direction?: SortDirection) => {
    const next: SortState = { key, direction: direction ?? (activeSort?.key === key && activeSort.direction === 'asc' ? 'desc' : 'asc') };
    if (onSort) onSort(next); else setLocalSort(next);
  };

  const exportCsv = () => {
    // What is shown, as shown: the header texts and each visible row's cells (table cells or a card's values).
    const container = body.current;
    if (!container) return;
    const header = columns.map((column) => (typeof column.header === 'string' ? column.header : column.key));
    const lines = phone
      ? [...container.querySelectorAll(':scope ul > li')].map((card) => [...card.querySelectorAll(':scope dd')].map(cellText))
      : [...container.querySelectorAll('tbody > tr')].map((row) => [...row.querySelectorAll(':scope > td')].map(cellText));
    downloadText(toCsv(header, lines), `${safeFileName(props.fileName ?? caption)}.csv`);
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    search?.onSearch(searchText.trim());
  };

  const tools = showTools && (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap className="no-print" data-testid="table-tools"
      sx={{ alignItems: { sm: 'center' }, flexWrap: 'wrap', mb: 1 }}>
      {search
        ? (
          <Box component="form" role="search" aria-label={caption} onSubmit={submitSearch} sx={{ display: 'flex', gap: 1 }}>
            <TextField size="small" type="search" label={search.label ?? t('table.search')} value={searchText} onChange={(event) => setSearchText(event.target.value)} />
            <Button type="submit" variant="outlined">{t('table.searchSubmit')}</Button>
          </Box>
        )
        : (
          <TextField size="small" type="search" label={t('table.filter')} value={filter} onChange={(event) => setFilter(event.target.value)}
            slotProps={{ htmlInput: { 'aria-describedby': undefined } }} />
        )}
      {phone && sortableKeys.size > 0 && (
        <TextField select size="small" label={t('table.sortBy')} value={activeSort ? `${activeSort.key}:${activeSort.direction}` : ''} sx={{ minWidth: 200 }}
          onChange={(event) => { const [key, direction] = event.target.value.split(':') as [string, SortDirection]; sortBy(key, direction); }}>
          {columns.filter((column) => sortableKeys.has(column.key)).flatMap((column) => (['asc', 'desc'] as const).map((direction) => (
            <MenuItem key={`${column.key}:${direction}`} value={`${column.key}:${direction}`}>{`${textOf(column.header)} (${t(`table.${direction}`)})`}</MenuItem>
          )))}
        </TextField>
      )}
      <Typography role="status" variant="body2" sx={{ color: 'text.secondary' }}>
        {paging ? t('table.pageCount', { page: paging.page, count: shown.length }) : shown.length === rows.length ? t('table.count', { count: rows.length }) : t('table.countOf', { count: shown.length, total: rows.length })}
      </Typography>
      <Box sx={{ flex: 1 }} />
      <Button variant="outlined" size="small" disabled={shown.length === 0} onClick={exportCsv}>{t('table.exportCsv')}</Button>
      <Button variant="outlined" size="small" onClick={() => window.print()}>{t('table.print')}</Button>
    </Stack>
  );

  const pager = paging && (paging.onPrevious || paging.onNext || paging.page > 1) && (
    <Stack direction="row" spacing={2} component="nav" aria-label={t('table.paging', { caption })} className="no-print" sx={{ mt: 1 }}>
      <Button disabled={!paging.onPrevious} onClick={paging.onPrevious}>{t('table.previous')}</Button>
      <Button disabled={!paging.onNext} onClick={paging.onNext}>{t('table.next')}</Button>
    </Stack>
  );

  if (rows.length === 0 && empty && !search && !paging) return <Typography sx={{ my: 1 }}>{empty}</Typography>;
  if (phone) {
    return (
      <Box component="section" aria-label={caption} sx={{ my: 1 }} data-layout="cards" ref={body}>
        {captionVisible && <Typography sx={{ fontWeight: 600, mb: 1 }}>{caption}</Typography>}
        {tools}
        {shown.length === 0 && empty ? <Typography sx={{ my: 1 }}>{empty}</Typography> : (
          <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {shown.map((row, index) => (
              <Paper component="li" key={rowKey(row, index)} variant="outlined" sx={{ p: 1.5, mb: 1, position: 'relative' }}>
                {/* Long Dutch compounds hyphenate where the browser has a dictionary for the page's language. */}
                <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(88px, 35%) 1fr', columnGap: 1, rowGap: 0.5, hyphens: 'auto' }}>
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
        )}
        {pager}
      </Box>
    );
  }
  return (
    <Box sx={{ my: 1 }} ref={body}>
      {tools}
      {/* A table wider than the page scrolls sideways; the region takes keyboard focus so it can be scrolled without a mouse. */}
      <TableContainer component={Paper} variant="outlined" tabIndex={0} role="region" aria-label={caption} className="print-full">
        <Table size="small">
          <caption style={captionVisible ? { captionSide: 'top', textAlign: 'left', fontWeight: 600, padding: '8px 16px', color: '#1a1a1a' } : visuallyHidden}>{caption}</caption>
          <TableHead>
            <TableRow>{columns.map((column) => {
              const active = activeSort?.key === column.key;
              return (
                <TableCell key={column.key} scope="col" align={column.numeric ? 'right' : 'left'}
                  aria-sort={sortableKeys.has(column.key) ? (active ? (activeSort.direction === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}>
                  {sortableKeys.has(column.key)
                    ? <TableSortLabel active={active} direction={active ? activeSort.direction : 'asc'} onClick={() => sortBy(column.key)}>{column.header}</TableSortLabel>
                    : column.header}
                </TableCell>
              );
            })}</TableRow>
          </TableHead>
          <TableBody>
            {shown.length === 0 && empty && (
              <TableRow><TableCell colSpan={columns.length}>{empty}</TableCell></TableRow>
            )}
            {shown.map((row, index) => (
              <TableRow key={rowKey(row, index)}>
                {columns.map((column) => <TableCell key={column.key} align={column.numeric ? 'right' : 'left'}>{column.cell(row)}</TableCell>)}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {pager}
    </Box>
  );
}

function cellText(element: Element): string {
  return (element as HTMLElement).innerText?.replace(/\s*\n\s*/g, ' ').trim() ?? element.textContent?.trim() ?? '';
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').toLowerCase().slice(0, 80) || 'lijst';
}

/**
 * The print layout: no header, navigation, footer or table tools; tables at full length (no sideways scrolling,
 * header row repeated on each page). Rendered once by the Layout.
 */
export const PRINT_STYLES = {
  '@media print': {
    'header, nav, footer, .skip-link, .no-print': { display: 'none !important' },
    body: { background: '#ffffff' },
    'main': { padding: '0 !important', maxWidth: 'none !important' },
    '.print-full': { overflow: 'visible !important', border: 'none !important' },
    'thead': { display: 'table-header-group' },
    'tr': { breakInside: 'avoid' },
    'a': { color: '#000000', textDecoration: 'none' },
  },
} as const;

export const visuallyHidden = {
  position: 'absolute', width: 1, height: 1, padding: 0, margin: -1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
} as const;

/** A link to a case page from its stream name (`criminal/SZ-2023-004`). */
export function CaseLink({ stream }: { stream: string }) {
  const { t } = useTranslation();
  const [kind, id] = stream.split('/') as [string, string];
  return <MuiLink component={Link} to={`/cases/${kind}/${encodeURIComponent(id)}`} aria-label={`${labelOf(t, 'kind', kind)} ${id}`} sx={{ whiteSpace: 'nowrap' }}>{id}</MuiLink>;
}

export function PersonLink({ id, names }: { id: string; names?: readonly string[] }) {
  return <MuiLink component={Link} to={`/persons/${encodeURIComponent(id)}`}>{names?.[0] ?? id}</MuiLink>;
}

export function Count({ value }: { value: number }) {
  const { i18n } = useTranslation();
  return <>{formatNumber(value, i18n.language)}</>;
}
