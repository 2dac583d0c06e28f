import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { loadSurvey, sendResponse, type LoadResult } from './api.ts';
import { Choice, TextField } from './fields.tsx';
import { local, translate, type MessageKey } from './messages.ts';
import { Outbox } from './outbox.ts';
import type { Lang, SubmitBody } from './types.ts';
import { emptyForm, serverFieldErrors, validateForm, type FieldErrors, type FormState } from './validate.ts';

export type SurveyAppProps = {
  campaignId: string;
  /** A tablet at the counter: reset after each response, queue while offline. */
  kiosk?: boolean;
  /** The service of the QR code's counter (`?layanan=`), pre-selected. */
  presetService?: string | null;
  /** How long the thank-you stays in kiosk mode. */
  resetMs?: number;
  /** How often waiting responses are retried (besides the `online` event). */
  retryMs?: number;
  outbox?: Outbox;
};

type Screen = 'screening' | 'ineligible' | 'form' | 'thanks';
const CODE_FIELD = '__code';
const DEVICE_KEY = 'pulau.survey.device';

const newKey = () => crypto.randomUUID();

/** A random token of this browser (never of a person), to discourage repeats; not sent from a kiosk. */
const deviceToken = (): string | undefined => {
  try {
    let token = localStorage.getItem(DEVICE_KEY);
    if (!token) {
      token = crypto.randomUUID();
      localStorage.setItem(DEVICE_KEY, token);
    }
    return token;
  } catch {
    return undefined;
  }
};

