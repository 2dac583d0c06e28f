// @vitest-environment happy-dom
import '../../../test-setup.ts';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, mockFetch, renderPage } from '../../../test-render.tsx';
import { LoginPage } from './login-page.tsx';

describe('LoginPage', () => {
  it('shows the INVALID_CREDENTIALS message in Bahasa Indonesia', async () => {
    const calls = mockFetch((method, url) => {
      if (url === '/api/auth/me') return apiError(401, 'UNAUTHENTICATED');
      if (method === 'POST' && url === '/api/auth/login') return apiError(401, 'INVALID_CREDENTIALS');
      return undefined;
    });
    await renderPage(<LoginPage />, { path: '/login' });

    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'siti@kpu.go.id' } });
    fireEvent.change(screen.getByLabelText(/Kata sandi/), { target: { value: 'salah-sekali' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Email atau kata sandi salah.');
    const login = calls.find((call) => call.url === '/api/auth/login');
    expect(login?.body).toEqual({ email: 'siti@kpu.go.id', password: 'salah-sekali' });
    expect(login?.headers['content-type']).toBe('application/json');
  });

  it('checks the email before sending anything', async () => {
    const calls = mockFetch((_method, url) =>
      url === '/api/auth/me' ? apiError(401, 'UNAUTHENTICATED') : undefined,
    );
    await renderPage(<LoginPage />, { path: '/login' });
    fireEvent.change(await screen.findByLabelText(/Email/), { target: { value: 'bukan-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByText('Alamat email tidak valid.')).toBeTruthy();
    expect(screen.getAllByText('Wajib diisi.').length).toBe(1);
    expect(calls.some((call) => call.url === '/api/auth/login')).toBe(false);
  });
});
