import { Badge, NavLink, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerView } from '../../../../contracts/assessments.ts';
import type { ItemDef } from '../../../../core/lke/template-model.ts';
import { countAnswered, type NavComponent } from '../worksheet-model.ts';
import type { LkeAnswer } from '../../../../core/lke/evaluate-answers.ts';

export type NavFilter = 'all' | 'unanswered' | 'mine' | 'toReview' | 'incomplete';

type Props = {
  nav: NavComponent[];
  valueOf: (code: string) => LkeAnswer;
  statusOf: (item: ItemDef) => AnswerView['status'];
  toReview: (item: ItemDef) => boolean;
  editable: (area: number | null) => boolean;
  selected: string | null;
  onSelect: (code: string) => void;
  filter: NavFilter;
  onFilter: (f: NavFilter) => void;
};

const dot: Record<AnswerView['status'], string> = { complete: 'teal', draft: 'yellow', empty: 'gray' };

/** Component → area → sub-area → item, each with answered/total; the branch of the open item stays open. */
export function WorksheetNav({
  nav,
  valueOf,
  statusOf,
  toReview,
  editable,
  selected,
  onSelect,
  filter,
  onFilter,
}: Props) {
  const { t } = useTranslation();
  const keep = (item: ItemDef, area: number | null) =>
    filter === 'all' ||
    item.code === selected ||
    (filter === 'unanswered' && statusOf(item) === 'empty') ||
    (filter === 'incomplete' && statusOf(item) !== 'complete') ||
    (filter === 'mine' && editable(area)) ||
    (filter === 'toReview' && toReview(item));
  const progress = (items: readonly ItemDef[]) => {
    const c = countAnswered(items, valueOf);
    return (
      <Badge
        size="xs"
        variant="light"
        color={c.answered === c.total ? 'teal' : 'gray'}
        style={{ textTransform: 'none', whiteSpace: 'nowrap', flexShrink: 0, overflow: 'visible' }}
      >
        {c.answered}/{c.total}
      </Badge>
    );
  };
  const contains = (items: readonly ItemDef[]) => selected !== null && items.some((i) => i.code === selected);

  return (
    <Stack gap="xs" component="nav" aria-label={t('ws.nav.label')}>
      <Select
        label={t('ws.nav.filter')}
        size="xs"
        value={filter}
        onChange={(v) => onFilter((v ?? 'all') as NavFilter)}
        data={(['all', 'unanswered', 'incomplete', 'mine', 'toReview'] as const).map((f) => ({
          value: f,
          label: t(`ws.nav.filters.${f}`),
        }))}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {nav.map((component) => {
        const all = component.areas.flatMap((a) => a.subAreas.flatMap((s) => s.items));
        return (
          <NavLink
            key={component.key}
            label={
              <Text fw={700} size="sm">
                {component.name}
              </Text>
            }
            rightSection={progress(all)}
            defaultOpened={component.key === 'pengungkit' || contains(all)}
            childrenOffset={8}
          >
            {component.areas.map((area) => {
              const items = area.subAreas.flatMap((s) => s.items);
              return (
                <NavLink
                  key={area.key}
                  label={
                    <Text size="sm">{area.area === null ? area.label : `${area.area}. ${area.label}`}</Text>
                  }
                  rightSection={progress(items)}
                  defaultOpened={contains(items)}
                  childrenOffset={8}
                >
                  {area.subAreas.map((sa) => {
                    const visible = sa.items.filter((i) => keep(i, area.area));
                    const children = visible.map((item) => (
                      <NavLink
                        key={item.code}
                        component="button"
                        active={item.code === selected}
                        aria-current={item.code === selected ? 'true' : undefined}
                        onClick={() => onSelect(item.code)}
                        label={
                          <Text size="xs" lineClamp={2}>
                            <Text span fw={700} size="xs">
                              {item.code}
                            </Text>{' '}
                            {item.text}
                          </Text>
                        }
                        leftSection={
                          <Badge
                            size="6"
                            circle
                            color={dot[statusOf(item)]}
                            aria-label={t(`ws.status.${statusOf(item)}`)}
                          />
                        }
                        rightSection={
                          toReview(item) ? (
                            <Badge size="xs" color="grape" variant="light" style={{ textTransform: 'none' }}>
                              {t('ws.toReviewShort')}
                            </Badge>
                          ) : undefined
                        }
                      />
                    ));
                    if (area.subAreas.length === 1 && area.area === null) return children;
                    return (
                      <NavLink
                        key={sa.code}
                        label={
                          <Text size="xs">
                            {sa.code} {sa.name}
                          </Text>
                        }
                        rightSection={progress(sa.items)}
                        defaultOpened={contains(sa.items)}
                        childrenOffset={8}
                      >
                        {children.length > 0 ? (
                          children
                        ) : (
                          <Text size="xs" c="dimmed" px="sm">
                            {t('ws.nav.nothing')}
                          </Text>
                        )}
                      </NavLink>
                    );
                  })}
                </NavLink>
              );
            })}
          </NavLink>
        );
      })}
    </Stack>
  );
}
