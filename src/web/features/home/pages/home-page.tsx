import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GrantView } from '../../../../contracts/auth.ts';
import { canSomewhere } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { TodoCard } from '../components/todo-card.tsx';

const greetingKey = (hour: number): string => {
  if (hour < 11) return 'home.morning';
  if (hour < 15) return 'home.noon';
  if (hour < 18) return 'home.afternoon';
  return 'home.evening';
};

function GrantRow({ grant }: { grant: GrantView }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>{grant.unitName}</Table.Td>
      <Table.Td>{t(`roles.${grant.role}`)}</Table.Td>
      <Table.Td>{grant.area ? t(`areas.${grant.area}`) : '—'}</Table.Td>
    </Table.Tr>
  );
}

/** Who am I here: a greeting, my roles on my units, and where I can go. No invented figures. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const links = [
    { to: '/units', key: 'units', show: canSomewhere(me, 'unit.read') },
    { to: '/users', key: 'users', show: canSomewhere(me, 'user.read') },
    { to: '/audit', key: 'audit', show: canSomewhere(me, 'audit.read') },
    { to: '/profile', key: 'profile', show: true },
  ].filter((link) => link.show);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t(greetingKey(new Date().getHours()), { name: me.name })}
        </Title>
        <Text c="dimmed">{t('home.intro')}</Text>
      </Stack>

      <TodoCard />

      <Card withBorder>
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('home.grantsTitle')}
            </Title>
            {me.isSystemAdmin && <Badge color="grape">{t('roles.system_admin')}</Badge>}
          </Group>
          {me.grants.length === 0 ? (
            <Alert color="gray" variant="light">
              {me.isSystemAdmin ? t('home.systemAdminOnly') : t('home.noGrants')}
            </Alert>
          ) : (
            <Table.ScrollContainer minWidth={360}>
              <Table striped aria-label={t('home.grantsTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('grants.unit')}</Table.Th>
                    <Table.Th>{t('grants.role')}</Table.Th>
                    <Table.Th>{t('grants.area')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {me.grants.map((grant) => (
                    <GrantRow key={grant.id} grant={grant} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Card>

      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        {links.map((link) => (
          <Card key={link.to} withBorder component={Link} to={link.to} aria-label={t(`nav.${link.key}`)}>
            <Stack gap={4}>
              <Anchor component="span" fw={700}>
                {t(`nav.${link.key}`)}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`home.links.${link.key}`)}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
