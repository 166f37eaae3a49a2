import { Card } from 'antd';
import { ProDescriptions } from '@ant-design/pro-components';
import type { Me } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { GrantTags } from '../staff/index.ts';
import { profileDict } from './dict.ts';

export function MyInfoCard({ me }: { me: Me }) {
  const t = useT(profileDict);
  return (
    <Card title={t('info')} size="small">
      <ProDescriptions<Me>
        column={1}
        size="small"
        dataSource={me}
        columns={[
          { title: t('username'), dataIndex: 'username' },
          { title: t('displayName'), dataIndex: 'displayName' },
          { title: t('org'), dataIndex: 'orgName' },
          { title: t('roles'), dataIndex: 'grants', render: () => <GrantTags grants={me.grants} /> },
          {
            title: t('idleTimeout'),
            dataIndex: 'idleTimeoutMinutes',
            render: () => t('minutes', { n: me.idleTimeoutMinutes }),
          },
        ]}
      />
    </Card>
  );
}
