import type { ReactNode } from 'react';
import { DrawerForm, ModalForm, ProForm } from '@ant-design/pro-components';
import type { QueryKey } from '@tanstack/react-query';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from './dict.ts';
import { useSubmit } from './useSubmit.ts';

export type MutationFormProps<V> = {
  kind?: 'modal' | 'drawer';
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** Sends the write; the server's field errors land on this form. */
  submit: (values: V) => Promise<unknown>;
  /** Called with the server's answer after a successful write. */
  onSuccess?: (result: unknown) => void;
  invalidate?: QueryKey[];
  successText?: string;
  readOnly?: boolean;
  /** A stable id for the submit button, for browser tests. */
  submitId?: string;
  submitText?: string;
  width?: number;
  children: ReactNode;
};

/**
 * The console's one create/edit form, in a modal or a drawer. It (and its form store) exists only while open,
 * so each opening starts from `initialValues` with no leftovers from the last one.
 */
export function MutationForm<V extends Record<string, unknown>>(props: MutationFormProps<V>) {
  return props.open ? <OpenMutationForm<V> {...props} /> : null;
}

function OpenMutationForm<V extends Record<string, unknown>>(props: MutationFormProps<V>) {
  const t = useT(commonDict);
  const run = useSubmit();
  const [form] = ProForm.useForm<V>();

  const common = {
    form,
    title: props.title,
    open: true,
    width: Math.min(props.width ?? 560, window.innerWidth),
    layout: 'vertical' as const,
    initialValues: props.initialValues,
    disabled: props.readOnly,
    onOpenChange: (open: boolean) => {
      if (!open) props.onClose();
    },
    onFinish: async (values: V) => {
      const result = await run(() => props.submit(values), {
        form,
        invalidate: props.invalidate,
        success: props.successText ?? t('saved'),
      });
      if (result === undefined) return false;
      props.onSuccess?.(result);
      return true;
    },
    submitter: props.readOnly
      ? (false as const)
      : {
          searchConfig: { submitText: props.submitText ?? t('ok'), resetText: t('cancel') },
          submitButtonProps: props.submitId ? { id: props.submitId } : {},
        },
  };

  return props.kind === 'drawer' ? (
    <DrawerForm<V> {...common} resize={false} drawerProps={{ maskClosable: false }}>
      {props.children}
    </DrawerForm>
  ) : (
    <ModalForm<V> {...common} modalProps={{ maskClosable: false, centered: false }}>
      {props.children}
    </ModalForm>
  );
}
