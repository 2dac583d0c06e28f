import { describe, expect, it } from 'vitest';
import en from '../../../web/locales/en.json' with { type: 'json' };
import id from '../../../web/locales/id.json' with { type: 'json' };
import { fill, NOTICE_TEXTS, noticeText, renderEmail } from './notice-texts.ts';

type Kinds = Record<string, Record<string, { title: string; body: string }>>;

describe('notice texts', () => {
  it('the web inbox says the same as the e-mail, for every kind in both languages', () => {
    for (const [lang, catalogue] of [
      ['id', id],
      ['en', en],
    ] as const) {
      const kinds = (catalogue as unknown as { inbox: { kinds: Kinds } }).inbox.kinds;
      for (const [kind, texts] of Object.entries(NOTICE_TEXTS)) {
        const [group, name] = kind.split('.') as [string, string];
        expect(kinds[group]?.[name], `${lang} ${kind}`).toEqual({
          title: texts[lang].subject,
          body: texts[lang].body,
        });
      }
    }
  });

  it('fills every placeholder, a missing one as a dash', () => {
    expect(fill('{{unit}} ({{period}})', { unit: 'KPU Sumenep' })).toBe('KPU Sumenep (–)');
    const params = { unit: 'U', period: 'P', note: 'N', stage: 'S', next: 'X', predicate: 'WBK' };
    for (const kind of Object.keys(NOTICE_TEXTS))
      for (const lang of ['id', 'en'] as const) {
        const text = noticeText(
          kind,
          { ...params, date: 'D', days: 7, proposableFrom: 'F', year: 2026, quarter: 2 },
          lang,
        );
        expect(`${text.subject} ${text.body}`, kind).not.toMatch(/\{\{|–/);
      }
  });

  it('an unknown kind still makes a readable e-mail; English readers get English first', () => {
    const mail = renderEmail('pact.unsigned', {}, '/pact/sign', 'en');
    expect(mail.subject).toBe('New notice in Pulau / Pemberitahuan baru di Pulau');
    expect(mail.body).toContain('You have a new notice (pact.unsigned).');
    expect(mail.body).toContain('{{origin}}/pact/sign');
    expect(renderEmail('review.submit', { unit: 'U', period: 'P' }, null, 'id').subject).toBe(
      'LKE U dikirim untuk persetujuan / U: LKE submitted for approval',
    );
  });
});
