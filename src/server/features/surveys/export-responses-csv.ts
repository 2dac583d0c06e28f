import type { Questionnaire } from '../../../core/survey/questionnaire-schema.ts';
import type { Tx } from '../../db/client.ts';
import { servicesOf } from './present-campaign.ts';
import { pinnedQuestionnaire } from './questionnaires.ts';
import { listResponses, type CampaignRow } from './repo.ts';

export type ExportResponsesCsvOptions = { campaign: CampaignRow };

/** Quotes every field; a leading =, +, - or @ is defused so a spreadsheet never runs a respondent's text. */
const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

export const labelOf = (q: Questionnaire, code: string, value: unknown, services: Map<string, string>) => {
  const field = q.profile.find((f) => f.code === code);
  if (field)
    return 'options' in field
      ? field.options.find((o) => o.value === value)?.text.id
      : services.get(String(value));
  const question = q.questions.find((qq) => qq.code === code);
  if (!question || question.type === 'text') return undefined;
  const values = Array.isArray(value) ? value : [value];
  const options = question.options as readonly { value: unknown; text: { id: string } }[];
  return values.map((v) => options.find((o) => o.value === v)?.text.id ?? '').join('|');
};

/** One row per response: codes and their Indonesian labels side by side, flags, no address or device hash. */
export const exportResponsesCsv = async (
  db: Tx,
  { campaign }: ExportResponsesCsvOptions,
): Promise<string> => {
  const q = await pinnedQuestionnaire(campaign);
  const services = new Map(servicesOf(campaign).map((s) => [s.code, s.name]));
  const rows = await listResponses(db, campaign.id);
  const profileCodes = q.profile.map((f) => f.code);
  const questionCodes = q.questions.map((qq) => qq.code);
  const labelled = (code: string) => [code, `${code}_label`];
  const header = [
    'response_id',
    'created_at',
    q.screening.code,
    ...profileCodes.flatMap(labelled),
    ...questionCodes.flatMap((c) =>
      q.questions.find((qq) => qq.code === c)?.type === 'text' ? [c] : labelled(c),
    ),
    'duration_seconds',
    'flags',
  ];
  const lines = rows.map((r) => {
    const profile = r.profile as Record<string, unknown>;
    const answers = r.answers as Record<string, unknown>;
    return [
      r.id,
      r.createdAt.toISOString(),
      r.screening,
      ...profileCodes.flatMap((c) => [profile[c], labelOf(q, c, profile[c], services)]),
      ...questionCodes.flatMap((c) =>
        q.questions.find((qq) => qq.code === c)?.type === 'text'
          ? [answers[c]]
          : [answers[c], answers[c] === undefined ? '' : labelOf(q, c, answers[c], services)],
      ),
      r.durationSeconds,
      (r.flags as string[]).join('|'),
    ]
      .map(cell)
      .join(',');
  });
  return `\uFEFF${[header.map(cell).join(','), ...lines].join('\r\n')}\r\n`;
};
