import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { CaseLink, DataTable, textOf, type Column } from './Tables';

interface Row { id: string; name: string; date: string }
const rows: Row[] = [
  { id: 'criminal/SZ-2', name: 'Omar', date: '2024-03-01' },
  { id: 'criminal/SZ-10', name: 'Layla', date: '2023-12-31' },
  { id: 'criminal/SZ-1', name: 'Karim', date: '2025-01-15' },
];
const columns: Column<Row>[] = [
  { key: 'case', header: 'Zaak', cell: (row) => <CaseLink stream={row.id} /> },
  { key: 'name', header: 'Naam', cell: (row) => row.name },
  { key: 'date', header: 'Datum', cell: (row) => `dag ${row.date.slice(8)}`, value: (row) => row.date },
];
const bodyTexts = (column: number) => screen.getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[column]!.textContent);

describe('a list', () => {
  it('sorts by a column both ways, says so in aria-sort, and by a value where given', async () => {
    await i18n.changeLanguage('nl');
    render(<MemoryRouter><DataTable caption="Zaken" columns={columns} rows={rows} rowKey={(row) => row.id} tools /></MemoryRouter>);
    const header = screen.getByRole('columnheader', { name: 'Zaak' });
    expect(header.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    // Case numbers sort as numbers: SZ-1, SZ-2, SZ-10.
    expect(bodyTexts(0)).toEqual(['SZ-1', 'SZ-2', 'SZ-10']);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(bodyTexts(0)).toEqual(['SZ-10', 'SZ-2', 'SZ-1']);
    fireEvent.click(within(screen.getByRole('columnheader', { name: 'Datum' })).getByRole('button'));
    expect(bodyTexts(1)).toEqual(['Layla', 'Omar', 'Karim']);
  });

  it('narrows to the rows holding the search text, and counts them', async () => {
    await i18n.changeLanguage('nl');
    render(<MemoryRouter><DataTable caption="Zaken" columns={columns} rows={rows} rowKey={(row) => row.id} tools /></MemoryRouter>);
    fireEvent.change(screen.getByLabelText('Zoeken in deze lijst'), { target: { value: 'sz-1' } });
    expect(bodyTexts(0)).toEqual(['SZ-10', 'SZ-1']);
    expect(screen.getByRole('status').textContent).toBe('2 van 3 rijen');
  });

  it('offers previous and next pages from the paging it is given', async () => {
    await i18n.changeLanguage('en');
    let asked = '';
    render(<MemoryRouter><DataTable caption="Cases" columns={columns} rows={rows} rowKey={(row) => row.id} paging={{ page: 1, onNext: () => { asked = 'next'; } }} /></MemoryRouter>);
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(asked).toBe('next');
    await i18n.changeLanguage('nl');
  });

  it('reads the text of cells, case links included', () => {
    expect(textOf(<span>a<b>b</b>{3}</span>)).toBe('ab3');
    expect(textOf(<CaseLink stream="criminal/SZ-7" />)).toBe('SZ-7');
  });
});
