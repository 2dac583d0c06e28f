import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inboxApi, inboxKeys } from '../api.ts';

/** The header's bell: the unread count, refreshed every minute, opening the inbox. */
export function InboxBell() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: inboxKeys.unread,
    queryFn: inboxApi.unreadCount,
    refetchInterval: 60_000,
  });
  const count = unread.data ?? 0;
  return (
    <Indicator
      label={count > 99 ? '99+' : count}
      size={18}
      color="red"
      disabled={count === 0}
      offset={4}
      aria-hidden={count === 0}
    >
      <ActionIcon
        component={Link}
        to="/inbox"
        variant="subtle"
        size="lg"
        radius="xl"
        aria-label={t('inbox.bell', { count })}
      >
        <svg
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden
        >
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
