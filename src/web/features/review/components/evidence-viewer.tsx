import { Anchor, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceLinkView } from '../../../../contracts/assessments.ts';
import { canPreview } from '../../workspace/api.ts';
import { reviewUrls } from '../api.ts';

/** How the browser shows a file inline: the server serves PDF, images and video inline (sandboxed), nothing else. */
export const viewerKind = (mime: string | null | undefined): 'pdf' | 'image' | 'video' | null => {
  if (!canPreview(mime)) return null;
  if (mime === 'application/pdf') return 'pdf';
  return mime?.startsWith('image/') ? 'image' : 'video';
};

function Inline({ assessmentId, link }: { assessmentId: string; link: EvidenceLinkView }) {
  const { t } = useTranslation();
  const kind = viewerKind(link.mime);
  if (!link.currentVersionId || !kind) return null;
  const src = reviewUrls.evidence(assessmentId, link.evidenceId, link.currentVersionId, true);
  const label = t('review.evidence.viewer', { title: link.title });
  if (kind === 'image')
    return (
      <img src={src} alt={label} style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain' }} />
    );
  if (kind === 'video')
    return (
      <video
        src={src}
        controls
        preload="metadata"
        aria-label={label}
        style={{ width: '100%', maxHeight: '70vh' }}
      />
    );
  // A PDF in the browser's own viewer; the response is sandboxed and nosniff, so it runs no script of its own.
  return <iframe src={src} title={label} style={{ width: '100%', height: '70vh', border: 0 }} />;
}

/**
 * The unit's evidence for an item, each viewable in place (PDF, image, video) or downloaded, through the review's
 * own download route (evaluators read evidence only as reviewers of this assessment).
 */
export function EvidenceList({
  assessmentId,
  links,
}: {
  assessmentId: string;
  links: readonly EvidenceLinkView[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  if (links.length === 0)
    return (
      <Text size="sm" c="orange.8">
        {t('review.evidence.none')}
      </Text>
    );
  return (
    <Stack
      gap={6}
      component="ul"
      aria-label={t('review.evidence.list')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {links.map((l) => {
        const shown = open === l.evidenceId;
        return (
          <Box component="li" key={l.evidenceId}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600}>
                {l.title}
              </Text>
              {l.filename && l.filename !== l.title && (
                <Text size="xs" c="dimmed">
                  {l.filename}
                </Text>
              )}
              {viewerKind(l.mime) && l.currentVersionId && (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setOpen(shown ? null : l.evidenceId)}
                  aria-expanded={shown}
                  aria-label={t(shown ? 'review.evidence.hideNamed' : 'review.evidence.showNamed', {
                    title: l.title,
                  })}
                >
                  {t(shown ? 'review.evidence.hide' : 'review.evidence.show')}
                </Button>
              )}
              {l.currentVersionId && (
                <Anchor
                  size="xs"
                  href={reviewUrls.evidence(assessmentId, l.evidenceId, l.currentVersionId, false)}
                >
                  {t('review.evidence.download')}
                </Anchor>
              )}
            </Group>
            {shown && (
              <Box mt={6}>
                <Inline assessmentId={assessmentId} link={l} />
              </Box>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
