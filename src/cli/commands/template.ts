import type { Command } from 'commander';
import { formatId } from '../../core/shared/exact.ts';
import type { LkeTemplate } from '../../core/lke/template-model.ts';
import {
  listLkeTemplates,
  loadLkeTemplate,
  readLkeTemplateFile,
} from '../../server/lke/load-lke-template.ts';
import type { Io } from './score.ts';

const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** The template as an indented tree with weights, item types and option values. */
export const formatTemplateTable = (t: LkeTemplate): string => {
  const lines = [`${t.id} v${t.version} — ${t.title}`, `${t.regulation}`, `Berlaku: ${t.effectiveDate}`, ''];
  for (const aspect of ['pemenuhan', 'reform'] as const) {
    lines.push(`${t.names.pengungkit} / ${t.names[aspect]} — bobot ${formatId(t.weights[aspect])}`);
    for (const a of t.areas) {
      lines.push(`  ${a.aspectCode[aspect]} ${a.name} — ${formatId(a.aspectWeight[aspect])}`);
      for (const sa of t.subAreas.filter((x) => x.aspect === aspect && x.area === a.number)) {
        lines.push(`    ${sa.code} ${sa.name} — ${formatId(sa.weight)}`);
        for (const g of sa.groups) {
          const group = t.groups[g];
          if (!group) continue;
          if (sa.groups.length > 1)
            lines.push(`      ${group.code} ${group.name} — ${formatId(group.weight)}`);
          for (const i of group.items) {
            const it = t.items[i];
            if (!it) continue;
            const how =
              it.type === 'ratio'
                ? `ratio of ${it.inputs.map((x) => x.code).join(', ')}`
                : it.type === 'index_0_4'
                  ? 'index 0–4'
                  : it.options.map((o) => `${o.key}=${formatId(o.value)}`).join(' ');
            lines.push(`      ${pad(it.code, 12)} [${it.type}] ${how} — ${it.text}`);
          }
        }
      }
    }
  }
  lines.push(`${t.names.hasil} — bobot ${formatId(t.weights.hasil)}`);
  for (const p of t.hasilParts) {
    lines.push(`  ${p.code} ${p.name} — ${formatId(p.weight)}`);
    for (const i of p.items) {
      const it = t.items[i];
      if (it)
        lines.push(
          `      ${pad(it.code, 12)} [${it.type}] × ${formatId(it.weight ?? { n: 0n, d: 1n })} — ${it.text}`,
        );
    }
  }
  lines.push('', 'Predikat:');
  for (const p of t.predicates) {
    lines.push(`  ${p.id} ${p.name}`);
    for (const r of p.rules) {
      const req =
        r.kind === 'min'
          ? `≥ ${formatId(r.value)}`
          : r.kind === 'areaShare'
            ? `≥ ${formatId({ n: r.share.n * 100n, d: r.share.d }, 0)} % per area`
            : r.kind;
      lines.push(`    ${pad(r.id, 12)} ${req}  ${r.text ?? ''}`);
    }
  }
  lines.push(
    '',
    `Per-area minimum read as: ${t.choices.areaMinimum}; 0/0 → ${formatId(t.choices.zeroOverZero)}; decrease from 0 → ${formatId(t.choices.decreaseFromZero)}`,
  );
  return `${lines.join('\n')}\n`;
};
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

const counts = (t: LkeTemplate) =>
  `${t.items.length} items, ${t.inputByCode.size} inputs, ${t.subAreas.length} sub-areas, ${t.predicates.length} predicates`;

/** `pulau template validate FILE`: 0 valid, 1 invalid content (every problem with its path), 2 unreadable. */
export const runTemplateValidate = async (file: string, io: Io = stdio): Promise<number> => {
  const t = await readLkeTemplateFile(file);
  if (t.ok) {
    io.out(
      `valid: ${t.value.id} v${t.value.version} (${counts(t.value)}); weights add up to ${formatId(t.value.weights.total)}\n`,
    );
    return 0;
  }
  io.err(`${t.error.message}\n`);
  return t.error.code === 'lke_template_invalid' ? 1 : 2;
};

/** `pulau template show [--template ID] [--format json|table]`. */
export const runTemplateShow = async (
  o: { template: string; format: string },
  io: Io = stdio,
): Promise<number> => {
  if (o.format !== 'json' && o.format !== 'table') {
    io.err(`--format must be json or table, not "${o.format}"\n`);
    return 2;
  }
  const t = await loadLkeTemplate(o.template);
  if (!t.ok) {
    io.err(`${t.error.message}\n`);
    return 2;
  }
  io.out(o.format === 'json' ? `${JSON.stringify(t.value.file, null, 2)}\n` : formatTemplateTable(t.value));
  return 0;
};

/** Registers `pulau template validate FILE`, `pulau template show` and `pulau template list`. */
export const registerTemplateCommand = (program: Command): void => {
  const template = program.command('template').description('LKE templates: the regulation as data');
  template
    .command('validate <file>')
    .description('Check a template file: schema, codes, options, formulas, and that weights add up')
    .action(async (file: string) => {
      process.exitCode = await runTemplateValidate(file);
    });
  template
    .command('show')
    .description('Print a template (JSON, or a tree with weights)')
    .option('--template <id>', 'LKE template id', 'permenpanrb-90-2021')
    .option('--format <format>', 'json or table', 'json')
    .action(async (o: { template: string; format: string }) => {
      process.exitCode = await runTemplateShow(o);
    });
  template
    .command('list')
    .description('List the LKE templates on disk')
    .action(async () => {
      for (const e of await listLkeTemplates()) {
        const t = await loadLkeTemplate(e.id);
        process.stdout.write(
          `${e.id}\t${t.ok ? `v${t.value.version}\t${t.value.effectiveDate}\t${t.value.title}` : `INVALID: ${t.error.code}`}\n`,
        );
      }
    });
};
