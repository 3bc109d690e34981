/** Canonical JSON lives in the domain (layer 1) so that every layer can sign and hash with it; kept here for its importers. */
export { canonicalJson, sha256Hex } from '../domain/canonical-json.js';
