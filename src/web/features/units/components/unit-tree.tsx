import { ActionIcon, Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnitNode } from '../../../lib/units.ts';
import classes from './unit-tree.module.css';

type Props = {
  nodes: readonly UnitNode[];
  selectedId: string | null;
  expanded: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  label: string;
};

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}
    >
      <path
        d="M6 3l5 5-5 5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function Branch({ nodes, level, ...props }: Omit<Props, 'label'> & { level: number }) {
  const { t } = useTranslation();
  return (
    <ul className={classes.list}>
      {nodes.map(({ unit, children }) => {
        const open = props.expanded.has(unit.id);
        const selected = props.selectedId === unit.id;
        return (
          <li key={unit.id}>
            <Group gap={4} wrap="nowrap" className={classes.row} data-selected={selected || undefined}>
              {children.length > 0 ? (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="md"
                  onClick={() => props.onToggle(unit.id)}
                  aria-expanded={open}
                  aria-label={t(open ? 'units.collapse' : 'units.expand', { name: unit.name })}
                >
                  <Chevron open={open} />
                </ActionIcon>
              ) : (
                <span className={classes.spacer} />
              )}
              <UnstyledButton
                className={classes.name}
                onClick={() => props.onSelect(unit.id)}
                aria-pressed={selected}
              >
                <Text
                  size="sm"
                  fw={selected ? 700 : 500}
                  c={unit.active ? undefined : 'dimmed'}
                  td={unit.active ? undefined : 'line-through'}
                  span
                >
                  {unit.name}
                </Text>{' '}
                <Text size="xs" c="dimmed" span>
                  {unit.code}
                </Text>
              </UnstyledButton>
              {!unit.active && (
                <Badge size="xs" color="gray" variant="light">
                  {t('units.inactive')}
                </Badge>
              )}
            </Group>
            {children.length > 0 && open && <Branch {...props} nodes={children} level={level + 1} />}
          </li>
        );
      })}
    </ul>
  );
}

/** The unit tree: expand/collapse per branch, one selected unit whose details show beside (or below) it. */
export function UnitTree({ label, ...props }: Props) {
  return (
    <nav aria-label={label}>
      <Branch {...props} level={0} />
    </nav>
  );
}
