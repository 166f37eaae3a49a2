import { App, Dropdown, Space, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { User } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { useCan } from '../auth/index.ts';
import { USERS_KEY, usersApi } from './api.ts';
import { staffDict } from './dict.ts';

export type UserDialog = 'edit' | 'grants' | 'reset';

/** A row's actions, each shown only with the permission it needs: the two common ones as links, the rest under 更多. */
export function UserActions({
  user,
  onOpen,
}: {
  user: User;
  onOpen: (dialog: UserDialog, user: User) => void;
}) {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  const can = useCan();
  const run = useSubmit();
  const { modal } = App.useApp();
  const update = can('staff:update');

  const confirmPatch = (title: string, body: Parameters<typeof usersApi.update>[1], danger = false) =>
    modal.confirm({
      title,
      okButtonProps: { danger },
      okText: tc('ok'),
      cancelText: tc('cancel'),
      onOk: () => run(() => usersApi.update(user.id, body), { invalidate: [USERS_KEY] }),
    });

  const more: MenuProps['items'] = update
    ? [
        {
          key: 'reset',
          label: <span data-action="reset">{t('resetPassword')}</span>,
          onClick: () => onOpen('reset', user),
        },
        ...(user.locked
          ? [
              {
                key: 'unlock',
                label: <span data-action="unlock">{t('unlock')}</span>,
                onClick: () => confirmPatch(t('unlockConfirm', { name: user.displayName }), { unlock: true }),
              },
            ]
          : []),
        user.active
          ? {
              key: 'deactivate',
              danger: true,
              label: <span data-action="deactivate">{t('deactivate')}</span>,
              onClick: () =>
                confirmPatch(t('deactivateConfirm', { name: user.displayName }), { active: false }, true),
            }
          : {
              key: 'activate',
              label: <span data-action="activate">{t('activate')}</span>,
              onClick: () => confirmPatch(t('activateConfirm', { name: user.displayName }), { active: true }),
            },
      ]
    : [];

  return (
    <Space size="middle" style={{ whiteSpace: 'nowrap' }}>
      {update && (
        <Typography.Link data-action="edit" onClick={() => onOpen('edit', user)}>
          {tc('edit')}
        </Typography.Link>
      )}
      {can('staff:assign') && (
        <Typography.Link data-action="grants" onClick={() => onOpen('grants', user)}>
          {t('assignRoles')}
        </Typography.Link>
      )}
      {more.length > 0 && (
        <Dropdown menu={{ items: more }} trigger={['click']}>
          <Typography.Link data-action="more">
            {t('more')} <DownOutlined style={{ fontSize: 10 }} />
          </Typography.Link>
        </Dropdown>
      )}
    </Space>
  );
}
