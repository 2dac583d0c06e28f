import { Navigate, Outlet, useLocation } from 'react-router';
import type { Action } from '../../core/org/can.ts';
import { ErrorAlert } from '../components/error-alert.tsx';
import { Loading } from '../components/loading.tsx';
import { NoAccess } from '../components/no-access.tsx';
import { canSomewhere } from '../lib/permissions.ts';
import { useMe, useSessionQuery, useSetupStatus } from '../lib/session.ts';

/** A fresh installation goes to the setup page, and only there; an installed one never shows it. */
export function SetupGate() {
  const status = useSetupStatus();
  const { pathname } = useLocation();
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorAlert error={status.error} />;
  const onSetup = pathname === '/setup';
  if (status.data.needsSetup && !onSetup) return <Navigate to="/setup" replace />;
  if (!status.data.needsSetup && onSetup) return <Navigate to="/login" replace />;
  return <Outlet />;
}

/** Pages behind the login; a user who must change her password sees only that page. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  if (!session.data) {
    const next =
      location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <Outlet />;
}

/** A page that needs a permission somewhere; typing its address without one says so plainly. */
export function RequireAction({ action }: { action: Action }) {
  const me = useMe();
  return canSomewhere(me, action) ? <Outlet /> : <NoAccess />;
}
