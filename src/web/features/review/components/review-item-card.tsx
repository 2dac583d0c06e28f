import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  NumberInput,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem, ReviewItemList, ReviewView } from '../../../../contracts/reviews.ts';
import type { ItemDef } from '../../../../core/lke/template-model.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { reviewApi, reviewKeys, type ReviewItemResult } from '../api.ts';
import { itemDiff, valueText } from '../review-model.ts';
import { EvidenceList } from './evidence-viewer.tsx';
import { useLevelName } from './level-name.ts';

type Value = ReviewItem['unit']['value'];

/** The item's definition and, for a count input of a ratio item, the input's own text. */
export type ItemInfo = { def: ItemDef | undefined; text: string };

/** The reviewer's answer and note at her level, saved with her level's row version. */
function ReviewerForm({ view, item, info }: { view: ReviewView; item: ReviewItem; info: ItemInfo }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = view.assessment.id;
  const mine = item.levels.find((l) => l.level === view.myLevel);
  const [value, setValue] = useState<Value>(mine?.value ?? null);
  // A level that set nothing of its own reads the level below, the unit's explanation included: her note starts empty.
  const ownNote = mine?.own ? mine.note : '';
  const [note, setNote] = useState(ownNote);
  const [returning, setReturning] = useState(false);
  const [returnNote, setReturnNote] = useState('');
  const apply = async (result: ReviewItemResult) => {
    client.setQueryData<ReviewItemList>(reviewKeys.items(id), (list) =>
      list
        ? { ...list, items: list.items.map((i) => (i.code === result.item.code ? result.item : i)) }
        : list,
    );
    await client.invalidateQueries({ queryKey: reviewKeys.view(id) });
  };
  const save = useMutation({
    mutationFn: () =>
      reviewApi.answer(id, item.code, { version: mine?.version ?? 0, value, note, clear: false }),
    onSuccess: apply,
  });
  const giveBack = useMutation({
    mutationFn: () => reviewApi.returnItem(id, item.code, returnNote.trim()),
    onSuccess: async (r) => {
      setReturning(false);
      setReturnNote('');
      await apply(r);
    },
  });
  const recheck = useMutation({ mutationFn: () => reviewApi.recheckItem(id, item.code), onSuccess: apply });
  if (!mine) return null;
  const dirty = value !== mine.value || note !== ownNote;
  const error = save.error ?? giveBack.error ?? recheck.error;
  return (
    <Stack gap="xs">
      {info.def && info.def.type !== 'ratio' && info.def.type !== 'index_0_4' ? (
        // A native select: the phone's own picker, and long option texts wrap there instead of overflowing.
        <NativeSelect
          label={t('review.item.myAnswer')}
          data={[
            { value: '', label: '—' },
            ...info.def.options.map((o) => ({ value: o.key, label: `${o.key} · ${o.text}` })),
          ]}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => setValue(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        />
      ) : (
        <NumberInput
          label={t('review.item.myAnswer')}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => setValue(v === '' ? null : Number(v))}
          decimalSeparator=","
          allowNegative={false}
          min={0}
        />
      )}
      <Textarea
        label={t('review.item.myNote')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group gap="xs" wrap="wrap">
        <Button size="compact-sm" onClick={() => save.mutate()} disabled={!dirty} loading={save.isPending}>
          {t('review.item.save')}
        </Button>
        {view.canReturnItems && item.review.status === 'open' && (
          <Button size="compact-sm" variant="default" onClick={() => setReturning((r) => !r)}>
            {t('review.item.return')}
          </Button>
        )}
        {view.canReturnItems && item.review.status === 'awaiting_recheck' && (
          <Button
            size="compact-sm"
            variant="light"
            color="teal"
            onClick={() => recheck.mutate()}
            loading={recheck.isPending}
          >
            {t('review.item.recheck')}
          </Button>
        )}
      </Group>
      {returning && (
        <form
          aria-label={t('review.item.returnTitle', { code: item.code })}
          onSubmit={(e) => {
            e.preventDefault();
            if (returnNote.trim()) giveBack.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('review.item.returnNote')}
              description={t('review.item.returnHelp')}
              required
              autosize
              minRows={2}
              value={returnNote}
              onChange={(e) => setReturnNote(e.currentTarget.value)}
            />
            <Group gap="xs">
              <Button
                size="compact-sm"
                type="submit"
                color="orange"
                disabled={!returnNote.trim()}
                loading={giveBack.isPending}
              >
                {t('review.item.returnConfirm')}
              </Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setReturning(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {error && <ErrorAlert error={error} />}
    </Stack>
  );
}

/**
 * One item side by side: the unit's answer, explanation and evidence on the left; every level's answer and
 * note on the right, a value unlike the level below highlighted; the reviewer's own answer at her level.
 * Stacked on a phone.
 */
export function ReviewItemCard({
  view,
  item,
  info,
  reached,
}: {
  view: ReviewView;
  item: ReviewItem;
  info: ItemInfo;
  reached: ReadonlySet<string>;
}) {
  const { t, i18n } = useTranslation();
  const levelName = useLevelName(view.config);
  const text = (v: Value) => valueText(v, info.def, (n) => formatNumber(n, i18n.language));
  const rows = itemDiff(item, reached, view.myLevel);
  const status = item.review.status;
  return (
    <Card
      withBorder
      radius="md"
      component="article"
      aria-label={t('review.item.label', { code: item.code })}
      id={`item-${item.code}`}
      style={item.changed ? { borderColor: 'var(--mantine-color-orange-5)' } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Box style={{ flex: '1 1 20rem' }}>
            <Title order={3} size="h5">
              {item.code}
            </Title>
            <Text size="sm">{info.text}</Text>
          </Box>
          <Group gap={4}>
            {item.changed && (
              <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                {t('review.item.changed')}
              </Badge>
            )}
            {status !== 'open' && (
              <Badge
                color={status === 'returned' ? 'red' : 'yellow'}
                variant="light"
                style={{ textTransform: 'none' }}
              >
                {t(`review.item.status.${status}`)}
              </Badge>
            )}
            {item.review.revisions > 0 && (
              <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                {t('review.item.revisions', { count: item.review.revisions })}
              </Badge>
            )}
          </Group>
        </Group>
        {status !== 'open' && item.review.returnNote && (
          <Text size="sm" c="red.8">
            {t('review.item.returnedWith', { note: item.review.returnNote })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="xs" component="section" aria-label={t('review.item.unitSide')}>
            <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
              {t('review.item.unitSide')}
            </Text>
            <Text size="sm" fw={600}>
              {text(item.unit.value)}
            </Text>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap' }}
              c={item.unit.explanation ? undefined : 'dimmed'}
            >
              {item.unit.explanation || t('review.item.noExplanation')}
            </Text>
            <EvidenceList assessmentId={view.assessment.id} links={item.evidence} />
          </Stack>
          <Stack gap="xs" component="section" aria-label={t('review.item.reviewSide')}>
            <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
              {t('review.item.reviewSide')}
            </Text>
            <Stack
              gap={4}
              component="ul"
              aria-label={t('review.item.levels')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {rows.slice(1).map((r) => (
                <Box
                  component="li"
                  key={r.level}
                  data-differs={r.differs || undefined}
                  aria-label={`${levelName(r.level)}: ${text(r.value)}${r.differs ? ` (${t('review.item.differs')})` : ''}`}
                  p={6}
                  style={{
                    borderRadius: 4,
                    background: r.differs ? 'var(--mantine-color-orange-0)' : undefined,
                    borderLeft: r.differs
                      ? '3px solid var(--mantine-color-orange-6)'
                      : '3px solid transparent',
                  }}
                >
                  <Group gap={6} wrap="wrap">
                    <Text size="xs" c="dimmed">
                      {levelName(r.level)}
                    </Text>
                    {!r.own && (
                      <Text size="xs" c="dimmed" fs="italic">
                        {t('review.item.inherited')}
                      </Text>
                    )}
                    {r.differs && (
                      <Badge size="xs" color="orange" style={{ textTransform: 'none' }}>
                        {t('review.item.differs')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" fw={r.differs ? 700 : 400}>
                    {text(r.value)}
                  </Text>
                  {r.own && r.note && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.note}
                    </Text>
                  )}
                </Box>
              ))}
            </Stack>
            {view.myLevel && (
              <ReviewerForm
                key={`${item.code}:${item.levels.find((l) => l.level === view.myLevel)?.version ?? 0}`}
                view={view}
                item={item}
                info={info}
              />
            )}
          </Stack>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
