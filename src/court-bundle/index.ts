/**
 * The court bundle (issue 12): a ZIP of evidence files with their manifest (JSON, PDF, sha256sum lines), and the
 * check anyone can run on it. Pure file work: the caller gathers the files and fills the manifest.
 */
export { COURT_BUNDLE_FORMAT } from './manifest.js';
export type {
  CourtBundleCustodyStep, CourtBundleFile, CourtBundleItem, CourtBundleManifest, CourtBundleManifestJson, CourtBundleVerificationStep,
} from './manifest.js';
export { CourtBundleInputError, writeCourtBundle } from './write-bundle.js';
export type { CourtBundleInput, CourtBundleSource, WrittenCourtBundle } from './write-bundle.js';
export { verifyCourtBundle } from './verify-bundle.js';
export type { CourtBundleProblem, CourtBundleProblemKind, CourtBundleVerification } from './verify-bundle.js';
export { renderManifestPdf } from './manifest-pdf.js';
