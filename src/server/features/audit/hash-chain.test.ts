import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH, type AuditContent } from './hash-chain.ts';

const content: AuditContent = {
  at: '2026-03-02T01:02:03.000Z',
  actorId: '6f1c2b1e-0000-4000-8000-000000000001',
  actorLabel: 'agency@kpu.test',
  action: 'unit.updated',
  subjectType: 'unit',
  subjectId: '6f1c2b1e-0000-4000-8000-000000000002',
  unitId: '6f1c2b1e-0000-4000-8000-000000000002',
  unitPath: '/a/b/',
  before: { name: 'KPU Kabupaten Sumenep', region: null },
  after: { name: 'KPU Kab. Sumenep', region: null },
  ip: '10.0.0.1',
};

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth (jsonb reorders keys)', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 1 }], x: 'x' } };
    const b = { a: { x: 'x', y: [1, { p: 1, q: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"p":1,"q":2}]},"b":1}');
  });

  it('drops undefined members as JSON does, but keeps array order and nulls', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('auditHash', () => {
  const base = auditHash(GENESIS_HASH, content);

  it('is a stable SHA-256 hex digest, independent of the key order of before/after', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...content, before: { region: null, name: 'KPU Kabupaten Sumenep' } };
    expect(auditHash(GENESIS_HASH, reordered)).toBe(base);
  });

  it.each(Object.keys(content) as Array<keyof AuditContent>)('changes when %s changes', (field) => {
    const value = content[field];
    const changed =
      typeof value === 'string' ? `${value}x` : value === null ? 'something' : { ...value, forged: true };
    expect(auditHash(GENESIS_HASH, { ...content, [field]: changed })).not.toBe(base);
  });

  it('changes with the previous hash, so records cannot be reordered or dropped', () => {
    expect(auditHash('1'.repeat(64), content)).not.toBe(base);
  });

  it('tells a null field from a missing one only as JSON does: before undefined hashes as null', () => {
    expect(auditHash(GENESIS_HASH, { ...content, before: undefined })).toBe(
      auditHash(GENESIS_HASH, { ...content, before: null }),
    );
  });
});
