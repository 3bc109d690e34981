/**
 * The trends since 2014, each year counted as the yearly report counts it: cases before a court (stock on 31
 * December), 1F decisions per year, departures per year by mode. Charts by recharts; each chart has a caption and
 * its figures as a table beside it, for screen readers and for anyone who wants the numbers. The year not yet over
 * is marked as such: its bars hatched, the line to it dashed, its label "2026 (t/m 28 november)" in chart and table.
 * The figures come from the pseudonymised analysis facts (docs/retention.md), which outlive an erasure; the page says
 * how far they go ("bijgewerkt tot"), since the server refreshes them after writes, not while a page reads them.
 */
import { Box, Grid, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { client, unwrap } from '../../api/client';
import type { Trends } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { Loaded } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { formatDate, formatDateTime, formatNumber } from '../../format';

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by more than hue alone. */
const COLOURS = ['#154273', '#a34a00', '#2e6b30'];

type Year = Trends['years'][number];
interface Series { key: keyof Year; label: string }
/** A year of the chart: its label ("2026 (t/m 28 nov.)" when not yet over) and, for the dashed line, the last two points. */
type ChartYear = Year & { label: string; partial: boolean } & Record<string, unknown>;

export function TrendCharts() {
  const { t, i18n } = useTranslation();
  const trends = useLoad(() => unwrap(client.GET('/api/reports/trends', {})), []);
  return (
    <Box component="section" aria-labelledby="trends-title">
      <Typography variant="h2" component="h2" id="trends-title">{t('report.trends')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('report.trendsIntro')}</Typography>
      <Loaded state={trends}>{(data) => (
        <>
        <Typography sx={{ mb: 2 }} data-testid="trends-updated">
          {data.updatedTo ? t('report.trendsUpdatedTo', { time: formatDateTime(data.updatedTo, i18n.language) }) : t('report.trendsNotYet')}
          {data.updatedTo && !data.upToDate ? ` ${t('report.trendsPending')}` : ''}
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Chart id="chart-court" kind="line" title={t('report.chartBeforeCourt')} years={data.years}
              series={[{ key: 'beforeCourt', label: t('report.seriesBeforeCourt') }, { key: 'investigation', label: t('report.seriesInvestigation') }]} />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Chart id="chart-decisions" kind="bar" title={t('report.chartDecisions')} years={data.years}
              series={[{ key: 'decisionsApplied', label: t('report.seriesApplied') }, { key: 'decisionsNotApplied', label: t('report.seriesNotApplied') }]} />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Chart id="chart-departures" kind="bar" title={t('report.chartDepartures')} years={data.years}
              series={[
                { key: 'departuresForced', label: t('value.forced') },
                { key: 'departuresVoluntarySupervised', label: t('value.voluntary-supervised') },
                { key: 'departuresVoluntaryUnsupervised', label: t('value.voluntary-unsupervised') },
              ]} />
          </Grid>
        </Grid>
        </>
      )}</Loaded>
    </Box>
  );
}

function Chart({ id, kind, title, years: input, series }: { id: string; kind: 'line' | 'bar'; title: string; years: Year[]; series: Series[] }) {
  const { t, i18n } = useTranslation();
  const { today } = useSession();
  const format = (value: unknown) => formatNumber(Number(value), i18n.language);
  const currentYear = Number(today.slice(0, 4));
  const until = formatDate(today, i18n.language);
  const partialIndex = input.findIndex((row) => row.year === currentYear && today < `${currentYear}-12-31`);
  const byYear = new Map(input.map((row) => [row.year, row]));
  const years: ChartYear[] = input.map((row, index) => {
    const partial = index === partialIndex;
    const chartRow: ChartYear = { ...row, partial, label: partial ? t('report.yearUntil', { year: row.year, date: until }) : String(row.year) };
    // The line to the unfinished year is drawn dashed: a second series holding only the last full year and this one.
    for (const item of series) {
      chartRow[`${String(item.key)}Partial`] = partialIndex > 0 && (index === partialIndex || index === partialIndex - 1) ? row[item.key] : null;
      if (partial && kind === 'line') chartRow[String(item.key)] = null;
    }
    return chartRow;
  });
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="#c8ccd2" />,
    <XAxis key="x" dataKey="year" tick={{ fill: '#1a1a1a', fontSize: 12 }} tickFormatter={(year: number) => (year === currentYear && partialIndex >= 0 ? `${year}*` : String(year))} />,
    <YAxis key="y" allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} width={40} />,
    <Tooltip key="tooltip" formatter={format} />,
    <Legend key="legend" wrapperStyle={{ color: '#1a1a1a' }} />,
  ];
  return (
    <Paper variant="outlined" component="figure" sx={{ p: 2, m: 0 }} aria-labelledby={`${id}-caption`}>
      <Typography component="figcaption" id={`${id}-caption`} variant="h3" gutterBottom>{title}</Typography>
      <Box aria-hidden="true" sx={{ height: 260 }}>
        <svg width="0" height="0" style={{ position: 'absolute' }}>
          <defs>
            {COLOURS.map((colour, index) => (
              <pattern key={colour} id={`${id}-hatch-${index}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke={colour} strokeWidth="3" />
              </pattern>
            ))}
          </defs>
        </svg>
        <ResponsiveContainer width="100%" height="100%">
          {kind === 'line' ? (
            <LineChart data={years} accessibilityLayer={false}>
              {axes}
              {series.map((item, index) => (
                <Line key={String(item.key)} type="monotone" dataKey={item.key} name={item.label} stroke={COLOURS[index]} strokeWidth={2}
                  strokeDasharray={index === 0 ? undefined : '6 3'} dot={{ r: 3 }} isAnimationActive={false} />
              ))}
              {partialIndex > 0 && series.map((item, index) => (
                <Line key={`${String(item.key)}Partial`} type="monotone" dataKey={`${String(item.key)}Partial`} name={`${item.label} (${t('report.incomplete')})`} legendType="none"
                  stroke={COLOURS[index]} strokeWidth={2} strokeDasharray="2 4" dot={{ r: 3, fill: '#ffffff' }} isAnimationActive={false} />
              ))}
            </LineChart>
          ) : (
            <BarChart data={years} accessibilityLayer={false}>
              {axes}
              {series.map((item, index) => (
                <Bar key={String(item.key)} dataKey={item.key} name={item.label} stackId="all" fill={COLOURS[index]} isAnimationActive={false}>
                  {years.map((row) => <Cell key={row.year} fill={row.partial ? `url(#${id}-hatch-${index})` : COLOURS[index]} stroke={row.partial ? COLOURS[index] : undefined} />)}
                </Bar>
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </Box>
      {partialIndex >= 0 && <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="partial-year-note">{t('report.partialYear', { year: currentYear, date: until })}</Typography>}
      <details>
        <summary>{t('common.showTable')}</summary>
        <DataTable caption={title} captionVisible={false} rows={years} rowKey={(row) => String(row.year)}
          columns={[
            { key: 'year', header: t('report.year_'), cell: (row) => row.label, value: (row) => row.year },
            ...series.map((item) => ({ key: String(item.key), header: item.label, numeric: true, cell: (row: ChartYear) => format(byYear.get(row.year)?.[item.key]), value: (row: ChartYear) => Number(byYear.get(row.year)?.[item.key] ?? 0) })),
          ]} />
      </details>
    </Paper>
  );
}
