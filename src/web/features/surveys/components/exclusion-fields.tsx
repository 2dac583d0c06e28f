import { Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QUALITY_FLAGS, type QualityFlag } from '../../../../core/survey/quality.ts';

export type ExclusionValue = { flags: QualityFlag[]; reason: string };

/**
 * The owner's decision to leave flagged responses out of the index. Nothing is ticked by default: the
 * regulation counts every valid response, so leaving some out needs a reason that the report, the public
 * page and the LKE provenance show.
 */
export function ExclusionFields({
  value,
  onChange,
}: {
  value: ExclusionValue;
  onChange: (next: ExclusionValue) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Checkbox.Group
        label={t('surveys.form.exclusion.label')}
        description={t('surveys.form.exclusion.help')}
        value={value.flags}
        onChange={(flags) => onChange({ ...value, flags: QUALITY_FLAGS.filter((f) => flags.includes(f)) })}
      >
        <Group mt={4}>
          {QUALITY_FLAGS.map((f) => (
            <Checkbox key={f} value={f} label={t(`surveys.flag.${f}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {value.flags.length > 0 && (
        <Textarea
          label={t('surveys.form.exclusion.reason')}
          description={t('surveys.form.exclusion.reasonHelp')}
          value={value.reason}
          onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
          required
          maxLength={1000}
          autosize
          minRows={2}
        />
      )}
    </Stack>
  );
}
