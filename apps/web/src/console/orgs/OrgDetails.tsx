import { Button, Card, Popconfirm, Space, Tag } from 'antd';
import { ProDescriptions } from '@ant-design/pro-components';
import {
  ApartmentOutlined,
  EditOutlined,
  PlusOutlined,
  StopOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import type { Org } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { useCan } from '../auth/index.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { ORGS_KEY, orgsApi } from './api.ts';
import { orgsDict } from './dict.ts';
import { LevelTag } from './LevelTag.tsx';
import { levelsBelow } from './tree.ts';

export type OrgAction = 'create' | 'edit' | 'move' | 'deactivate';

type Props = { org: Org; parentName: string | undefined; onAction: (action: OrgAction) => void };

/** One society's record, with the actions the user's permissions allow (the server checks again, for this society). */
export function OrgDetails({ org, parentName, onAction }: Props) {
  const t = useT(orgsDict);
  const can = useCan();
  const run = useSubmit();
  const canHaveChildren = levelsBelow(org.level).length > 0;

  const actions = [
    can('orgs:create') && org.active && (
      <Button
        key="create"
        id="org-create-child"
        type="primary"
        icon={<PlusOutlined />}
        disabled={!canHaveChildren}
        title={canHaveChildren ? undefined : t('noLowerLevel')}
        onClick={() => onAction('create')}
      >
        {t('createChild')}
      </Button>
    ),
    can('orgs:update') && (
      <Button key="edit" id="org-edit" icon={<EditOutlined />} onClick={() => onAction('edit')}>
        {t('edit')}
      </Button>
    ),
    can('orgs:update') && org.parentId !== null && (
      <Button key="move" id="org-move" icon={<ApartmentOutlined />} onClick={() => onAction('move')}>
        {t('move')}
      </Button>
    ),
    can('orgs:deactivate') &&
      (org.active ? (
        <Button
          key="deactivate"
          id="org-deactivate"
          danger
          icon={<StopOutlined />}
          onClick={() => onAction('deactivate')}
        >
          {t('deactivate')}
        </Button>
      ) : (
        <Popconfirm
          key="activate"
          title={t('activateConfirm', { name: org.name })}
          onConfirm={() =>
            run(() => orgsApi.activate(org.id), { invalidate: [ORGS_KEY], success: t('activated') })
          }
        >
          <Button id="org-activate" icon={<CheckCircleOutlined />}>
            {t('activate')}
          </Button>
        </Popconfirm>
      )),
  ].filter(Boolean);

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{org.name}</span>
          {!org.active && <Tag>{t('inactive')}</Tag>}
        </Space>
      }
    >
      {actions.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }}>
          {actions}
        </Space>
      )}
      <ProDescriptions<Org>
        bordered
        size="small"
        dataSource={org}
        column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('level'), dataIndex: 'level', render: () => <LevelTag level={org.level} /> },
          { title: t('parent'), key: 'parent', render: () => parentName ?? '-' },
          { title: t('uscc'), dataIndex: 'uscc', render: () => org.uscc ?? '-' },
          { title: t('regionCode'), dataIndex: 'regionCode', render: () => org.regionCode ?? '-' },
          {
            title: t('status'),
            dataIndex: 'active',
            render: () =>
              org.active ? <Tag color="success">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>,
          },
          { title: t('createdAt'), dataIndex: 'createdAt', render: () => formatTime(org.createdAt) },
        ]}
      />
    </Card>
  );
}