export function SurveyApp({
  campaignId,
  kiosk = false,
  presetService = null,
  resetMs = 5000,
  retryMs = 15000,
  outbox: givenOutbox,
}: SurveyAppProps) {
  const [outbox] = useState(() => givenOutbox ?? new Outbox());
  const [lang, setLang] = useState<Lang>('id');
  const [loaded, setLoaded] = useState<LoadResult | null>(null);
  const [screen, setScreen] = useState<Screen>('screening');
  const [form, setForm] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<MessageKey | null>(null);
  const [sending, setSending] = useState(false);
  const [pending, setPending] = useState(() => outbox.list().length);
  const keyRef = useRef<string>(newKey());
  const startRef = useRef<number>(Date.now());
  const submittedKey = useRef<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const msg = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars),
    [lang],
  );

  const survey = loaded?.kind === 'ok' ? loaded.survey : null;

  const fetchSurvey = useCallback(() => {
    setLoaded(null);
    void loadSurvey(campaignId).then((r) => {
      setLoaded(r);
      if (r.kind === 'ok') {
        setForm(emptyForm(presetService, r.survey));
        startRef.current = Date.now();
      }
    });
  }, [campaignId, presetService]);
  useEffect(fetchSurvey, [fetchSurvey]);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    if (survey) document.title = `${local(lang, survey.questionnaire.title)} · ${survey.periodLabel}`;
  }, [lang, survey]);

  // Waiting responses go out when the connection returns, and on a timer (the event is not always fired).
  useEffect(() => {
    const flush = () => {
      if (outbox.list().length === 0) return;
      void outbox.flush().then(() => setPending(outbox.list().length));
    };
    flush();
    window.addEventListener('online', flush);
    const timer = setInterval(flush, retryMs);
    return () => {
      window.removeEventListener('online', flush);
      clearInterval(timer);
    };
  }, [outbox, retryMs]);

  const reset = useCallback(() => {
    if (!survey) return;
    keyRef.current = newKey();
    submittedKey.current = null;
    startRef.current = Date.now();
    setForm(emptyForm(presetService, survey));
    setErrors({});
    setBanner(null);
    setSending(false);
    setScreen('screening');
  }, [survey, presetService]);

  useEffect(() => {
    if (!kiosk || (screen !== 'thanks' && screen !== 'ineligible')) return;
    const timer = setTimeout(reset, resetMs);
    return () => clearTimeout(timer);
  }, [kiosk, screen, resetMs, reset]);

  // Each new screen is announced by moving focus to its heading.
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [screen]);

  if (!loaded) return <Shell lang={lang} setLang={setLang} msg={msg} busy message={msg('loading')} />;
  if (loaded.kind !== 'ok' || !survey || !form) {
    return (
      <Shell lang={lang} setLang={setLang} msg={msg}>
        <p className="notice" role="alert">
          {msg(loaded.kind === 'not-found' ? 'notFound' : 'loadFailed')}
        </p>
        {loaded.kind === 'failed' && (
          <button type="button" className="btn" onClick={fetchSurvey}>
            {msg('tryAgain')}
          </button>
        )}
      </Shell>
    );
  }

  const q = survey.questionnaire;
  const title = local(lang, q.title);
  const pendingNote =
    pending > 0 ? (
      <p className="pending" role="status">
        {msg('pending', { n: pending })}
      </p>
    ) : null;

  if (survey.status !== 'open') {
    return (
      <Shell lang={lang} setLang={setLang} msg={msg} title={title}>
        <p className="notice">{msg('closed')}</p>
      </Shell>
    );
  }

  const setProfile = (code: string, value: string) => {
    setForm({ ...form, profile: { ...form.profile, [code]: value } });
    if (errors[code]) setErrors(without(errors, code));
  };
  const setAnswer = (code: string, value: number | string | string[]) => {
    setForm({ ...form, answers: { ...form.answers, [code]: value } });
    if (errors[code]) setErrors(without(errors, code));
  };
  const errorText = (code: string) => {
    const e = errors[code];
    return e ? msg(e.key, e.vars) : undefined;
  };

  if (screen === 'screening') {
    const next = (e: FormEvent) => {
      e.preventDefault();
      const option = q.screening.options.find((o) => o.value === form.screening);
      if (!option) {
        setErrors({ [q.screening.code]: { key: 'errorChoose' } });
        document.getElementById(`f-${q.screening.code}`)?.focus();
        return;
      }
      setErrors({});
      setScreen(option.eligible ? 'form' : 'ineligible');
    };
    return (
      <Shell lang={lang} setLang={setLang} msg={msg} title={title} headingRef={headingRef}>
        {q.description && <p className="lead">{local(lang, q.description)}</p>}
        <p className="lead">{msg('anonymous')}</p>
        {pendingNote}
        <form onSubmit={next} noValidate>
          <Choice
            name={`f-${q.screening.code}`}
            legend={local(lang, q.screening.text)}
            requiredLabel={msg('required')}
            options={q.screening.options.map((o) => ({ value: o.value, label: local(lang, o.text) }))}
            value={form.screening ?? undefined}
            error={errorText(q.screening.code)}
            onChange={(v) => {
              setForm({ ...form, screening: v as string });
              setErrors({});
            }}
          />
          <div className="actions">
            <button type="submit" className="btn">
              {msg('next')}
            </button>
          </div>
        </form>
      </Shell>
    );
  }

  if (screen === 'ineligible') {
    return (
      <Shell lang={lang} setLang={setLang} msg={msg} title={msg('ineligibleTitle')} headingRef={headingRef}>
        <p className="notice">{local(lang, q.screening.ineligibleMessage)}</p>
        <button type="button" className="btn btn-secondary" onClick={() => setScreen('screening')}>
          {msg('back')}
        </button>
      </Shell>
    );
  }

  if (screen === 'thanks') {
    const waiting = submittedKey.current !== null && outbox.has(submittedKey.current);
    return (
      <Shell lang={lang} setLang={setLang} msg={msg} title={msg('thanksTitle')} headingRef={headingRef}>
        <p className="lead">{msg('thanksBody')}</p>
        <p className={waiting ? 'notice notice-saved' : 'notice notice-ok'} role="status">
          {waiting ? msg('savedOffline') : msg('sent')}
        </p>
        {kiosk && <p className="help">{msg('kioskNext')}</p>}
        {pendingNote}
      </Shell>
    );
  }

  // The form: the service, the questions, the profile, the optional code — one accessible list.
  const serviceField = q.profile.find((f) => f.source === 'services');
  const profileFields = q.profile.filter((f) => f.source !== 'services');
  const errorCount = Object.keys(errors).length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending) return;
    const found = validateForm(survey, form);
    setErrors(found);
    setBanner(null);
    if (Object.keys(found).length > 0) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    const body: SubmitBody = {
      screening: form.screening ?? '',
      profile: form.profile,
      answers: form.answers,
      durationSeconds: Math.max(0, Math.round((Date.now() - startRef.current) / 1000)),
      ...(survey.requireCodes && form.code.trim() ? { code: form.code.trim() } : {}),
      ...(kiosk ? {} : withDevice()),
    };
    const key = keyRef.current;
    setSending(true);
    const finish = () => {
      submittedKey.current = key;
      setPending(outbox.list().length);
      setSending(false);
      setScreen('thanks');
    };
    // Earlier responses still waiting go first: the queue keeps the order.
    if (outbox.list().length > 0) {
      outbox.add({ key, campaignId, body, queuedAt: Date.now(), proofOfWork: survey.proofOfWork === true });
      finish();
      void outbox.flush().then(() => setPending(outbox.list().length));
      return;
    }
    const result = await sendResponse(campaignId, key, body, survey.proofOfWork === true);
    if (result.kind === 'ok') return finish();
    if (result.kind === 'retry') {
      outbox.add({ key, campaignId, body, queuedAt: Date.now(), proofOfWork: survey.proofOfWork === true });
      return finish();
    }
    setSending(false);
    if (result.code === 'SURVEY_RESPONSE_INVALID') {
      const mapped = serverFieldErrors(result.errors);
      if (Object.keys(mapped).length > 0) setErrors(mapped);
      else setBanner('errorInvalid');
    } else if (result.code === 'CODE_USED') setErrors({ [CODE_FIELD]: { key: 'errorCodeUsed' } });
    else if (result.code === 'CODE_INVALID') setErrors({ [CODE_FIELD]: { key: 'errorCodeInvalid' } });
    else if (result.code === 'CODE_REQUIRED') setErrors({ [CODE_FIELD]: { key: 'errorCodeRequired' } });
    else if (result.code === 'CAMPAIGN_CLOSED' || result.status === 404) setBanner('errorClosed');
    else if (result.code === 'DUPLICATE_DEVICE') setBanner('errorDuplicateDevice');
    else setBanner('errorOther');
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const fieldLabel = (code: string): string => {
    if (code === CODE_FIELD) return msg('codeLabel');
    if (serviceField?.code === code) return msg('service');
    const f = q.profile.find((x) => x.code === code) ?? q.questions.find((x) => x.code === code);
    return f ? local(lang, f.text) : code;
  };
  const anchor = (code: string) => (code === CODE_FIELD ? 'f-code' : `f-${code}`);
  let number = 0;

  return (
    <Shell lang={lang} setLang={setLang} msg={msg} title={title} headingRef={headingRef}>
      <form onSubmit={(e) => void submit(e)} noValidate aria-busy={sending}>
        <div
          ref={summaryRef}
          tabIndex={-1}
          className={errorCount > 0 || banner ? 'summary summary-shown' : 'summary'}
          aria-live="assertive"
          aria-atomic="true"
        >
          {banner && <p>{msg(banner)}</p>}
          {errorCount > 0 && (
            <>
              <p>{msg('errorSummary', { n: errorCount })}</p>
              <ul>
                {Object.keys(errors).map((code) => (
                  <li key={code}>
                    <a href={`#${anchor(code)}`}>{fieldLabel(code)}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>

        {serviceField && (
          <Choice
            name={`f-${serviceField.code}`}
            legend={msg('service')}
            requiredLabel={msg((serviceField.required ?? true) ? 'required' : 'optional')}
            options={survey.services.map((s) => ({ value: s.code, label: s.name }))}
            value={form.profile[serviceField.code]}
            error={errorText(serviceField.code)}
            onChange={(v) => setProfile(serviceField.code, v as string)}
          />
        )}

        <h2>{msg('sectionQuestions')}</h2>
        {q.questions.map((qq) => {
          number += 1;
          const legend = (
            <>
              <span className="num">{number}.</span>{' '}
              {qq.type === 'scale' && qq.aspect && <span className="aspect">{local(lang, qq.aspect)}: </span>}
              {local(lang, qq.text)}
            </>
          );
          const required = qq.type === 'scale' ? true : (qq.required ?? false);
          const common = {
            name: `f-${qq.code}`,
            help: qq.help ? local(lang, qq.help) : undefined,
            requiredLabel: msg(required ? 'required' : 'optional'),
            error: errorText(qq.code),
          };
          if (qq.type === 'text') {
            const v = form.answers[qq.code];
            return (
              <TextField
                key={qq.code}
                {...common}
                label={legend}
                multiline
                maxLength={qq.maxLength ?? 500}
                value={typeof v === 'string' ? v : ''}
                onChange={(value) => setAnswer(qq.code, value)}
              />
            );
          }
          if (qq.type === 'scale') {
            const v = form.answers[qq.code];
            return (
              <Choice
                key={qq.code}
                {...common}
                legend={legend}
                options={qq.options.map((o) => ({ value: String(o.value), label: local(lang, o.text) }))}
                value={typeof v === 'number' ? String(v) : undefined}
                onChange={(value) => setAnswer(qq.code, Number(value))}
              />
            );
          }
          const v = form.answers[qq.code];
          return (
            <Choice
              key={qq.code}
              {...common}
              legend={legend}
              multiple={qq.type === 'multi-choice'}
              options={qq.options.map((o) => ({ value: o.value, label: local(lang, o.text) }))}
              value={typeof v === 'string' || Array.isArray(v) ? v : undefined}
              onChange={(value) => setAnswer(qq.code, value)}
            />
          );
        })}

        {profileFields.length > 0 && (
          <>
            <h2>{msg('sectionProfile')}</h2>
            <p className="help">{msg('profileNote')}</p>
            {profileFields.map((f) => (
              <Choice
                key={f.code}
                name={`f-${f.code}`}
                legend={local(lang, f.text)}
                requiredLabel={msg((f.required ?? true) ? 'required' : 'optional')}
                options={(f.options ?? []).map((o) => ({ value: o.value, label: local(lang, o.text) }))}
                value={form.profile[f.code]}
                error={errorText(f.code)}
                onChange={(v) => setProfile(f.code, v as string)}
              />
            ))}
          </>
        )}

        {survey.requireCodes && (
          <TextField
            name="f-code"
            label={msg('codeLabel')}
            help={msg('codeHelp')}
            requiredLabel={msg('required')}
            value={form.code}
            maxLength={40}
            autoCapitalize="characters"
            error={errorText(CODE_FIELD)}
            onChange={(code) => {
              setForm({ ...form, code });
              if (errors[CODE_FIELD]) setErrors(without(errors, CODE_FIELD));
            }}
          />
        )}

        {pendingNote}
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={() => setScreen('screening')}>
            {msg('back')}
          </button>
          <button type="submit" className="btn" disabled={sending}>
            {sending ? msg('sending') : msg('submit')}
          </button>
        </div>
      </form>
    </Shell>
  );
}

const without = (errors: FieldErrors, code: string): FieldErrors => {
  const next = { ...errors };
  delete next[code];
  return next;
};

const withDevice = (): { deviceToken?: string } => {
  const token = deviceToken();
  return token ? { deviceToken: token } : {};
};

export type ShellProps = {
  lang: Lang;
  setLang: (l: Lang) => void;
  msg: (key: MessageKey) => string;
  title?: string;
  busy?: boolean;
  message?: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  children?: ReactNode;
  brand?: string;
};

/** The page frame: the language switch on top, one heading per screen. */
export function Shell({ lang, setLang, msg, title, busy, message, headingRef, children, brand }: ShellProps) {
  const other: Lang = lang === 'id' ? 'en' : 'id';
  return (
    <div className="page">
      <header className="bar">
        <span className="brand">{brand ?? 'Pulau · Survei'}</span>
        <button
          type="button"
          className="lang"
          lang={other}
          aria-label={msg('languageSwitchLabel')}
          onClick={() => setLang(other)}
        >
          {msg('languageSwitch')}
        </button>
      </header>
      <main className="content" aria-busy={busy || undefined}>
        {title && (
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
        )}
        {message && <p role="status">{message}</p>}
        {children}
      </main>
    </div>
  );
}
