import { Anchor, Badge, Group, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LkePlan } from '../../../../core/lke/plan-path.ts';
import type { LkeScore, NodeScore } from '../../../../core/lke/score-assessment.ts';
import type { ItemGain } from '../../../../core/lke/what-if.ts';
import type { RuleResult } from '../../../../core/lke/check-predicates.ts';
import { cmp, formatId, toNumber, ZERO, type Exact } from '../../../../core/shared/exact.ts';

type Props = {
  score: LkeScore;
  target: 'WBK' | 'WBBM';
  plan: LkePlan | null;
  gains: ItemGain[];
  onItem: (code: string) => void;
};

const f = (x: Exact) => formatId(x, 2);
const pct = (n: NodeScore) => Math.min(100, Math.max(0, toNumber(n.percent) * 100));

function Figure({ label, node }: { label: string; node: NodeScore }) {
  return (
    <Stack gap={2}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={700} aria-label={`${label}: ${f(node.score)} / ${f(node.weight)}`}>
          {f(node.score)}
          <Text span size="xs" c="dimmed">
            {' '}
            / {f(node.weight)}
          </Text>
        </Text>
      </Group>
      <Progress value={pct(node)} size="sm" aria-hidden />
    </Stack>
  );
}

const ruleValue = (r: RuleResult, v: Exact) =>
  r.kind === 'complete' || r.kind === 'context' ? formatId(v, 0) : f(v);

