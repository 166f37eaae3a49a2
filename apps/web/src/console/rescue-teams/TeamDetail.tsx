import { useState } from 'react';
import { Button, Descriptions, Empty, Spin, Table, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { RESCUE_TEAM_STATUS_LABELS, RESCUE_TEAM_TYPE_LABELS, type RescueTeamYear } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { useCan } from '../auth/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { AssessmentTab } from './AssessmentTab.tsx';
import { DeploymentsTab } from './DeploymentsTab.tsx';
import { rescueTeamDict } from './dict.ts';
import { DrillsTab } from './DrillsTab.tsx';
import { EquipmentTab } from './EquipmentTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { RosterWeek } from './RosterWeek.tsx';
import { TeamForm } from './TeamForm.tsx';

/** One team: its facts and yearly totals above, and a tab for each part of its work. */
export function TeamDetail({
  id,
  tab,
  onTab,
  onBack,
}: {
  id: number;
  tab: string;
  onTab: (tab: string) => void;
  onBack: () => void;
}) {
  const t = useT(rescueTeamDict);
  const label = useLabel();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const { data: team, isError } = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'detail', id],
    queryFn: () => rescueTeamApi.detail(id),
  });
  const back = (
    <Button key="back" icon={<ArrowLeftOutlined />} onClick={onBack}>
      {t('back')}
    </Button>
  );
  if (isError)
    return (
      <Page title={t('title')} extra={[back]}>
        <Empty />
      </Page>
    );
  if (!team) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const active = team.status === 'active';
  return (
    <Page
      title={team.name}
      extra={[
        back,
        can('relief:manage') ? (
          <Button key="edit" id="edit-rescue-team" icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('editTeam')}
          </Button>
        ) : null,
      ]}
    >
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('org')}>{team.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('type')}>{label(RESCUE_TEAM_TYPE_LABELS[team.type])}</Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <Tag color={active ? 'green' : 'default'}>{label(RESCUE_TEAM_STATUS_LABELS[team.status])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('foundedOn')}>{team.foundedOn}</Descriptions.Item>
        <Descriptions.Item label={t('leaderName')}>
          {team.leaderName} {team.contactPhoneMasked}
        </Descriptions.Item>
        <Descriptions.Item label={t('memberCount')}>
          {team.memberCount}
          {team.expiredCertificateMembers ? (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('expiredMembers')} {team.expiredCertificateMembers}
            </Tag>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('baseAddress')} span={3}>
          {team.baseAddress}
        </Descriptions.Item>
      </Descriptions>
      <Table<RescueTeamYear>
        size="small"
        rowKey="year"
        pagination={false}
        style={{ marginBottom: 16 }}
        title={() => t('years')}
        dataSource={team.years}
        columns={[
          { title: t('year'), dataIndex: 'year' },
          { title: t('deploymentCount'), dataIndex: 'deployments', align: 'right' },
          { title: t('deploymentHours'), dataIndex: 'deploymentHours', align: 'right' },
          { title: t('drillCount'), dataIndex: 'drills', align: 'right' },
          { title: t('drillPersonHours'), dataIndex: 'drillHours', align: 'right' },
        ]}
      />
      <Tabs
        activeKey={tab}
        onChange={onTab}
        destroyOnHidden
        items={[
          { key: 'members', label: t('members'), children: <MembersTab teamId={id} active={active} /> },
          { key: 'equipment', label: t('equipment'), children: <EquipmentTab teamId={id} /> },
          { key: 'roster', label: t('roster'), children: <RosterWeek teamId={id} active={active} /> },
          {
            key: 'deployments',
            label: t('deployments'),
            children: <DeploymentsTab teamId={id} active={active} />,
          },
          { key: 'drills', label: t('drills'), children: <DrillsTab teamId={id} active={active} /> },
          { key: 'assessment', label: t('assessment'), children: <AssessmentTab team={team} /> },
        ]}
      />
      <TeamForm team={team} open={editing} onClose={() => setEditing(false)} />
    </Page>
  );
}
