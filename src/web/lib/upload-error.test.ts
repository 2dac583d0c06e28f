import { describe, expect, it } from 'vitest';
import { i18n } from './i18n.ts';
import { ApiError } from './api.ts';
import { errorDetail, errorMessage, uploadError } from './errors.ts';

const t = i18n.getFixedT('id');

describe('errors shown to a person', () => {
  it('a tus refusal becomes its API code: a clear sentence first, the raw text as the technical detail', () => {
    const raw = new Error(
      'tus: unexpected response while creating upload, originated from request (method: POST, url: /api/uploads, ' +
        'response code: 415, response text: {"error":{"code":"UNSUPPORTED_FILE_TYPE","message":"Not allowed."}}, request id: n/a)',
    );
    const refusal = uploadError(raw);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(errorMessage(t, refusal)).toBe(
      'Jenis berkas ini tidak diterima. Unggah PDF, gambar (JPG/PNG), dokumen Office atau berkas teks.',
    );
    expect(errorMessage(t, refusal)).not.toMatch(/tus|415|\{/);
    expect(errorDetail(refusal)).toContain('UNSUPPORTED_FILE_TYPE (HTTP 415)');
  });

  it('an unknown code or a thrown error never shows its developer text first', () => {
    expect(errorMessage(t, new ApiError(500, 'SOMETHING_NEW', 'stack trace here'))).toBe(
      'Terjadi kesalahan. Coba lagi.',
    );
    expect(errorMessage(t, new Error('TypeError: x is undefined'))).toBe('Terjadi kesalahan. Coba lagi.');
    expect(errorDetail(new ApiError(500, 'SOMETHING_NEW', 'stack trace here'))).toBe(
      'SOMETHING_NEW (HTTP 500): stack trace here',
    );
  });

  it('a code that has words in the catalogue is translated even if the client list does not name it', () => {
    expect(errorMessage(t, new ApiError(403, 'CANNOT_DEACTIVATE_SELF', 'x'))).toBe(
      'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    );
  });
});
