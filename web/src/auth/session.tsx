/**
 * The signed-in user, shared by every page: read once from GET /api/session, set by the sign-in page, cleared on
 * sign-out or when the server answers 401. `passwordChangeRequired`: an administrator reset the password, and until
 * the user chooses a new one (changePassword) the app shows only the change-password page.
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
  passwordChangeRequired: boolean;
  signIn(username: string, password: string): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | null>(null);
  const [loading, setLoading] = useState(true);
  const [passwordChangeRequired, setPasswordChangeRequired] = useState(false);
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
        setPasswordChangeRequired(found.data.passwordChangeRequired);
        setPrincipal(found.data.principal);
      }
      setLoading(false);
    })();
    return () => { cancelled = true; };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const session = await unwrap(client.POST('/api/session', { body: { username, password } }));
    setCsrfToken(session.csrfToken);
    setPasswordChangeRequired(session.passwordChangeRequired);
    setPrincipal(session.principal);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const session = await unwrap(client.POST('/api/session/password', { body: { currentPassword, newPassword } }));
    setPasswordChangeRequired(session.passwordChangeRequired);
  }, []);

  const signOut = useCallback(async () => {
    await client.DELETE('/api/session');
    setCsrfToken('');
    setPasswordChangeRequired(false);
    setPrincipal(null);
  }, []);

  const value = useMemo(
    () => ({ principal, loading, passwordChangeRequired, signIn, signOut, changePassword, ...options }),
    [principal, loading, passwordChangeRequired, signIn, signOut, changePassword, options],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
