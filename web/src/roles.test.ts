/**
 * What the app offers a role agrees with the access policy (config/policy.json): the header search only to roles
 * that may search persons, the screening page and the screening of a person only to roles that may list, run and
 * review hits. The server decides either way; this keeps the app from offering what it would refuse.
 */
import { describe, expect, it } from 'vitest';
import policy from '../../config/policy.json';
import { ROLE_VIEWS, type Role } from './roles';

const grants = (action: string) => (policy.actions as Record<string, { grants?: Record<string, unknown[]> }>)[action]?.grants ?? {};
const granted = (action: string, role: string) => (grants(action)[role] ?? []).length > 0;

describe('the role views', () => {
  it('cover every role of the policy', () => {
    expect(Object.keys(ROLE_VIEWS).sort()).toEqual(Object.keys(policy.roles).sort());
  });

  for (const [role, view] of Object.entries(ROLE_VIEWS) as [Role, (typeof ROLE_VIEWS)[Role]][]) {
    it(`${role}: person search, screening (of a group: by case kind) and cross-references as the policy grants them`, () => {
      expect(view.personSearch).toBe(granted('persons.search', role));
      const screens = ['screening.hits', 'screening.review', 'screening.run', 'watchlists.read'].every((action) => granted(action, role));
      expect(view.screening).toBe(screens);
      expect(view.sections.includes('screening')).toBe(screens);
      const screenKinds = (grants('screening.run')[role] as { kinds: string[] }[] | undefined ?? []).flatMap((grant) => grant.kinds).filter((kind) => kind !== 'person');
      expect([...view.screenKinds].sort()).toEqual(screenKinds.sort());
      expect(view.crossReferences).toBe(granted('crossref.read', role));
    });

    it(`${role}: the management sections (accounts, tokens, vocabularies, watchlists) exactly as the policy grants them`, () => {
      expect(view.sections.includes('accounts')).toBe(granted('accounts.manage', role));
      expect(view.sections.includes('tokens')).toBe(granted('tokens.manage', role));
      expect(view.sections.includes('vocabularies')).toBe(granted('vocabularies.manage', role));
      expect(view.sections.includes('watchlists')).toBe(granted('watchlists.read', role));
    });
  }
});
