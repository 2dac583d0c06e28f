import { ActionIcon, Button, Group, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateCampaignBody } from '../../../../contracts/surveys.ts';
import { targetSample, type SampleMethod } from '../../../../core/survey/sample-size.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { surveysApi, type CampaignView } from '../api.ts';
import { ExclusionFields, type ExclusionValue } from './exclusion-fields.tsx';

export type SurveyKind = CampaignView['kind'];
export const KINDS: readonly SurveyKind[] = ['skm', 'ipak', 'ipkp'];
export const METHODS: readonly SampleMethod[] = ['krejcie-morgan', 'slovin-5', 'slovin-10'];

type ServiceRow = { code: string; name: string; population: string };

/** A service code the contract accepts (lower case, digits, underscore), made from its name. */
export const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);

const toCount = (text: string): number => {
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
};

/** The core's target for the total population, as the server will compute it; null when it cannot say. */
export const computeTarget = (
  kind: SurveyKind,
  rows: readonly { population: number }[],
  method: SampleMethod,
) => {
  const total = rows.reduce((a, r) => a + r.population, 0);
  const r = targetSample(kind, total, method);
  return r.ok && r.value >= 1 ? r.value : null;
};

type Props = {
  unitId: string;
  campaign?: CampaignView;
  onDone: (c: CampaignView) => void;
  onCancel: () => void;
};

/** Create or edit (draft only) a campaign: kind, period, services with their populations, sampling, dates. */
export function CampaignForm({ unitId, campaign, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SurveyKind>(campaign?.kind ?? 'skm');
  const [periodLabel, setPeriodLabel] = useState(campaign?.periodLabel ?? '');
  const [rows, setRows] = useState<ServiceRow[]>(
    campaign?.services.map((s) => ({ code: s.code, name: s.name, population: String(s.population) })) ?? [
      { code: '', name: '', population: '' },
    ],
  );
  const [method, setMethod] = useState<SampleMethod>(campaign?.samplingMethod ?? 'krejcie-morgan');
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [requireCodes, setRequireCodes] = useState(campaign?.requireCodes ?? false);
  const [minSeconds, setMinSeconds] = useState(
    campaign?.minSeconds === null || campaign?.minSeconds === undefined ? '' : String(campaign.minSeconds),
  );
  const [deviceWindow, setDeviceWindow] = useState(String(campaign?.deviceWindowHours ?? 24));
  const [exclusion, setExclusion] = useState<ExclusionValue>({
    flags: campaign?.excludeFlags ?? [],
    reason: campaign?.exclusionReason ?? '',
  });

  const services = rows.map((r, i) => {
    const code = r.code || slugOf(r.name) || `layanan_${i + 1}`;
    return { code, name: r.name.trim(), population: toCount(r.population) };
  });
  const target = computeTarget(kind, services, method);
  const setRow = (i: number, patch: Partial<ServiceRow>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = useMutation({
    mutationFn: () => {
      const fields = {
        periodLabel: periodLabel.trim(),
        services,
        samplingMethod: method,
        startsOn,
        endsOn,
        requireCodes,
        minSeconds: minSeconds.trim() === '' ? null : toCount(minSeconds),
        deviceWindowHours: Math.min(toCount(deviceWindow), 24 * 90),
        excludeFlags: exclusion.flags,
        exclusionReason: exclusion.flags.length > 0 ? exclusion.reason.trim() : null,
      };
      if (campaign) return surveysApi.update(campaign.id, { version: campaign.version, ...fields });
      const body: CreateCampaignBody = {
        unitId,
        kind,
        ...fields,
        proofOfWork: false,
        customQuestions: [],
      };
      return surveysApi.create(body);
    },
    onSuccess: onDone,
  });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      aria-label={t('surveys.form.title')}
    >
      <Stack>
        <Radio.Group
          label={t('surveys.form.kind')}
          value={kind}
          onChange={(v) => setKind(KINDS.find((k) => k === v) ?? 'skm')}
        >
          <Group mt={4}>
            {KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`surveys.kind.${k}`)} disabled={Boolean(campaign)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          label={t('surveys.form.periodLabel')}
          placeholder={t('surveys.form.periodPlaceholder')}
          value={periodLabel}
          onChange={(e) => setPeriodLabel(e.currentTarget.value)}
          required
          maxLength={100}
        />
        <Stack gap="xs">
          <Text fw={500} size="sm" id="survey-services-label">
            {t('surveys.form.services')}
          </Text>
          {rows.map((row, i) => (
            <Group
              key={i}
              align="flex-end"
              gap="xs"
              wrap="wrap"
              role="group"
              aria-label={t('surveys.form.serviceN', { n: i + 1 })}
            >
              <TextInput
                style={{ flex: '2 1 12rem' }}
                label={t('surveys.form.serviceName', { n: i + 1 })}
                value={row.name}
                onChange={(e) => setRow(i, { name: e.currentTarget.value })}
                description={t('surveys.form.serviceCode', { code: services[i]?.code ?? '' })}
                required
                maxLength={200}
              />
              <TextInput
                style={{ flex: '1 1 7rem' }}
                label={t('surveys.form.population', { n: i + 1 })}
                type="number"
                inputMode="numeric"
                min={0}
                value={row.population}
                onChange={(e) => setRow(i, { population: e.currentTarget.value })}
              />
              {rows.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('surveys.form.removeService', { n: i + 1 })}
                  onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          <Group>
            <Button
              variant="light"
              size="compact-sm"
              onClick={() => setRows((list) => [...list, { code: '', name: '', population: '' }])}
            >
              {t('surveys.form.addService')}
            </Button>
          </Group>
        </Stack>
        <Radio.Group
          label={t('surveys.form.method')}
          value={method}
          onChange={(v) => setMethod(METHODS.find((m) => m === v) ?? 'krejcie-morgan')}
        >
          <Stack mt={4} gap={6}>
            {METHODS.map((m) => (
              <Radio key={m} value={m} label={t(`surveys.method.${m}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Text role="status" aria-live="polite" data-testid="survey-target">
          {target === null
            ? t('surveys.form.targetUnknown')
            : t('surveys.form.target', {
                target,
                population: services.reduce((a, s) => a + s.population, 0),
              })}
        </Text>
        <Group grow wrap="wrap">
          <TextInput
            label={t('surveys.form.startsOn')}
            type="date"
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('surveys.form.endsOn')}
            type="date"
            value={endsOn}
            onChange={(e) => setEndsOn(e.currentTarget.value)}
            required
          />
        </Group>
        <Switch
          label={t('surveys.form.requireCodes')}
          description={t('surveys.form.requireCodesHelp')}
          checked={requireCodes}
          onChange={(e) => setRequireCodes(e.currentTarget.checked)}
        />
        <TextInput
          label={t('surveys.form.minSeconds')}
          description={t('surveys.form.minSecondsHelp')}
          type="number"
          inputMode="numeric"
          min={0}
          max={3600}
          value={minSeconds}
          onChange={(e) => setMinSeconds(e.currentTarget.value)}
        />
        <TextInput
          label={t('surveys.form.deviceWindow')}
          description={t('surveys.form.deviceWindowHelp')}
          type="number"
          inputMode="numeric"
          min={0}
          max={24 * 90}
          value={deviceWindow}
          onChange={(e) => setDeviceWindow(e.currentTarget.value)}
        />
        <ExclusionFields value={exclusion} onChange={setExclusion} />
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {campaign ? t('common.save') : t('surveys.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
