import { Badge, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SaveState } from '../draft-store.ts';

const colors: Record<SaveState, string> = {
  saved: 'teal',
  dirty: 'yellow',
  saving: 'blue',
  error: 'red',
  conflict: 'orange',
};

/** "Tersimpan" / "Menyimpan…" / "Belum tersimpan" / "Gagal menyimpan" / "Konflik": text, not just a colour. */
export function SaveStateBadge({ state, label }: { state: SaveState; label?: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[state]}
      variant="light"
      role="status"
      aria-live="polite"
      aria-label={label ? `${label}: ${t(`ws.save.${state}`)}` : undefined}
      leftSection={state === 'saving' ? <Loader size={10} color="blue" /> : undefined}
      style={{ textTransform: 'none' }}
    >
      {t(`ws.save.${state}`)}
    </Badge>
  );
}
