/**
 * Whom a caller may identify among protected witnesses (config/policy.json `witness-identity.read`, README
 * "Witnesses"): the case kinds of the role's grants. Used by every route that returns witness events or persons.
 */
import type { FastifyRequest } from 'fastify';
import type { MayIdentify } from '../operations/witness-streams.js';
import { grantedKinds } from '../policy/authorize.js';
import type { ServerContext } from './context.js';

export function identifiesFor(context: ServerContext, request: FastifyRequest): MayIdentify {
  const kinds = grantedKinds(context.policy, request.principal!.role, 'witness-identity.read');
  return (caseStream) => kinds.includes(caseStream.slice(0, caseStream.indexOf('/')));
}
