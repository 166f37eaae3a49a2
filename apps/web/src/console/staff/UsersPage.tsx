import { useState } from 'react';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import type { User } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { USERS_KEY, usersApi, type UserQuery } from './api.ts';
import { staffDict } from './dict.ts';
import { GrantTags, UserStatusTag } from './GrantTags.tsx';
import { UserActions, type UserDialog } from './UserActions.tsx';
import { CreateUserForm, EditUserForm, GrantsForm, ResetPasswordForm } from './UserForms.tsx';

type Filters = Omit<UserQuery, 'page' | 'pageSize'>;

// The search form's fields are named apart from the create form's (`orgId`), so element ids never clash.
const toParams = (v: SearchValues): Filters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  q: typeof v.keyword === 'string' && v.keyword.trim() ? v.keyword.trim() : undefined,
  active: v.status === 'true' || v.status === 'false' ? v.status : undefined,
});

/** 工作人员: the staff of the societies the user may see, paged on the server. */
export default function UsersPage() {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  const can = useCan();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<{ kind: UserDialog; user: User } | null>(null);
  const close = () => setDialog(null);

  const columns: ProColumns<User>[] = [
    {
      title: t('keyword'),
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: t('keywordHint'), id: 'keyword' },
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: t('status'),
      dataIndex: 'status',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { true: { text: t('statusActive') }, false: { text: t('statusInactive') } },
      fieldProps: { id: 'status' },
    },
    { title: t('username'), dataIndex: 'username', search: false },
    { title: t('displayName'), dataIndex: 'displayName', search: false },
    { title: t('org'), dataIndex: 'orgName', search: false },
    { title: t('mobile'), dataIndex: 'mobileMasked', search: false, render: (_, u) => u.mobileMasked ?? '-' },
    {
      title: t('roles'),
      dataIndex: 'grants',
      search: false,
      render: (_, u) => <GrantTags grants={u.grants} />,
    },
    { title: t('status'), dataIndex: 'active', search: false, render: (_, u) => <UserStatusTag user={u} /> },
    {
      title: t('twoFactor'),
      dataIndex: 'totpEnabled',
      search: false,
      render: (_, u) =>
        u.totpEnabled ? <Tag color="success">{t('totpOn')}</Tag> : <Tag>{t('totpOff')}</Tag>,
    },
    {
      title: t('lastLogin'),
      dataIndex: 'lastLoginAt',
      search: false,
      render: (_, u) => formatTime(u.lastLoginAt),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, u) => <UserActions user={u} onOpen={(kind, user) => setDialog({ kind, user })} />,
    },
  ];

  return (
    <Page title={t('usersTitle')}>
      <QueryTable<User, Filters>
        queryKey={USERS_KEY}
        fetch={(p) => usersApi.list(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
        toolBarRender={() =>
          can('staff:create')
            ? [
                <Button
                  key="create"
                  id="user-create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                >
                  {tc('create')}
                </Button>,
              ]
            : []
        }
      />
      <CreateUserForm open={creating} onClose={() => setCreating(false)} defaultOrgId={me?.orgId} />
      {dialog && (
        <>
          <EditUserForm user={dialog.user} open={dialog.kind === 'edit'} onClose={close} />
          <GrantsForm user={dialog.user} open={dialog.kind === 'grants'} onClose={close} />
          <ResetPasswordForm user={dialog.user} open={dialog.kind === 'reset'} onClose={close} />
        </>
      )}
    </Page>
  );
}
