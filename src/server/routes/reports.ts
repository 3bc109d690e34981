/**
 * The yearly report: aggregate figures in every format, the view the web page and the PDF show, the trends since
 * 2014, explain (the cases behind a figure: person-level, so never the ministry, R4), publish and diff. Figures are
 * remembered in the server's figure cache until the log grows.
 */
import { Type } from 'typebox';
import { ImketenError } from '../../domain/errors.js';
import { explainFigure } from '../../operations/explain-figure.js';
import { readAnalysisTrends } from '../../operations/export-analysis.js';
import { computeReport } from '../../reports/compute-report.js';
import { findTable } from '../../reports/definitions.js';
import { parseRowReference } from '../../reports/explain.js';
import { diffWithPublication, findPublication, publishReport } from '../../reports/publish.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../../reports/render/index.js';
import { toReportView } from '../../reports/render/report-view.js';
import { personsOfStreams } from '../../store/registry-reads.js';
import { guard, today, type App, type ServerContext } from '../context.js';
import { Date_, FileResponse, ReportSchema, Time, YearParam } from '../schemas.js';
import { renderReportPdf } from '../web/render-pdf.js';

const YearParams = Type.Object({ year: YearParam });
const Lang = Type.Union([Type.Literal('nl'), Type.Literal('en')], { default: 'nl' });
const ReportQuery = {
  referenceDate: Type.Optional(Date_),
  asRecordedAt: Type.Optional(Time),
  lang: Type.Optional(Lang),
};

const CONTENT_TYPES: Record<ReportFormat, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
/** The file name a download gets ("rapportage-2025.csv", not "csv.csv" from the URL's last segment). */
const EXTENSIONS: Record<ReportFormat, string> = { text: 'txt', markdown: 'md', csv: 'csv', json: 'json', docx: 'docx' };

