import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '../auth/index.ts';

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

/**
 * Signs out after `minutes` without input, the same limit the server enforces, so an unattended screen
 * shows the login page instead of data until the next click fails.
 */
export function useIdleLogout(minutes: number | undefined) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!minutes || minutes <= 0) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    EVENTS.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = window.setInterval(() => {
      if (Date.now() - last < minutes * 60_000) return;
      window.clearInterval(timer);
      void authApi.logout().catch(() => undefined);
      queryClient.clear();
      void navigate('/console/login?reason=expired', { replace: true });
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      EVENTS.forEach((e) => window.removeEventListener(e, touch));
    };
  }, [minutes, navigate, queryClient]);
}
