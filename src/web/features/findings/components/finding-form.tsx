import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../../contracts/findings.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { findingsApi } from '../api.ts';

const SOURCES = ['inspectorate', 'bpk', 'other'] as const;
type Source = (typeof SOURCES)[number];

/** Register a finding, or correct one still open (optimistic on the version read). */
export function FindingForm({
  unitId,
  finding,
  onDone,
  onCancel,
}: {
  unitId: string;
  finding?: Finding;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>(finding?.source ?? 'inspectorate');
  const [reference, setReference] = useState(finding?.reference ?? '');
  const [text, setText] = useState(finding?.finding ?? '');
  const [recommendation, setRecommendation] = useState(finding?.recommendation ?? '');
  const [dueDate, setDueDate] = useState(finding?.dueDate ?? '');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: async () => {
      const fields = {
        source,
        reference: reference.trim(),
        finding: text.trim(),
        recommendation: recommendation.trim(),
        dueDate,
      };
      if (finding) await findingsApi.update(finding.id, { version: finding.version, ...fields });
      else await findingsApi.create(unitId, fields);
    },
    onSuccess: onDone,
  });
  const required = (v: string) => (missing && !v.trim() ? t('errors.REQUIRED') : undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (![reference, text, recommendation, dueDate].every((v) => v.trim())) return setMissing(true);
        save.mutate();
      }}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('findings.source')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value as Source)}
            data={SOURCES.map((s) => ({ value: s, label: t(`findings.sources.${s}`) }))}
          />
          <TextInput
            label={t('findings.reference')}
            description={t('findings.referenceHelp')}
            required
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={required(reference)}
          />
          <TextInput
            type="date"
            label={t('findings.dueDate')}
            required
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={required(dueDate)}
          />
        </SimpleGrid>
        <Textarea
          label={t('findings.finding')}
          required
          autosize
          minRows={2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={required(text)}
        />
        <Textarea
          label={t('findings.recommendation')}
          required
          autosize
          minRows={2}
          value={recommendation}
          onChange={(e) => setRecommendation(e.currentTarget.value)}
          error={required(recommendation)}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
