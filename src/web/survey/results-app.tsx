import { useCallback, useEffect, useState } from 'react';
import { local, translate, type MessageKey } from './messages.ts';
import { loadResults, type ResultsLoad } from './results-api.ts';
import { Shell } from './survey-app.tsx';
import type { Lang, PublishedCampaign } from './types.ts';

type Props = { unitCode: string; initialLang?: Lang };

const number = (lang: Lang, value: number, digits = 2) =>
  new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
const date = (lang: Lang, iso: string) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso.length === 10 ? `${iso}T00:00:00+07:00` : iso));

/**
 * /hasil/:unitCode — a unit's published survey results (PermenPANRB 14/2017: the SKM result is published).
 * No login; part of the light survey page, never the admin application.
 */
export function ResultsApp({ unitCode, initialLang = 'id' }: Props) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [load, setLoad] = useState<ResultsLoad | null>(null);
  const msg = useCallback(
    (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars),
    [lang],
  );
  const fetchResults = useCallback(() => {
    setLoad(null);
    void loadResults(unitCode).then(setLoad);
  }, [unitCode]);
  useEffect(fetchResults, [fetchResults]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const unitName = load?.kind === 'ok' ? load.results.unit.name : null;
  useEffect(() => {
    document.title = unitName ? `${msg('resultsTitle')} · ${unitName}` : msg('resultsTitle');
  }, [msg, unitName]);

  const shell = { lang, setLang, msg, brand: msg('resultsBrand') };
  if (!load) return <Shell {...shell} busy message={msg('resultsLoading')} />;
  if (load.kind === 'not-found')
    return <Shell {...shell} title={msg('resultsTitle')} message={msg('resultsNotFound')} />;
  if (load.kind === 'failed')
    return (
      <Shell {...shell} title={msg('resultsTitle')}>
        <p role="alert">{msg('loadFailed')}</p>
        <button type="button" className="btn" onClick={fetchResults}>
          {msg('tryAgain')}
        </button>
      </Shell>
    );
  const { unit, campaigns } = load.results;
  return (
    <Shell {...shell} title={`${msg('resultsTitle')}: ${unit.name}`}>
      <p className="lead">{msg('resultsIntro')}</p>
      {campaigns.length === 0 && <p className="notice">{msg('resultsNone')}</p>}
      {campaigns.map((c) => (
        <CampaignResult key={c.campaignId} campaign={c} lang={lang} msg={msg} />
      ))}
      <p className="help">{msg('resultsNote')}</p>
    </Shell>
  );
}

type ResultProps = {
  campaign: PublishedCampaign;
  lang: Lang;
  msg: (key: MessageKey, vars?: Record<string, string | number>) => string;
};

function CampaignResult({ campaign: c, lang, msg }: ResultProps) {
  const headingId = `c-${c.campaignId}`;
  const skm = c.kind === 'skm';
  return (
    <section className="result" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {local(lang, c.title)} · {c.periodLabel}
      </h2>
      <p className="help">
        {msg('resultsPeriod', { from: date(lang, c.startsOn), to: date(lang, c.endsOn) })} ·{' '}
        {msg('resultsPublished', { date: date(lang, c.publishedAt) })}
      </p>
      <dl className="figures">
        {c.ikm && (
          <>
            <div className="figure figure-main">
              <dt>{msg('resultsIkm')}</dt>
              <dd>
                <span className="big">{number(lang, c.ikm.value)}</span>
                {c.ikm.marginOfError !== null && (
                  <span className="pm"> ± {number(lang, c.ikm.marginOfError)}</span>
                )}
              </dd>
            </div>
            <div className="figure">
              <dt>{msg('resultsGrade')}</dt>
              <dd>
                <span className="grade">{c.ikm.grade}</span>
              </dd>
            </div>
            <div className="figure">
              <dt>{msg('resultsPerformance')}</dt>
              <dd>{lang === 'en' ? c.ikm.performance.en : c.ikm.performance.id}</dd>
            </div>
          </>
        )}
        {c.lke && (
          <div className="figure figure-main">
            <dt>{msg('resultsLkeValue')}</dt>
            <dd>
              <span className="big">{number(lang, c.lke.value)}</span>
              {c.lke.marginOfError !== null && (
                <span className="pm"> ± {number(lang, c.lke.marginOfError)}</span>
              )}
            </dd>
          </div>
        )}
        {c.index !== null && !skm && (
          <div className="figure">
            <dt>{msg('resultsIndex')}</dt>
            <dd>{number(lang, c.index)}</dd>
          </div>
        )}
        <div className="figure">
          <dt>{msg('resultsRespondents')}</dt>
          <dd>
            {c.n} <span className="help-inline">({msg('resultsTarget', { n: c.targetSample })})</span>
          </dd>
        </div>
        {c.marginOfError !== null && (
          <div className="figure">
            <dt>{msg('resultsMargin')}</dt>
            <dd>± {number(lang, skm ? c.marginOfError * 25 : c.marginOfError)}</dd>
          </div>
        )}
      </dl>
      {c.exclusion && (
        <p className="help">{msg('resultsExcluded', { n: c.excluded, reason: c.exclusion.reason })}</p>
      )}
      <h3>{msg('resultsElements')}</h3>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{msg('resultsElementsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{msg('resultsElement')}</th>
              <th scope="col" className="num-col">
                {msg('resultsNrr')}
              </th>
              {skm && (
                <th scope="col" className="num-col">
                  {msg('resultsConverted')}
                </th>
              )}
              <th scope="col" className="num-col">
                {msg('resultsN')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.items.map((i) => (
              <tr key={i.code}>
                <th scope="row">{local(lang, i.aspect ?? i.text)}</th>
                <td className="num-col">{i.nrr === null ? '–' : number(lang, i.nrr)}</td>
                {skm && <td className="num-col">{i.converted === null ? '–' : number(lang, i.converted)}</td>}
                <td className="num-col">{i.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
