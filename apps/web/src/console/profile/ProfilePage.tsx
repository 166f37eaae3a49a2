import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { Col, Row } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { useMe } from '../auth/index.ts';
import { ChangePasswordCard } from './ChangePasswordCard.tsx';
import { MyInfoCard } from './MyInfoCard.tsx';
import { profileDict } from './dict.ts';
import { TwoFactorCard } from './TwoFactorCard.tsx';

/** 个人中心: who I am, my password, my second factor. `#password` scrolls to the password form. */
export default function ProfilePage() {
  const t = useT(profileDict);
  const { data: me } = useMe();
  const { hash } = useLocation();

  useEffect(() => {
    if (hash === '#password')
      document.getElementById('password')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    if (hash === '#password') document.getElementById('currentPassword')?.focus();
  }, [hash, me]);

  if (!me) return null;
  return (
    <Page title={t('title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <MyInfoCard me={me} />
        </Col>
        <Col xs={24} lg={14}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <ChangePasswordCard mustChange={me.mustChangePassword} />
            </Col>
            <Col span={24}>
              <TwoFactorCard me={me} />
            </Col>
          </Row>
        </Col>
      </Row>
    </Page>
  );
}
