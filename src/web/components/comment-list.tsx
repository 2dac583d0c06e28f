import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format.ts';
import { ErrorAlert } from './error-alert.tsx';

export type CommentEntry = { id: string; authorName: string; createdAt: string; body: string };

/**
 * A discussion: the comments in order and, for those who may write, a box to add one. Worksheet items and
 * action-plan activities both use it; each says where comments come from and what to refresh after adding.
 */
export function CommentList({
  queryKey,
  load,
  add,
  onAdded,
  canComment,
  labels,
}: {
  queryKey: QueryKey;
  load: () => Promise<readonly CommentEntry[]>;
  add: (body: string) => Promise<unknown>;
  onAdded: () => Promise<void>;
  canComment: boolean;
  /** Translation keys: no comments yet, the box's label, the send button. */
  labels: { none: string; new: string; send: string };
}) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState('');
  const list = useQuery({ queryKey, queryFn: load });
  const adding = useMutation({
    mutationFn: add,
    onSuccess: async () => {
      setBody('');
      await onAdded();
    },
  });
  return (
    <Stack gap="xs">
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t(labels.none)}
        </Text>
      )}
      {list.data?.map((c) => (
        <Paper key={c.id} withBorder p="xs" radius="md">
          <Text size="xs" c="dimmed">
            {c.authorName} · {formatDateTime(c.createdAt, i18n.language)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </Paper>
      ))}
      {canComment && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) adding.mutate(body.trim());
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t(labels.new)}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
            />
            {adding.isError && <ErrorAlert error={adding.error} />}
            <Group>
              <Button type="submit" size="sm" loading={adding.isPending} disabled={!body.trim()}>
                {t(labels.send)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
