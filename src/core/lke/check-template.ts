import { ONE, ZERO, add, cmp, eq, formatId, fromDecimal, type Exact } from '../shared/exact.ts';
import type { LkeTemplateFile } from './template-schema.ts';

/** One problem in a template file, with the path of the node that holds it. */
export type TemplateIssue = { path: string; message: string };

const OPTION_KEYS: Record<string, readonly string[]> = {
  yes_no: ['Ya', 'Tidak'],
  abc: ['A', 'B', 'C'],
  abcd: ['A', 'B', 'C', 'D'],
  abcde: ['A', 'B', 'C', 'D', 'E'],
};

const dec = (x: number | string): Exact => fromDecimal(x) ?? ZERO;
const total = (xs: readonly { weight: number | string }[]): Exact =>
  xs.reduce((s, x) => add(s, dec(x.weight)), ZERO);
const show = (x: Exact): string => formatId(x, 4).replace(/,?0+$/, '');

/**
 * The checks a schema cannot express: unique codes, option keys and order, formula references, predicate
 * metrics, and weights that add up at every level (sub-sub-areas → sub-area → area → aspect → component → total).
 */
export const checkTemplate = (file: LkeTemplateFile): TemplateIssue[] => {
  const issues: TemplateIssue[] = [];
  const seen = new Map<string, string>();
  const claim = (code: string, path: string) => {
    const prev = seen.get(code);
    if (prev !== undefined) issues.push({ path, message: `code ${code} is already used at ${prev}` });
    else seen.set(code, path);
  };
  const sums = (path: string, what: string, parts: Exact, whole: Exact) => {
    if (!eq(parts, whole))
      issues.push({ path, message: `${what} add up to ${show(parts)}, but the weight is ${show(whole)}` });
  };

  const checkOptions = (
    path: string,
    it: { type: string; options: readonly { key: string; value: number | string }[] },
  ): void => {
    const keys = OPTION_KEYS[it.type] ?? [];
    const got = it.options.map((o) => o.key);
    if (got.join('/') !== keys.join('/')) {
      issues.push({
        path: `${path}.options`,
        message: `type ${it.type} needs options ${keys.join('/')} in that order, found ${got.join('/')}`,
      });
    }
    it.options.forEach((o, i) => {
      const v = dec(o.value);
      if (cmp(v, ZERO) < 0 || cmp(v, ONE) > 0)
        issues.push({ path: `${path}.options[${i}].value`, message: 'an option value lies in 0..1' });
      const next = it.options[i + 1];
      if (next && cmp(dec(next.value), v) > 0) {
        issues.push({
          path: `${path}.options[${i + 1}].value`,
          message: 'options are listed best first: a value may not exceed the one before it',
        });
      }
    });
    const first = it.options[0];
    const last = it.options[it.options.length - 1];
    if (first && !eq(dec(first.value), ONE))
      issues.push({ path: `${path}.options[0].value`, message: 'the best option is worth 1' });
    if (last && !eq(dec(last.value), ZERO))
      issues.push({
        path: `${path}.options[${it.options.length - 1}].value`,
        message: 'the worst option is worth 0',
      });
  };

  const [pengungkit, hasil] = file.components;
  const areaTable = new Map(file.areas.map((a, i) => [a.number, { a, i, sum: ZERO }]));
  file.areas.forEach((a, i) => claim(`area:${a.number}`, `areas[${i}]`));

  pengungkit.aspects.forEach((aspect, ai) => {
    const ap = `components[0].aspects[${ai}]`;
    claim(aspect.code, ap);
    const areasSeen = new Set<number>();
    aspect.areas.forEach((area, ri) => {
      const rp = `${ap}.areas[${ri}]`;
      claim(area.code, rp);
      if (areasSeen.has(area.area))
        issues.push({ path: `${rp}.area`, message: `area ${area.area} appears twice in ${aspect.name}` });
      areasSeen.add(area.area);
      const row = areaTable.get(area.area);
      if (!row) issues.push({ path: `${rp}.area`, message: `area ${area.area} is not listed under areas` });
      else row.sum = add(row.sum, dec(area.weight));
      area.subAreas.forEach((sa, si) => {
        const sp = `${rp}.subAreas[${si}]`;
        claim(sa.code, sp);
        const subs = sa.subSubAreas ?? [];
        const leaves = sa.items
          ? [{ leaf: { items: sa.items }, lp: sp }]
          : subs.map((l, li) => ({ leaf: l, lp: `${sp}.subSubAreas[${li}]` }));
        if (!sa.items) {
          subs.forEach((l, li) => claim(l.code, `${sp}.subSubAreas[${li}]`));
          sums(`${sp}.weight (${sa.code})`, 'sub-sub-areas', total(subs), dec(sa.weight));
        }
        for (const { leaf, lp } of leaves) {
          leaf.items.forEach((it, ii) => {
            const ip = `${lp}.items[${ii}]`;
            claim(it.code, ip);
            if (it.type !== 'ratio') return checkOptions(ip, it);
            const inputs = new Set(it.inputs.map((x) => x.code));
            it.inputs.forEach((x, xi) => claim(x.code, `${ip}.inputs[${xi}]`));
            (it.derived ?? []).forEach((d, di) => {
              claim(d.code, `${ip}.derived[${di}]`);
              d.sum.forEach((c) => {
                if (!inputs.has(c))
                  issues.push({
                    path: `${ip}.derived[${di}].sum`,
                    message: `${c} is not an input of ${it.code}`,
                  });
              });
            });
            const f = it.formula;
            const refs = f.kind === 'ratio' ? [...f.numerator, ...f.denominator] : [f.previous, f.current];
            refs.forEach((c) => {
              if (!inputs.has(c))
                issues.push({ path: `${ip}.formula`, message: `${c} is not an input of ${it.code}` });
            });
            it.inputs.forEach((x, xi) => {
              const used = refs.includes(x.code);
              if (used !== (x.usedInFormula ?? true)) {
                issues.push({
                  path: `${ip}.inputs[${xi}].usedInFormula`,
                  message: `${x.code} is ${used ? '' : 'not '}used by the formula`,
                });
              }
            });
          });
        }
      });
      sums(`${rp}.weight (${area.code})`, 'sub-areas', total(area.subAreas), dec(area.weight));
    });
    sums(`${ap}.weight (${aspect.code})`, 'areas', total(aspect.areas), dec(aspect.weight));
    for (const a of file.areas) {
      if (!areasSeen.has(a.number))
        issues.push({ path: ap, message: `area ${a.number} (${a.name}) is missing from ${aspect.name}` });
    }
  });
  sums('components[0].weight (Pengungkit)', 'aspects', total(pengungkit.aspects), dec(pengungkit.weight));
  for (const { a, i, sum: s } of areaTable.values())
    sums(`areas[${i}].weight (area ${a.number})`, 'its aspects', s, dec(a.weight));

  hasil.parts.forEach((part, pi) => {
    const pp = `components[1].parts[${pi}]`;
    claim(part.code, pp);
    part.items.forEach((it, ii) => {
      claim(it.code, `${pp}.items[${ii}]`);
      if (it.type !== 'index_0_4') checkOptions(`${pp}.items[${ii}]`, it);
    });
    sums(`${pp}.weight (${part.code})`, 'items', total(part.items), dec(part.weight));
  });
  sums('components[1].weight (Hasil)', 'parts', total(hasil.parts), dec(hasil.weight));
  const hundred = add(dec(pengungkit.weight), dec(hasil.weight));
  if (!eq(hundred, fromDecimal(100) ?? ZERO)) {
    issues.push({ path: 'components', message: `components add up to ${show(hundred)}, not 100` });
  }
  // sameAs may point to any input of the template, so it is checked once every code is known.
  pengungkit.aspects.forEach((aspect, ai) =>
    aspect.areas.forEach((area, ri) =>
      area.subAreas.forEach((sa, si) =>
        (sa.items ?? (sa.subSubAreas ?? []).flatMap((l) => l.items)).forEach((it, ii) => {
          if (it.type !== 'ratio') return;
          it.inputs.forEach((x, xi) => {
            if (x.sameAs !== undefined && !seen.has(x.sameAs)) {
              issues.push({
                path: `components[0].aspects[${ai}].areas[${ri}].subAreas[${si}].items[${ii}].inputs[${xi}].sameAs`,
                message: `${x.sameAs} is not an input`,
              });
            }
          });
        }),
      ),
    ),
  );

  const metrics = new Set([
    'total',
    'pengungkit',
    'pemenuhan',
    'reform',
    'hasil',
    ...hasil.parts.flatMap((p) => [p.code, ...p.items.map((i) => i.code)]),
  ]);
  file.predicates.forEach((p, pi) => {
    const ids = new Set<string>();
    p.rules.forEach((r, ri) => {
      const rp = `predicates[${pi}].rules[${ri}]`;
      if (ids.has(r.id))
        issues.push({ path: `${rp}.id`, message: `rule id ${r.id} is used twice in ${p.id}` });
      ids.add(r.id);
      if (r.kind === 'min' && !metrics.has(r.metric)) {
        issues.push({
          path: `${rp}.metric`,
          message: `unknown metric ${r.metric}; use one of ${[...metrics].join(', ')}`,
        });
      }
      if (r.kind === 'areaShare' && (cmp(dec(r.share), ZERO) < 0 || cmp(dec(r.share), ONE) > 0)) {
        issues.push({ path: `${rp}.share`, message: 'a share lies in 0..1' });
      }
    });
  });
  for (const [name, c] of Object.entries(file.openChoices)) {
    const value = String(c.value);
    if (c.allowed && !c.allowed.includes(value)) {
      issues.push({
        path: `openChoices.${name}.value`,
        message: `${value} is not one of ${c.allowed.join(', ')}`,
      });
    }
  }
  return issues;
};
