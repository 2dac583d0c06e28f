import type { TFunction } from 'i18next';
import id from '../locales/id.json' with { type: 'json' };
import { ApiError, isApiError } from './api.ts';

/** Codes the catalogues translate under `errors.<CODE>`; anything else falls back to errors.UNKNOWN. */
export const KNOWN_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'STALE_WRITE',
  'CONFLICT',
  'UNIT_CODE_TAKEN',
  'EMAIL_TAKEN',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'INVALID_CREDENTIALS',
  'NETWORK',
  'UNKNOWN',
  'PASSWORD_TOO_SHORT',
  'EMAIL_INVALID',
  'UNIT_CODE_INVALID',
  'AREA_ONLY_FOR_COORDINATOR_OR_MEMBER',
  'CSRF_TOKEN_INVALID',
  'CURRENT_PASSWORD_WRONG',
  'PASSWORD_UNCHANGED',
  'SETUP_DONE',
  'DATABASE_UNAVAILABLE',
  'PARENT_INACTIVE',
  'UNIT_HAS_ACTIVE_CHILDREN',
  'UNIT_IS_AGENCY',
  'UNIT_TYPE_MISMATCH',
  'UNIT_MOVE_CYCLE',
  'REQUIRED',
  'TOO_LONG',
  'INVALID',
  'SUBMISSION_INCOMPLETE',
  'ASSESSMENT_LOCKED',
  'INVALID_TRANSITION',
  'ANSWER_INVALID',
  'ANSWER_RATIO_OVER_ZERO',
  'PERSON_NOT_ON_UNIT',
  'ITEM_UNKNOWN',
  'TEMPLATE_UNKNOWN',
  'ASSESSMENT_EXISTS',
  'NOTE_REQUIRED',
  'NOT_AN_AGENCY',
  'NO_PREVIOUS_ASSESSMENT',
  'PERIOD_EXISTS',
  'PERIOD_WINDOWS_INVALID',
  'UNIT_INACTIVE',
  'UNIT_NOT_IN_AGENCY',
  'TEMPLATE_VERSION_MISSING',
  'CAMPAIGN_NOT_CLOSED',
  'CAMPAIGN_NOT_DRAFT',
  'CAMPAIGN_STATE',
  'CAMPAIGN_CLOSED',
  'SURVEY_NO_LKE_VALUE',
  'SURVEY_EXCLUSION_REASON_REQUIRED',
  'SURVEY_SAMPLE_BELOW_MINIMUM',
  'SURVEY_CAMPAIGN_NOT_FINISHED',
  'SURVEY_CAMPAIGN_PERIOD_INVALID',
  'DUPLICATE_DEVICE',
  'CAMPAIGN_ALREADY_PUBLISHED',
  'CAMPAIGN_NOT_PUBLISHED',
  'SURVEY_CUSTOM_QUESTION_INVALID',
  'SURVEY_CUSTOM_QUESTION_COLLISION',
  'ASSESSMENT_OTHER_UNIT',
  'TARGET_SAMPLE_UNKNOWN',
  'QUESTIONNAIRE_UNKNOWN',
  'QUESTIONNAIRE_KIND_MISMATCH',
  'SERVICE_UNKNOWN',
  'SERVICE_CODE_INVALID',
  // The evaluation workflow (review API)
  'CONFLICT_OF_INTEREST',
  'NOT_AN_EVALUATOR',
  'ALREADY_ASSIGNED',
  'POSITION_INVALID',
  'TRANSITION_NOT_ALLOWED',
  'ROLE_NOT_ALLOWED',
  'GUARD_FAILED',
  'PREREQUISITE_WRONG_LEVEL',
  'PREREQUISITE_VALUE_INVALID',
  'EVIDENCE_WRONG_UNIT',
  'EVIDENCE_NOT_FOUND',
  'PREREQUISITE_FROM_RECORD',
  'PROPOSAL_LOCKED',
  'LHE_LEVEL_UNKNOWN',
  'LHE_LEVEL_NOT_DONE',
  'LEVEL_INVALID',
  'INLINE_NOT_ALLOWED',
  'REVIEW_NOT_OPEN',
  'DECREE_REQUIRED',
  'DECREE_NOT_EXPECTED',
  'DECREE_DATE_IN_FUTURE',
  'NO_AWARD',
  'NOT_AWAITING_RECHECK',
  'UNIT_ANSWER_PROTECTED',
  'UNKNOWN_LEVEL',
  // Action plans (rencana aksi)
  'PLAN_EXISTS',
  'LKE_CODE_OUTSIDE_AREA',
  'LKE_CODE_UNKNOWN',
  'LKE_CODE_INVALID',
  'LKE_CODES_REPEATED',
  'QUARTERS_REPEATED',
  'EVIDENCE_REPEATED',
  'PERSON_NOT_EMPLOYEE',
  'EVIDENCE_NOT_OF_UNIT',
  'ACTIVITY_HAS_REALISATION',
  'QUARTER_NOT_STARTED',
  'PLAN_EMPTY',
  'REPORT_ALREADY_SUBMITTED',
  'REPORT_APPROVED',
  'REPORT_NOT_SUBMITTED',
  'QUARTER_REPORT_APPROVED',
  'REPORT_NOT_APPROVED',
  // Employees, the integrity pact and the declaration
  'IMPORT_INVALID',
  'NIP_TAKEN',
  'NIP_INVALID',
  'ACCOUNT_NOT_FOUND',
  'ACCOUNT_ALREADY_LINKED',
  'PACT_UNCHANGED',
  'PACT_DOCUMENT_CHANGED',
  'PACT_ALREADY_SIGNED',
  'SIGNING_LINK_USED',
  'SIGNING_LINK_EXPIRED',
  'EMPLOYEE_NOT_IN_UNIT',
  'PACT_NO_SIGNATURES',
  'EVIDENCE_NOT_IN_UNIT',
  'DECLARATION_PLACE_REQUIRED',
  // The work team, findings register and change agents
  'TEAM_AREAS_INVALID',
  'TEAM_DUPLICATE_MEMBER',
  'TEAM_EMPLOYEE_NOT_IN_UNIT',
  'TEAM_NOTHING_TO_AMEND',
  'FINDING_CLOSED',
  'FINDING_NO_FOLLOW_UP',
  'AGENT_EMPLOYEE_NOT_IN_UNIT',
  'AGENT_ALREADY_DESIGNATED',
  'AGENT_DATES_INVALID',
  'YEAR_RANGE_INVALID',
] as const;

