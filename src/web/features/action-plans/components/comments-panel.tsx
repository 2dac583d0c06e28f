import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { planKeys, plansApi } from '../api.ts';

/** The input on one activity: everyone of the unit may give it (staff through their employee record). */
export function CommentsPanel({
  activityId,
  canComment,
  asEmployee,
  onAdded,
}: {
  activityId: string;
  canComment: boolean;
  asEmployee: boolean;
  onAdded?: () => void | Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const list = useQuery({
    queryKey: planKeys.comments(activityId),
    queryFn: () => plansApi.comments(activityId, asEmployee),
  });
  const add = useMutation({
    mutationFn: (text: string) => plansApi.addComment(activityId, text, asEmployee),
    onSuccess: async () => {
      setBody('');
      await client.invalidateQueries({ queryKey: planKeys.comments(activityId) });
      await onAdded?.();
    },
  });
  return (
    <Stack gap="xs">
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('actionPlans.comments.none')}
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
              label={t('actionPlans.comments.new')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={5000}
            />
            {add.isError && <ErrorAlert error={add.error} />}
            <Group>
              <Button type="submit" size="sm" loading={add.isPending} disabled={!body.trim()}>
                {t('actionPlans.comments.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
