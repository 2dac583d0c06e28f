import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDate } from '../../../lib/format.ts';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { useUnitsQuery } from '../../../lib/units.ts';
import { reviewApi, reviewKeys, reviewUrls } from '../api.ts';

/**
 * A unit's predicate history: the predicate it holds now, every decree (number and date) and revocation
 * with its reason, the first day it may be proposed again, and the evaluation report (LHE) of each decree.
 */
export function PredicatesPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const units = useUnitsQuery();
  const [params, setParams] = useSearchParams();
  const readable = (units.data ?? []).filter((u) => u.active && canOnUnit(me, 'review.read', u.path));
  const unitId = params.get('unit') ?? (readable.length === 1 ? (readable[0]?.id ?? null) : null);
  const history = useQuery({
    queryKey: reviewKeys.predicates(unitId ?? ''),
    queryFn: () => reviewApi.predicates(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const day = (iso: string) => formatDate(iso, i18n.language);
  if (units.isPending) return <Loading />;
  const h = history.data;
  return (
    <>
      <PageHeader title={t('review.predicates.title')} description={t('review.predicates.description')} />
      <Stack>
        <UnitSelect
          label={t('review.predicates.unit')}
          units={readable}
          value={unitId}
          onChange={(id) => setParams(id ? { unit: id } : {})}
        />
        {history.isError && <ErrorAlert error={history.error} />}
        {h && (
          <>
            <Card withBorder radius="md" component="section" aria-label={t('review.predicates.current')}>
              <Group gap="sm" align="center">
                <Text fw={700}>{t('review.predicates.current')}</Text>
                {h.holds ? (
                  <Badge
                    size="xl"
                    color={h.holds === 'WBBM' ? 'grape' : 'teal'}
                    aria-label={t('review.predicates.holds', { predicate: h.holds })}
                  >
                    {h.holds}
                  </Badge>
                ) : (
                  <Badge size="lg" color="gray" variant="light" style={{ textTransform: 'none' }}>
                    {t('review.predicates.none')}
                  </Badge>
                )}
              </Group>
              {h.revokedOn && h.proposableFrom && (
                <Alert color="orange" variant="light" mt="sm">
                  {t('review.predicates.ban', { revokedOn: day(h.revokedOn), from: day(h.proposableFrom) })}
                </Alert>
              )}
            </Card>
            <Title order={2} size="h4">
              {t('review.predicates.decrees')}
            </Title>
            {h.awards.length === 0 && <Text c="dimmed">{t('review.predicates.noDecrees')}</Text>}
            {[...h.awards].reverse().map((a) => (
              <Card
                key={a.id}
                withBorder
                radius="md"
                component="article"
                aria-label={t('review.predicates.decree', { number: a.decreeNumber })}
              >
                <Stack gap={4}>
                  <Group gap="xs">
                    <Badge color={a.revokedOn ? 'gray' : a.predicate === 'WBBM' ? 'grape' : 'teal'}>
                      {a.predicate}
                    </Badge>
                    <Text fw={700}>{t('review.predicates.decree', { number: a.decreeNumber })}</Text>
                  </Group>
                  <Text size="sm">{t('review.predicates.decreeDate', { date: day(a.decreeDate) })}</Text>
                  {a.revokedOn && (
                    <Text size="sm" c="red.8">
                      {t('review.predicates.revoked', {
                        date: day(a.revokedOn),
                        reason: a.revocationReason ?? '—',
                      })}
                    </Text>
                  )}
                  <Group gap="md">
                    <Anchor href={reviewUrls.lhe(a.assessmentId, 'tpn_field')} size="sm">
                      {t('review.predicates.lhe')}
                    </Anchor>
                    <Anchor component={Link} to={`/review/${a.assessmentId}`} size="sm">
                      {t('review.predicates.openReview')}
                    </Anchor>
                  </Group>
                </Stack>
              </Card>
            ))}
          </>
        )}
      </Stack>
    </>
  );
}
