import type { LkeAnswer, LkeAnswerSet, LkeIssue } from './evaluate-answers.ts';
import { err, ok, type Result } from '../shared/result.ts';

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Checks the outer shape of an answers document (`{"answers": {…}, "context": {"alreadyWbk": false}}`) before
 * scoring; the answers themselves are judged against the template by `scoreAssessment`.
 * @example readAnswerSet(JSON.parse('{"answers": {"P1.i.a": "Ya"}}')) // ok({ answers: { 'P1.i.a': 'Ya' } })
 */
export const readAnswerSet = (raw: unknown): Result<LkeAnswerSet, LkeIssue[]> => {
  const issues: LkeIssue[] = [];
  if (!isRecord(raw) || !isRecord(raw.answers)) {
    return err([
      {
        code: 'invalid_document',
        item: 'answers',
        message: 'the file must be a JSON object with an "answers" object',
      },
    ]);
  }
  const answers: Record<string, LkeAnswer> = {};
  for (const [code, v] of Object.entries(raw.answers)) {
    if (v === null || typeof v === 'string' || typeof v === 'number') answers[code] = v;
    else
      issues.push({
        code: 'invalid_answer',
        item: code,
        message: `${code}: give a letter, "Ya"/"Tidak" or a number, not ${JSON.stringify(v)}`,
      });
  }
  const context: { alreadyWbk?: boolean } = {};
  if (raw.context !== undefined) {
    if (!isRecord(raw.context))
      issues.push({ code: 'invalid_context', item: 'context', message: '"context" must be an object' });
    else if (raw.context.alreadyWbk !== undefined) {
      if (typeof raw.context.alreadyWbk === 'boolean') context.alreadyWbk = raw.context.alreadyWbk;
      else
        issues.push({
          code: 'invalid_context',
          item: 'context.alreadyWbk',
          message: '"context.alreadyWbk" must be true or false',
        });
    }
  }
  return issues.length > 0 ? err(issues) : ok({ answers, context });
};