export function registerReportRoutes(app: App, context: ServerContext): void {
  app.get('/api/reports/:year', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], operationId: 'computeReport', summary: 'The yearly report for Y (columns Y−1 and Y) as JSON',
      params: YearParams, querystring: Type.Object(ReportQuery, { additionalProperties: false }),
      response: { 200: ReportSchema },
    },
  }, async (request) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    return computeReport(context.db, { year: request.params.year, ...request.query }, context);
  });

  app.get('/api/reports/:year/formats/:format', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], operationId: 'renderReport', summary: 'The yearly report rendered as text, Markdown, CSV, JSON or Word (docx)',
      params: Type.Object({ year: YearParams.properties.year, format: Type.Union(REPORT_FORMATS.map((format) => Type.Literal(format))) }),
      querystring: Type.Object(ReportQuery, { additionalProperties: false }),
      response: { 200: FileResponse('The rendered report.', Object.values(CONTENT_TYPES).map((type) => type.split(';')[0]!)) },
    },
  }, async (request, reply) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    const lang = request.query.lang ?? 'nl';
    const report = await computeReport(context.db, { year: request.params.year, referenceDate: request.query.referenceDate, asRecordedAt: request.query.asRecordedAt, lang }, context);
    const format = request.params.format as ReportFormat;
    const body = await renderReport(report, format, lang);
    reply.type(CONTENT_TYPES[format]);
    reply.header('content-disposition', `attachment; filename="rapportage-${request.params.year}.${EXTENSIONS[format]}"`);
    // docx is binary: a Buffer goes out as it is (fastify skips serialisation for Buffers).
    return reply.send(body as string);
  });

  app.get('/api/reports/:year/explain/:row', {
    config: { action: 'report.explain' },
    schema: {
      tags: ['reports'], operationId: 'explainFigure', summary: 'The cases behind one figure, per column (person-level data: never for the ministry)',
      params: Type.Object({ year: YearParams.properties.year, row: Type.String({ maxLength: 100, description: 'table.row, e.g. departures.forced' }) }),
      querystring: Type.Object({ referenceDate: Type.Optional(Date_), asRecordedAt: Type.Optional(Time), lang: Type.Optional(Lang) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          table: Type.String(), row: Type.String(), label: Type.String(), measure: Type.String(), asRecordedAt: Type.String(),
          columns: Type.Array(Type.Object({
            year: Type.Integer(), referenceDate: Type.String(), value: Type.Integer(),
            erased: Type.Optional(Type.Integer({ description: 'of a published figure: how many of its cases were erased since (docs/retention.md); value stays as published' })),
            items: Type.Array(Type.Object({ case: Type.String(), row: Type.String(), eventId: Type.String(), date: Type.String(), phase: Type.Optional(Type.String()) })),
          })),
        }),
      },
    },
  }, async (request) => {
    const { tableId } = parseRowReference(request.params.row);
    const table = findTable(tableId)!;
    const kind = table.rows.flatMap((row) => (row.measure === 'total' ? [] : [row.kind]))[0]!;
    const granted = await guard(request, context, 'report.explain', { kind, personIds: [] });
    const explanation = await explainFigure(context.db, { year: request.params.year, row: request.params.row, ...request.query, lang: request.query.lang ?? 'nl' }, context);
    const cases = [...new Set(explanation.columns.flatMap((column) => column.items.map((item) => item.case)))];
    await granted.log({ resource: `explain:${request.params.year}:${request.params.row}`, persons: await personsOfStreams(context.db, cases) });
    return explanation;
  });

  app.get('/api/reports/trends', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], operationId: 'reportTrends',
      summary: 'The trend figures of every year since 2014 (cases before a court, 1F decisions, departures by mode), from the pseudonymised analysis facts: they outlive an erasure of the identities',
      description: 'Counted as the yearly report counts them, from the analysis facts (docs/retention.md, "Pseudonymised analysis"), which the server brings up to date after every write. `updatedTo` is the recording time of the last event the facts include ("bijgewerkt tot"); `upToDate` is false while a refresh is pending.',
      querystring: Type.Object({ to: Type.Optional(YearParam) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          updatedTo: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]), upToDate: Type.Boolean(),
          referenceDates: Type.Record(Type.String(), Type.String()),
          years: Type.Array(Type.Object({
            year: Type.Integer(), beforeCourt: Type.Integer(), investigation: Type.Integer(),
            decisionsApplied: Type.Integer(), decisionsNotApplied: Type.Integer(),
            departuresForced: Type.Integer(), departuresVoluntarySupervised: Type.Integer(), departuresVoluntaryUnsupervised: Type.Integer(),
          })),
        }),
      },
    },
  }, async (request) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    return readAnalysisTrends(context.db, today(context), request.query.to);
  });

  app.get('/api/reports/:year/view', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], operationId: 'viewReport',
      summary: 'The report as the web page and the PDF show it: title, numbered tables with their notes, the footer; the report itself; and whether and when the year was published',
      params: YearParams, querystring: Type.Object(ReportQuery, { additionalProperties: false }),
      response: {
        200: Type.Object({
          report: ReportSchema,
          view: Type.Object({
            language: Type.String(), title: Type.String(), years: Type.Array(Type.String()), footer: Type.String(),
            tables: Type.Array(Type.Object({
              id: Type.String(), title: Type.String(), heading: Type.String(), note: Type.String(),
              rows: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), isTotal: Type.Boolean(), figures: Type.Array(Type.Integer()) })),
            })),
          }),
          publication: Type.Union([
            Type.Object({ publishedAt: Type.String(), asRecordedAt: Type.String(), sha256: Type.String() }, { description: "The year's publication: when, as recorded at which moment, and its SHA-256." }),
            Type.Null(),
          ]),
        }),
      },
    },
  }, async (request) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    const lang = request.query.lang ?? 'nl';
    const report = await computeReport(context.db, { year: request.params.year, referenceDate: request.query.referenceDate, asRecordedAt: request.query.asRecordedAt, lang }, context);
    const view = toReportView(report, lang);
    const published = await findPublication(context.db, request.params.year);
    const publication = published ? { publishedAt: published.publishedAt, asRecordedAt: published.asRecordedAt, sha256: published.sha256 } : null;
    return { report, view: { ...view, years: [...view.years], tables: view.tables.map((table) => ({ ...table, rows: table.rows.map((row) => ({ ...row, figures: [...row.figures] })) })) }, publication };
  });

  app.get('/api/reports/:year/pdf', {
    config: { action: 'report.read' },
    schema: {
      tags: ['reports'], operationId: 'renderReportPdf', summary: 'The yearly report as PDF: the same content as the web page and the Word document',
      params: YearParams, querystring: Type.Object(ReportQuery, { additionalProperties: false }),
      response: { 200: FileResponse('The report as PDF.', ['application/pdf']) },
    },
  }, async (request, reply) => {
    await guard(request, context, 'report.read', { kind: 'report' });
    const lang = request.query.lang ?? 'nl';
    const report = await computeReport(context.db, { year: request.params.year, referenceDate: request.query.referenceDate, asRecordedAt: request.query.asRecordedAt, lang }, context);
    const pdf = await renderReportPdf(toReportView(report, lang), { creationDate: new Date(report.asRecordedAt) });
    reply.type('application/pdf').header('content-disposition', `attachment; filename="rapportage-${request.params.year}.pdf"`);
    // A Buffer goes out as it is (fastify skips serialisation for Buffers).
    return reply.send(pdf as unknown as string);
  });

  app.post('/api/reports/:year/publication', {
    config: { action: 'report.publish' },
    schema: {
      tags: ['reports'], operationId: 'publishReport', summary: "Freeze a year's report (figures, time, SHA-256); never replaced",
      params: YearParams,
      body: Type.Optional(Type.Object({ referenceDate: Type.Optional(Date_) }, { additionalProperties: false })),
      response: { 201: Type.Object({ year: Type.Integer(), publishedAt: Type.String(), asRecordedAt: Type.String(), sha256: Type.String() }) },
    },
  }, async (request, reply) => {
    await guard(request, context, 'report.publish', { kind: 'report' });
    const publication = await publishReport(context.db, request.params.year, context, request.body?.referenceDate);
    return reply.code(201).send({ year: publication.year, publishedAt: publication.publishedAt, asRecordedAt: publication.asRecordedAt, sha256: publication.sha256 });
  });

  app.get('/api/reports/:year/diff', {
    config: { action: 'report.diff' },
    schema: {
      tags: ['reports'], operationId: 'diffReport', summary: 'Which figures changed since publication (figures only; the cases: explain)',
      params: YearParams,
      response: {
        200: Type.Object({
          year: Type.Integer(), publishedAt: Type.String(), publishedAsRecordedAt: Type.String(), sha256: Type.String(), intact: Type.Boolean(), asRecordedAt: Type.String(),
          changes: Type.Array(Type.Object({
            table: Type.String(), row: Type.String(), label: Type.String(), year: Type.Integer(), published: Type.Integer(), current: Type.Integer(),
            cases: Type.Optional(Type.Array(Type.Unknown())),
          })),
        }),
      },
    },
  }, async (request) => {
    const granted = await guard(request, context, 'report.diff', { kind: 'report' });
    const diff = await diffWithPublication(context.db, request.params.year, context);
    if (granted.view === 'figures-only') return { ...diff, changes: diff.changes.map(({ cases: _cases, ...change }) => change) };
    if (granted.view !== undefined) throw new ImketenError('CONFIG_INVALID', `The policy names view '${granted.view}' for report.diff, which this endpoint cannot apply.`);
    return diff;
  });
}
