import {
  Alert,
  Badge,
  VisuallyHidden,
  Button,
  Card,
  Divider,
  Drawer,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/users.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { canOnUnit, canSomewhere } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { usersApi, useUserMutation, useUsersQuery } from '../api.ts';
import { CreateUserForm } from '../components/create-user-form.tsx';
import { EditUserForm } from '../components/edit-user-form.tsx';
import { GrantsPanel } from '../components/grants-panel.tsx';
import { TemporaryPasswordModal } from '../components/temporary-password.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnitsQuery();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const users = useUsersQuery(unitId);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [secret, setSecret] = useState<{ password: string; name: string } | null>(null);
  const reset = useUserMutation(usersApi.resetPassword);

  const unitList = useMemo(() => units.data ?? [], [units.data]);
  const unitById = useMemo(() => new Map(unitList.map((unit) => [unit.id, unit])), [unitList]);
  const query = search.trim().toLowerCase();
  const rows = (users.data ?? []).filter(
    (user) => !query || user.name.toLowerCase().includes(query) || user.email.toLowerCase().includes(query),
  );
  const open = openId ? users.data?.find((user) => user.id === openId) : undefined;
  const homePath = (user: User) => (user.homeUnitId ? unitById.get(user.homeUnitId)?.path : undefined);
  const canEdit = (user: User) => {
    const path = homePath(user);
    return me.isSystemAdmin || (path !== undefined && canOnUnit(me, 'user.update', path));
  };
  const canReset = (user: User) => {
    const path = homePath(user);
    return me.isSystemAdmin || (path !== undefined && canOnUnit(me, 'user.reset_password', path));
  };

  const status = (user: User) => {
    if (!user.active) return <Badge color="gray">{t('users.inactive')}</Badge>;
    if (user.lockedUntil && new Date(user.lockedUntil) > new Date())
      return <Badge color="orange">{t('users.locked')}</Badge>;
    return (
      <Badge color="lagoon" variant="light">
        {t('users.active')}
      </Badge>
    );
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          canSomewhere(me, 'user.create') && (
            <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>
          )
        }
      />
      <Card withBorder mb="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 16rem' }}>
            <UnitSelect
              label={t('users.filterUnit')}
              units={unitList}
              value={unitId}
              onChange={setUnitId}
              clearable
              placeholder={t('users.allUnits')}
            />
          </div>
          <TextInput
            label={t('users.search')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
        </Group>
      </Card>

      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorAlert error={users.error} />
      ) : rows.length === 0 ? (
        <Alert color="gray">{t('users.empty')}</Alert>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover aria-label={t('users.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.fields.name')}</Table.Th>
                  <Table.Th>{t('users.fields.homeUnit')}</Table.Th>
                  <Table.Th>{t('grants.title')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('users.manage')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {user.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{(user.homeUnitId && unitById.get(user.homeUnitId)?.name) || '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.isSystemAdmin && (
                          <Badge color="grape" size="sm">
                            {t('roles.system_admin')}
                          </Badge>
                        )}
                        {user.grants.map((grant) => (
                          <Badge
                            key={grant.id}
                            size="sm"
                            variant="light"
                            color="lagoon"
                            title={grant.unitName}
                          >
                            {t(`roles.${grant.role}`)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{status(user)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setOpenId(user.id)}
                        aria-label={t('users.manageOne', { name: user.name })}
                      >
                        {t('users.manage')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}

      <Modal opened={creating} onClose={() => setCreating(false)} title={t('users.create')}>
        <CreateUserForm
          units={unitList}
          defaultUnitId={unitId}
          allowUnit={(unit) => unit.active && canOnUnit(me, 'user.create', unit.path)}
          onCreated={(user, temporaryPassword) => {
            setCreating(false);
            setOpenId(user.id);
            if (temporaryPassword) setSecret({ password: temporaryPassword, name: user.name });
          }}
        />
      </Modal>

      <Drawer
        opened={open !== undefined}
        onClose={() => setOpenId(null)}
        position="right"
        size="lg"
        title={open ? open.name : ''}
      >
        {open && (
          <Stack>
            <Text size="sm" c="dimmed">
              {open.email}
            </Text>
            {canEdit(open) && (
              <EditUserForm
                key={`${open.id}-${open.version}`}
                user={open}
                units={unitList}
                allowUnit={(unit) => unit.active && canOnUnit(me, 'user.update', unit.path)}
              />
            )}
            {canReset(open) && (
              <>
                <Divider />
                <Group justify="space-between">
                  <Text size="sm">{t('users.resetHint')}</Text>
                  <Button variant="light" color="orange" onClick={() => setConfirmReset(true)}>
                    {t('users.resetPassword')}
                  </Button>
                </Group>
                <ErrorAlert error={reset.error} />
              </>
            )}
            <Divider />
            <GrantsPanel me={me} user={open} units={unitList} />
          </Stack>
        )}
      </Drawer>

      <Modal opened={confirmReset} onClose={() => setConfirmReset(false)} title={t('users.resetPassword')}>
        <Stack>
          <Text size="sm">{t('users.resetConfirm', { name: open?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={reset.isPending}
              onClick={() =>
                open &&
                reset.mutate(open.id, {
                  onSuccess: (result) => {
                    setConfirmReset(false);
                    setSecret({ password: result.temporaryPassword, name: open.name });
                  },
                  onError: () => setConfirmReset(false),
                })
              }
            >
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <TemporaryPasswordModal
        password={secret?.password ?? null}
        userName={secret?.name ?? ''}
        onClose={() => setSecret(null)}
      />
    </>
  );
}
