import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { isApiError } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/forms.ts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from './dict.ts';

export type SubmitOptions = {
  /** Field errors from the server land on this form. */
  form?: FormInstance;
  /** Queries to refetch after success. */
  invalidate?: QueryKey[];
  /** Shown after success; `false` for silence. Defaults to 操作成功. */
  success?: string | false;
  /** Shows the failure itself (e.g. inline on the login card) instead of a toast. */
  onError?: (message: string) => void;
};

/**
 * The one way the console sends a write: run it, refresh what it changed, say it worked,
 * or show the server's message and put its field errors on the form. Resolves to whether it succeeded.
 */
export function useSubmit() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const t = useT(commonDict);
  return useCallback(
    async <T>(action: () => Promise<T>, options: SubmitOptions = {}): Promise<T | undefined> => {
      try {
        const result = await action();
        await Promise.all(
          (options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        );
        if (options.success !== false) message.success(options.success ?? t('done'));
        return result;
      } catch (error) {
        if (isApiError(error)) {
          applyFieldErrors(options.form, error.fields);
          // The session watcher reports expiry itself on its way to the login page.
          if (!error.sessionHandled) (options.onError ?? message.error)(error.message);
        } else {
          (options.onError ?? message.error)(error instanceof Error ? error.message : String(error));
        }
        return undefined;
      }
    },
    [message, queryClient, t],
  );
}
