import { Space, Tag, Typography } from 'antd';
import type { User } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { staffDict } from './dict.ts';

/** A user's roles as tags: role · society, marked when the grant covers the societies below. */
export function GrantTags({ grants }: { grants: User['grants'] }) {
  const t = useT(staffDict);
  if (grants.length === 0) return <Typography.Text type="secondary">{t('noGrants')}</Typography.Text>;
  return (
    <Space size={[0, 4]} wrap>
      {grants.map((g) => (
        <Tag
          key={`${g.roleId}-${g.orgId}`}
          color="red"
          bordered={false}
          title={`${g.roleName} · ${g.orgName} · ${g.scope === 'subtree' ? t('scopeSubtree') : t('scopeOwn')}`}
        >
          {g.roleName}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            · {g.orgName}
            {g.scope === 'subtree' ? t('andBelow') : ''}
          </Typography.Text>
        </Tag>
      ))}
    </Space>
  );
}

export function UserStatusTag({ user }: { user: Pick<User, 'active' | 'locked'> }) {
  const t = useT(staffDict);
  if (!user.active) return <Tag>{t('statusInactive')}</Tag>;
  if (user.locked) return <Tag color="warning">{t('statusLocked')}</Tag>;
  return <Tag color="success">{t('statusActive')}</Tag>;
}
