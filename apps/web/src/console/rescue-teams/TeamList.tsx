import { useState } from 'react';
import { Button, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import {
  RESCUE_TEAM_STATUS_LABELS,
  RESCUE_TEAM_STATUSES,
  RESCUE_TEAM_TYPE_LABELS,
  RESCUE_TEAM_TYPES,
  type RescueTeam,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { TeamForm } from './TeamForm.tsx';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const toParams = (v: SearchValues) => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  type: str(v.type),
  status: str(v.status),
  q: str(v.q),
});

/** The teams in scope, filtered by society, type and status; export as on screen. */
export function TeamList({ onOpen }: { onOpen: (id: number) => void }) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const columns: ProColumns<RescueTeam>[] = [
    { title: t('search'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('searchHint') } },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('name'),
      dataIndex: 'name',
      search: false,
      render: (_, r) => <a onClick={() => onOpen(r.id)}>{r.name}</a>,
    },
    {
      title: t('type'),
      dataIndex: 'type',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        RESCUE_TEAM_TYPES.map((v) => [v, { text: label(RESCUE_TEAM_TYPE_LABELS[v]) }]),
      ),
      render: (_, r) => label(RESCUE_TEAM_TYPE_LABELS[r.type]),
    },
    { title: t('org'), dataIndex: 'orgName', search: false },
    { title: t('leaderName'), dataIndex: 'leaderName', search: false },
    { title: t('contactPhone'), dataIndex: 'contactPhoneMasked', search: false },
    { title: t('memberCount'), dataIndex: 'memberCount', search: false, align: 'right' },
    {
      title: t('expiredMembers'),
      dataIndex: 'expiredCertificateMembers',
      search: false,
      align: 'right',
      render: (_, r) =>
        r.expiredCertificateMembers ? <Tag color="red">{r.expiredCertificateMembers}</Tag> : 0,
    },
    { title: t('hoursThisYear'), dataIndex: 'hoursThisYear', search: false, align: 'right' },
    {
      title: t('status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        RESCUE_TEAM_STATUSES.map((s) => [s, { text: label(RESCUE_TEAM_STATUS_LABELS[s]) }]),
      ),
      render: (_, r) => (
        <Tag color={r.status === 'active' ? 'green' : 'default'}>
          {label(RESCUE_TEAM_STATUS_LABELS[r.status])}
        </Tag>
      ),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, r) => [
        <a key="open" onClick={() => onOpen(r.id)}>
          {t('open')}
        </a>,
      ],
    },
  ];
  return (
    <>
      <QueryTable<RescueTeam, ReturnType<typeof toParams>>
        queryKey={[...RESCUE_TEAMS_KEY, 'list']}
        fetch={(p) => rescueTeamApi.list(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={rescueTeamApi.exportUrl(p)} download>
            {t('export')}
          </Button>,
          can('relief:manage') ? (
            <Button
              key="new"
              id="new-rescue-team"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('newTeam')}
            </Button>
          ) : null,
        ]}
      />
      <TeamForm team={null} open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
