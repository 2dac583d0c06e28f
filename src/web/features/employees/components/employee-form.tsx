import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../../../contracts/employees.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { fieldErrors } from '../../../lib/errors.ts';
import { employeesApi } from '../api.ts';

type Props = { unitId: string; employee?: Employee; onDone: (e: Employee) => void; onCancel: () => void };

/** Add or edit one employee; the account field links her existing Pulau account by its e-mail. */
export function EmployeeForm({ unitId, employee, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    name: employee?.name ?? '',
    nip: employee?.nip ?? '',
    position: employee?.position ?? '',
    grade: employee?.grade ?? '',
    email: employee?.email ?? '',
    accountEmail: employee?.account?.email ?? '',
  });
  const save = useMutation({
    mutationFn: () =>
      employee
        ? employeesApi.update(employee.id, { version: employee.version, ...values })
        : employeesApi.create(unitId, values),
    onSuccess: onDone,
  });
  const errors = fieldErrors(t, save.error);
  const field = (key: keyof typeof values, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={values[key]}
      onChange={(e) => setValues((v) => ({ ...v, [key]: e.currentTarget.value }))}
      error={errors[key]}
      {...extra}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        {field('name', t('employees.name'), { required: true, 'data-autofocus': true })}
        {field('nip', t('employees.nip'), { description: t('employees.nipHelp'), inputMode: 'numeric' })}
        {field('position', t('employees.position'))}
        {field('grade', t('employees.grade'))}
        {field('email', t('employees.email'), { type: 'email' })}
        {field('accountEmail', t('employees.accountEmail'), {
          type: 'email',
          description: t('employees.accountEmailHelp'),
        })}
        {save.isError && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
