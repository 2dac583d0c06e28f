import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryAnswers } from './arbitrary-answers.ts';
import type { LkeAnswer } from './evaluate-answers.ts';
import { T, best, uniform } from './test-support.ts';
import { checkWorkbookArithmetic } from './workbook-arithmetic.ts';
import { buildLkeLayout, type LkeLayout } from './workbook-layout.ts';
import { canonicalAnswer } from './workbook-normalize.ts';
import { readLkeWorkbook, type WorkbookReading } from './workbook-read.ts';
import { layoutToGrid, mapRows, setCell } from './workbook-test-kit.ts';

const canonical = (answers: Record<string, LkeAnswer>) =>
  Object.fromEntries(
    Object.entries(answers)
      .map(([c, v]) => [c, canonicalAnswer(T.itemByCode.get(c), v)] as const)
      .filter(([, v]) => v !== null),
  );
const imported = (r: WorkbookReading | null) =>
  canonical(Object.fromEntries((r?.answers ?? []).map((a) => [a.code, a.value])));
const rowOf = (layout: LkeLayout, code: string) => layout.rows.find((r) => r.code === code)?.row ?? 0;
const errors = (r: WorkbookReading | null) => (r?.problems ?? []).filter((p) => p.severity === 'error');

describe('reading an LKE workbook', () => {
  it('refuses a workbook without an LKE sheet', () => {
    const grid = {
      sheets: [
        { name: 'Data', rows: [{ row: 1, hidden: false, cells: new Map([[1, { value: 'Jawaban' }]]) }] },
      ],
    };
    expect(readLkeWorkbook(T, grid)).toBeNull();
  });

  it('reads back the answers of its own layout, and finds no problem in its arithmetic', () => {
    const answers = uniform(1);
    const layout = buildLkeLayout(T, { answers });
    const r = readLkeWorkbook(T, layoutToGrid(layout));
    expect(errors(r)).toEqual([]);
    expect(imported(r)).toEqual(canonical(answers));
    const check = checkWorkbookArithmetic(T, r!.located, answers);
    expect(check.problems).toEqual([]);
    expect(check.total.found).toBeCloseTo(check.total.expected, 9);
  });

  it('matches rows by text when there is no code column, with columns moved and rows inserted', () => {
    const answers = uniform(2, 7, 3.5);
    const layout = buildLkeLayout(
      T,
      { answers },
      {
        columns: {
          code: 20,
          text: 2,
          weight: 5,
          type: 3,
          answer: 4,
          value: 6,
          percent: 7,
          explanation: 8,
          evidence: 9,
          links: 10,
          review: 11,
        },
        blankEvery: 7,
      },
    );
    const grid = mapRows(layoutToGrid(layout, [{ name: 'Utama', rows: [] }]), (r) => {
      const cells = new Map(r.cells);
      cells.delete(20);
      return { ...r, cells };
    });
    const r = readLkeWorkbook(T, grid);
    expect(r?.located.sheet.name).toBe('LKE');
    expect(errors(r)).toEqual([]);
    expect(r?.problems.filter((p) => p.code === 'item_not_found')).toEqual([]);
    expect(imported(r)).toEqual(canonical(answers));
  });

  it('reads answers as people type them: ya, YA, "Ya ", a, counts as text, decimal commas', () => {
    const layout = buildLkeLayout(T, { answers: best() });
    const E = layout.columns.answer;
    let grid = layoutToGrid(layout);
    const [y1, y2, y3] = T.items.filter((i) => i.type === 'yes_no').map((i) => i.code);
    const typed: [string, string][] = [
      [y1!, 'ya'],
      [y2!, 'YA'],
      [y3!, 'Ya '],
      ['P1.i.b', 'b'],
      ['R1.i.a.1', ' 12 '],
      ['R1.i.a.2', '6'],
      ['H1.a', '3,72'],
    ];
    for (const [code, v] of typed) grid = setCell(grid, 'LKE', rowOf(layout, code), E, { value: v });
    const r = readLkeWorkbook(T, grid);
    expect(errors(r)).toEqual([]);
    const got = Object.fromEntries(r!.answers.map((a) => [a.code, a.value]));
    expect(got).toMatchObject({
      [y1!]: 'Ya',
      [y2!]: 'Ya',
      [y3!]: 'Ya',
      'P1.i.b': 'B',
      'R1.i.a.1': 12,
      'R1.i.a.2': 6,
      'H1.a': 3.72,
    });
  });

  it('names the cell of an answer that is not an option, in Indonesian', () => {
    const layout = buildLkeLayout(T, { answers: best() });
    const row = rowOf(layout, 'P1.i.a');
    const r = readLkeWorkbook(
      T,
      setCell(layoutToGrid(layout), 'LKE', row, layout.columns.answer, { value: 'Ya/Tidak' }),
    );
    expect(errors(r)).toEqual([
      expect.objectContaining({
        code: 'not_an_option',
        cell: `LKE!E${row}`,
        item: 'P1.i.a',
        message: `LKE!E${row}: "Ya/Tidak" bukan jawaban P1.i.a; pilih Ya, Tidak`,
      }),
    ]);
    expect(r?.answers.find((a) => a.code === 'P1.i.a')).toBeUndefined();
  });

  it('reports a count that is not whole, an index above 4 and a cell showing an error', () => {
    const layout = buildLkeLayout(T, { answers: best() });
    const E = layout.columns.answer;
    let grid = layoutToGrid(layout);
    grid = setCell(grid, 'LKE', rowOf(layout, 'R1.i.a.1'), E, { value: '2,5' });
    grid = setCell(grid, 'LKE', rowOf(layout, 'H2.a'), E, { value: 90 });
    grid = setCell(grid, 'LKE', rowOf(layout, 'P1.i.b'), E, {
      value: null,
      formula: 'A1/0',
      error: '#DIV/0!',
    });
    expect(errors(readLkeWorkbook(T, grid)).map((p) => [p.code, p.item])).toEqual([
      ['cell_error', 'P1.i.b'],
      ['not_a_count', 'R1.i.a.1'],
      ['index_out_of_range', 'H2.a'],
    ]);
  });

  it('reads a hidden stale copy of a row as a duplicate and keeps the first', () => {
    const layout = buildLkeLayout(T, { answers: best() });
    const grid = layoutToGrid(layout);
    const sheet = grid.sheets[0]!;
    const source = sheet.rows.find((r) => r.row === rowOf(layout, 'P1.i.b'))!;
    const cells = new Map(source.cells);
    cells.set(layout.columns.answer, { value: 'C' });
    const copy = { row: 9999, hidden: true, cells };
    const r = readLkeWorkbook(T, { sheets: [{ ...sheet, rows: [...sheet.rows, copy] }] });
    expect(r?.problems.filter((p) => p.code === 'duplicate_row').map((p) => p.cell)).toEqual(['LKE!E9999']);
    expect(r?.answers.find((a) => a.code === 'P1.i.b')?.value).toBe('A');
  });

  it('brings explanations, evidence names and links along', () => {
    const layout = buildLkeLayout(T, {
      answers: best(),
      explanations: { 'P1.i.a': 'SK tim ditetapkan Januari' },
      evidence: { 'P1.i.a': ['SK Tim ZI.pdf', 'Notulen rapat.pdf'] },
      links: { 'P1.i.a': ['https://drive.example.id/folder/1'] },
    });
    const a = readLkeWorkbook(T, layoutToGrid(layout))?.answers.find((x) => x.code === 'P1.i.a');
    expect(a).toMatchObject({
      explanation: 'SK tim ditetapkan Januari',
      evidence: ['SK Tim ZI.pdf', 'Notulen rapat.pdf'],
      links: ['https://drive.example.id/folder/1'],
    });
  });

  it('round trip: any answer set survives layout and reading exactly', () => {
    fc.assert(
      fc.property(arbitraryAnswers(0.2), (answers) => {
        const r = readLkeWorkbook(T, layoutToGrid(buildLkeLayout(T, { answers })));
        expect(errors(r)).toEqual([]);
        expect(imported(r)).toEqual(canonical(answers));
      }),
      { numRuns: 25 },
    );
  });
});

