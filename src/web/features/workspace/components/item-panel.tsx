import {
  Accordion,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.ts';
import type { Assessment, EvidenceLinkView } from '../../../../contracts/assessments.ts';
import type { LkeAnswer } from '../../../../core/lke/evaluate-answers.ts';
import type { ItemDef } from '../../../../core/lke/template-model.ts';
import type { Exact } from '../../../../core/shared/exact.ts';
import type { DraftStore, Entry, SaveState } from '../draft-store.ts';
import { codesOf, itemStatus, type ReadOnlyReason } from '../worksheet-model.ts';
import { AnswerControl } from './answer-control.tsx';
import { CommentThread } from './comment-thread.tsx';
import { ItemEvidence } from './item-evidence.tsx';
import { SaveStateBadge } from './save-state.tsx';
import { StaleConflict } from './stale-conflict.tsx';

export type Person = { id: string; name: string };

type Props = {
  assessment: Assessment;
  item: ItemDef;
  area: number | null;
  entries: ReadonlyMap<string, Entry>;
  store: Pick<DraftStore, 'edit' | 'resolve' | 'flush'>;
  computed: Exact | null;
  links: EvidenceLinkView[];
  commentCount: number;
  readOnly: ReadOnlyReason;
  people: Person[] | null;
  me: Person;
  onPrev?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
};

const worst = (states: SaveState[]): SaveState =>
  (['conflict', 'error', 'saving', 'dirty'] as const).find((s) => states.includes(s)) ?? 'saved';

/** One LKE item: question, guidance, answer, narasi, evidence, person in charge, comments, status, save state. */
export function ItemPanel(props: Props) {
  const { assessment, item, area, entries, store, computed, links, commentCount, readOnly, people, me } =
    props;
  const { t } = useTranslation();
  const entry = (code: string) => entries.get(code);
  const valueOf = (code: string): LkeAnswer => {
    const e = entry(code);
    return e ? (e.draft ? e.draft.value : e.base.value) : null;
  };
  const explanationOf = (code: string) => {
    const e = entry(code);
    return e ? (e.draft ? e.draft.explanation : e.base.explanation) : '';
  };
  const picOf = (code: string) => {
    const e = entry(code);
    return e ? (e.draft ? e.draft.personInChargeId : e.base.personInChargeId) : null;
  };
  const codes = codesOf(item);
  const status = itemStatus(item, valueOf, explanationOf);
  const saveState = worst(codes.map((c) => entry(c)?.state ?? 'saved'));
  const toReview = codes.some((c) => entry(c)?.base.toReview);
  const warnings = codes.flatMap((c) => entry(c)?.warnings ?? []);
  const errors = codes.map((c) => entry(c)?.error).filter((e) => e);
  const conflicts = codes.filter((c) => entry(c)?.state === 'conflict');
  const locked = readOnly !== null;
  const pic = picOf(item.code);
  const nameOf = (id: string | null) =>
    id === null
      ? '—'
      : id === me.id
        ? t('ws.you')
        : (people?.find((p) => p.id === id)?.name ?? t('ws.someone'));
  const describeValue = (v: LkeAnswer) => {
    if (v === null) return t('ws.blank');
    if (item.type !== 'ratio' && item.type !== 'index_0_4') {
      const o = item.options.find((x) => x.key === v);
      return o ? `${o.key} · ${o.text}` : String(v);
    }
    return String(v).replace('.', ',');
  };
  const codeLabel = (c: string) =>
    c === item.code
      ? item.code
      : `${c} (${item.type === 'ratio' ? (item.inputs.find((i) => i.code === c)?.text ?? c) : c})`;

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'lg' }}
      component="article"
      aria-labelledby={`item-${item.code}`}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Group gap={6}>
            <Badge variant="outline" style={{ textTransform: 'none' }}>
              {item.code}
            </Badge>
            <Badge
              color={status === 'complete' ? 'teal' : status === 'draft' ? 'yellow' : 'gray'}
              variant="light"
              style={{ textTransform: 'none' }}
            >
              {t(`ws.status.${status}`)}
            </Badge>
            {toReview && (
              <Badge color="grape" variant="light" style={{ textTransform: 'none' }}>
                {t('ws.toReview')}
              </Badge>
            )}
          </Group>
          <SaveStateBadge state={saveState} label={t('ws.save.itemLabel', { code: item.code })} />
        </Group>
        <Title order={2} size="h4" id={`item-${item.code}`}>
          {item.text}
        </Title>
        {locked && (
          <Alert color="gray" variant="light" title={t('ws.readOnly.title')}>
            {t(`ws.readOnly.${readOnly}`, { area: area ?? '' })}
          </Alert>
        )}
        {(item.guidance || item.note) && (
          <Stack gap={4}>
            <Text size="sm" fw={700}>
              {t('ws.guidance')}
            </Text>
            {item.guidance && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {item.guidance}
              </Text>
            )}
            {item.note && (
              <Text size="xs" c="dimmed" fs="italic">
                {item.note}
              </Text>
            )}
          </Stack>
        )}

        {conflicts.map((c) => {
          const e = entry(c);
          return e?.conflict ? (
            <StaleConflict
              key={c}
              code={c}
              label={codeLabel(c)}
              current={e.conflict}
              mine={e.draft}
              describeValue={describeValue}
              nameOf={nameOf}
              onTheirs={() => store.resolve(c, 'theirs')}
              onMine={() => store.resolve(c, 'mine')}
            />
          ) : null;
        })}

        <AnswerControl
          item={item}
          valueOf={valueOf}
          onChange={(code, value) => store.edit(code, { value })}
          readOnly={locked}
          computed={computed}
        />
        {warnings.map((w) => (
          <Alert key={`${w.code}-${w.message}`} color="yellow" variant="light">
            {w.message}
          </Alert>
        ))}
        <Textarea
          label={t('ws.explanation')}
          description={t('ws.explanationHelp')}
          value={explanationOf(item.code)}
          onChange={(e) => store.edit(item.code, { explanation: e.currentTarget.value })}
          onBlur={() => store.flush()}
          readOnly={locked}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={20_000}
        />
        {errors.length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, errors[0])} {t('ws.save.failed')}
          </Alert>
        )}

        {people ? (
          <Select
            label={t('ws.pic')}
            data={people.map((p) => ({
              value: p.id,
              label: p.id === me.id ? `${p.name} (${t('ws.you')})` : p.name,
            }))}
            value={pic}
            onChange={(v) => store.edit(item.code, { personInChargeId: v })}
            clearable
            searchable
            readOnly={locked}
            comboboxProps={{ withinPortal: true }}
          />
        ) : (
          <Group gap="xs">
            <Text size="sm">
              {t('ws.pic')}: <strong>{nameOf(pic)}</strong>
            </Text>
            {!locked && pic !== me.id && (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => store.edit(item.code, { personInChargeId: me.id })}
              >
                {t('ws.picMe')}
              </Button>
            )}
          </Group>
        )}

        <ItemEvidence
          assessmentId={assessment.id}
          unitId={assessment.unitId}
          item={item}
          links={links}
          canUpload={assessment.can.uploadEvidence && assessment.status === 'draft' && !locked}
        />

        <Accordion variant="separated" chevronPosition="right">
          <Accordion.Item value="comments">
            <Accordion.Control>{t('ws.comments.title', { n: commentCount })}</Accordion.Control>
            <Accordion.Panel>
              <CommentThread
                assessmentId={assessment.id}
                code={item.code}
                canComment={assessment.can.comment}
              />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>

        <Group justify="space-between">
          <Button variant="default" onClick={props.onPrev} disabled={!props.onPrev}>
            {t('ws.prev')}
          </Button>
          <Button variant="default" onClick={props.onNext} disabled={!props.onNext}>
            {t('ws.next')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