/** The live score the core computes from the answers on screen: total, components, areas, predicates, top gains. */
export function ScorePanel({ score, target, plan, gains, onItem }: Props) {
  const { t } = useTranslation();
  const areaReq = (predicate: string, area: number) =>
    score.predicates
      .find((p) => p.id === predicate)
      ?.rules.find((r) => r.kind === 'areaShare' && r.id.endsWith(`.${area}`));

  const moves =
    plan && plan.changes.length > 0
      ? [...plan.changes]
          .sort((a, b) => cmp(b.gainTotal, a.gainTotal))
          .slice(0, 5)
          .map((c) => ({ code: c.code, from: c.from, to: c.to, gain: c.gainTotal }))
      : gains
          .filter((g) => g.best && cmp(g.best.gainTotal, ZERO) > 0)
          .sort((a, b) => cmp(b.best?.gainTotal ?? ZERO, a.best?.gainTotal ?? ZERO))
          .slice(0, 5)
          .map((g) => ({
            code: g.code,
            from: g.current,
            to: g.best?.to ?? '',
            gain: g.best?.gainTotal ?? ZERO,
          }));

  return (
    // contain: the panel takes the width of its column and never the width its widest table would like
    // (in the laptop's auto-sized scroll area that pushed the totals out of sight); wide tables scroll.
    <Stack gap="md" aria-label={t('ws.score.title')} role="region" style={{ contain: 'inline-size' }}>
      <Title order={2} size="h4">
        {t('ws.score.title')}
      </Title>
      <Stack gap="xs">
        <Figure label={t('ws.score.total')} node={score.total} />
        <Figure label={t('ws.score.pengungkit')} node={score.pengungkit} />
        <Figure label={t('ws.score.hasil')} node={score.hasil} />
      </Stack>
      <Stack gap={2}>
        <Group justify="space-between">
          <Text size="sm">{t('ws.score.completeness')}</Text>
          <Text size="sm" fw={700}>
            {score.completeness.answered}/{score.completeness.total}
          </Text>
        </Group>
        <Progress
          value={(score.completeness.answered / Math.max(1, score.completeness.total)) * 100}
          color="teal"
          size="sm"
          aria-label={t('ws.score.completeness')}
        />
        {cmp(score.conservative.total, score.total.score) !== 0 && (
          <Text size="xs" c="dimmed">
            {t('ws.score.conservative', { value: f(score.conservative.total) })}
          </Text>
        )}
      </Stack>

      <Table.ScrollContainer minWidth={0}>
        <Table fz="xs" verticalSpacing={4} aria-label={t('ws.score.areas')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ws.score.area')}</Table.Th>
              <Table.Th ta="right">{t('ws.score.value')}</Table.Th>
              <Table.Th ta="right">WBK</Table.Th>
              <Table.Th ta="right">WBBM</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {score.areas.map((a) => {
              const wbk = areaReq('WBK', a.number);
              const wbbm = areaReq('WBBM', a.number);
              const mark = (r: RuleResult | undefined) =>
                r ? (
                  <Text span size="xs" c={r.pass ? 'teal' : 'red'}>
                    {f(r.required)} {r.pass ? '✓' : '✗'}
                    <VisuallyHidden> {r.pass ? t('ws.score.pass') : t('ws.score.fail')}</VisuallyHidden>
                  </Text>
                ) : (
                  '—'
                );
              return (
                <Table.Tr key={a.number}>
                  <Table.Td>
                    {a.number}. {a.name}
                  </Table.Td>
                  <Table.Td ta="right">
                    {f(a.total.score)}/{f(a.total.weight)}
                  </Table.Td>
                  <Table.Td ta="right">{mark(wbk)}</Table.Td>
                  <Table.Td ta="right">{mark(wbbm)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {score.predicates.map((p) => {
        const rules = p.rules.filter((r) => r.kind !== 'areaShare');
        const areaRules = p.rules.filter((r) => r.kind === 'areaShare');
        return (
          <Stack key={p.id} gap={4}>
            <Group justify="space-between" gap="xs">
              <Title order={3} size="h6">
                {p.id}
                {p.id === target ? ` · ${t('ws.score.target')}` : ''}
              </Title>
              <Badge color={p.eligible ? 'teal' : 'red'} variant="light" style={{ textTransform: 'none' }}>
                {p.eligible ? t('ws.score.eligible') : t('ws.score.notEligible')}
              </Badge>
            </Group>
            <Table.ScrollContainer minWidth={0}>
              <Table fz="xs" verticalSpacing={2} aria-label={t('ws.score.rulesOf', { predicate: p.id })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ws.score.rule')}</Table.Th>
                    <Table.Th ta="right">{t('ws.score.required')}</Table.Th>
                    <Table.Th ta="right">{t('ws.score.actual')}</Table.Th>
                    <Table.Th ta="center">{t('ws.score.result')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rules.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.text ?? r.id}</Table.Td>
                      <Table.Td ta="right">{ruleValue(r, r.required)}</Table.Td>
                      <Table.Td ta="right">{ruleValue(r, r.actual)}</Table.Td>
                      <Table.Td ta="center" c={r.pass ? 'teal' : 'red'}>
                        {r.pass ? t('ws.score.pass') : t('ws.score.fail')}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {areaRules.length > 0 && (
                    <Table.Tr>
                      <Table.Td>{areaRules[0]?.text ?? t('ws.score.areaRule')}</Table.Td>
                      <Table.Td ta="right" colSpan={2}>
                        {t('ws.score.areasPassing', {
                          n: areaRules.filter((r) => r.pass).length,
                          total: areaRules.length,
                        })}
                      </Table.Td>
                      <Table.Td ta="center" c={areaRules.every((r) => r.pass) ? 'teal' : 'red'}>
                        {areaRules.every((r) => r.pass) ? t('ws.score.pass') : t('ws.score.fail')}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        );
      })}

      <Stack gap={4}>
        <Title order={3} size="h6">
          {t('ws.score.gains', { target })}
        </Title>
        {plan && (
          <Text size="xs" c="dimmed">
            {t(`ws.plan.${plan.status}`, { steps: plan.steps })}
          </Text>
        )}
        {moves.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('ws.score.noGains')}
          </Text>
        ) : (
          <Stack gap={2} component="ol" style={{ paddingLeft: '1.2rem', margin: 0 }}>
            {moves.map((m) => (
              <li key={m.code}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => onItem(m.code)}
                  aria-label={t('ws.score.gainLink', { code: m.code, gain: f(m.gain) })}
                >
                  {m.code}: {m.from ?? t('ws.score.blank')} → {m.to} (+{f(m.gain)})
                </Anchor>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
