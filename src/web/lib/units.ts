import { useQuery } from '@tanstack/react-query';
import type { Unit } from '../../contracts/units.ts';
import { api } from './api.ts';

// Units are read by several features (tree, user filter, audit filter): the list and the tree live here.

export const UNITS_KEY = ['units'] as const;

export const useUnitsQuery = (enabled = true) =>
  useQuery({
    queryKey: UNITS_KEY,
    queryFn: async () => (await api.get<{ units: Unit[] }>('/api/units')).units,
    enabled,
    staleTime: 30_000,
  });

export type UnitNode = { unit: Unit; children: UnitNode[] };

const byName = (a: UnitNode, b: UnitNode) => a.unit.name.localeCompare(b.unit.name, 'id');

/** Builds the forest from the flat list; a unit whose parent the user cannot read becomes a root. */
export const buildTree = (units: readonly Unit[]): UnitNode[] => {
  const nodes = new Map<string, UnitNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort(byName);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
};

/** Units in tree order with their depth relative to the visible roots (for indented pickers). */
export const flattenTree = (roots: readonly UnitNode[]): { unit: Unit; level: number }[] => {
  const out: { unit: Unit; level: number }[] = [];
  const walk = (list: readonly UnitNode[], level: number) => {
    for (const node of list) {
      out.push({ unit: node.unit, level });
      walk(node.children, level + 1);
    }
  };
  walk(roots, 0);
  return out;
};

/** Names from the root down to this unit, e.g. "KPU RI › KPU Jawa Timur". */
export const unitTrail = (unit: Unit, byId: ReadonlyMap<string, Unit>): string => {
  const names: string[] = [];
  for (const id of unit.path.split('/').filter(Boolean)) {
    const ancestor = byId.get(id);
    if (ancestor) names.push(ancestor.name);
  }
  return names.join(' › ');
};
