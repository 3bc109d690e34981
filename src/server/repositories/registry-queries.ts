/**
 * Kept for the routes that still import the export page from here; the SQL lives in src/store/registry-reads.ts.
 */
export { pageExport, pagePersonIds, personsOfStreams, type ExportRow } from '../../store/registry-reads.js';
