import { Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateUnitBody,
  UNIT_TYPES,
  UpdateUnitBody,
  type Unit,
  type UnitType,
} from '../../../../contracts/units.ts';
import { ConflictPanel } from '../../../components/conflict-panel.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { fieldErrors } from '../../../lib/errors.ts';
import { emptyToNull, validateWith } from '../../../lib/form.ts';
import { unitsApi, useUnitMutation } from '../api.ts';

type Values = {
  code: string;
  name: string;
  type: UnitType | '';
  region: string;
  isPublicService: boolean;
  afirmasi: boolean;
};

export type UnitFormMode = { kind: 'create'; parent: Unit | null } | { kind: 'edit'; unit: Unit };

const valuesOf = (unit: Unit): Values => ({
  code: unit.code,
  name: unit.name,
  type: unit.type,
  region: unit.region ?? '',
  isPublicService: unit.isPublicService,
  afirmasi: unit.afirmasi,
});

const bodyOf = (values: Values) => ({
  code: values.code.trim(),
  name: values.name.trim(),
  type: values.type as UnitType,
  region: emptyToNull(values.region),
  isPublicService: values.isPublicService,
  afirmasi: values.afirmasi,
});

/** Create a unit under a parent (or a new agency), or edit one; a stale edit opens the conflict dialog. */
export function UnitForm({ mode, onDone }: { mode: UnitFormMode; onDone: (unit: Unit) => void }) {
  const { t } = useTranslation();
  const [conflict, setConflict] = useState<Unit | null>(null);
  const [version, setVersion] = useState(mode.kind === 'edit' ? mode.unit.version : 0);
  const parentId = mode.kind === 'create' ? (mode.parent?.id ?? null) : null;
  const isAgency = mode.kind === 'create' ? parentId === null : mode.unit.parentId === null;

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues:
      mode.kind === 'edit'
        ? valuesOf(mode.unit)
        : {
            code: '',
            name: '',
            type: parentId ? '' : 'instansi',
            region: '',
            isPublicService: false,
            afirmasi: false,
          },
    validate: (values) => {
      const errors =
        mode.kind === 'create'
          ? validateWith(t, CreateUnitBody, (v: Values) => ({ ...bodyOf(v), parentId }))(values)
          : validateWith(t, UpdateUnitBody, (v: Values) => ({ ...bodyOf(v), version: Math.max(version, 1) }))(
              values,
            );
      if (values.type === '') errors.type = t('errors.REQUIRED');
      return errors;
    },
  });

  const onError = (error: unknown) => {
    if (isApiError(error, 'STALE_WRITE')) {
      const current = (error.details as { current?: Unit } | undefined)?.current;
      if (current) setConflict(current);
      return;
    }
    form.setErrors(fieldErrors(t, error));
    if (isApiError(error, 'UNIT_CODE_TAKEN')) form.setFieldError('code', t('errors.UNIT_CODE_TAKEN'));
  };

  const create = useUnitMutation(unitsApi.create, onDone);
  const update = useUnitMutation(
    (body: UpdateUnitBody) => unitsApi.update(mode.kind === 'edit' ? mode.unit.id : '', body),
    (unit) => {
      setConflict(null);
      onDone(unit);
    },
  );
  const mutation = mode.kind === 'create' ? create : update;

  const submit = (values: Values, withVersion = version) => {
    if (mode.kind === 'create') create.mutate({ ...bodyOf(values), parentId }, { onError });
    else update.mutate({ ...bodyOf(values), version: withVersion }, { onError });
  };

  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const conflictFields = conflict
    ? [
        { label: t('units.fields.name'), mine: form.values.name, current: conflict.name },
        { label: t('units.fields.code'), mine: form.values.code, current: conflict.code },
        {
          label: t('units.fields.type'),
          mine: form.values.type ? t(`unitTypes.${form.values.type}`) : '',
          current: t(`unitTypes.${conflict.type}`),
        },
        { label: t('units.fields.region'), mine: form.values.region, current: conflict.region ?? '' },
        {
          label: t('units.fields.isPublicService'),
          mine: yesNo(form.values.isPublicService),
          current: yesNo(conflict.isPublicService),
        },
        {
          label: t('units.fields.afirmasi'),
          mine: yesNo(form.values.afirmasi),
          current: yesNo(conflict.afirmasi),
        },
      ]
    : [];

  const apiError = mutation.error && !isApiError(mutation.error, 'STALE_WRITE') ? mutation.error : null;

  if (conflict) {
    return (
      <ConflictPanel
        fields={conflictFields}
        busy={update.isPending}
        onReload={() => {
          form.setValues(valuesOf(conflict));
          form.resetDirty(valuesOf(conflict));
          setVersion(conflict.version);
          setConflict(null);
          update.reset();
        }}
        onOverwrite={() => {
          setVersion(conflict.version);
          submit(form.values, conflict.version);
        }}
      />
    );
  }

  return (
    <>
      <form onSubmit={form.onSubmit((values) => submit(values))} noValidate>
        <Stack gap="sm">
          {mode.kind === 'create' && (
            <Text size="sm" c="dimmed">
              {mode.parent ? t('units.createUnder', { name: mode.parent.name }) : t('units.createAgencyHint')}
            </Text>
          )}
          <ErrorAlert error={apiError} />
          <TextInput label={t('units.fields.name')} required {...form.getInputProps('name')} />
          <TextInput
            label={t('units.fields.code')}
            description={t('units.fields.codeHint')}
            required
            {...form.getInputProps('code')}
          />
          <Select
            label={t('units.fields.type')}
            required
            allowDeselect={false}
            // Only a unit without a parent is an agency (the server refuses UNIT_TYPE_MISMATCH otherwise).
            data={UNIT_TYPES.filter((type) => (type === 'instansi') === isAgency).map((type) => ({
              value: type,
              label: t(`unitTypes.${type}`),
            }))}
            readOnly={isAgency}
            {...form.getInputProps('type')}
            value={form.values.type || null}
            onChange={(value) => form.setFieldValue('type', (value ?? '') as UnitType | '')}
          />
          <TextInput label={t('units.fields.region')} {...form.getInputProps('region')} />
          <Checkbox
            label={t('units.fields.isPublicService')}
            description={t('units.fields.isPublicServiceHint')}
            {...form.getInputProps('isPublicService', { type: 'checkbox' })}
          />
          <Checkbox
            label={t('units.fields.afirmasi')}
            description={t('units.fields.afirmasiHint')}
            {...form.getInputProps('afirmasi', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {mode.kind === 'create' ? t('units.createSubmit') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
