import { useState } from 'react';
import { Alert, Button, Form, Typography } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { authApi, type LoginStep } from './api.ts';
import { authDict } from './dict.ts';
import { TotpCodeField } from './TotpCodeField.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

type Props = { enrol: boolean; onNext: (next: LoginStep) => void; onBack: () => void };

/** The second login step: a code from an enrolled authenticator, or enrolment of a new one (QR + first code). */
export function TotpStep({ enrol, onNext, onBack }: Props) {
  const t = useT(authDict);
  const run = useSubmit();
  const [form] = Form.useForm<{ totp: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async ({ totp }: { totp: string }) => {
    setBusy(true);
    setError(null);
    const result = await run(() => (enrol ? authApi.enableTotp(totp) : authApi.totp(totp)), {
      form,
      success: false,
      onError: setError,
    });
    setBusy(false);
    if (result) onNext(result.next);
    else form.setFieldValue('totp', '');
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {enrol ? t('enrolTitle') : t('totpTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{enrol ? t('enrolHint') : t('totpHint')}</Typography.Paragraph>
      {enrol && (
        <div style={{ marginBottom: 16 }}>
          <TotpEnrolment />
        </div>
      )}
      <TotpCodeField name="totp" autoFocus />
      {error && <Alert id="login-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button id="totp-submit" type="primary" htmlType="submit" block loading={busy}>
        {t('login')}
      </Button>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t('back')}
      </Button>
    </Form>
  );
}
