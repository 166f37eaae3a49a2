import { useQuery } from '@tanstack/react-query';
import { Alert, QRCode, Skeleton, Space, Typography } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { authApi } from './api.ts';
import { authDict } from './dict.ts';

/** The QR code and key of a fresh TOTP secret, for the login enrolment step and the profile page alike. */
export function TotpEnrolment() {
  const t = useT(authDict);
  // Once per showing: asking again would replace the secret the user may already have scanned.
  const setup = useQuery({
    queryKey: ['totp-setup'],
    queryFn: authApi.totpSetup,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  if (setup.isPending) return <Skeleton.Node active style={{ width: 180, height: 180 }} />;
  if (setup.isError) return <Alert type="error" showIcon message={setup.error.message} />;
  return (
    <Space direction="vertical" align="center" style={{ width: '100%' }}>
      <QRCode value={setup.data.otpauthUrl} size={180} bordered={false} />
      <Typography.Text type="secondary">{t('secret')}</Typography.Text>
      <Typography.Text id="totp-secret" code copyable style={{ wordBreak: 'break-all' }}>
        {setup.data.secret}
      </Typography.Text>
    </Space>
  );
}
