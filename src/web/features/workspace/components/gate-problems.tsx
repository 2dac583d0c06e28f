import { Alert, Anchor, Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GateProblem } from '../../../../contracts/assessments.ts';

/** Why "Ajukan" was refused: every failed rule per item, each a link to its item. */
export function GateProblems({
  problems,
  onItem,
}: {
  problems: GateProblem[];
  onItem: (code: string) => void;
}) {
  const { t } = useTranslation();
  const counts = problems.reduce<Record<string, number>>(
    (acc, p) => ({ ...acc, [p.rule]: (acc[p.rule] ?? 0) + 1 }),
    {},
  );
  return (
    <Alert color="red" variant="light" title={t('ws.gate.title', { n: problems.length })} role="alert">
      <Group gap={6} mb="xs">
        {Object.entries(counts).map(([rule, n]) => (
          <Badge key={rule} color="red" variant="outline" style={{ textTransform: 'none' }}>
            {t(`ws.gate.rule.${rule}`)}: {n}
          </Badge>
        ))}
      </Group>
      <List
        size="sm"
        spacing={2}
        aria-label={t('ws.gate.list')}
        style={{ maxHeight: 280, overflowY: 'auto' }}
      >
        {problems.map((p) => (
          <List.Item key={`${p.rule}-${p.code}`}>
            <Anchor component="button" type="button" size="sm" onClick={() => onItem(p.code)}>
              {p.code}
            </Anchor>
            <Text span size="sm">
              {' '}
              — {t(`ws.gate.rule.${p.rule}`)}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
