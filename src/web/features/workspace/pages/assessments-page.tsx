import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Assessment } from '../../../../contracts/assessments.ts';
import type { Period } from '../../../../contracts/periods.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { keys, usePeriods, useTemplate, useWorksheet, workspaceApi } from '../api.ts';
import { countAnswered, statusColor } from '../worksheet-model.ts';

function Completeness({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const sheet = useWorksheet(assessment.id);
  const template = useTemplate(assessment.templateId, assessment.templateVersion);
  if (!sheet.data || !template.data)
    return <Progress value={0} size="sm" aria-label={t('assessments.completeness')} />;
  const values = new Map(sheet.data.answers.map((a) => [a.code, a.value]));
  const c = countAnswered(template.data.items, (code) => values.get(code) ?? null);
  return (
    <Stack gap={2}>
      <Group justify="space-between">
        <Text size="xs">{t('assessments.completeness')}</Text>
        <Text size="xs" fw={700}>
          {c.answered}/{c.total}
        </Text>
      </Group>
      <Progress
        value={(c.answered / Math.max(1, c.total)) * 100}
        size="sm"
        color="teal"
        aria-label={t('assessments.completeness')}
      />
    </Stack>
  );
}

/** A unit's assessments, with their status and completeness, and "start assessment". */
export function AssessmentsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'assessment.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const unit = readable.find((u) => u.id === unitId);
  const list = useQuery({
    queryKey: keys.assessments(unitId),
    queryFn: () => workspaceApi.assessments({ unitId: unitId ?? undefined }),
    enabled: Boolean(unitId),
  });
  const [starting, setStarting] = useState(false);
  const [form, setForm] = useState({
    periodId: null as string | null,
    target: 'WBK' as 'WBK' | 'WBBM',
    alreadyWbk: false,
    carry: false,
  });
  const create = useMutation({
    mutationFn: () =>
      workspaceApi.createAssessment({
        periodId: form.periodId ?? '',
        unitId: unitId ?? '',
        target: form.target,
        alreadyWbk: form.alreadyWbk || form.target === 'WBBM',
        carryFromPrevious: form.carry,
      }),
    onSuccess: async (a) => {
      await client.invalidateQueries({ queryKey: ['assessments'] });
      void navigate(`/assessments/${a.id}`);
    },
  });

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const taken = new Set((list.data ?? []).map((a) => a.periodId));
  const open: Period[] = (periods.data ?? []).filter(
    (p) => !taken.has(p.id) && (!unit || unit.path.includes(`/${p.agencyId}/`)),
  );
  const canStart = unit ? canOnUnit(me, 'assessment.create', unit.path) : false;
  const periodName = (id: string) => periods.data?.find((p) => p.id === id)?.name ?? '';

  return (
    <>
      <PageHeader
        title={t('assessments.title')}
        description={t('assessments.description')}
        actions={
          canStart && (
            <Button
              onClick={() => {
                // Carrying over only makes sense when the unit has an earlier assessment.
                setForm((f) => ({ ...f, carry: (list.data?.length ?? 0) > 0 }));
                setStarting(true);
              }}
              disabled={open.length === 0}
            >
              {t('assessments.start')}
            </Button>
          )
        }
      />
      <Stack>
        <UnitSelect
          label={t('assessments.unit')}
          units={readable}
          value={unitId}
          onChange={(id) => setParams(id ? { unit: id } : {})}
        />
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data?.length === 0 && <Text c="dimmed">{t('assessments.empty')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {[...(list.data ?? [])]
            .sort((a, b) => b.year - a.year)
            .map((a) => (
              <Card key={a.id} withBorder radius="md">
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={700}>
                      {a.year} · {periodName(a.periodId) || a.unitName}
                    </Text>
                    <Group gap={4}>
                      <Badge variant="light" style={{ textTransform: 'none' }}>
                        {t('ws.target', { target: a.target })}
                      </Badge>
                      <Badge variant="light" color={statusColor(a.status)} style={{ textTransform: 'none' }}>
                        {t(`assessments.status.${a.status}`)}
                      </Badge>
                      {a.carriedFromId && (
                        <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
                          {t('assessments.carried')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <Button
                    component={Link}
                    to={`/assessments/${a.id}`}
                    size="compact-sm"
                    aria-label={t('assessments.openNamed', { year: a.year })}
                  >
                    {t('assessments.open')}
                  </Button>
                </Group>
                <Stack mt="sm" gap={4}>
                  <Completeness assessment={a} />
                  {a.submittedAt && (
                    <Text size="xs" c="dimmed">
                      {t('assessments.submittedAt', { when: formatDateTime(a.submittedAt, i18n.language) })}
                    </Text>
                  )}
                  {a.approvedAt && (
                    <Text size="xs" c="dimmed">
                      {t('assessments.approvedAt', { when: formatDateTime(a.approvedAt, i18n.language) })}
                    </Text>
                  )}
                </Stack>
              </Card>
            ))}
        </SimpleGrid>
      </Stack>
      <Modal opened={starting} onClose={() => setStarting(false)} title={t('assessments.start')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Stack>
            <Select
              label={t('assessments.period')}
              data={open.map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }))}
              value={form.periodId}
              onChange={(v) => setForm({ ...form, periodId: v })}
              required
              comboboxProps={{ withinPortal: true }}
            />
            <Radio.Group
              label={t('assessments.targetLabel')}
              value={form.target}
              onChange={(v) => setForm({ ...form, target: v === 'WBBM' ? 'WBBM' : 'WBK' })}
            >
              <Group mt={4}>
                <Radio value="WBK" label="WBK" />
                <Radio value="WBBM" label="WBBM" />
              </Group>
            </Radio.Group>
            <Switch
              label={t('assessments.alreadyWbk')}
              checked={form.alreadyWbk || form.target === 'WBBM'}
              disabled={form.target === 'WBBM'}
              onChange={(e) => setForm({ ...form, alreadyWbk: e.currentTarget.checked })}
            />
            <Switch
              label={t('assessments.carry')}
              description={t('assessments.carryHelp')}
              checked={form.carry}
              onChange={(e) => setForm({ ...form, carry: e.currentTarget.checked })}
            />
            {create.isError && <ErrorAlert error={create.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setStarting(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!form.periodId}>
                {t('assessments.startConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
