import { err, ok, type DomainError, type Result } from '../shared/result.ts';
import { ZERO, add, fromDecimal, ratio, type Exact } from '../shared/exact.ts';
import { lkeTemplateSchema, type LkeTemplateFile } from './template-schema.ts';
import type {
  AreaDef,
  AspectKey,
  HasilPartDef,
  InputDef,
  ItemDef,
  LeafGroupDef,
  LkeTemplate,
  Metric,
  PredicateDef,
  SubAreaDef,
} from './template-model.ts';
import { checkTemplate, type TemplateIssue } from './check-template.ts';

export type { TemplateIssue } from './check-template.ts';

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );

const dec = (x: number | string): Exact => {
  const v = fromDecimal(x);
  // The schema already restricts decimals to finite literals, so this only guards against misuse.
  if (!v) throw new RangeError(`not a decimal: ${x}`);
  return v;
};

const invalid = (issues: TemplateIssue[]): Result<never, DomainError> =>
  err({
    code: 'lke_template_invalid',
    message: `LKE template is invalid:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`,
    details: issues,
  });

/**
 * Validates a parsed template file (YAML or JSON already turned into plain data) and compiles it for scoring:
 * schema, unique codes, option counts and order, formulas, predicate metrics, and that weights add up.
 * Every problem is reported with the path of the offending node.
 * @example
 * const t = parseLkeTemplate(YAML.parse(text));
 * if (!t.ok) console.error(t.error.message); // "components[0].aspects[0].areas[0].weight (P1): sub-areas add up to 3,5 …"
 */
export const parseLkeTemplate = (raw: unknown): Result<LkeTemplate, DomainError> => {
  const parsed = lkeTemplateSchema.safeParse(raw);
  if (!parsed.success) {
    return invalid(parsed.error.issues.map((i) => ({ path: pathText(i.path), message: i.message })));
  }
  const file = parsed.data;
  const issues = checkTemplate(file);
  if (issues.length > 0) return invalid(issues);
  return ok(compile(file));
};

