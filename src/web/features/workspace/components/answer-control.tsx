import { Button, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LkeAnswer } from '../../../../core/lke/evaluate-answers.ts';
import { formatId, mul, ratio, type Exact } from '../../../../core/shared/exact.ts';
import type { ItemDef } from '../../../../core/lke/template-model.ts';

type Props = {
  item: ItemDef;
  valueOf: (code: string) => LkeAnswer;
  onChange: (code: string, value: LkeAnswer) => void;
  readOnly: boolean;
  /** The item's value 0..1 as the core computes it from the current answers (ratio and index items). */
  computed: Exact | null;
};

const asNumber = (v: LkeAnswer): number | string =>
  typeof v === 'number' ? v : typeof v === 'string' ? v : '';

export const formatPercent = (x: Exact) => `${formatId(mul(x, ratio(100)))} %`;

/** The answer as its type asks: options as a radio list with their texts, counts with the live percentage, an index 0–4. */
export function AnswerControl({ item, valueOf, onChange, readOnly, computed }: Props) {
  const { t } = useTranslation();

  if (item.type === 'ratio') {
    return (
      <Stack gap="xs">
        {item.inputs.map((input) => (
          <NumberInput
            key={input.code}
            label={input.text}
            description={input.note ?? input.code}
            value={asNumber(valueOf(input.code))}
            onChange={(v) => onChange(input.code, v === '' ? null : Number(v))}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            readOnly={readOnly}
            inputMode="numeric"
          />
        ))}
        <Text size="sm" aria-live="polite">
          {t('ws.answer.percentage')}: <strong>{computed ? formatPercent(computed) : '—'}</strong>
        </Text>
      </Stack>
    );
  }

  if (item.type === 'index_0_4') {
    return (
      <Stack gap="xs">
        <NumberInput
          label={t('ws.answer.index')}
          description={t('ws.answer.indexHelp')}
          value={asNumber(valueOf(item.code))}
          onChange={(v) => onChange(item.code, v === '' ? null : Number(v))}
          min={0}
          max={4}
          step={0.01}
          decimalScale={2}
          decimalSeparator=","
          allowNegative={false}
          readOnly={readOnly}
          inputMode="decimal"
        />
        <Text size="sm" aria-live="polite">
          {t('ws.answer.indexValue')}: <strong>{computed ? formatPercent(computed) : '—'}</strong>
        </Text>
      </Stack>
    );
  }

  const current = valueOf(item.code);
  return (
    <Stack gap="xs">
      <Radio.Group
        value={typeof current === 'string' ? current : null}
        onChange={(key) => !readOnly && onChange(item.code, key)}
        label={t('ws.answer.options')}
        readOnly={readOnly}
      >
        <Stack gap={6} mt={6}>
          {item.options.map((o) => (
            <Radio
              key={o.key}
              value={o.key}
              aria-label={o.text}
              disabled={readOnly && current !== o.key}
              label={
                <Text size="sm" span>
                  <Text span fw={700} aria-hidden>
                    {o.key}
                  </Text>
                  {' · '}
                  {o.text}
                </Text>
              }
              styles={{ body: { alignItems: 'flex-start' } }}
            />
          ))}
        </Stack>
      </Radio.Group>
      {!readOnly && current !== null && (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange(item.code, null)}>
            {t('ws.answer.clear')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
