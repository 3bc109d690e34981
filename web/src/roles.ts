/**
 * What each role sees in the web app: its home page and the sections in the navigation. The server's access
 * policy (config/policy.json) decides what data a role gets; this only keeps the app from offering pages whose
 * data the role may not read, so each organisation sees its own work and nothing more.
 */
export type Role = 'police' | 'prosecutor' | 'ind-1f' | 'dtv' | 'ministry' | 'admin' | 'auditor';

export type Section = 'home' | 'inbox' | 'cases' | 'victims' | 'screening' | 'report' | 'accounts' | 'accessLog';

export interface RoleView {
  /** The case kinds this role works with (lists, case pages). */
  caseKinds: readonly string[];
  sections: readonly Section[];
  /** May search persons by name from the header (policy action persons.search). */
  personSearch: boolean;
  /** May screen persons against watchlists and review the hits (screening.run, screening.hits, screening.review). */
  screening: boolean;
  /** The case kinds whose persons this role may screen as a group against a watchlist (screening.run on a case kind). */
  screenKinds: readonly string[];
  /** May see a person's cross-references: hit/no-hit across partners (crossref.read). */
  crossReferences: boolean;
}

export const ROLE_VIEWS: Readonly<Record<Role, RoleView>> = {
  police: { caseKinds: ['criminal', 'intake', 'mla', 'extradition'], sections: ['home', 'inbox', 'cases', 'victims', 'screening', 'report'], personSearch: true, screening: true, screenKinds: ['criminal', 'intake', 'mla', 'extradition'], crossReferences: true },
  prosecutor: { caseKinds: ['criminal', 'intake', 'mla', 'extradition'], sections: ['home', 'inbox', 'cases', 'victims', 'screening', 'report'], personSearch: true, screening: true, screenKinds: ['criminal', 'intake', 'mla', 'extradition'], crossReferences: true },
  'ind-1f': { caseKinds: ['exclusion', 'departure'], sections: ['home', 'inbox', 'cases', 'screening', 'report'], personSearch: true, screening: true, screenKinds: ['exclusion', 'departure'], crossReferences: true },
  dtv: { caseKinds: ['departure'], sections: ['home', 'inbox', 'cases', 'screening', 'report'], personSearch: true, screening: true, screenKinds: ['departure'], crossReferences: true },
  ministry: { caseKinds: [], sections: ['home', 'inbox', 'report'], personSearch: false, screening: false, screenKinds: [], crossReferences: false },
  admin: { caseKinds: [], sections: ['home', 'inbox'], personSearch: false, screening: false, screenKinds: [], crossReferences: false },
  auditor: { caseKinds: [], sections: ['home', 'inbox', 'accessLog'], personSearch: false, screening: false, screenKinds: [], crossReferences: false },
};

export function roleView(role: string): RoleView {
  return ROLE_VIEWS[role as Role] ?? { caseKinds: [], sections: ['home', 'inbox'], personSearch: false, screening: false, screenKinds: [], crossReferences: false };
}
