import { useState } from 'react';
import { Button, Select, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { RESCUE_TEAM_TYPE_LABELS, type RescueTeamHoursRow } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';

export const recentYears = (n = 5) => Array.from({ length: n }, (_, k) => new Date().getFullYear() - k);

/** 年度出勤统计: each team's deployments and drills in person-hours for a year, most active first. */
export function HoursReport() {
  const t = useT(rescueTeamDict);
  const label = useLabel();
  const [year, setYear] = useState(recentYears()[0]!);
  const [orgId, setOrgId] = useState<number | undefined>();
  const params = { year, ...(orgId ? { orgId } : {}) };
  const { data, isFetching } = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'hours', params],
    queryFn: () => rescueTeamApi.hours(params),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={year}
          onChange={setYear}
          options={recentYears().map((y) => ({ value: y, label: `${y}${t('yearSuffix')}` }))}
        />
        <OrgTreeSelect value={orgId} onChange={setOrgId} allowClear style={{ minWidth: 220 }} />
        <Button icon={<DownloadOutlined />} href={rescueTeamApi.hoursXlsxUrl(params)} download>
          {t('export')}
        </Button>
        <Button icon={<DownloadOutlined />} href={rescueTeamApi.deploymentsXlsxUrl(params)} download>
          {t('deployments')}
        </Button>
      </Space>
      <Table<RescueTeamHoursRow>
        size="small"
        rowKey="teamId"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('org'), dataIndex: 'orgName' },
          { title: t('name'), dataIndex: 'teamName' },
          { title: t('type'), dataIndex: 'type', render: (_, r) => label(RESCUE_TEAM_TYPE_LABELS[r.type]) },
          { title: t('deploymentCount'), dataIndex: 'deployments', align: 'right' },
          { title: t('deploymentHours'), dataIndex: 'deploymentHours', align: 'right' },
          { title: t('drillCount'), dataIndex: 'drills', align: 'right' },
          { title: t('drillPersonHours'), dataIndex: 'drillHours', align: 'right' },
        ]}
      />
    </>
  );
}
