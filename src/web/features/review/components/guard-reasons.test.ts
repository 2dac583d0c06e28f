import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { guardText } from './guard-reasons.tsx';

const t = i18n.getFixedT('id');
const SNAKE = /\b[a-z]+_[a-z_]+\b/;

describe('guard reasons in words', () => {
  it('names TPI stages and positions, never their ids', () => {
    const text = guardText(t, {
      guard: 'tpi_stage_holder',
      code: 'TPI_STAGE_NOT_YOURS',
      message: 'x',
      details: { stage: 'quality_controller', completedBy: ['quality_controller'], positions: ['member'] },
    });
    expect(text).toBe('Tahap Pengendali mutu diselesaikan oleh kedudukan Pengendali mutu.');
  });

  it('names unmet prerequisites and missing documents of a proposal', () => {
    const unmet = guardText(t, {
      guard: 'prerequisites_met',
      code: 'PREREQUISITES_UNMET',
      message: 'x',
      details: { unmet: ['bpk_opinion', 'sakip_agency', 'rb_index'] },
    });
    expect(unmet).toContain('Opini BPK minimal WTP');
    expect(unmet).not.toMatch(SNAKE);
    const missing = guardText(t, {
      guard: 'proposal_documents',
      code: 'PROPOSAL_DOCUMENTS_MISSING',
      message: 'x',
      details: { missing: ['cover_letter', 'sptjm'] },
    });
    expect(missing).toBe(
      'Dokumen usulan belum dilampirkan: Surat pengantar usulan, Surat Pernyataan Tanggung Jawab Mutlak (SPTJM).',
    );
  });

  it('reads dates and decimals the Indonesian way, and a failed rule by its text', () => {
    expect(
      guardText(t, {
        guard: 'before_deadline',
        code: 'DEADLINE_PASSED',
        message: 'x',
        details: { deadline: '2026-05-31', today: '2026-06-02' },
      }),
    ).toBe('Batas waktu pengusulan (31 Mei 2026) sudah lewat.');
    const rule = guardText(t, {
      guard: 'tpi_scores_pass',
      code: 'PREDICATE_RULE_FAILED',
      message: 'x',
      details: {
        predicate: 'WBK',
        rule: 'total_min',
        text: 'Nilai total',
        actual: '14.61',
        required: '75.00',
      },
    });
    expect(rule).toContain('14,61');
    expect(rule).toContain('Nilai total');
    expect(rule).not.toContain('total_min');
  });

  it('an unknown code says so in words instead of the server English', () => {
    expect(guardText(t, { guard: 'x', code: 'NEW_GUARD', message: 'English developer text' })).toBe(
      'Langkah ini belum dapat dilakukan sekarang.',
    );
  });
});
