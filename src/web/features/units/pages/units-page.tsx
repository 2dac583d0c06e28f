import { Alert, Button, Card, Grid, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/units.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { Loading } from '../../../components/loading.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { canOnUnit } from '../../../lib/permissions.ts';
import { useMe } from '../../../lib/session.ts';
import { buildTree, unitTrail, useUnitsQuery, type UnitNode } from '../../../lib/units.ts';
import { unitsApi } from '../api.ts';
import { ImportDialog } from '../components/import-dialog.tsx';
import { MoveForm } from '../components/move-form.tsx';
import { UnitDetails } from '../components/unit-details.tsx';
import { UnitForm } from '../components/unit-form.tsx';
import { UnitTree } from '../components/unit-tree.tsx';
import { useVersionedAction } from '../components/use-versioned-action.tsx';

type Dialog =
  | { kind: 'create'; parent: Unit | null }
  | { kind: 'edit'; unit: Unit }
  | { kind: 'move'; unit: Unit }
  | { kind: 'toggle'; unit: Unit }
  | { kind: 'import'; unit: Unit }
  | null;

/** Keeps the branches that match (name or code) and the ancestors that lead to them. */
const filterTree = (nodes: readonly UnitNode[], match: (unit: Unit) => boolean): UnitNode[] =>
  nodes.flatMap((node) => {
    const children = filterTree(node.children, match);
    return match(node.unit) || children.length > 0 ? [{ unit: node.unit, children }] : [];
  });

const allIds = (nodes: readonly UnitNode[], into = new Set<string>()): Set<string> => {
  for (const node of nodes) {
    into.add(node.unit.id);
    allIds(node.children, into);
  }
  return into;
};

export function UnitsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnitsQuery();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [toggled, setToggled] = useState<Map<string, boolean>>(new Map());
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  const list = useMemo(() => units.data ?? [], [units.data]);
  const byId = useMemo(() => new Map(list.map((unit) => [unit.id, unit])), [list]);
  const forest = useMemo(() => buildTree(list), [list]);
  const query = search.trim().toLowerCase();
  const visible = useMemo(
    () =>
      filterTree(
        forest,
        (unit) =>
          (showInactive || unit.active) &&
          (!query || unit.name.toLowerCase().includes(query) || unit.code.toLowerCase().includes(query)),
      ),
    [forest, query, showInactive],
  );
  // While searching every matching branch is open; otherwise the user's own choice, with agencies open.
  const open = useMemo(() => {
    if (query) return allIds(visible);
    const ids = new Set<string>();
    for (const unit of list) {
      if (toggled.get(unit.id) ?? !unit.parentId) ids.add(unit.id);
    }
    return ids;
  }, [query, visible, list, toggled]);

  const toggle = (id: string) => setToggled((previous) => new Map(previous).set(id, !open.has(id)));
  const reveal = (unit: Unit) =>
    setToggled((previous) => {
      const next = new Map(previous);
      for (const id of unit.path.split('/').filter(Boolean)) if (id !== unit.id) next.set(id, true);
      return next;
    });

  const selected = selectedId ? byId.get(selectedId) : undefined;
  const close = () => {
    setDialog(null);
    move.reset();
    toggleActive.reset();
  };
  const done = (message: string) => (unit: Unit) => {
    close();
    setSelectedId(unit.id);
    reveal(unit);
    notifications.show({ color: 'lagoon', message });
  };

  const describe = (unit: Unit) => [
    { label: t('units.fields.name'), value: unit.name },
    { label: t('units.parent'), value: unit.parentId ? (byId.get(unit.parentId)?.name ?? '—') : '—' },
    { label: t('units.status'), value: unit.active ? t('units.active') : t('units.inactive') },
  ];
  const move = useVersionedAction(
    (unit, version, newParentId: string) => unitsApi.move(unit.id, { version, newParentId }),
    done(t('units.moved')),
    describe,
    () => setDialog(null),
  );
  const toggleActive = useVersionedAction(
    (unit, version, _: null) =>
      unit.active ? unitsApi.deactivate(unit.id, version) : unitsApi.reactivate(unit.id, version),
    done(t('units.statusChanged')),
    describe,
    () => setDialog(null),
  );

  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} />;

  const actionsFor = (unit: Unit) => ({
    canCreate: canOnUnit(me, 'unit.create', unit.path),
    canUpdate: canOnUnit(me, 'unit.update', unit.path),
    canMove: canOnUnit(me, 'unit.move', unit.path),
    canDeactivate: canOnUnit(me, 'unit.deactivate', unit.path),
    canImport: canOnUnit(me, 'unit.import', unit.path),
  });

  const modalTitle = (() => {
    if (!dialog) return '';
    if (dialog.kind === 'create') return dialog.parent ? t('units.createChild') : t('units.createAgency');
    if (dialog.kind === 'edit') return t('units.editTitle', { name: dialog.unit.name });
    if (dialog.kind === 'move') return t('units.moveTitle', { name: dialog.unit.name });
    if (dialog.kind === 'import') return t('units.import.title');
    return dialog.unit.active ? t('units.deactivate') : t('units.reactivate');
  })();

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        actions={
          me.isSystemAdmin && (
            <Button onClick={() => setDialog({ kind: 'create', parent: null })}>
              {t('units.createAgency')}
            </Button>
          )
        }
      />
      {list.length === 0 ? (
        <Alert color="gray">{t('units.empty')}</Alert>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6, lg: 7 }}>
            <Card withBorder>
              <Stack gap="sm">
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <TextInput
                    label={t('units.search')}
                    type="search"
                    value={search}
                    onChange={(event) => setSearch(event.currentTarget.value)}
                    style={{ flex: '1 1 12rem' }}
                  />
                  <Switch
                    label={t('units.showInactive')}
                    checked={showInactive}
                    onChange={(event) => setShowInactive(event.currentTarget.checked)}
                  />
                </Group>
                {visible.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('common.nothingFound')}
                  </Text>
                ) : (
                  <UnitTree
                    label={t('units.treeLabel')}
                    nodes={visible}
                    selectedId={selectedId}
                    expanded={open}
                    onSelect={setSelectedId}
                    onToggle={toggle}
                  />
                )}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6, lg: 5 }}>
            {selected ? (
              <Stack gap="sm">
                <UnitDetails
                  unit={selected}
                  trail={unitTrail(selected, byId)}
                  actions={actionsFor(selected)}
                  onCreateChild={() => setDialog({ kind: 'create', parent: selected })}
                  onEdit={() => setDialog({ kind: 'edit', unit: selected })}
                  onMove={() => setDialog({ kind: 'move', unit: selected })}
                  onToggleActive={() => setDialog({ kind: 'toggle', unit: selected })}
                  onImport={() => setDialog({ kind: 'import', unit: selected })}
                />
              </Stack>
            ) : (
              <Alert color="lagoon" variant="light">
                {t('units.pickOne')}
              </Alert>
            )}
          </Grid.Col>
        </Grid>
      )}

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={modalTitle}
        size={dialog?.kind === 'import' ? 'xl' : 'md'}
      >
        {dialog?.kind === 'create' && <UnitForm mode={dialog} onDone={done(t('units.created'))} />}
        {dialog?.kind === 'edit' && <UnitForm mode={dialog} onDone={done(t('units.saved'))} />}
        {dialog?.kind === 'move' && <ErrorAlert error={move.error} />}
        {dialog?.kind === 'move' && move.conflict}
        {dialog?.kind === 'move' && !move.conflict && (
          <MoveForm
            unit={dialog.unit}
            units={list}
            busy={move.isPending}
            allowParent={(candidate) => canOnUnit(me, 'unit.create', candidate.path)}
            onMove={(newParentId) => move.execute(dialog.unit, newParentId)}
          />
        )}
        {dialog?.kind === 'toggle' && toggleActive.conflict}
        {dialog?.kind === 'toggle' && !toggleActive.conflict && (
          <Stack gap="sm">
            <ErrorAlert error={toggleActive.error} />
            <Text size="sm">
              {dialog.unit.active
                ? t('units.deactivateConfirm', { name: dialog.unit.name })
                : t('units.reactivateConfirm', { name: dialog.unit.name })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                color={dialog.unit.active ? 'red' : 'lagoon'}
                loading={toggleActive.isPending}
                onClick={() => toggleActive.execute(dialog.unit, null)}
              >
                {dialog.unit.active ? t('units.deactivate') : t('units.reactivate')}
              </Button>
            </Group>
          </Stack>
        )}
        {dialog?.kind === 'import' && (
          <ImportDialog
            parent={dialog.unit}
            units={list}
            onDone={(result) => {
              close();
              setToggled((previous) => new Map(previous).set(dialog.unit.id, true));
              notifications.show({
                color: 'lagoon',
                message: t('units.import.done', { count: result.created }),
              });
            }}
          />
        )}
      </Modal>
    </>
  );
}
