/**
 * The operationId of the routes that do not name their own yet (a route that does wins): verb first, as the
 * operation each calls. A partner's generated client takes its method names from these; keep them stable.
 */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  'GET /api/health': 'getHealth',
  'GET /api/policy': 'getPolicy',
  'POST /api/session': 'signIn',
  'GET /api/session': 'getSession',
  'DELETE /api/session': 'signOut',
  'GET /api/auth/oidc/login': 'signInWithSingleSignOn',
  'GET /api/auth/oidc/callback': 'completeSingleSignOn',
  'POST /api/events': 'appendEvents',
  'POST /api/retractions': 'retractEvent',
  'GET /api/export': 'exportEvents',
  'GET /api/accounts': 'listAccounts',
  'POST /api/accounts': 'createAccount',
  'PATCH /api/accounts/:id': 'updateAccount',
  'GET /api/tokens': 'listApiTokens',
  'POST /api/tokens': 'issueApiToken',
  'DELETE /api/tokens/:id': 'revokeApiToken',
  'POST /api/authorisations': 'registerAuthorisation',
  'GET /api/authorisations': 'listAuthorisations',
  'GET /api/access-log': 'listAccesses',
  'GET /api/watchlists': 'listWatchlists',
  'POST /api/watchlists/:name/screening': 'screenNames',
  'POST /api/persons/:id/screening': 'screenPerson',
  'POST /api/screening/runs': 'screenGroup',
  'GET /api/screening/hits': 'listHits',
  'POST /api/persons/:id/hits/:hit/reviews': 'reviewHit',
  'GET /api/persons/:id/cross-references': 'listCrossReferences',
  'GET /api/matching/persons': 'searchPersons',
};
