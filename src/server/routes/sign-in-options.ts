/**
 * How to sign in here, before anyone has: password, single sign-on, and the server's date (the web app's clock).
 */
import { Type } from 'typebox';
import { today, type App, type ServerContext } from '../context.js';

export function registerSignInOptionRoutes(app: App, context: ServerContext): void {
  app.get('/api/session/options', {
    config: { action: 'session.login' },
    schema: {
      tags: ['session'], operationId: 'getSignInOptions', summary: 'How to sign in here (password, single sign-on) and the server\'s date', security: [],
      response: { 200: Type.Object({ password: Type.Boolean(), singleSignOn: Type.Boolean(), today: Type.String() }) },
    },
  }, async () => ({ password: true, singleSignOn: context.config.oidc !== undefined, today: today(context) }));
}
