import type { SetupBody, Session } from '../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';

export const runSetup = (body: SetupBody) => api.post<Session>('/api/setup', body);
