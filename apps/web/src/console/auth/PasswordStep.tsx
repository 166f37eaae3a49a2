import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { authApi, type LoginStep } from './api.ts';
import { authDict } from './dict.ts';

type Values = { username: string; password: string };

export function PasswordStep({ onNext }: { onNext: (next: LoginStep) => void }) {
  const t = useT(authDict);
  const tc = useT(commonDict);
  const run = useSubmit();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setBusy(true);
    setError(null);
    const result = await run(
      () => authApi.login({ username: values.username.trim(), password: values.password }),
      { form, success: false, onError: setError },
    );
    setBusy(false);
    if (result) onNext(result.next);
  };

  return (
    <Form form={form} layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
      <Form.Item
        name="username"
        label={t('username')}
        rules={[{ required: true, whitespace: true, message: tc('required', { field: t('username') }) }]}
      >
        <Input
          id="username"
          name="username"
          prefix={<UserOutlined />}
          autoComplete="username"
          autoFocus
          maxLength={64}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('password')}
        rules={[{ required: true, message: tc('required', { field: t('password') }) }]}
      >
        <Input.Password
          id="password"
          name="password"
          prefix={<LockOutlined />}
          autoComplete="current-password"
          maxLength={200}
        />
      </Form.Item>
      {error && <Alert id="login-error" type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Button id="login-submit" type="primary" htmlType="submit" block loading={busy}>
        {t('login')}
      </Button>
    </Form>
  );
}
