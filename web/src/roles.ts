/**
 * What each role sees in the web app: its home page and the sections in the navigation. The server's access
 * policy (config/policy.json) decides what data a role gets; this only keeps the app from offering pages whose
 * data the role may not read, so each organisation sees its own work and nothing more.
 */
export type Role = 'police' | 'prosecutor' | 'ind-1f' | 'dtv' | 'ministry' | 'admin' | 'auditor';

export type Section = 'home' | 'cases' | 'victims' | 'report' | 'accounts' | 'accessLog';

export interface RoleView {
  /** The case kinds this role works with (lists, case pages). */
  caseKinds: readonly string[];
  sections: readonly Section[];
  /** May search persons by name from the header. */
  personSearch: boolean;
}

export const ROLE_VIEWS: Readonly<Record<Role, RoleView>> = {
  police: { caseKinds: ['criminal', 'intake', 'mla', 'extradition'], sections: ['home', 'cases', 'victims', 'report'], personSearch: true },
  prosecutor: { caseKinds: ['criminal', 'intake', 'mla', 'extradition'], sections: ['home', 'cases', 'victims', 'report'], personSearch: true },
  'ind-1f': { caseKinds: ['exclusion', 'departure'], sections: ['home', 'cases', 'report'], personSearch: true },
  dtv: { caseKinds: ['departure'], sections: ['home', 'cases', 'report'], personSearch: true },
  ministry: { caseKinds: [], sections: ['home', 'report'], personSearch: false },
  admin: { caseKinds: [], sections: ['home'], personSearch: false },
  auditor: { caseKinds: [], sections: ['home'], personSearch: false },
};

export function roleView(role: string): RoleView {
  return ROLE_VIEWS[role as Role] ?? { caseKinds: [], sections: ['home'], personSearch: false };
}
