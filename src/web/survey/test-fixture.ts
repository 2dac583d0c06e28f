import type { PublicSurvey } from './types.ts';

/** A small SKM-like public survey, in the shape GET /api/public/surveys/:campaignId returns. */
export const CAMPAIGN_ID = '0b6f1a52-3c1d-4f7e-9a55-2f0c3b6e8d11';

export const fixtureSurvey = (extra: Partial<PublicSurvey> = {}): PublicSurvey => ({
  campaignId: CAMPAIGN_ID,
  kind: 'skm',
  periodLabel: 'Triwulan I 2026',
  status: 'open',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  requireCodes: false,
  services: [
    { code: 'paspor', name: 'Paspor' },
    { code: 'visa', name: 'Visa' },
  ],
  questionnaire: {
    id: 'skm',
    version: 'fixture/1',
    kind: 'skm',
    title: { id: 'Survei Kepuasan Masyarakat', en: 'Public Satisfaction Survey' },
    description: { id: 'Survei ini tanpa nama.', en: 'This survey is anonymous.' },
    screening: {
      code: 'selesai_layanan',
      text: {
        id: 'Apakah Bapak/Ibu telah selesai menerima layanan di unit ini?',
        en: 'Have you completed a service at this unit?',
      },
      options: [
        { value: 'sudah', text: { id: 'Sudah selesai', en: 'Yes, completed' }, eligible: true },
        { value: 'belum', text: { id: 'Belum', en: 'Not yet' }, eligible: false },
      ],
      ineligibleMessage: {
        id: 'Survei ini hanya untuk pengguna yang telah selesai menerima layanan.',
        en: 'This survey is only for people who have completed a service.',
      },
    },
    profile: [
      {
        code: 'usia',
        text: { id: 'Usia', en: 'Age' },
        required: true,
        options: [
          { value: '17_25', text: { id: '17–25 tahun', en: '17–25 years' } },
          { value: '26_35', text: { id: '26–35 tahun', en: '26–35 years' } },
        ],
      },
      {
        code: 'jenis_kelamin',
        text: { id: 'Jenis kelamin', en: 'Sex' },
        required: true,
        options: [
          { value: 'laki_laki', text: { id: 'Laki-laki', en: 'Male' } },
          { value: 'perempuan', text: { id: 'Perempuan', en: 'Female' } },
        ],
      },
      { code: 'layanan', text: { id: 'Jenis layanan', en: 'Service' }, required: true, source: 'services' },
    ],
    questions: [
      {
        code: 'persyaratan',
        type: 'scale',
        aspect: { id: 'Persyaratan', en: 'Requirements' },
        text: { id: 'Kesesuaian persyaratan pelayanan?', en: 'Do the requirements fit the service?' },
        options: [
          { value: 1, text: { id: 'Tidak sesuai', en: 'Not appropriate' } },
          { value: 2, text: { id: 'Kurang sesuai', en: 'Somewhat inappropriate' } },
          { value: 3, text: { id: 'Sesuai', en: 'Appropriate' } },
          { value: 4, text: { id: 'Sangat sesuai', en: 'Very appropriate' } },
        ],
      },
      {
        code: 'waktu',
        type: 'scale',
        aspect: { id: 'Waktu Penyelesaian', en: 'Completion time' },
        text: { id: 'Kecepatan waktu pelayanan?', en: 'How fast was the service?' },
        options: [
          { value: 1, text: { id: 'Tidak cepat', en: 'Not fast' } },
          { value: 2, text: { id: 'Kurang cepat', en: 'Somewhat slow' } },
          { value: 3, text: { id: 'Cepat', en: 'Fast' } },
          { value: 4, text: { id: 'Sangat cepat', en: 'Very fast' } },
        ],
      },
      {
        code: 'saran',
        type: 'text',
        required: false,
        maxLength: 1000,
        text: { id: 'Saran dan masukan', en: 'Suggestions' },
      },
    ],
  },
  ...extra,
});
