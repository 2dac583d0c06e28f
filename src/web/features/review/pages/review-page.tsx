import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { LkeTemplate } from '../../../../core/lke/template-model.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useTemplate } from '../../workspace/api.ts';
import { reviewUrls, useReviewItems, useReviewView } from '../api.ts';
import { ActionsPanel } from '../components/actions-panel.tsx';
import { useLevelName } from '../components/level-name.ts';
import { LevelScores } from '../components/level-scores.tsx';
import { ReviewItemCard, type ItemInfo } from '../components/review-item-card.tsx';
import { filterCounts, filterItems, ITEM_FILTERS, itemCodeOf, type ItemFilter } from '../review-model.ts';

const PAGE = 25;

const TPI_STATUSES = new Set([
  'tpi_review',
  'returned',
  'resubmitted',
  'tpi_verdict_meets',
  'tpi_verdict_not_meets',
]);

const infoOf = (template: LkeTemplate | undefined) => {
  const map = new Map<string, ItemInfo>();
  for (const def of template?.items ?? []) {
    map.set(def.code, { def, text: def.text });
    if (def.type === 'ratio') for (const input of def.inputs) map.set(input.code, { def, text: input.text });
  }
  return map;
};

/**
 * The review screen: where the assessment stands and what the caller may do now (with what blocks it), the
 * score of every level and where they differ, then each item side by side, filtered.
 */
export function ReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const view = useReviewView(id);
  const items = useReviewItems(id);
  // The template the period pins, as the worksheet reads it: the items' texts are those the unit answered.
  const template = useTemplate(view.data?.assessment.templateId, view.data?.assessment.templateVersion);
  const [params, setParams] = useSearchParams();
  const filter = (ITEM_FILTERS as readonly string[]).includes(params.get('filter') ?? '')
    ? (params.get('filter') as ItemFilter)
    : 'all';
  const [search, setSearch] = useState(params.get('item') ?? '');
  const [shown, setShown] = useState(PAGE);
  const info = useMemo(() => infoOf(template.data), [template.data]);
  const levelName = useLevelName(
    view.data?.config ?? {
      preliminaryReview: false,
      tpiStages: [],
      proposalDeadline: '',
      utcOffsetMinutes: 0,
    },
  );

  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const v = view.data;
  const reached = new Set(v.levels.filter((l) => l.reached).map((l) => l.level));
  const all = items.data?.items ?? [];
  const counts = filterCounts(all);
  const visible = filterItems(all, filter, search);
  const tpnLevel = [...v.levels].reverse().find((l) => l.reached && l.kind.startsWith('tpn'));
  const lheLevel = tpnLevel?.level ?? [...v.levels].reverse().find((l) => l.reached)?.level ?? 'unit';
  const stage = v.config.tpiStages[v.tpiStage.index];

  return (
    <>
      <PageHeader
        title={t('review.page.title', { unit: v.assessment.unitName, year: v.assessment.year })}
        description={t('review.page.description')}
        actions={
          <Anchor href={reviewUrls.lhe(v.assessment.id, lheLevel)} size="sm">
            {t('review.page.lhe', { level: levelName(lheLevel) })}
          </Anchor>
        }
      />
      <Stack>
        <Group gap="xs" wrap="wrap" role="group" aria-label={t('review.page.where')}>
          <Badge variant="light" style={{ textTransform: 'none' }}>
            {t(`assessments.status.${v.status}`)}
          </Badge>
          <Badge variant="outline" style={{ textTransform: 'none' }}>
            {t('ws.target', { target: v.assessment.target })}
          </Badge>
          {TPI_STATUSES.has(v.status) && stage && (
            <Badge variant="light" color="indigo" style={{ textTransform: 'none' }}>
              {t('review.page.tpiStage', {
                stage: t(`review.position.${stage.id}`, { defaultValue: stage.id }),
                n: v.tpiStage.index + 1,
                of: v.config.tpiStages.length,
              })}
            </Badge>
          )}
          {v.myLevel && (
            <Badge variant="filled" color="indigo" style={{ textTransform: 'none' }}>
              {t('review.page.myLevel', { level: levelName(v.myLevel) })}
            </Badge>
          )}
          {v.award && (
            <Badge color={v.award.revokedOn ? 'gray' : 'teal'} style={{ textTransform: 'none' }}>
              {t('review.page.award', { predicate: v.award.predicate, number: v.award.decreeNumber })}
            </Badge>
          )}
          <Anchor component={Link} to={`/predicates?unit=${v.assessment.unitId}`} size="sm">
            {t('review.page.history')}
          </Anchor>
        </Group>
        {v.counts.returned + v.counts.awaitingRecheck > 0 && (
          <Alert color="orange" variant="light">
            {t('review.page.marks', { returned: v.counts.returned, recheck: v.counts.awaitingRecheck })}
          </Alert>
        )}
        <Grid gap="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 5 }} order={{ base: 1, lg: 2 }}>
            <Stack>
              <ActionsPanel view={v} />
              <LevelScores view={v} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }} order={{ base: 2, lg: 1 }}>
            <Stack>
              <SegmentedControl
                fullWidth
                aria-label={t('review.filter.label')}
                value={filter}
                onChange={(f) => {
                  setShown(PAGE);
                  setParams((p) => {
                    const next = new URLSearchParams(p);
                    if (f === 'all') next.delete('filter');
                    else next.set('filter', f);
                    return next;
                  });
                }}
                data={ITEM_FILTERS.map((f) => ({
                  value: f,
                  label: t(`review.filter.${f}`, { count: counts[f] }),
                }))}
                styles={{ label: { whiteSpace: 'normal' } }}
              />
              <TextInput
                label={t('review.filter.search')}
                value={search}
                onChange={(e) => {
                  setShown(PAGE);
                  setSearch(e.currentTarget.value);
                }}
              />
              {items.isError && <ErrorAlert error={items.error} />}
              {template.isError && <ErrorAlert error={template.error} />}
              {(items.isPending || template.isPending) && <Loading />}
              {items.data && visible.length === 0 && <Text c="dimmed">{t('review.filter.empty')}</Text>}
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('review.filter.showing', {
                  shown: Math.min(shown, visible.length),
                  total: visible.length,
                })}
              </Text>
              {template.data &&
                visible
                  .slice(0, shown)
                  .map((item) => (
                    <ReviewItemCard
                      key={item.code}
                      view={v}
                      item={item}
                      reached={reached}
                      info={info.get(item.code) ?? info.get(itemCodeOf(item)) ?? { def: undefined, text: '' }}
                    />
                  ))}
              {visible.length > shown && (
                <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
                  {t('review.filter.more')}
                </Button>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
