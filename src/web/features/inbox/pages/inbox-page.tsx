import { Badge, Button, Card, Group, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { inboxApi, inboxKeys, type Notice } from '../api.ts';
import { noticeText } from '../notice-text.ts';

const PAGE_SIZE = 20;

/** The user's own notices: what happened to the assessments she works on, and what is due soon. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useQuery({
    queryKey: inboxKeys.page(page, unreadOnly),
    queryFn: () => inboxApi.page(page, PAGE_SIZE, unreadOnly),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: inboxKeys.all });
  const onError = (error: Error) => notifications.show({ color: 'red', message: errorMessage(t, error) });
  const read = useMutation({ mutationFn: inboxApi.read, onSettled: refresh, onError });
  const readAll = useMutation({ mutationFn: inboxApi.readAll, onSettled: refresh, onError });

  const open = async (notice: Notice) => {
    if (!notice.readAt) await read.mutateAsync(notice.id).catch(() => undefined);
    if (notice.link) void navigate(notice.link);
  };

  if (inbox.isPending) return <Loading />;
  if (inbox.isError) return <ErrorAlert error={inbox.error} />;
  const { items, total, unread } = inbox.data;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.description', { count: unread })}
        actions={
          <Button
            variant="light"
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            {t('inbox.markAllRead')}
          </Button>
        }
      />
      <SegmentedControl
        mb="md"
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(value) => {
          setUnreadOnly(value === 'unread');
          setPage(1);
        }}
        data={[
          { value: 'all', label: t('inbox.filterAll') },
          { value: 'unread', label: t('inbox.filterUnread') },
        ]}
        aria-label={t('inbox.filter')}
      />
      {items.length === 0 ? (
        <Text c="dimmed">{unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((notice) => {
            const text = noticeText(t, i18n, notice);
            return (
              <Card
                key={notice.id}
                component="li"
                withBorder
                radius="md"
                p={{ base: 'sm', sm: 'md' }}
                bg={notice.readAt ? undefined : 'lagoon.0'}
                aria-label={notice.readAt ? text.title : `${t('inbox.unread')}: ${text.title}`}
              >
                <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                  <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
                    <Group gap="xs">
                      {!notice.readAt && (
                        <Badge size="sm" color="red" variant="filled">
                          {t('inbox.unread')}
                        </Badge>
                      )}
                      <Text fw={notice.readAt ? 500 : 700}>{text.title}</Text>
                    </Group>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {text.body}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(notice.createdAt, i18n.language)}
                    </Text>
                  </Stack>
                  <Group gap="xs">
                    {!notice.readAt && (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={read.isPending && read.variables === notice.id}
                        onClick={() => read.mutate(notice.id)}
                      >
                        {t('inbox.markRead')}
                      </Button>
                    )}
                    {notice.link && (
                      <Button size="xs" variant="light" onClick={() => void open(notice)}>
                        {t('inbox.open')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} aria-label={t('inbox.pages')} />
        </Group>
      )}
    </>
  );
}
