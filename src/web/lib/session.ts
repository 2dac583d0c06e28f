import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me, Session } from '../../contracts/auth.ts';
import { api, isApiError, setCsrfToken } from './api.ts';
import { setLanguage } from './i18n.ts';

export const SESSION_KEY = ['session'] as const;
export const SETUP_STATUS_KEY = ['setup-status'] as const;

/** The logged-in session, or null when the server says 401. */
export const fetchSession = async (): Promise<Session | null> => {
  try {
    const session = await api.get<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED') || (isApiError(error) && error.status === 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
};

export const useSessionQuery = () =>
  useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });

/** Stores a Session the server just sent (login, setup, profile update) and applies the user's language. */
export const acceptSession = (client: QueryClient, session: Session | null): void => {
  setCsrfToken(session?.csrfToken ?? null);
  client.setQueryData(SESSION_KEY, session);
  if (session) void setLanguage(session.user.locale);
};

/** The current user inside the app layout, where the router guarantees a session. */
export const useMe = (): Me => {
  const me = useSessionQuery().data?.user;
  if (!me) throw new Error('useMe outside a session');
  return me;
};

export const useSetupStatus = () =>
  useQuery({
    queryKey: SETUP_STATUS_KEY,
    queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup/status'),
    staleTime: Infinity,
    retry: 1,
  });
