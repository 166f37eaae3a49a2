import { Link } from 'react-router';
import { Alert, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { GrantTags } from '../staff/index.ts';
import { consoleModules, modulePath } from '../modules.tsx';
import { shellDict } from '../shell/dict.ts';
import { homeDict } from './dict.ts';

/** 工作台: who I am, where, with which roles, and the pages I may open. */
export default function HomePage() {
  const t = useT(homeDict);
  const ts = useT(shellDict);
  const can = useCan();
  const { data: me } = useMe();
  if (!me) return null;
  const links = consoleModules.filter((m) => m.path !== '' && (!m.permission || can(m.permission)));

  return (
    <Page title={ts('home')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {me.totpRequired && !me.totpEnabled && (
          <Alert type="warning" showIcon message={t('totpRequiredOff')} />
        )}
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('welcome', { name: me.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('motto')}</Typography.Paragraph>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'org', label: t('society'), children: <span id="home-org">{me.orgName}</span> },
              { key: 'roles', label: t('roles'), children: <GrantTags grants={me.grants} /> },
              {
                key: 'totp',
                label: t('twoFactor'),
                children: me.totpEnabled ? (
                  <Tag color="success">{t('totpOn')}</Tag>
                ) : (
                  <Tag>{t('totpOff')}</Tag>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('quickLinks')}>
          <Row gutter={[12, 12]}>
            {links.map((m) => (
              <Col key={m.path} xs={12} sm={8} md={6} lg={4}>
                <Link to={modulePath(m)}>
                  <Card
                    hoverable
                    size="small"
                    styles={{ body: { textAlign: 'center', padding: '16px 8px' } }}
                  >
                    <div style={{ fontSize: 24, color: '#c8161d' }}>{m.icon}</div>
                    <div style={{ marginTop: 8 }}>{ts(m.label)}</div>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      </Space>
    </Page>
  );
}
