import {
  ActionIcon,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomQuestion } from '../../../../core/survey/questionnaire-schema.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { surveyKeys, surveysApi, type CampaignView } from '../api.ts';
import { slugOf } from './campaign-form.tsx';

type QuestionType = CustomQuestion['type'];
const TYPES: readonly QuestionType[] = ['single-choice', 'multi-choice', 'text'];

/** One question as edited: options one per line, "Indonesian | English". */
type Draft = {
  code: string | null;
  type: QuestionType;
  textId: string;
  textEn: string;
  required: boolean;
  options: string;
};

const toDraft = (q: CustomQuestion): Draft => ({
  code: q.code,
  type: q.type,
  textId: q.text.id,
  textEn: q.text.en,
  required: q.required,
  options: 'options' in q ? q.options.map((o) => `${o.text.id} | ${o.text.en}`).join('\n') : '',
});

/** The contract's shape: codes kept once given, new ones made from the Indonesian text (custom_ prefix). */
export const toQuestions = (drafts: readonly Draft[]): unknown[] => {
  const taken = new Set(drafts.flatMap((d) => (d.code ? [d.code] : [])));
  return drafts.map((d, i) => {
    let code = d.code;
    if (!code) {
      const stem = `custom_${slugOf(d.textId).slice(0, 40) || `q${i + 1}`}`;
      code = stem;
      for (let n = 2; taken.has(code); n += 1) code = `${stem}_${n}`;
      taken.add(code);
    }
    const text = { id: d.textId.trim(), en: d.textEn.trim() || d.textId.trim() };
    if (d.type === 'text') return { code, type: 'text', text, required: d.required };
    const values = new Set<string>();
    const options = d.options
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line, j) => {
        const [id = '', en = ''] = line.split('|').map((p) => p.trim());
        let value = slugOf(id) || `opsi_${j + 1}`;
        while (values.has(value)) value = `${value}_${j + 1}`;
        values.add(value);
        return { value, text: { id, en: en || id } };
      });
    return { code, type: d.type, text, required: d.required, options };
  });
};

const empty = (): Draft => ({
  code: null,
  type: 'single-choice',
  textId: '',
  textEn: '',
  required: false,
  options: '',
});

/**
 * The unit's own questions, asked after the scored ones on the public form and exported with the responses;
 * never scored, so they cannot move an index. Editable while the campaign is a draft.
 */
export function CustomQuestionsPanel({
  campaign: c,
  canManage,
}: {
  campaign: CampaignView;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const editable = canManage && c.status === 'draft';
  const [drafts, setDrafts] = useState<Draft[]>(() => c.customQuestions.map(toDraft));
  const save = useMutation({
    mutationFn: () => surveysApi.update(c.id, { version: c.version, customQuestions: toQuestions(drafts) }),
    onSuccess: async (updated) => {
      client.setQueryData(surveyKeys.campaign(updated.id), updated);
      setDrafts(updated.customQuestions.map(toDraft));
      await client.invalidateQueries({ queryKey: ['survey-campaigns'] });
    },
  });
  const set = (i: number, patch: Partial<Draft>) =>
    setDrafts((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  if (!editable && c.customQuestions.length === 0) return null;

  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('surveys.custom.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('surveys.custom.help')}
      </Text>
      <Stack>
        {!editable &&
          c.customQuestions.map((q) => (
            <Text key={q.code} size="sm">
              <strong>{q.text.id}</strong> ({t(`surveys.custom.type.${q.type}`)})
            </Text>
          ))}
        {editable &&
          drafts.map((d, i) => (
            <Card key={i} withBorder radius="sm" p="sm">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>{t('surveys.custom.questionN', { n: i + 1 })}</Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('surveys.custom.remove', { n: i + 1 })}
                    onClick={() => setDrafts((list) => list.filter((_, j) => j !== i))}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <SegmentedControl
                  aria-label={t('surveys.custom.typeLabel', { n: i + 1 })}
                  value={d.type}
                  onChange={(v) => set(i, { type: v as QuestionType })}
                  data={TYPES.map((type) => ({ value: type, label: t(`surveys.custom.type.${type}`) }))}
                />
                <TextInput
                  label={t('surveys.custom.textId', { n: i + 1 })}
                  value={d.textId}
                  required
                  onChange={(e) => set(i, { textId: e.currentTarget.value })}
                />
                <TextInput
                  label={t('surveys.custom.textEn', { n: i + 1 })}
                  value={d.textEn}
                  onChange={(e) => set(i, { textEn: e.currentTarget.value })}
                />
                {d.type !== 'text' && (
                  <Textarea
                    label={t('surveys.custom.options', { n: i + 1 })}
                    description={t('surveys.custom.optionsHelp')}
                    autosize
                    minRows={2}
                    value={d.options}
                    onChange={(e) => set(i, { options: e.currentTarget.value })}
                  />
                )}
                <Switch
                  label={t('surveys.custom.required', { n: i + 1 })}
                  checked={d.required}
                  onChange={(e) => set(i, { required: e.currentTarget.checked })}
                />
              </Stack>
            </Card>
          ))}
        {editable && (
          <Group justify="space-between">
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => setDrafts((list) => [...list, empty()])}
            >
              {t('surveys.custom.add')}
            </Button>
            <Button size="compact-sm" loading={save.isPending} onClick={() => save.mutate()}>
              {t('surveys.custom.save')}
            </Button>
          </Group>
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && !save.isPending && (
          <Text size="sm" c="teal" role="status">
            {t('surveys.custom.saved')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
