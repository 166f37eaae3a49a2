import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';

export type LeaveReason = 'expired' | 'logout' | 'none';

/**
 * Goes to the login page and forgets every cached answer of the session. The order matters: the console is
 * unmounted first (flushSync), so clearing the cache cannot make it refetch `me`, get a 401 and redirect again
 * without the reason.
 */
export function useLeaveSession() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    (reason: LeaveReason, from?: string) => {
      const target = reason === 'none' ? '/console/login' : `/console/login?reason=${reason}`;
      void navigate(target, { replace: true, flushSync: true, state: from ? { from } : null });
      queryClient.clear();
    },
    [navigate, queryClient],
  );
}