const textDetails = (details: unknown): Record<string, string> => {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return {};
  return Object.fromEntries(
    Object.entries(details).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
};

/** A code is known when the catalogue has its words (the vocabulary test keeps every server code there). */
const isKnown = (code: string): boolean =>
  (KNOWN_ERROR_CODES as readonly string[]).includes(code) || Object.hasOwn(id.errors, code);

/**
 * The sentence to show for a failed request or thrown error, in the user's language. The server's own
 * (English, developer) text never comes first: it goes behind "Detail teknis" (`errorDetail`).
 */
export const errorMessage = (t: TFunction, error: unknown): string => {
  // Details that are a flat record of strings fill the sentence's placeholders (e.g. the two inputs named).
  if (isApiError(error) && isKnown(error.code)) return t(`errors.${error.code}`, textDetails(error.details));
  return t('errors.UNKNOWN');
};

/** The technical detail of an error for "Detail teknis": code, HTTP status and the developer text. */
export const errorDetail = (error: unknown): string | null => {
  if (isApiError(error)) return `${error.code} (HTTP ${error.status}): ${error.message}`;
  if (error instanceof Error) return error.message;
  return error === null || error === undefined ? null : String(error);
};

/**
 * A refused upload as the API error it carries: tus clients report "tus: unexpected response … response
 * code: 415, response text: {"error":{…}}" and that text is for developers, not for the person uploading.
 */
export const uploadError = (error: unknown): ApiError | Error => {
  const text =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  const status = Number(/response code: (\d{3})/.exec(text)?.[1] ?? 0);
  const body = /response text: (\{[\s\S]*\})/.exec(text)?.[1];
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
      if (typeof parsed.error?.code === 'string')
        return new ApiError(status, parsed.error.code, text, parsed.error.details);
    } catch {
      // not JSON after all: the text stays the detail
    }
  }
  if (status === 413) return new ApiError(413, 'FILE_TOO_LARGE', text);
  if (status === 0 && /network|failed to fetch/i.test(text)) return new ApiError(0, 'NETWORK', text);
  return new Error(text);
};

type Issue = { path?: unknown; message?: unknown; code?: unknown; minimum?: unknown };

/** Translates one zod issue: contract codes (UPPER_SNAKE) by name, zod's own kinds by kind. */
export const issueMessage = (t: TFunction, issue: Issue): string => {
  const message = typeof issue.message === 'string' ? issue.message : '';
  if (/^[A-Z][A-Z_]+$/.test(message) && isKnown(message)) return t(`errors.${message}`);
  if (issue.code === 'too_small') return issue.minimum === 1 ? t('errors.REQUIRED') : t('errors.TOO_SHORT');
  if (issue.code === 'too_big') return t('errors.TOO_LONG');
  if (issue.code === 'invalid_type' && message.includes('undefined')) return t('errors.REQUIRED');
  return t('errors.INVALID');
};

const issuePath = (issue: Issue): string =>
  Array.isArray(issue.path)
    ? issue.path
        .map((part: unknown) =>
          typeof part === 'object' && part && 'key' in part ? String(part.key) : String(part),
        )
        .join('.')
    : '';

/** Field errors of a 400 VALIDATION_FAILED, keyed by dotted path, ready for a Mantine form's setErrors. */
export const fieldErrors = (t: TFunction, error: unknown): Record<string, string> => {
  if (!isApiError(error, 'VALIDATION_FAILED') || !Array.isArray(error.details)) return {};
  const errors: Record<string, string> = {};
  for (const raw of error.details as Issue[]) {
    const path = issuePath(raw);
    if (path && !errors[path]) errors[path] = issueMessage(t, raw);
  }
  return errors;
};

/** Issues of a zod safeParse, keyed by dotted path: client-side validation with the same contract. */
export const zodIssuesToErrors = (t: TFunction, issues: readonly Issue[]): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issuePath(issue);
    if (!errors[path]) errors[path] = issueMessage(t, issue);
  }
  return errors;
};
