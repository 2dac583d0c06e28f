import { Anchor, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EvidenceUploader } from '../../../components/evidence-uploader.tsx';
import { evidenceApi, teamKeys } from '../api.ts';

/** One piece of evidence by title, linked to its current file (a download, never shown inline as HTML). */
function EvidenceLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const one = useQuery({ queryKey: teamKeys.evidence(id), queryFn: () => evidenceApi.one(id) });
  const current = one.data?.current;
  if (!one.data)
    return <Text size="sm">{one.isError ? t('team.evidence.unavailable') : t('common.loading')}</Text>;
  return current ? (
    <Anchor size="sm" href={`/api/evidence/${id}/versions/${current.id}/download`}>
      {one.data.title}
    </Anchor>
  ) : (
    <Text size="sm">{one.data.title}</Text>
  );
}

export function EvidenceList({ ids }: { ids: readonly string[] }) {
  const { t } = useTranslation();
  if (ids.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('team.evidence.none')}
      </Text>
    );
  return (
    <Group gap="sm">
      {ids.map((id) => (
        <EvidenceLink key={id} id={id} />
      ))}
    </Group>
  );
}

/** Upload files as evidence of the unit and collect their ids, with the chosen ones listed. */
export function EvidencePicker({
  unitId,
  value,
  onAdd,
  label,
  multiple = true,
}: {
  unitId: string;
  value: readonly string[];
  /** Called with each new evidence id; the caller appends (or, single, replaces) with a state updater. */
  onAdd: (id: string) => void;
  label: string;
  multiple?: boolean;
}) {
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <EvidenceList ids={value} />
      <EvidenceUploader
        unitId={unitId}
        multiple={multiple}
        onUploaded={async (file) => {
          onAdd((await evidenceApi.create(unitId, file.uploadId, file.filename)).id);
        }}
      />
    </div>
  );
}
