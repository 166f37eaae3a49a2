import { useState } from 'react';
import { Button, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import type { RescueDeployment } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { DeploymentForm } from './DeploymentForm.tsx';
import { rescueTeamDict } from './dict.ts';

const thisYear = new Date().getFullYear();
const toParams = (v: SearchValues) => ({
  year: typeof v.year === 'string' && v.year ? Number(v.year) : undefined,
});

/** 出队记录 of a team, newest first; a row opens to each member's hours. */
export function DeploymentsTab({ teamId, active }: { teamId: number; active: boolean }) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const manage = useCan()('relief:manage');
  const [editing, setEditing] = useState<RescueDeployment | 'new' | null>(null);
  const columns: ProColumns<RescueDeployment>[] = [
    {
      title: t('year'),
      dataIndex: 'year',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        [0, 1, 2, 3, 4].map((k) => [String(thisYear - k), { text: String(thisYear - k) }]),
      ),
    },
    { title: t('eventName'), dataIndex: 'eventName', search: false },
    { title: t('startedOn'), dataIndex: 'startedOn', search: false },
    {
      title: t('endedOn'),
      dataIndex: 'endedOn',
      search: false,
      render: (_, d) => d.endedOn ?? <Tag color="processing">{t('ongoing')}</Tag>,
    },
    { title: t('location'), dataIndex: 'location', search: false, ellipsis: true },
    {
      title: t('members'),
      dataIndex: 'memberCount',
      search: false,
      align: 'right',
      render: (_, d) => d.members.length,
    },
    { title: t('totalHours'), dataIndex: 'totalHours', search: false, align: 'right' },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, d) =>
        manage
          ? [
              <a key="edit" onClick={() => setEditing(d)}>
                {tc('edit')}
              </a>,
            ]
          : [],
    },
  ];
  return (
    <>
      <QueryTable<RescueDeployment, ReturnType<typeof toParams>>
        queryKey={[...RESCUE_TEAMS_KEY, 'deployments', teamId]}
        fetch={(p) => rescueTeamApi.deployments({ ...p, teamId })}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        expandable={{
          expandedRowRender: (d) => (
            <>
              {d.summary && <p>{d.summary}</p>}
              <Table
                size="small"
                rowKey="memberId"
                pagination={false}
                dataSource={d.members}
                columns={[
                  { title: t('member'), dataIndex: 'name' },
                  { title: t('hours'), dataIndex: 'hours', align: 'right' },
                ]}
              />
            </>
          ),
        }}
        toolBarRender={(p) => [
          <Button
            key="x"
            icon={<DownloadOutlined />}
            href={rescueTeamApi.deploymentsXlsxUrl({ ...p, teamId })}
            download
          >
            {t('export')}
          </Button>,
          manage && active ? (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('newDeployment')}
            </Button>
          ) : null,
        ]}
      />
      <DeploymentForm
        teamId={teamId}
        deployment={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
