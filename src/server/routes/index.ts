import type { App, ServerContext } from '../context.js';
import { registerAccessLogRoutes } from './access-log.js';
import { registerAccountRoutes } from './accounts.js';
import { registerAuthorisationRoutes } from './authorisations.js';
import { registerEventRoutes } from './events.js';
import { registerHealthRoutes } from './health.js';
import { registerJobRoutes } from './jobs.js';
import { registerNotificationPreferenceRoutes } from './notification-preferences.js';
import { registerEvidenceRoutes } from './evidence.js';
import { registerProofRoutes } from './proof.js';
import { registerEvidenceBundleRoutes } from './evidence-bundle.js';
import { registerEvidenceCaptureRoutes } from './evidence-capture.js';
import { registerOidcRoutes } from './oidc.js';
import { registerOverviewRoutes } from './overview.js';
import { registerRegistryRoutes } from './registry.js';
import { registerReportRoutes } from './reports.js';
import { registerRetentionRoutes } from './retention.js';
import { registerScreeningRoutes } from './screening.js';
import { registerSessionRoutes } from './session.js';
import { registerSharedInformationRoutes } from './shared-information.js';
import { registerSignInOptionRoutes } from './sign-in-options.js';
import { registerSystemRoutes } from './system.js';
import { registerWitnessRoutes } from './witnesses.js';

/** Every route of the API; each declares its policy action (config.action). */
export async function registerRoutes(app: App, context: ServerContext): Promise<void> {
  registerHealthRoutes(app, context);
  registerSystemRoutes(app, context);
  registerSessionRoutes(app, context);
  await registerOidcRoutes(app, context);
  registerRegistryRoutes(app, context);
  registerEventRoutes(app, context);
  registerReportRoutes(app, context);
  registerAccountRoutes(app, context);
  registerAuthorisationRoutes(app, context);
  registerSharedInformationRoutes(app, context);
  registerAccessLogRoutes(app, context);
  registerSignInOptionRoutes(app, context);
  registerOverviewRoutes(app, context);
  registerScreeningRoutes(app, context);
  registerRetentionRoutes(app, context);
  registerJobRoutes(app, context);
  registerNotificationPreferenceRoutes(app, context);
  registerEvidenceRoutes(app, context);
  registerWitnessRoutes(app, context);
  registerProofRoutes(app, context);
  registerEvidenceBundleRoutes(app, context);
  registerEvidenceCaptureRoutes(app, context);
}
