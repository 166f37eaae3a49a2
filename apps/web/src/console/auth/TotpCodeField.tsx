import { Form, Input } from 'antd';
import { totpCodeSchema } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { authDict } from './dict.ts';

/** The 6-digit code from an authenticator app. Its input's id and name are the field name (`totp` at login). */
export function TotpCodeField({ name = 'totp', autoFocus }: { name?: string; autoFocus?: boolean }) {
  const t = useT(authDict);
  return (
    <Form.Item
      name={name}
      label={t('totp')}
      rules={[{ required: true, message: t('codeFormat') }, zodRule(totpCodeSchema.shape.code)]}
      normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
    >
      <Input
        id={name}
        name={name}
        size="large"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="000000"
        autoFocus={autoFocus}
        style={{ letterSpacing: '0.4em', fontVariantNumeric: 'tabular-nums' }}
      />
    </Form.Item>
  );
}
