import { Popconfirm, Space, Typography } from 'antd';
import type { User } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { useCan } from '../auth/index.ts';
import { USERS_KEY, usersApi } from './api.ts';
import { staffDict } from './dict.ts';

export type UserDialog = 'edit' | 'grants' | 'reset';

/** A row's actions, each shown only with the permission it needs. */
export function UserActions({ user, onOpen }: { user: User; onOpen: (dialog: UserDialog, user: User) => void }) {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  const can = useCan();
  const run = useSubmit();
  const patch = (body: Parameters<typeof usersApi.update>[1]) => run(() => usersApi.update(user.id, body), { invalidate: [USERS_KEY] });
  const link = (key: string, label: string, onClick: () => void) => (
    <Typography.Link key={key} data-action={key} onClick={onClick}>
      {label}
    </Typography.Link>
  );
  const confirm = (key: string, label: string, title: string, onConfirm: () => Promise<unknown>, danger = false) => (
    <Popconfirm key={key} title={title} onConfirm={onConfirm} okButtonProps={{ danger }}>
      <Typography.Link data-action={key} type={danger ? 'danger' : undefined}>
        {label}
      </Typography.Link>
    </Popconfirm>
  );

  const update = can('staff:update');
  return (
    <Space size="middle" wrap={false}>
      {update && link('edit', tc('edit'), () => onOpen('edit', user))}
      {can('staff:assign') && link('grants', t('assignRoles'), () => onOpen('grants', user))}
      {update && link('reset', t('resetPassword'), () => onOpen('reset', user))}
      {update && user.locked && confirm('unlock', t('unlock'), t('unlockConfirm', { name: user.displayName }), () => patch({ unlock: true }))}
      {update &&
        (user.active
          ? confirm('deactivate', t('deactivate'), t('deactivateConfirm', { name: user.displayName }), () => patch({ active: false }), true)
          : confirm('activate', t('activate'), t('activateConfirm', { name: user.displayName }), () => patch({ active: true })))}
    </Space>
  );
}
