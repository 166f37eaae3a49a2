import { useState } from 'react';
import { Button, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import type { Role } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { ROLES_KEY, rolesApi } from './api.ts';
import { staffDict } from './dict.ts';
import { RoleForm } from './RoleForm.tsx';

/** 角色权限: the roles the user may see; few enough to page in the browser. */
export default function RolesPage() {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  const can = useCan();
  const { data: me } = useMe();
  const manage = can('roles:manage');
  const [editing, setEditing] = useState<{ role: Role | null } | null>(null);

  const columns: ProColumns<Role>[] = [
    { title: t('roleName'), dataIndex: 'name', search: false },
    {
      title: t('roleCode'),
      dataIndex: 'code',
      search: false,
      render: (_, r) => <Typography.Text code>{r.code}</Typography.Text>,
    },
    { title: t('roleOrg'), dataIndex: 'orgName', search: false },
    {
      title: t('permissionCount'),
      dataIndex: 'permissions',
      search: false,
      render: (_, r) => t('permissionCountValue', { n: r.permissions.length }),
    },
    {
      title: t('requireTotp'),
      dataIndex: 'requireTotp',
      search: false,
      render: (_, r) => (r.requireTotp ? <Tag color="warning">{tc('yes')}</Tag> : <Tag>{tc('no')}</Tag>),
    },
    {
      title: t('builtin'),
      dataIndex: 'builtin',
      search: false,
      render: (_, r) => (r.builtin ? <Tag color="blue">{t('builtin')}</Tag> : <Tag>{t('custom')}</Tag>),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      render: (_, r) => (
        <Typography.Link data-action="edit" onClick={() => setEditing({ role: r })}>
          {manage && !r.builtin ? tc('edit') : tc('view')}
        </Typography.Link>
      ),
    },
  ];

  return (
    <Page title={t('rolesTitle')}>
      <QueryTable<Role>
        queryKey={ROLES_KEY}
        fetch={() => rolesApi.list()}
        paging="client"
        rowKey="id"
        columns={columns}
        toolBarRender={() =>
          manage
            ? [
                <Button
                  key="create"
                  id="role-create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setEditing({ role: null })}
                >
                  {tc('create')}
                </Button>,
              ]
            : []
        }
      />
      <RoleForm
        role={editing?.role ?? null}
        open={editing !== null}
        onClose={() => setEditing(null)}
        defaultOrgId={me?.orgId}
        readOnly={!manage || (editing?.role?.builtin ?? false)}
      />
    </Page>
  );
}
