import type { Lang, LocalText } from './types.ts';

/** Every fixed string of the survey page, Bahasa Indonesia first. Questionnaire texts come with the survey. */
const id = {
  loading: 'Memuat survei…',
  languageSwitch: 'English',
  languageSwitchLabel: 'Switch to English',
  anonymous: 'Survei ini tanpa nama: kami tidak meminta nama, nomor telepon, atau e-mail.',
  notFound: 'Survei tidak ditemukan. Periksa tautan atau kode QR.',
  loadFailed: 'Survei tidak dapat dimuat. Periksa sambungan internet lalu coba lagi.',
  tryAgain: 'Coba lagi',
  closed: 'Survei ini sudah ditutup. Terima kasih atas perhatian Anda.',
  next: 'Lanjut',
  back: 'Kembali',
  submit: 'Kirim jawaban',
  sending: 'Mengirim…',
  required: 'wajib',
  optional: 'tidak wajib',
  service: 'Layanan yang digunakan',
  choose: 'Pilih salah satu',
  sectionQuestions: 'Penilaian layanan',
  sectionProfile: 'Tentang Anda',
  profileNote: 'Data ini hanya untuk statistik dan tidak dapat dipakai untuk mengenali Anda.',
  codeLabel: 'Kode pada karcis antrean',
  codeHelp: 'Tuliskan kode yang tercetak pada karcis antrean Anda. Setiap kode hanya berlaku sekali.',
  errorRequired: 'Pertanyaan ini wajib dijawab.',
  errorChoose: 'Pilih salah satu jawaban.',
  errorInvalid: 'Jawaban ini tidak dapat diterima; periksa kembali.',
  errorTooLong: 'Terlalu panjang: paling banyak {max} karakter.',
  errorSummary: 'Ada {n} isian yang perlu diperbaiki:',
  errorCodeRequired: 'Masukkan kode pada karcis antrean.',
  errorCodeUsed: 'Kode ini sudah pernah dipakai.',
  errorCodeInvalid: 'Kode ini tidak berlaku untuk survei ini.',
  errorClosed: 'Survei ini sedang tidak menerima jawaban.',
  errorOther: 'Jawaban belum dapat dikirim. Coba lagi sebentar lagi.',
  thanksTitle: 'Terima kasih!',
  thanksBody: 'Jawaban Anda sangat membantu kami memperbaiki layanan.',
  sent: 'Jawaban Anda telah terkirim.',
  savedOffline: 'Tersimpan di perangkat, akan dikirim saat tersambung',
  kioskNext: 'Formulir akan dibuka kembali untuk pengguna berikutnya.',
  newResponse: 'Isi survei baru',
  pending: '{n} jawaban menunggu dikirim',
  ineligibleTitle: 'Terima kasih',
} as const;

type Key = keyof typeof id;

const en: Record<Key, string> = {
  loading: 'Loading the survey…',
  languageSwitch: 'Bahasa Indonesia',
  languageSwitchLabel: 'Ganti ke Bahasa Indonesia',
  anonymous: 'This survey is anonymous: we do not ask for your name, phone number or e-mail.',
  notFound: 'Survey not found. Check the link or the QR code.',
  loadFailed: 'The survey could not be loaded. Check the internet connection and try again.',
  tryAgain: 'Try again',
  closed: 'This survey is closed. Thank you for your interest.',
  next: 'Next',
  back: 'Back',
  submit: 'Send answers',
  sending: 'Sending…',
  required: 'required',
  optional: 'optional',
  service: 'Service used',
  choose: 'Choose one',
  sectionQuestions: 'Rating the service',
  sectionProfile: 'About you',
  profileNote: 'These answers are used for statistics only and cannot identify you.',
  codeLabel: 'Code on your queue ticket',
  codeHelp: 'Type the code printed on your queue ticket. Each code can be used once.',
  errorRequired: 'Please answer this question.',
  errorChoose: 'Please choose one answer.',
  errorInvalid: 'This answer cannot be accepted; please check it.',
  errorTooLong: 'Too long: at most {max} characters.',
  errorSummary: '{n} answers need attention:',
  errorCodeRequired: 'Enter the code on your queue ticket.',
  errorCodeUsed: 'This code has already been used.',
  errorCodeInvalid: 'This code is not valid for this survey.',
  errorClosed: 'This survey is not taking answers now.',
  errorOther: 'Your answers could not be sent yet. Please try again shortly.',
  thanksTitle: 'Thank you!',
  thanksBody: 'Your answers help us improve the service.',
  sent: 'Your answers have been sent.',
  savedOffline: 'Saved on this device; will be sent when connected',
  kioskNext: 'The form will open again for the next person.',
  newResponse: 'Start a new response',
  pending: '{n} responses waiting to be sent',
  ineligibleTitle: 'Thank you',
};

export type MessageKey = Key;
export const catalogue: Record<Lang, Record<Key, string>> = { id, en };

/** A fixed string in the language, with {placeholders} filled in. */
export const translate = (lang: Lang, key: Key, vars: Record<string, string | number> = {}): string =>
  catalogue[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));

/** A questionnaire text in the language (Indonesian when the English one is missing). */
export const local = (lang: Lang, text: LocalText | undefined): string =>
  text ? (lang === 'en' ? text.en || text.id : text.id) : '';
