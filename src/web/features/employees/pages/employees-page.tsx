import { Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Employee } from '../../../../contracts/employees.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { employeeKeys, employeesApi } from '../api.ts';
import { EmployeeForm } from '../components/employee-form.tsx';
import { ImportPanel } from '../components/import-panel.tsx';

/** The unit's employee list (personal data: only the unit's own people see it); import, add, link, deactivate. */
export function EmployeesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'employee.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId);
  const list = useQuery({
    queryKey: employeeKeys.list(unitId),
    queryFn: () => employeesApi.list(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const [editing, setEditing] = useState<Employee | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [showInactive, setShowInactive] = useState(false);
  const [q, setQ] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['employees'] });
  const toggle = useMutation({
    mutationFn: (e: Employee) => employeesApi.update(e.id, { version: e.version, active: !e.active }),
    onSuccess: refresh,
  });

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const manage = unit ? canOnUnit(me, 'employee.manage', unit.path) : false;
  const needle = q.trim().toLowerCase();
  const rows = (list.data ?? [])
    .filter((e) => showInactive || e.active)
    .filter((e) => !needle || `${e.name} ${e.nip ?? ''} ${e.position}`.toLowerCase().includes(needle));
  const activeCount = (list.data ?? []).filter((e) => e.active).length;

  return (
    <>
      <PageHeader
        title={t('employees.title')}
        description={t('employees.description')}
        actions={
          manage && (
            <>
              <Button variant="default" onClick={() => setImporting(true)}>
                {t('employees.import.open')}
              </Button>
              <Button onClick={() => setEditing('new')}>{t('employees.add')}</Button>
            </>
          )
        }
      />
      <Stack>
        <UnitSelect
          label={t('employees.unit')}
          units={readable}
          value={unitId}
          onChange={(id) => setParams(id ? { unit: id } : {})}
        />
        {list.isError && <ErrorAlert error={list.error} />}
        {toggle.isError && <ErrorAlert error={toggle.error} />}
        {list.data && (
          <>
            <Group justify="space-between">
              <TextInput
                placeholder={t('employees.search')}
                aria-label={t('employees.search')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
              />
              <Group>
                <Text size="sm">{t('employees.count', { count: activeCount })}</Text>
                <Switch
                  label={t('employees.showInactive')}
                  checked={showInactive}
                  onChange={(e) => setShowInactive(e.currentTarget.checked)}
                />
              </Group>
            </Group>
            {rows.length === 0 ? (
              <Text c="dimmed">{t('employees.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover aria-label={t('employees.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('employees.name')}</Table.Th>
                      <Table.Th>{t('employees.nip')}</Table.Th>
                      <Table.Th>{t('employees.position')}</Table.Th>
                      <Table.Th>{t('employees.grade')}</Table.Th>
                      <Table.Th>{t('employees.account')}</Table.Th>
                      {manage && <Table.Th>{t('employees.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          {e.name} {!e.active && <Badge color="gray">{t('employees.inactive')}</Badge>}
                        </Table.Td>
                        <Table.Td ff="monospace">{e.nip ?? '–'}</Table.Td>
                        <Table.Td>{e.position || '–'}</Table.Td>
                        <Table.Td>{e.grade || '–'}</Table.Td>
                        <Table.Td>
                          {e.account ? e.account.email : <Text c="dimmed">{t('employees.noAccount')}</Text>}
                        </Table.Td>
                        {manage && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="compact-sm"
                                variant="default"
                                onClick={() => setEditing(e)}
                                aria-label={t('employees.editNamed', { name: e.name })}
                              >
                                {t('employees.edit')}
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                color={e.active ? 'red' : 'teal'}
                                loading={toggle.isPending && toggle.variables?.id === e.id}
                                onClick={() => toggle.mutate(e)}
                                aria-label={t(
                                  e.active ? 'employees.deactivateNamed' : 'employees.reactivateNamed',
                                  {
                                    name: e.name,
                                  },
                                )}
                              >
                                {e.active ? t('employees.deactivate') : t('employees.reactivate')}
                              </Button>
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('employees.add') : t('employees.edit')}
      >
        {editing !== null && unitId && (
          <EmployeeForm
            unitId={unitId}
            employee={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onDone={async () => {
              setEditing(null);
              await refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={importing}
        onClose={() => setImporting(false)}
        title={t('employees.import.title')}
        size="xl"
      >
        {importing && unitId && <ImportPanel unitId={unitId} onDone={() => void refresh()} />}
      </Modal>
    </>
  );
}
