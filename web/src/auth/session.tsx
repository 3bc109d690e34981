/**
 * The signed-in user, shared by every page: read once from GET /api/session, set by the sign-in page, cleared on
 * sign-out or when the server answers 401.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { client, setCsrfToken, setUnauthenticatedHandler, unwrap } from '../api/client';
import type { Principal } from '../api/types';

interface SessionState {
  principal: Principal | null;
  /** The server's date (YYYY-MM-DD): forms and "this year" use it, not the browser's clock. */
  today: string;
  singleSignOn: boolean;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | null>(null);
  const [loading, setLoading] = useState(true);
  const [options, setOptions] = useState({ today: new Date().toISOString().slice(0, 10), singleSignOn: false });

  useEffect(() => {
    setUnauthenticatedHandler(() => setPrincipal(null));
    let cancelled = false;
    void (async () => {
      const found = await client.GET('/api/session');
      const offered = await client.GET('/api/session/options');
      if (cancelled) return;
      if (offered.data) setOptions({ today: offered.data.today, singleSignOn: offered.data.singleSignOn });
      if (found.data) {
        setCsrfToken(found.data.csrfToken);
        setPrincipal(found.data.principal);
      }
      setLoading(false);
    })();
    return () => { cancelled = true; };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await unwrap(client.POST('/api/session', { body: { username, password } }));
    setCsrfToken(session.csrfToken);
    setPrincipal(session.principal);
  }, []);

  const signOut = useCallback(async () => {
    await client.DELETE('/api/session');
    setCsrfToken('');
    setPrincipal(null);
  }, []);

  const value = useMemo(() => ({ principal, loading, signIn, signOut, ...options }), [principal, loading, signIn, signOut, options]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
