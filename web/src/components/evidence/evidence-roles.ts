/**
 * What the evidence pages offer a role (config/policy.json, write rules for evidence): the police, the prosecution
 * and the IND register evidence, add files and record custody and verification of the cases they read; disclosure
 * is the prosecutor's and the IND's. The server decides; this only keeps the app from offering what it would refuse.
 */
const WRITERS = new Set(['police', 'prosecutor', 'ind-1f']);

export function mayWriteEvidence(role: string | undefined): boolean {
  return role !== undefined && WRITERS.has(role);
}
