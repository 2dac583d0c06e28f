import type { ChangePasswordBody, Session, UpdateProfileBody } from '../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';

export const updateProfile = (body: UpdateProfileBody) => api.patch<Session>('/api/auth/me', body);
export const changePassword = (body: ChangePasswordBody) => api.post<void>('/api/auth/change-password', body);