const compile = (file: LkeTemplateFile): LkeTemplate => {
  const [pengungkit, hasil] = file.components;
  const items: ItemDef[] = [];
  const groups: LeafGroupDef[] = [];
  const subAreas: SubAreaDef[] = [];
  const inputByCode = new Map<string, InputDef>();
  const derivedCodes = new Set<string>();
  const areaWeights = new Map<number, { P: Exact; R: Exact; Pc: string; Rc: string }>();

  const base = (it: { code: string; text: string; guidance?: string; note?: string }, group: number) => ({
    code: it.code,
    text: it.text,
    ...(it.guidance === undefined ? {} : { guidance: it.guidance }),
    ...(it.note === undefined ? {} : { note: it.note }),
    index: items.length,
    group,
  });

  for (const aspect of pengungkit.aspects) {
    const key: AspectKey = aspect.key;
    for (const area of aspect.areas) {
      const w = areaWeights.get(area.area) ?? { P: ZERO, R: ZERO, Pc: '', Rc: '' };
      if (key === 'pemenuhan') areaWeights.set(area.area, { ...w, P: dec(area.weight), Pc: area.code });
      else areaWeights.set(area.area, { ...w, R: dec(area.weight), Rc: area.code });
      for (const sa of area.subAreas) {
        const subIndex = subAreas.length;
        const leaves = sa.items
          ? [{ code: sa.code, name: sa.name, weight: sa.weight, items: sa.items }]
          : (sa.subSubAreas ?? []);
        const groupIndexes: number[] = [];
        for (const leaf of leaves) {
          const g = groups.length;
          groupIndexes.push(g);
          const itemIndexes: number[] = [];
          for (const it of leaf.items) {
            itemIndexes.push(items.length);
            const evidence = it.evidence ?? [];
            if (it.type === 'ratio') {
              const inputs = it.inputs.map((inp) => {
                const def: InputDef = {
                  code: inp.code,
                  text: inp.text,
                  item: it.code,
                  usedInFormula: inp.usedInFormula ?? true,
                  ...(inp.sameAs === undefined ? {} : { sameAs: inp.sameAs }),
                  ...(inp.note === undefined ? {} : { note: inp.note }),
                };
                inputByCode.set(inp.code, def);
                return def;
              });
              for (const d of it.derived ?? []) derivedCodes.add(d.code);
              const f = it.formula;
              items.push({
                ...base(it, g),
                weight: null,
                evidence,
                type: 'ratio',
                inputs,
                derived: it.derived ?? [],
                formula:
                  f.kind === 'ratio'
                    ? { kind: 'ratio', numerator: f.numerator, denominator: f.denominator }
                    : { kind: 'decrease', previous: f.previous, current: f.current },
              });
            } else {
              items.push({
                ...base(it, g),
                weight: null,
                evidence,
                type: it.type,
                options: it.options.map((o) => ({ key: o.key, text: o.text, value: dec(o.value) })),
              });
            }
          }
          groups.push({
            code: leaf.code,
            name: leaf.name,
            weight: dec(leaf.weight),
            items: itemIndexes,
            subArea: subIndex,
          });
        }
        subAreas.push({
          code: sa.code,
          name: sa.name,
          weight: dec(sa.weight),
          aspect: key,
          area: area.area,
          groups: groupIndexes,
          ...(sa.note === undefined ? {} : { note: sa.note }),
        });
      }
    }
  }

  const hasilParts: HasilPartDef[] = hasil.parts.map((part) => {
    const idx: number[] = [];
    for (const it of part.items) {
      idx.push(items.length);
      const common = { ...base(it, -1), evidence: [], weight: dec(it.weight) };
      if (it.type === 'index_0_4') items.push({ ...common, type: 'index_0_4', scaleMax: ratio(it.scaleMax) });
      else
        items.push({
          ...common,
          type: it.type,
          options: it.options.map((o) => ({ key: o.key, text: o.text, value: dec(o.value) })),
        });
    }
    return { code: part.code, name: part.name, weight: dec(part.weight), items: idx };
  });

  const areas: AreaDef[] = file.areas.map((a) => {
    const w = areaWeights.get(a.number) ?? { P: ZERO, R: ZERO, Pc: '', Rc: '' };
    return {
      number: a.number,
      name: a.name,
      weight: dec(a.weight),
      aspectWeight: { pemenuhan: w.P, reform: w.R },
      aspectCode: { pemenuhan: w.Pc, reform: w.Rc },
    };
  });

  const hasilCodes = new Set([
    ...hasil.parts.map((p) => p.code),
    ...hasil.parts.flatMap((p) => p.items.map((i) => i.code)),
  ]);
  const metric = (m: string): Metric =>
    m === 'total' || m === 'pengungkit' || m === 'pemenuhan' || m === 'reform' || m === 'hasil'
      ? m
      : hasilCodes.has(m)
        ? { hasil: m }
        : 'total';
  const predicates: PredicateDef[] = file.predicates.map((p) => ({
    id: p.id,
    name: p.name,
    ...(p.source === undefined ? {} : { source: p.source }),
    rules: p.rules.map((r) => {
      const t = r.text === undefined ? {} : { text: r.text };
      if (r.kind === 'min')
        return { id: r.id, kind: 'min', metric: metric(r.metric), value: dec(r.value), ...t };
      if (r.kind === 'areaShare') return { id: r.id, kind: 'areaShare', share: dec(r.share), ...t };
      if (r.kind === 'context') return { id: r.id, kind: 'context', flag: r.flag, ...t };
      return { id: r.id, kind: 'complete', ...t };
    }),
  }));

  const [pem, ref] = pengungkit.aspects;
  const c = file.openChoices;
  return {
    id: file.id,
    title: file.title,
    regulation: file.regulation,
    version: file.version,
    effectiveDate: file.effectiveDate,
    choices: {
      areaMinimum: c.areaMinimum.value,
      zeroOverZero: dec(c.ratioZeroOverZero.value),
      decreaseFromZero: dec(c.decreaseFromZero.value),
    },
    weights: {
      total: add(dec(pengungkit.weight), dec(hasil.weight)),
      pengungkit: dec(pengungkit.weight),
      hasil: dec(hasil.weight),
      pemenuhan: dec(pem.key === 'pemenuhan' ? pem.weight : ref.weight),
      reform: dec(pem.key === 'reform' ? pem.weight : ref.weight),
    },
    names: {
      pengungkit: pengungkit.name,
      hasil: hasil.name,
      pemenuhan: pem.key === 'pemenuhan' ? pem.name : ref.name,
      reform: pem.key === 'reform' ? pem.name : ref.name,
    },
    areas,
    subAreas,
    groups,
    items,
    hasilParts,
    predicates,
    itemByCode: new Map(items.map((i) => [i.code, i])),
    inputByCode,
    derivedCodes,
    file,
  };
};
