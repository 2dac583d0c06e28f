import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { keys, workspaceApi } from '../api.ts';

/** The discussion on one item: read by all who see the worksheet, written by those who may comment. */
export function CommentThread({
  assessmentId,
  code,
  canComment,
}: {
  assessmentId: string;
  code: string;
  canComment: boolean;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const list = useQuery({
    queryKey: keys.comments(assessmentId, code),
    queryFn: () => workspaceApi.comments(assessmentId, code),
  });
  const add = useMutation({
    mutationFn: (text: string) => workspaceApi.addComment(assessmentId, code, text),
    onSuccess: async () => {
      setBody('');
      await client.invalidateQueries({ queryKey: keys.comments(assessmentId, code) });
      await client.invalidateQueries({ queryKey: keys.worksheet(assessmentId) });
    },
  });
  return (
    <Stack gap="xs">
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('ws.comments.none')}
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
            if (body.trim()) add.mutate(body.trim());
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('ws.comments.new')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
            />
            {add.isError && <ErrorAlert error={add.error} />}
            <Group>
              <Button type="submit" size="sm" loading={add.isPending} disabled={!body.trim()}>
                {t('ws.comments.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
