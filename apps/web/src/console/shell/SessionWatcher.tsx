import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { onSessionEvent } from '../../lib/api.ts';
import { useT } from '../../lib/i18n.tsx';
import { ME_KEY } from '../auth/index.ts';
import { shellDict } from './dict.ts';
import { useLeaveSession } from './useLeaveSession.ts';

/**
 * Turns session answers from any API call into navigation: 401 → the login page (saying the session expired
 * when there was one), 403 PASSWORD_CHANGE_REQUIRED → the password form on the profile page.
 */
export function SessionWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const t = useT(shellDict);
  const leave = useLeaveSession();

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.kind === 'password-change-required') {
          message.warning(t('mustChangePassword'));
          void navigate('/console/profile#password');
          return;
        }
        if (location.pathname === '/console/login') return;
        // Say "expired" only when there was a session (not on a first visit without one).
        const hadSession = queryClient.getQueryData(ME_KEY) !== undefined;
        leave(hadSession ? 'expired' : 'none', location.pathname + location.search);
      }),
    [leave, location, message, navigate, queryClient, t],
  );
  return null;
}
