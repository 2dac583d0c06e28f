import { ActionIcon, AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../components/brand.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { Loading } from '../components/loading.tsx';
import { errorMessage } from '../lib/errors.ts';
import { canSomewhere } from '../lib/permissions.ts';
import { acceptSession, useMe } from '../lib/session.ts';
import { logout } from '../features/auth/api.ts';
import { updateProfile } from '../features/profile/api.ts';
import { InboxBell } from '../features/inbox/components/inbox-bell.tsx';
import { NAV_ITEMS } from './nav.ts';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);

  const items = me.mustChangePassword
    ? []
    : NAV_ITEMS.filter((item) => !item.action || canSomewhere(me, item.action));

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      acceptSession(client, null);
      client.clear();
      void navigate('/login', { replace: true });
    },
  });
  const saveLocale = useMutation({
    mutationFn: updateProfile,
    onSuccess: (session) => acceptSession(client, session),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
  });

  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
      styles={{ main: { background: 'var(--mantine-color-gray-0)' } }}
    >
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              aria-expanded={opened}
            />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            {!me.mustChangePassword && <InboxBell />}
            <LanguageSwitch onChanged={(locale) => saveLocale.mutate({ locale })} />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  size="lg"
                  radius="xl"
                  aria-label={t('nav.accountMenu', { name: me.name })}
                >
                  <Avatar color="lagoon" radius="xl" size={34}>
                    {initials(me.name)}
                  </Avatar>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="dark">
                    {me.name}
                  </Text>
                  <Text size="xs">{me.email}</Text>
                </Menu.Label>
                {!me.mustChangePassword && (
                  <Menu.Item component={Link} to="/profile">
                    {t('nav.profile')}
                  </Menu.Item>
                )}
                <Menu.Item onClick={() => signOut.mutate()}>{t('nav.logout')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.labelKey)}
              active={isActive(item.to)}
              aria-current={isActive(item.to) ? 'page' : undefined}
              onClick={close}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <NavLink component="button" label={t('nav.logout')} onClick={() => signOut.mutate()} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
