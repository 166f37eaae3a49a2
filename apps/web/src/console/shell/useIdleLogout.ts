import { useEffect } from 'react';
import { authApi } from '../auth/index.ts';
import { useLeaveSession } from './useLeaveSession.ts';

const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

/**
 * Signs out after `minutes` without input, the same limit the server enforces, so an unattended screen
 * shows the login page instead of data until the next click fails.
 */
export function useIdleLogout(minutes: number | undefined) {
  const leave = useLeaveSession();
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
      leave('expired');
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      EVENTS.forEach((e) => window.removeEventListener(e, touch));
    };
  }, [minutes, leave]);
}
