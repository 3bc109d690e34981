/**
 * Renders a Report (../report.ts) in every output format. Headings and notes the renderers add come from
 * ./labels.ts (Dutch first); the labels inside the Report are already in the requested language.
 */
export { renderReport, isReportFormat, REPORT_FORMATS, type ReportFormat } from './render-report.js';
export { renderText } from './render-text.js';
export { renderMarkdown } from './render-markdown.js';
export { renderCsv, CSV_DELIMITER } from './render-csv.js';
export { renderDocx } from './render-docx.js';
