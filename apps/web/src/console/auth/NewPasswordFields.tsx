import { ProFormText } from '@ant-design/pro-components';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { usePasswordPolicy } from './api.ts';
import { authDict } from './dict.ts';
import { passwordPolicyRule } from './passwordRules.ts';

type Props = {
  /** The form field name: `password` on user creation, `newPassword` elsewhere. */
  name: string;
  label: string;
  /** Adds a confirmation field that must match. */
  withConfirm?: boolean;
};

/** A new password field checked against the server's policy as the user types, with the policy as its hint. */
export function NewPasswordFields({ name, label, withConfirm }: Props) {
  const t = useT(authDict);
  const tc = useT(commonDict);
  const { data: policy } = usePasswordPolicy();
  const hint = policy
    ? t('passwordHint', { minLength: policy.minLength, minClasses: policy.minClasses })
    : undefined;
  const rule = passwordPolicyRule(policy, {
    tooShort: t('passwordTooShort', { minLength: policy?.minLength ?? 0 }),
    classes: (have) => t('passwordClasses', { have, minClasses: policy?.minClasses ?? 0 }),
  });
  return (
    <>
      <ProFormText.Password
        name={name}
        label={label}
        extra={hint}
        fieldProps={{ id: name, name, autoComplete: 'new-password' }}
        rules={[{ required: true, message: tc('required', { field: label }) }, rule]}
      />
      {withConfirm && (
        <ProFormText.Password
          name={`${name}Confirm`}
          label={t('confirmPassword')}
          dependencies={[name]}
          fieldProps={{ id: `${name}Confirm`, name: `${name}Confirm`, autoComplete: 'new-password' }}
          rules={[
            { required: true, message: tc('required', { field: t('confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: async (_rule, value) => {
                if (value && value !== getFieldValue(name)) throw new Error(t('confirmMismatch'));
              },
            }),
          ]}
        />
      )}
    </>
  );
}
