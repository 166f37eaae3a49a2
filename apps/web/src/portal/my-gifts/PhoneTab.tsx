import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { myGiftsLoginSchema } from '@boai/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api.ts';
import { applyFieldErrors, zodRule } from '../../lib/forms.ts';
import { useT } from '../../lib/i18n.tsx';
import { MY_GIFTS_KEY, myGiftsApi } from './api.ts';
import { myGiftsDict } from './dict.ts';
import styles from './myGifts.module.css';

type Values = { mobile: string; code: string };
const fields = myGiftsLoginSchema.shape;

/** A countdown in whole seconds: `start(n)` and it ticks down to 0. */
function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

/** 手机号登录: an SMS code (with a resend countdown), then the list of every gift from that phone. */
export function PhoneTab() {
  const t = useT(myGiftsDict);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'code' | 'login' | null>(null);
  const [wait, startWait] = useCountdown();

  const fail = (e: unknown) => {
    if (isApiError(e)) applyFieldErrors(form, e.fields);
    setError(e instanceof Error ? e.message : String(e));
  };

  const sendCode = async () => {
    setError(null);
    let mobile: string;
    try {
      mobile = (await form.validateFields(['mobile'])).mobile;
    } catch {
      return;
    }
    setBusy('code');
    try {
      const sent = await myGiftsApi.sendCode(mobile);
      setSentTo(sent.mobileMasked);
      startWait(sent.resendAfterSeconds);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const login = async (values: Values) => {
    setError(null);
    setBusy('login');
    try {
      await myGiftsApi.login(values);
      await queryClient.invalidateQueries({ queryKey: MY_GIFTS_KEY });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={login} requiredMark={false} name="my-gifts-phone">
      <Form.Item
        name="mobile"
        label={t('mobile')}
        rules={[{ required: true, message: t('required', { field: t('mobile') }) }, zodRule(fields.mobile)]}
      >
        <Input inputMode="tel" maxLength={20} placeholder={t('mobilePlaceholder')} autoComplete="tel" />
      </Form.Item>
      <Form.Item label={t('code')} required={false}>
        <Space.Compact block>
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, message: t('required', { field: t('code') }) }, zodRule(fields.code)]}
          >
            <Input
              inputMode="numeric"
              maxLength={6}
              placeholder={t('codePlaceholder')}
              autoComplete="one-time-code"
            />
          </Form.Item>
          <Button
            onClick={sendCode}
            disabled={wait > 0}
            loading={busy === 'code'}
            className={styles.codeButton}
          >
            {wait > 0 ? t('resendIn', { s: wait }) : t('sendCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {sentTo && !error && (
        <Alert type="success" showIcon message={t('codeSent', { mobile: sentTo })} className={styles.alert} />
      )}
      {error && <Alert type="warning" showIcon message={error} className={styles.alert} />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy === 'login'}>
        {t('signIn')}
      </Button>
      <p className={styles.muted}>{t('phoneHint')}</p>
    </Form>
  );
}
