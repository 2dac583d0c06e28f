import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EvaluatorAssignment } from '../../../../contracts/reviews.ts';
import { ConfirmStep } from '../../../components/confirm-step.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { isApiError } from '../../../lib/api.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { reviewApi, reviewKeys } from '../api.ts';
import { conflictLines, evaluatorCandidates } from '../conflicts.ts';

const POSITIONS = ['member', 'team_lead', 'quality_controller'] as const;

/** Why the server refused: for a conflict of interest, each conflicting grant by role and unit. */
function AssignRefusal({ error, userName }: { error: unknown; userName: string }) {
  const { t } = useTranslation();
  const units = useUnitsQuery();
  if (!isApiError(error, 'CONFLICT_OF_INTEREST')) return <ErrorAlert error={error} />;
  const nameOf = (id: string) => units.data?.find((u) => u.id === id)?.name ?? t('review.assign.unknownUnit');
  const lines = conflictLines(error.details);
  return (
    <Alert color="red" variant="light" role="alert" title={t('review.assign.conflictTitle')}>
      <Text size="sm">{t('review.assign.conflictIntro', { name: userName })}</Text>
      <List size="sm" mt={4} aria-label={t('review.assign.conflictList')}>
        {lines.map((line) => (
          <List.Item key={`${line.role}${line.unitPath}`}>
            {t(line.on === 'unit' ? 'review.assign.conflictOnUnit' : 'review.assign.conflictOnParent', {
              role: t(`roles.${line.role}`),
              unit: nameOf(line.unitId),
            })}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt={4}>
        {t('review.assign.conflictRule')}
      </Text>
    </Alert>
  );
}

function AssignmentCard({
  row,
  onRemove,
  removing,
}: {
  row: EvaluatorAssignment;
  onRemove: () => void;
  removing: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" component="article" aria-label={row.userName}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text fw={700}>{row.userName}</Text>
          <Text size="sm" c="dimmed">
            {row.userEmail}
          </Text>
          <Group gap={4}>
            <Badge variant="light" color={row.level === 'tpn' ? 'grape' : 'blue'}>
              {t(`review.level.${row.level}`)}
            </Badge>
            {row.positions.map((p) => (
              <Badge key={p} variant="outline" style={{ textTransform: 'none' }}>
                {t(`review.position.${p}`, { defaultValue: p })}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Button
          variant="subtle"
          color="red"
          size="compact-sm"
          onClick={onRemove}
          loading={removing}
          aria-label={t('review.assign.removeNamed', { name: row.userName })}
        >
          {t('review.assign.remove')}
        </Button>
      </Group>
    </Card>
  );
}

/**
 * Who reviews whom: per unit, its TPI (and TPN) evaluators with their positions in the team; add by picking a
 * person holding the evaluator role, remove; a refusal for conflict of interest lists each conflicting role.
 */
export function EvaluatorsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const assignable = (units.data ?? []).filter(
    (u) => u.active && u.parentId !== null && canOnUnit(me, 'review.assign', u.path),
  );
  const unitId = params.get('unit') ?? (assignable.length === 1 ? (assignable[0]?.id ?? null) : null);
  const unit = assignable.find((u) => u.id === unitId);
  const list = useQuery({
    queryKey: reviewKeys.evaluators(unitId ?? ''),
    queryFn: () => reviewApi.evaluators(unitId ?? ''),
    enabled: Boolean(unit),
  });
  const users = useQuery({ queryKey: reviewKeys.candidates, queryFn: reviewApi.users, staleTime: 30_000 });
  const [level, setLevel] = useState<'tpi' | 'tpn'>('tpi');
  const [userId, setUserId] = useState<string | null>(null);
  const [positions, setPositions] = useState<string[]>(['member']);
  const [removing, setRemoving] = useState<EvaluatorAssignment | null>(null);
  const assigned = useMemo(
    () => new Set((list.data ?? []).filter((a) => a.level === level).map((a) => a.userId)),
    [list.data, level],
  );
  const candidates = unit ? evaluatorCandidates(users.data ?? [], unit.path, level, assigned) : [];
  const picked = users.data?.find((u) => u.id === userId);

  const refresh = () => client.invalidateQueries({ queryKey: reviewKeys.evaluators(unitId ?? '') });
  const add = useMutation({
    mutationFn: () =>
      reviewApi.assign(unitId ?? '', {
        userId: userId ?? '',
        level,
        positions: level === 'tpn' ? ['member'] : positions,
      }),
    onSuccess: async () => {
      setUserId(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (assignmentId: string) => reviewApi.unassign(unitId ?? '', assignmentId),
    onSuccess: refresh,
  });

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const rows = list.data ?? [];
  const byLevel = (l: 'tpi' | 'tpn') => rows.filter((r) => r.level === l);

  return (
    <>
      <PageHeader title={t('review.assign.title')} description={t('review.assign.description')} />
      <Stack>
        <UnitSelect
          label={t('review.assign.unit')}
          units={assignable}
          value={unitId}
          onChange={(id) => {
            add.reset();
            setParams(id ? { unit: id } : {});
          }}
        />
        {list.isError && <ErrorAlert error={list.error} />}
        {unit && list.data && (
          <>
            {(['tpi', 'tpn'] as const).map((l) => (
              <Stack key={l} gap="xs" component="section" aria-label={t(`review.assign.team.${l}`)}>
                <Title order={2} size="h4">
                  {t(`review.assign.team.${l}`)}
                </Title>
                {byLevel(l).length === 0 && (
                  <Text c="dimmed" size="sm">
                    {t('review.assign.none')}
                  </Text>
                )}
                {byLevel(l).map((row) => (
                  <AssignmentCard
                    key={row.id}
                    row={row}
                    removing={remove.isPending && remove.variables === row.id}
                    onRemove={() => {
                      remove.reset();
                      setRemoving(row);
                    }}
                  />
                ))}
              </Stack>
            ))}
            <ConfirmStep
              opened={removing !== null}
              onClose={() => setRemoving(null)}
              onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
              title={t('review.assign.confirm.title', { name: removing?.userName ?? '' })}
              happens={[t('review.assign.confirm.access'), t('review.assign.confirm.kept')]}
              told={t('review.assign.confirm.told', { name: removing?.userName ?? '' })}
              confirmLabel={t('review.assign.remove')}
              color="red"
              loading={remove.isPending}
              error={remove.error}
            />
            <Card withBorder radius="md">
              <form
                aria-label={t('review.assign.addTitle')}
                onSubmit={(e) => {
                  e.preventDefault();
                  if (userId) add.mutate();
                }}
              >
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('review.assign.addTitle')}
                  </Title>
                  {me.isSystemAdmin && (
                    <SegmentedControl
                      value={level}
                      onChange={(v) => {
                        setLevel(v === 'tpn' ? 'tpn' : 'tpi');
                        setUserId(null);
                        add.reset();
                      }}
                      data={[
                        { value: 'tpi', label: t('review.level.tpi') },
                        { value: 'tpn', label: t('review.level.tpn') },
                      ]}
                    />
                  )}
                  <Select
                    label={t('review.assign.person')}
                    description={t('review.assign.personHelp', { role: t(`roles.${level}_evaluator`) })}
                    searchable
                    data={candidates.map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }))}
                    value={userId}
                    onChange={(v) => {
                      setUserId(v);
                      add.reset();
                    }}
                    nothingFoundMessage={t('review.assign.noCandidates')}
                  />
                  {level === 'tpi' && (
                    <MultiSelect
                      label={t('review.assign.positions')}
                      description={t('review.assign.positionsHelp')}
                      data={POSITIONS.map((p) => ({ value: p, label: t(`review.position.${p}`) }))}
                      value={positions}
                      onChange={setPositions}
                    />
                  )}
                  {add.error && <AssignRefusal error={add.error} userName={picked?.name ?? ''} />}
                  <Group>
                    <Button
                      type="submit"
                      disabled={!userId || (level === 'tpi' && positions.length === 0)}
                      loading={add.isPending}
                    >
                      {t('review.assign.add')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            </Card>
          </>
        )}
      </Stack>
    </>
  );
}
