import { useState } from 'react';
import { Alert, Button, Card, Form } from 'antd';
import { ProFormText } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { authApi, ME_KEY, NewPasswordFields } from '../auth/index.ts';
import { profileDict } from './dict.ts';

type Values = { currentPassword: string; newPassword: string; newPasswordConfirm: string };

export function ChangePasswordCard({ mustChange }: { mustChange: boolean }) {
  const t = useT(profileDict);
  const tc = useT(commonDict);
  const run = useSubmit();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    const ok = await run(
      () => authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
      {
        form,
        invalidate: [ME_KEY],
        success: t('passwordChanged'),
      },
    );
    setBusy(false);
    if (ok) {
      form.resetFields();
      await queryClient.invalidateQueries();
    }
  };

  return (
    <Card title={t('password')} size="small" id="password">
      {mustChange && <Alert type="warning" showIcon message={t('mustChange')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }}>
        <ProFormText.Password
          name="currentPassword"
          label={t('currentPassword')}
          fieldProps={{ id: 'currentPassword', name: 'currentPassword', autoComplete: 'current-password' }}
          rules={[{ required: true, message: tc('required', { field: t('currentPassword') }) }]}
        />
        <NewPasswordFields name="newPassword" label={t('newPassword')} withConfirm />
        <Button id="change-password-submit" type="primary" htmlType="submit" loading={busy}>
          {t('changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
