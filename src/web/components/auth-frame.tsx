import { Box, Container, Group, Paper, Stack } from '@mantine/core';
import { Brand } from './brand.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** The frame of pages before login (login, setup): the brand, the language switch, one card. */
export function AuthFrame({ children, width = 440 }: { children: React.ReactNode; width?: number }) {
  return (
    <Box
      mih="100dvh"
      py="xl"
      px="sm"
      style={{
        background:
          'linear-gradient(180deg, var(--mantine-color-lagoon-0) 0%, var(--mantine-color-gray-0) 60%)',
      }}
    >
      <Container size={width} p={0}>
        <Stack gap="lg">
          <Group justify="space-between" wrap="nowrap">
            <Brand size="lg" />
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} component="main">
            {children}
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
