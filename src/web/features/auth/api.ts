import type { LoginBody, Session } from '../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';

export const login = (body: LoginBody) => api.post<Session>('/api/auth/login', body);
export const logout = () => api.post<void>('/api/auth/logout');
