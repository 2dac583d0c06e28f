import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TodoList } from '../../../../contracts/home.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { api } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';

/** What the user should do next: each open to-do with its count and a link to the page that does it. */
export function TodoCard() {
  const { t, i18n } = useTranslation();
  const todos = useQuery({ queryKey: ['me', 'todos'], queryFn: () => api.get<TodoList>('/api/me/todos') });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('home.todos.title')}
        </Title>
        {todos.isPending && <Loading />}
        {todos.isError && <ErrorAlert error={todos.error} />}
        {todos.data?.todos.length === 0 && (
          <Alert color="gray" variant="light">
            {t('home.todos.none')}
          </Alert>
        )}
        {todos.data && todos.data.todos.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('home.todos.title')}
          >
            {todos.data.todos.map((todo) => (
              <li key={`${todo.kind}${todo.link}`}>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light" miw={36}>
                    {todo.count}
                  </Badge>
                  <Anchor component={Link} to={todo.link}>
                    {t(`home.todos.kinds.${todo.kind}`, {
                      count: todo.count,
                      unit: todo.unitName,
                      date: todo.date ? formatDate(todo.date, i18n.language) : '',
                    })}
                  </Anchor>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <Text size="xs" c="dimmed">
          {t('home.todos.hint')}
        </Text>
      </Stack>
    </Card>
  );
}
