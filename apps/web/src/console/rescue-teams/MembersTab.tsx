import { useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { RESCUE_GENDER_LABELS, RESCUE_MEMBER_ROLE_LABELS, type RescueMember } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { MemberForm } from './MemberForm.tsx';

const toParams = (v: SearchValues) => ({
  includeLeft: v.includeLeft === 'true' ? 'true' : undefined,
  certificates: v.certificates === 'expired' ? 'expired' : undefined,
});

/** 队员: serving members by rank, each certificate tagged red when expired and orange when due soon. */
export function MembersTab({ teamId, active }: { teamId: number; active: boolean }) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const manage = useCan()('relief:manage');
  const [editing, setEditing] = useState<RescueMember | 'new' | null>(null);
  const columns: ProColumns<RescueMember>[] = [
    {
      title: t('certificates'),
      dataIndex: 'certificates',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { expired: { text: t('onlyExpired') } },
    },
    {
      title: t('includeLeft'),
      dataIndex: 'includeLeft',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { true: { text: tc('yes') } },
    },
    { title: t('memberName'), dataIndex: 'name', search: false },
    {
      title: t('gender'),
      dataIndex: 'gender',
      search: false,
      render: (_, m) => label(RESCUE_GENDER_LABELS[m.gender]),
    },
    { title: t('phone'), dataIndex: 'phoneMasked', search: false },
    {
      title: t('role'),
      dataIndex: 'role',
      search: false,
      render: (_, m) => (
        <Tag color={m.role === 'member' ? undefined : 'red'}>{label(RESCUE_MEMBER_ROLE_LABELS[m.role])}</Tag>
      ),
    },
    { title: t('joinedOn'), dataIndex: 'joinedOn', search: false },
    { title: t('leftOn'), dataIndex: 'leftOn', search: false },
    {
      title: t('skills'),
      dataIndex: 'skills',
      search: false,
      render: (_, m) => (
        <Space size={[0, 4]} wrap>
          {m.skills.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('certificates'),
      dataIndex: 'certificateList',
      search: false,
      render: (_, m) => (
        <Space direction="vertical" size={2}>
          {m.certificates.map((c) => (
            <Tag key={c.id} color={c.expired ? 'red' : c.expiringSoon ? 'orange' : undefined}>
              {c.name} {c.number} · {c.expiresOn ?? t('certNoExpiry')}
              {c.expired ? ` · ${t('expired')}` : c.expiringSoon ? ` · ${t('expiringSoon')}` : ''}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, m) =>
        manage
          ? [
              <a key="edit" onClick={() => setEditing(m)}>
                {tc('edit')}
              </a>,
            ]
          : [],
    },
  ];
  return (
    <>
      <QueryTable<RescueMember, ReturnType<typeof toParams>>
        queryKey={[...RESCUE_TEAMS_KEY, 'members', teamId]}
        fetch={async (p) => ({
          items: await rescueTeamApi.members(teamId, {
            includeLeft: p.includeLeft,
            certificates: p.certificates,
          }),
        })}
        paging="client"
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={rescueTeamApi.membersXlsxUrl(teamId, p)} download>
            {t('export')}
          </Button>,
          manage && active ? (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('newMember')}
            </Button>
          ) : null,
        ]}
      />
      <MemberForm
        teamId={teamId}
        member={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
