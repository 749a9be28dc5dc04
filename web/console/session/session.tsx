import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { authApi } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';

interface Session {
  /** undefined while loading, null when nobody is signed in. */
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  /** Reloads the signed-in user; answers null when the session is gone. */
  refresh: () => Promise<Me | null>;
  can: (permission: string) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      const next = await authApi.me({ notify: false, redirectOn401: false });
      setMe(next);
      return next;
    } catch {
      setMe(null);
      return null;
    }
  }, []);
  const can = useCallback((permission: string) => !!me && permission in me.permissions, [me]);
  const value = useMemo(() => ({ me, setMe, refresh, can }), [me, refresh, can]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, for pages rendered only inside the authenticated layout. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in user');
  return me;
}

export const roleNames = (me: Me): string[] => me.roles.map((role) => (typeof role === 'string' ? role : role.name));
