import {
  Alert,
  Badge,
  Box,
  Button,
  Drawer,
  Grid,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { ItemDef } from '../../../../core/lke/template-model.ts';
import { formatId } from '../../../../core/shared/exact.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { AnswerFeedNote } from '../../change-agents/components/answer-feed-note.tsx';
import { Loading } from '../../../components/loading.tsx';
import { useMe } from '../../../lib/session.ts';
import { keys, useTemplate, useWorksheet, workspaceApi } from '../api.ts';
import { ReturnedItems } from '../../review/components/returned-items.tsx';
import { ItemPanel } from '../components/item-panel.tsx';
import { SaveStateBadge } from '../components/save-state.tsx';
import { ScorePanel } from '../components/score-panel.tsx';
import { SubmissionBar } from '../components/submission-bar.tsx';
import { WorksheetNav, type NavFilter } from '../components/worksheet-nav.tsx';
import { createDraftStore, type DraftStore } from '../draft-store.ts';
import { LeaveGuard } from '../use-leave-guard.tsx';
import { useLiveScore } from '../use-live-score.ts';
import {
  areaOfItem,
  buildNav,
  codesOf,
  itemStatus,
  readOnlyReason,
  statusColor,
} from '../worksheet-model.ts';

/** The self-assessment worksheet: where a unit's ZI team lives for months. */
export function WorksheetPage() {
  const { id = '' } = useParams();
  const store = useMemo(
    () =>
      createDraftStore({ assessmentId: id, saver: (code, body) => workspaceApi.saveAnswer(id, code, body) }),
    [id],
  );
  useEffect(() => () => store.dispose(), [store]);
  return <Worksheet id={id} store={store} />;
}

const waitUntilSaved = (store: DraftStore, ms = 8000) =>
  new Promise<boolean>((resolve) => {
    store.flush();
    const started = Date.now();
    const check = () => {
      const s = store.getSnapshot();
      if (s.unsaved === 0) return resolve(true);
      if (s.overall === 'conflict' || Date.now() - started > ms) return resolve(false);
      setTimeout(check, 150);
    };
    check();
  });

function Worksheet({ id, store }: { id: string; store: DraftStore }) {
  const { t } = useTranslation();
  const me = useMe();
  const sheet = useWorksheet(id);
  const assessment = sheet.data?.assessment;
  const template = useTemplate(assessment?.templateId, assessment?.templateVersion);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<NavFilter>('all');
  const desktop = useMediaQuery('(min-width: 62em)', true);
  const [navOpen, nav] = useDisclosure(false);
  const [scoreOpen, scoreSheet] = useDisclosure(false);
  const people = useQuery({
    queryKey: keys.unitUsers(assessment?.unitId ?? ''),
    queryFn: () => workspaceApi.unitUsers(assessment?.unitId ?? ''),
    enabled: Boolean(assessment?.unitId),
    retry: false,
  });

  useEffect(() => {
    if (sheet.data) store.load(sheet.data.answers);
  }, [sheet.data, store]);

  const live = useLiveScore(
    template.data,
    snapshot,
    assessment?.alreadyWbk ?? false,
    assessment?.target ?? 'WBK',
  );
  const navTree = useMemo(() => (template.data ? buildNav(template.data) : []), [template.data]);
  const order = useMemo(
    () => navTree.flatMap((c) => c.areas.flatMap((a) => a.subAreas.flatMap((s) => s.items))),
    [navTree],
  );

  const valueOf = useCallback(
    (code: string) => {
      const e = snapshot.entries.get(code);
      return e ? (e.draft ? e.draft.value : e.base.value) : null;
    },
    [snapshot],
  );
  const explanationOf = useCallback(
    (code: string) => {
      const e = snapshot.entries.get(code);
      return e ? (e.draft ? e.draft.explanation : e.base.explanation) : '';
    },
    [snapshot],
  );

  const tpl = template.data;
  const editableArea = (area: number | null) =>
    assessment ? readOnlyReason(assessment, area) === null : false;
  const requested = params.get('item');
  const requestedItem =
    tpl && requested
      ? (tpl.itemByCode.get(requested) ?? tpl.itemByCode.get(tpl.inputByCode.get(requested)?.item ?? ''))
      : undefined;
  const selected: ItemDef | undefined =
    requestedItem ?? (tpl ? (order.find((i) => editableArea(areaOfItem(tpl, i))) ?? order[0]) : undefined);
  const index = selected ? order.indexOf(selected) : -1;

  const go = useCallback(
    (code: string) => {
      const item = tpl?.itemByCode.get(code) ?? tpl?.itemByCode.get(tpl.inputByCode.get(code)?.item ?? '');
      store.flush();
      setParams({ item: item?.code ?? code });
      nav.close();
      scoreSheet.close();
      window.scrollTo({ top: 0 });
    },
    [tpl, store, setParams, nav, scoreSheet],
  );
  const prev = index > 0 ? () => go(order[index - 1]?.code ?? '') : undefined;
  const next = index >= 0 && index < order.length - 1 ? () => go(order[index + 1]?.code ?? '') : undefined;
  useHotkeys([
    ['alt+ArrowDown', () => next?.()],
    ['alt+ArrowUp', () => prev?.()],
  ]);

  if (sheet.isPending || (assessment && template.isPending)) return <Loading />;
  if (sheet.isError) return <ErrorAlert error={sheet.error} />;
  if (template.isError) return <ErrorAlert error={template.error} />;
  if (!assessment || !tpl || !live || !selected) return <Loading />;
  const data = sheet.data;

  const area = areaOfItem(tpl, selected);
  const itemCodes = new Set(codesOf(selected));
  const computed = live.score.items[selected.index]?.value ?? null;
  const navEl = (
    <WorksheetNav
      nav={navTree}
      valueOf={valueOf}
      statusOf={(item) => itemStatus(item, valueOf, explanationOf)}
      toReview={(item) => codesOf(item).some((c) => snapshot.entries.get(c)?.base.toReview)}
      editable={editableArea}
      selected={selected.code}
      onSelect={go}
      filter={filter}
      onFilter={setFilter}
    />
  );
  const scoreEl = (
    <ScorePanel
      score={live.score}
      target={assessment.target}
      plan={live.plan}
      gains={live.gains}
      onItem={go}
    />
  );
  const peopleList = people.data
    ? people.data.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name }))
    : null;

  return (
    <Stack gap="md" pb={desktop ? 0 : 72}>
      <LeaveGuard unsaved={snapshot.unsaved > 0} />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 18rem' }}>
          <Title order={1} size="h3">
            {t('ws.title', { unit: assessment.unitName, year: assessment.year })}
          </Title>
          <Group gap={6}>
            <Badge variant="light" style={{ textTransform: 'none' }}>
              {t('ws.target', { target: assessment.target })}
            </Badge>
            <Badge color={statusColor(assessment.status)} variant="light" style={{ textTransform: 'none' }}>
              {t(`assessments.status.${assessment.status}`)}
            </Badge>
            <SaveStateBadge state={snapshot.overall} label={t('ws.save.overall')} />
            {snapshot.unsaved > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => store.flush()}>
                {t('ws.save.now')}
              </Button>
            )}
          </Group>
        </Stack>
        <SubmissionBar assessment={assessment} beforeSubmit={() => waitUntilSaved(store)} onItem={go} />
      </Group>
      {assessment.status === 'returned' && (
        <Alert color="orange" variant="light" title={t('ws.locked.returnedTitle')}>
          {t('ws.locked.returned')}
        </Alert>
      )}
      <ReturnedItems itemReviews={data.itemReviews} current={selected.code} onItem={go} />
      {readOnlyReason(assessment, null) === 'locked' && (
        <Alert color="teal" variant="light" title={t(`assessments.status.${assessment.status}`)}>
          {t('ws.locked.approved')}
        </Alert>
      )}
      {assessment.status === 'submitted' && (
        <Alert color="blue" variant="light" title={t('ws.locked.submittedTitle')}>
          {t('ws.locked.submitted')}
        </Alert>
      )}
      {assessment.carriedFromId && (
        <Text size="sm" c="dimmed">
          {t('ws.carried')}
        </Text>
      )}

      {!desktop && (
        <Button variant="default" onClick={nav.open} fullWidth>
          {t('ws.nav.open', { code: selected.code })}
        </Button>
      )}

      <Grid gap="md" align="flex-start">
        {desktop && (
          <Grid.Col span={3}>
            <Paper withBorder radius="md" p="xs">
              <ScrollArea.Autosize mah="calc(100vh - 200px)" type="auto">
                {navEl}
              </ScrollArea.Autosize>
            </Paper>
          </Grid.Col>
        )}
        <Grid.Col span={desktop ? 5 : 12}>
          {data.itemReviews[selected.code] && (
            <Alert color="orange" variant="light" mb="xs" title={t('ws.locked.returnNote')}>
              {data.itemReviews[selected.code]?.returnNote}
            </Alert>
          )}
          {selected.type === 'ratio' && (
            <AnswerFeedNote assessmentId={assessment.id} codes={selected.inputs.map((i) => i.code)} />
          )}
          <ItemPanel
            key={selected.code}
            assessment={assessment}
            item={selected}
            area={area}
            entries={snapshot.entries}
            store={store}
            computed={computed}
            links={data.evidence.filter((l) => itemCodes.has(l.code))}
            commentCount={data.commentCounts[selected.code] ?? 0}
            readOnly={
              readOnlyReason(assessment, area, data.itemReviews[selected.code] !== undefined) ??
              (snapshot.entries.get(selected.code)?.base.sourceCampaignId ? 'fromSurvey' : null)
            }
            people={peopleList}
            me={{ id: me.id, name: me.name }}
            onPrev={prev}
            onNext={next}
          />
          <Text size="xs" c="dimmed" mt="xs">
            {t('ws.keyboard')}
          </Text>
        </Grid.Col>
        {desktop && (
          <Grid.Col span={4}>
            <Paper withBorder radius="md" p="sm" style={{ position: 'sticky', top: 76 }}>
              <ScrollArea.Autosize mah="calc(100vh - 110px)" type="auto" offsetScrollbars="y">
                {scoreEl}
              </ScrollArea.Autosize>
            </Paper>
          </Grid.Col>
        )}
      </Grid>

      {!desktop && (
        <>
          <Drawer opened={navOpen} onClose={nav.close} title={t('ws.nav.label')} size="90%">
            {navEl}
          </Drawer>
          <Box
            pos="fixed"
            bottom={0}
            left={0}
            right={0}
            p="xs"
            bg="white"
            style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 150 }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {t('ws.score.total')}: <strong>{formatId(live.score.total.score)}</strong> ·{' '}
                {live.score.completeness.answered}/{live.score.completeness.total}
              </Text>
              <Button size="xs" onClick={scoreSheet.open} aria-expanded={scoreOpen}>
                {t('ws.score.open')}
              </Button>
            </Group>
          </Box>
          <Drawer
            opened={scoreOpen}
            onClose={scoreSheet.close}
            position="bottom"
            size="85%"
            title={t('ws.score.title')}
          >
            {scoreEl}
          </Drawer>
        </>
      )}
    </Stack>
  );
}
