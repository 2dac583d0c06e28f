import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { isApiError } from '../lib/api.ts';
import { i18n } from '../lib/i18n.ts';
import { SESSION_KEY } from '../lib/session.ts';
import { theme } from './theme.ts';

/** A client that treats a 401 anywhere as "the session ended": the router then shows the login page. */
export const createQueryClient = (): QueryClient => {
  const onError = (error: unknown) => {
    if (isApiError(error, 'UNAUTHENTICATED')) client.setQueryData(SESSION_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (count, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
};

type Props = { children: React.ReactNode; client: QueryClient; env?: 'default' | 'test' };

export function AppProviders({ children, client, env = 'default' }: Props) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
          <Notifications position="top-center" />
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
