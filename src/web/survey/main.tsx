import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SurveyApp } from './survey-app.tsx';
import './survey.css';

// /s/:campaignId?layanan=<service>&kiosk=1 — everything the page needs is in its address.
const campaignId = decodeURIComponent(window.location.pathname.split('/').filter(Boolean)[1] ?? '');
const params = new URLSearchParams(window.location.search);
const kiosk = params.get('kiosk') === '1';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <SurveyApp campaignId={campaignId} kiosk={kiosk} presetService={params.get('layanan')} />
    </StrictMode>,
  );
}