describe("checking the workbook's own arithmetic", () => {
  const answers = uniform(1);
  const layout = buildLkeLayout(T, { answers });
  const F = layout.columns.value;
  const check = (grid: ReturnType<typeof layoutToGrid>) => {
    const r = readLkeWorkbook(T, grid)!;
    return checkWorkbookArithmetic(T, r.located, Object.fromEntries(r.answers.map((a) => [a.code, a.value])));
  };

  it('finds a denominator typed over its formula', () => {
    const row = rowOf(layout, 'R5.iii.a.1');
    const grid = setCell(layoutToGrid(layout), 'LKE', row, layout.columns.answer, { value: 99 });
    const ratioRow = rowOf(layout, 'R5.iii.a');
    // The workbook's ratio follows the typed denominator: 10 / 99.
    const spoiled = setCell(grid, 'LKE', ratioRow, layout.columns.answer, { value: 10 / 99, formula: 'X' });
    const { problems } = check(spoiled);
    expect(problems.map((p) => [p.cell, p.params.cause])).toEqual([[`LKE!E${row}`, 'typed_over']]);
    expect(problems[0]?.message).toContain('rumus ditimpa angka yang diketik');
  });

  it('finds a changed weight and an item counted twice', () => {
    const sub = layout.rows.find((r) => r.code === 'P1.ii')!;
    const items = layout.rows
      .filter((r) => r.kind === 'item' && r.code.startsWith('P1.ii.'))
      .map((r) => `F${r.row}`);
    let grid = setCell(layoutToGrid(layout), 'LKE', sub.row, layout.columns.weight, { value: 2 });
    grid = setCell(grid, 'LKE', sub.row, F, {
      value: 1,
      formula: `IFERROR(AVERAGE(${items.join(',')})*C${sub.row},0)`,
    });
    const sub2 = layout.rows.find((r) => r.code === 'P1.iii')!;
    const items2 = layout.rows
      .filter((r) => r.kind === 'item' && r.code.startsWith('P1.iii.'))
      .map((r) => `F${r.row}`);
    grid = setCell(grid, 'LKE', sub2.row, F, {
      value: 0.123,
      formula: `IFERROR(AVERAGE(${items2.join(',')},${items2[0]})*C${sub2.row},0)`,
    });
    const { problems } = check(grid);
    expect(problems.map((p) => [p.cell, p.params.cause])).toEqual([
      [`LKE!F${sub.row}`, 'weight_changed'],
      [`LKE!F${sub2.row}`, 'counted_twice'],
    ]);
  });
});
