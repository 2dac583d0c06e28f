import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ResultsApp } from './results-app.tsx';
import { SurveyApp } from './survey-app.tsx';
import './survey.css';

// /s/:campaignId?layanan=<service>&kiosk=1 — the form; /hasil/:unitCode — the unit's published results.
// Everything the page needs is in its address.
const [first, second] = window.location.pathname.split('/').filter(Boolean);
const target = decodeURIComponent(second ?? '');
const params = new URLSearchParams(window.location.search);
const kiosk = params.get('kiosk') === '1';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {first === 'hasil' ? (
        <ResultsApp unitCode={target} initialLang={params.get('lang') === 'en' ? 'en' : 'id'} />
      ) : (
        <SurveyApp campaignId={target} kiosk={kiosk} presetService={params.get('layanan')} />
      )}
    </StrictMode>,
  );
}
