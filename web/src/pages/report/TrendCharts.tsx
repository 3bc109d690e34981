/**
 * The trends since 2014, each year counted as the yearly report counts it: cases before a court (stock on 31
 * December), 1F decisions per year, departures per year by mode. Charts by recharts; each chart has a caption and
 * its figures as a table beside it, for screen readers and for anyone who wants the numbers.
 */
import { Box, Grid, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { client, unwrap } from '../../api/client';
import type { Trends } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { Loaded } from '../../components/Status';
import { DataTable } from '../../components/Tables';
import { formatNumber } from '../../format';

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by more than hue alone. */
const COLOURS = ['#154273', '#a34a00', '#2e6b30'];

type Year = Trends['years'][number];
interface Series { key: keyof Year; label: string }

export function TrendCharts({ asRecordedAt }: { asRecordedAt?: string }) {
  const { t } = useTranslation();
  const trends = useLoad(() => unwrap(client.GET('/api/reports/trends', { params: { query: asRecordedAt ? { asRecordedAt } : {} } })), [asRecordedAt]);
  return (
    <Box component="section" aria-labelledby="trends-title">
      <Typography variant="h2" component="h2" id="trends-title">{t('report.trends')}</Typography>
      <Typography sx={{ mb: 2 }}>{t('report.trendsIntro')}</Typography>
      <Loaded state={trends}>{(data) => (
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
      )}</Loaded>
    </Box>
  );
}

function Chart({ id, kind, title, years, series }: { id: string; kind: 'line' | 'bar'; title: string; years: Year[]; series: Series[] }) {
  const { t, i18n } = useTranslation();
  const format = (value: unknown) => formatNumber(Number(value), i18n.language);
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="#c8ccd2" />,
    <XAxis key="x" dataKey="year" tick={{ fill: '#1a1a1a', fontSize: 12 }} />,
    <YAxis key="y" allowDecimals={false} tick={{ fill: '#1a1a1a', fontSize: 12 }} width={40} />,
    <Tooltip key="tooltip" formatter={format} />,
    <Legend key="legend" wrapperStyle={{ color: '#1a1a1a' }} />,
  ];
  return (
    <Paper variant="outlined" component="figure" sx={{ p: 2, m: 0 }} aria-labelledby={`${id}-caption`}>
      <Typography component="figcaption" id={`${id}-caption`} variant="h3" gutterBottom>{title}</Typography>
      <Box aria-hidden="true" sx={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          {kind === 'line' ? (
            <LineChart data={years} accessibilityLayer={false}>
              {axes}
              {series.map((item, index) => (
                <Line key={String(item.key)} type="monotone" dataKey={item.key} name={item.label} stroke={COLOURS[index]} strokeWidth={2}
                  strokeDasharray={index === 0 ? undefined : '6 3'} dot={{ r: 3 }} isAnimationActive={false} />
              ))}
            </LineChart>
          ) : (
            <BarChart data={years} accessibilityLayer={false}>
              {axes}
              {series.map((item, index) => <Bar key={String(item.key)} dataKey={item.key} name={item.label} stackId="all" fill={COLOURS[index]} isAnimationActive={false} />)}
            </BarChart>
          )}
        </ResponsiveContainer>
      </Box>
      <details>
        <summary>{t('common.showTable')}</summary>
        <DataTable caption={title} captionVisible={false} rows={years} rowKey={(row) => String(row.year)}
          columns={[
            { key: 'year', header: t('report.year_'), cell: (row) => row.year },
            ...series.map((item) => ({ key: String(item.key), header: item.label, numeric: true, cell: (row: Year) => format(row[item.key]) })),
          ]} />
      </details>
    </Paper>
  );
}
