import { useState } from 'react';
import { Alert, Button, Card, Form, Space, Tag, Typography } from 'antd';
import type { Me } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { authApi, ME_KEY, TotpCodeField, TotpEnrolment } from '../auth/index.ts';
import { profileDict } from './dict.ts';

type Mode = 'idle' | 'enable' | 'disable';

/** Turn TOTP on (QR + first code) or off (current code). */
export function TwoFactorCard({ me }: { me: Me }) {
  const t = useT(profileDict);
  const tc = useT(commonDict);
  const run = useSubmit();
  const [form] = Form.useForm<{ code: string }>();
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    const ok = await run<unknown>(
      () => (mode === 'enable' ? authApi.enableTotp(code) : authApi.disableTotp(code)),
      {
        form,
        invalidate: [ME_KEY],
        success: mode === 'enable' ? t('enabled') : t('disabled'),
      },
    );
    setBusy(false);
    if (ok) {
      form.resetFields();
      setMode('idle');
    }
  };

  return (
    <Card
      size="small"
      title={t('twoFactor')}
      extra={me.totpEnabled ? <Tag color="success">{t('totpOn')}</Tag> : <Tag>{t('totpOff')}</Tag>}
    >
      {me.totpRequired && (
        <Alert type="info" showIcon message={t('totpRequired')} style={{ marginBottom: 12 }} />
      )}
      <Typography.Paragraph type="secondary">{t('totpIntro')}</Typography.Paragraph>
      {mode === 'idle' &&
        (me.totpEnabled ? (
          <Button id="totp-disable" danger onClick={() => setMode('disable')}>
            {t('disable')}
          </Button>
        ) : (
          <Button id="totp-enable" type="primary" onClick={() => setMode('enable')}>
            {t('enable')}
          </Button>
        ))}
      {mode !== 'idle' && (
        <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 360 }}>
          <Typography.Paragraph>
            {mode === 'enable' ? t('enableStep') : t('disableStep')}
          </Typography.Paragraph>
          {mode === 'enable' && (
            <div style={{ marginBottom: 16 }}>
              <TotpEnrolment />
            </div>
          )}
          <TotpCodeField name="code" autoFocus />
          <Space>
            <Button
              id="totp-confirm"
              type="primary"
              htmlType="submit"
              danger={mode === 'disable'}
              loading={busy}
            >
              {mode === 'enable' ? t('confirmEnable') : t('confirmDisable')}
            </Button>
            <Button onClick={() => setMode('idle')}>{tc('cancel')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
