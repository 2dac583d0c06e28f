import { Anchor, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import type { ReviewView } from '../../../../contracts/reviews.ts';
import { useReviewView } from '../../review/api.ts';
import { useLevelName } from '../../review/components/level-name.ts';
import { lheUrl, proposalApi, proposalKeys } from '../api.ts';
import { PrerequisiteHead, PrerequisiteRow } from '../components/prerequisite-row.tsx';

/**
 * The LHE of one level to download. The levels are the assessment's own (its agency's TPI stages, whether it
 * has a preliminary review), read from its review view: a fixed list would ask for stages it does not have.
 */
function LheCard({ assessmentId }: { assessmentId: string }) {
  const review = useReviewView(assessmentId);
  if (review.isPending) return <Loading />;
  if (review.isError) return <ErrorAlert error={review.error} />;
  return <LheForm assessmentId={assessmentId} view={review.data} />;
}

function LheForm({ assessmentId, view }: { assessmentId: string; view: ReviewView }) {
  const { t } = useTranslation();
  const levelName = useLevelName(view.config);
  const [level, setLevel] = useState('unit');
  return (
    <Group align="end">
      <Select
        label={t('proposals.level')}
        data={view.levels.map((l) => ({ value: l.level, label: levelName(l.level) }))}
        value={level}
        onChange={(v) => v && setLevel(v)}
        w={260}
      />
      <Anchor href={lheUrl(assessmentId, level)} download>
        {t('proposals.downloadLhe')}
      </Anchor>
    </Group>
  );
}

/** The cover letter (agency evidence) and SPTJM (the unit's, or the agency's) of one assessment. */
function DocumentsForm({
  assessmentId,
  unitId,
  agencyId,
}: {
  assessmentId: string;
  unitId: string;
  agencyId: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const docs = useQuery({
    queryKey: proposalKeys.documents(assessmentId),
    queryFn: () => proposalApi.documents(assessmentId),
  });
  const unitEvidence = useQuery({
    queryKey: proposalKeys.evidence(unitId),
    queryFn: () => proposalApi.evidence(unitId),
  });
  // The unit's lead may not read the agency's evidence: the cover letter is then the agency's to attach.
  const agencyEvidence = useQuery({
    queryKey: proposalKeys.evidence(agencyId),
    queryFn: () => proposalApi.evidence(agencyId),
    retry: false,
  });
  const [cover, setCover] = useState<string | null>(null);
  const [sptjm, setSptjm] = useState<string | null>(null);
  useEffect(() => {
    setCover(docs.data?.coverLetter?.id ?? null);
    setSptjm(docs.data?.sptjm?.id ?? null);
  }, [docs.data]);
  const save = useMutation({
    mutationFn: () =>
      proposalApi.putDocuments(assessmentId, {
        coverLetterEvidenceId: cover,
        sptjmEvidenceId: sptjm,
        version: docs.data?.version ?? 0,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: proposalKeys.documents(assessmentId) }),
  });
  if (docs.isPending) return <Loading />;
  if (docs.isError) return <ErrorAlert error={docs.error} />;
  const option = (e: { id: string; title: string }) => ({ value: e.id, label: e.title });
  const agencyOptions = (agencyEvidence.data ?? []).map(option);
  const currentCover = docs.data.coverLetter;
  return (
    <Card withBorder component="section" aria-label={t('proposals.documents')}>
      <Title order={3} size="h5" mb="xs">
        {t('proposals.documents')}
      </Title>
      <Group align="end">
        <Select
          label={t('proposals.coverLetter')}
          description={t('proposals.coverLetterHelp')}
          clearable
          data={
            currentCover && !agencyOptions.some((o) => o.value === currentCover.id)
              ? [...agencyOptions, option(currentCover)]
              : agencyOptions
          }
          value={cover}
          onChange={setCover}
          disabled={agencyEvidence.isError}
          w={320}
        />
        <Select
          label="SPTJM"
          description={t('proposals.sptjmHelp')}
          clearable
          data={[...(unitEvidence.data ?? []), ...(agencyEvidence.data ?? [])].map(option)}
          value={sptjm}
          onChange={setSptjm}
          w={320}
        />
        <Button loading={save.isPending} onClick={() => save.mutate()}>
          {t('common.save')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
    </Card>
  );
}

/** One assessment's proposal: its §4.2 prerequisites (the agency's shown read-only), documents and LHE. */
export function UnitProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const data = useQuery({
    queryKey: proposalKeys.assessment(id),
    queryFn: () => proposalApi.assessmentPrerequisites(id),
  });
  const unitId = data.data?.unitId ?? null;
  const evidence = useQuery({
    queryKey: proposalKeys.evidence(unitId),
    queryFn: () => proposalApi.evidence(unitId ?? ''),
    enabled: Boolean(unitId),
  });
  if (data.isPending) return <Loading />;
  if (data.isError) return <ErrorAlert error={data.error} />;
  const d = data.data;
  const refresh = () => client.invalidateQueries({ queryKey: proposalKeys.assessment(id) });
  return (
    <>
      <PageHeader title={t('proposals.unitTitle')} description={t('proposals.unitDescription')} />
      <Stack>
        <Group gap="xs">
          <Badge variant="light">{d.target}</Badge>
          {d.afirmasi && <Badge color="grape">{t('proposals.afirmasiHelp')}</Badge>}
        </Group>
        <Card withBorder component="section" aria-label={t('proposals.prerequisites')}>
          <Title order={3} size="h5" mb="xs">
            {t('proposals.prerequisites')}
          </Title>
          <Table.ScrollContainer minWidth={900}>
            <Table>
              <PrerequisiteHead />
              <Table.Tbody>
                {d.prerequisites.map((p) => (
                  <PrerequisiteRow
                    key={`${p.code}-${p.version}-${p.source ?? ''}`}
                    p={p}
                    evidence={evidence.data ?? []}
                    save={(code, body) => proposalApi.putAssessmentPrerequisite(id, code, body)}
                    onSaved={refresh}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
        <DocumentsForm assessmentId={id} unitId={d.unitId} agencyId={d.agencyId} />
        <Card withBorder component="section" aria-label={t('proposals.lhe')}>
          <Title order={3} size="h5" mb="xs">
            {t('proposals.lhe')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('proposals.lheHelp')}
          </Text>
          <LheCard assessmentId={id} />
        </Card>
      </Stack>
    </>
  );
}
