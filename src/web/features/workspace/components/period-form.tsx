import { Button, Group, NumberInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../contracts/periods.ts';
import type { Unit } from '../../../../contracts/units.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { fieldErrors } from '../../../lib/errors.ts';

export type PeriodValues = {
  agencyId: string | null;
  year: number;
  name: string;
  templateId: string;
  fillFrom: string;
  fillUntil: string;
  reviewFrom: string;
  reviewUntil: string;
  revisionFrom: string;
  revisionUntil: string;
  requireAllAnswered: boolean;
  requireExplanation: boolean;
  requireEvidence: boolean;
};

export const valuesOf = (p: Period | null, year: number): PeriodValues => ({
  agencyId: p?.agencyId ?? null,
  year: p?.year ?? year,
  name: p?.name ?? `Penilaian Mandiri ZI ${year}`,
  templateId: p?.templateId ?? 'permenpanrb-90-2021',
  fillFrom: p?.fillFrom ?? `${year}-01-01`,
  fillUntil: p?.fillUntil ?? `${year}-05-31`,
  reviewFrom: p?.reviewFrom ?? '',
  reviewUntil: p?.reviewUntil ?? '',
  revisionFrom: p?.revisionFrom ?? '',
  revisionUntil: p?.revisionUntil ?? '',
  requireAllAnswered: p?.requireAllAnswered ?? true,
  requireExplanation: p?.requireExplanation ?? true,
  requireEvidence: p?.requireEvidence ?? true,
});

type Props = {
  initial: PeriodValues;
  creating: boolean;
  agencies: readonly Unit[];
  busy: boolean;
  error: unknown;
  onSubmit: (values: PeriodValues) => void;
  onCancel: () => void;
};

/** A year's period: its windows (fill, review, revision) and the gate rules a submission must pass. */
export function PeriodForm({ initial, creating, agencies, busy, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [v, setV] = useState(initial);
  const errors = fieldErrors(t, error);
  const set = <K extends keyof PeriodValues>(k: K, value: PeriodValues[K]) =>
    setV((old) => ({ ...old, [k]: value }));
  const date = (
    k: 'fillFrom' | 'fillUntil' | 'reviewFrom' | 'reviewUntil' | 'revisionFrom' | 'revisionUntil',
    required = false,
  ) => (
    <TextInput
      type="date"
      label={t(`periods.fields.${k}`)}
      value={v[k]}
      required={required}
      onChange={(e) => set(k, e.currentTarget.value)}
      error={errors[k]}
    />
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(v);
      }}
    >
      <Stack>
        {creating && (
          <UnitSelect
            label={t('periods.fields.agency')}
            units={agencies}
            value={v.agencyId}
            onChange={(id) => set('agencyId', id)}
            required
            error={errors.agencyId}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            label={t('periods.fields.year')}
            value={v.year}
            onChange={(n) => set('year', Number(n) || v.year)}
            min={2015}
            max={2100}
            disabled={!creating}
            required
            error={errors.year}
          />
          {creating && (
            <TextInput
              label={t('periods.fields.templateId')}
              value={v.templateId}
              onChange={(e) => set('templateId', e.currentTarget.value)}
              error={errors.templateId}
            />
          )}
        </SimpleGrid>
        <TextInput
          label={t('periods.fields.name')}
          value={v.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          required
          error={errors.name}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {date('fillFrom', true)}
          {date('fillUntil', true)}
          {date('reviewFrom')}
          {date('reviewUntil')}
          {date('revisionFrom')}
          {date('revisionUntil')}
        </SimpleGrid>
        <Stack gap="xs">
          <Switch
            label={t('periods.fields.requireAllAnswered')}
            checked={v.requireAllAnswered}
            onChange={(e) => set('requireAllAnswered', e.currentTarget.checked)}
          />
          <Switch
            label={t('periods.fields.requireExplanation')}
            checked={v.requireExplanation}
            onChange={(e) => set('requireExplanation', e.currentTarget.checked)}
          />
          <Switch
            label={t('periods.fields.requireEvidence')}
            checked={v.requireEvidence}
            onChange={(e) => set('requireEvidence', e.currentTarget.checked)}
          />
        </Stack>
        {error !== null && Object.keys(errors).length === 0 && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
