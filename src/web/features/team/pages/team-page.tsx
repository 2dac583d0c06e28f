import {
  Accordion,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decree, TeamPerson } from '../../../../contracts/team.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { UnitSelect } from '../../../components/unit-select.tsx';
import { formatDate } from '../../../lib/format.ts';
import { teamApi, teamKeys } from '../api.ts';
import type { LkeLinkOutcome } from '../../../../contracts/team.ts';
import { DecreeForm } from '../components/decree-form.tsx';
import { LkeLinkAlert } from '../components/lke-link-alert.tsx';
import { EvidenceList } from '../components/evidence-list.tsx';
import { useProgrammeUnit } from '../use-programme-unit.ts';

function Person({ person }: { person: TeamPerson }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{person.name}</Text>
      {!person.hasAccount && (
        <Badge size="xs" variant="outline" color="gray" title={t('team.noAccountHelp')}>
          {t('team.noAccount')}
        </Badge>
      )}
    </Group>
  );
}

/** One decree: its facts and the six area cards (coordinator, members). */
function DecreeView({ decree }: { decree: Decree }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light">{t(`team.kind.${decree.kind}`)}</Badge>
        <Text fw={600}>{decree.number}</Text>
        <Text size="sm" c="dimmed">
          {t('team.dates', {
            decreed: formatDate(decree.decreedOn, i18n.language),
            valid: formatDate(decree.validFrom, i18n.language),
          })}
        </Text>
      </Group>
      <div>
        <Text size="sm" fw={500}>
          {t('team.selectionMethod')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {decree.selectionMethod}
        </Text>
      </div>
      <div>
        <Text size="sm" fw={500}>
          {t('team.signedPdf')}
        </Text>
        <EvidenceList ids={decree.evidenceId ? [decree.evidenceId] : []} />
      </div>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('team.lead')}:
        </Text>
        {decree.lead && <Person person={decree.lead} />}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {decree.areas.map((a) => (
          <Card key={a.area} withBorder radius="md" component="section" aria-label={t(`areas.${a.area}`)}>
            <Text fw={600} size="sm" mb={6}>
              {t(`areas.${a.area}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('team.coordinator')}
            </Text>
            {a.coordinator ? <Person person={a.coordinator} /> : <Text size="sm">–</Text>}
            <Text size="xs" c="dimmed" mt={6}>
              {t('team.members', { count: a.members.length })}
            </Text>
            {a.members.map((m) => (
              <Person key={m.employeeId} person={m} />
            ))}
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The unit's ZI work team by decree: the current decree, its six area teams, and the decrees before it. */
export function TeamPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { units, readable, unitId, canManage, setUnit } = useProgrammeUnit();
  const team = useQuery({
    queryKey: teamKeys.team(unitId),
    queryFn: () => teamApi.team(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  const [editing, setEditing] = useState(false);
  const [synced, setSynced] = useState<{ added: number; removed: number } | null>(null);
  const [lkeLink, setLkeLink] = useState<LkeLinkOutcome | null>(null);

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;
  const current = team.data?.current ?? null;

  return (
    <>
      <PageHeader
        title={t('team.title')}
        description={t('team.description')}
        actions={
          canManage &&
          team.data && (
            <Button onClick={() => setEditing(true)}>{current ? t('team.change') : t('team.record')}</Button>
          )
        }
      />
      <Stack>
        <UnitSelect label={t('team.unit')} units={readable} value={unitId} onChange={setUnit} />
        {team.isPending && unitId && <Loading />}
        {team.isError && <ErrorAlert error={team.error} />}
        {lkeLink && (
          <LkeLinkAlert outcome={lkeLink} keyPrefix="team.lkeLink" onClose={() => setLkeLink(null)} />
        )}
        {synced && (
          <Alert color="green" variant="light" withCloseButton onClose={() => setSynced(null)}>
            {t('team.synced', synced)}
          </Alert>
        )}
        {team.data && !current && <Text c="dimmed">{t('team.empty')}</Text>}
        {current && (
          <Card withBorder radius="md" component="section" aria-labelledby="team-current">
            <Title id="team-current" order={2} size="h4" mb="sm">
              {t('team.current')}
            </Title>
            <DecreeView decree={current} />
          </Card>
        )}
        {team.data && team.data.history.length > 0 && (
          <section aria-labelledby="team-history">
            <Title id="team-history" order={2} size="h4" mb="xs">
              {t('team.history')}
            </Title>
            <Accordion variant="separated">
              {team.data.history.map((d) => (
                <Accordion.Item key={d.id} value={d.id}>
                  <Accordion.Control>
                    {t('team.historyItem', {
                      number: d.number,
                      date: formatDate(d.decreedOn, i18n.language),
                      superseded: d.supersededAt ? formatDate(d.supersededAt, i18n.language) : '',
                    })}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <DecreeView decree={d} />
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </section>
        )}
      </Stack>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={current ? t('team.change') : t('team.record')}
        size="xl"
        fullScreen={typeof window !== 'undefined' && window.innerWidth < 600}
      >
        {editing && unitId && (
          <DecreeForm
            unitId={unitId}
            current={current}
            onCancel={() => setEditing(false)}
            onDone={async (created) => {
              setEditing(false);
              setSynced(created.grants);
              setLkeLink(created.lkeLink);
              await client.invalidateQueries({ queryKey: teamKeys.team(unitId) });
            }}
          />
        )}
      </Modal>
    </>
  );
}
