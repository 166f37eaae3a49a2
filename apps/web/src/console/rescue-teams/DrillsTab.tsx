import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { rescueDrillInputSchema, type RescueDrill } from '@boai/contracts';
import { zodRule } from '../../lib/forms.ts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { QueryTable } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { day, noFuture } from './TeamForm.tsx';

/** 演练: date, subject, length and who took part. */
export function DrillsTab({ teamId, active }: { teamId: number; active: boolean }) {
  const t = useT(rescueTeamDict);
  const manage = useCan()('relief:manage');
  const [adding, setAdding] = useState(false);
  const columns: ProColumns<RescueDrill>[] = [
    { title: t('heldOn'), dataIndex: 'heldOn' },
    { title: t('subject'), dataIndex: 'subject' },
    { title: t('location'), dataIndex: 'location', ellipsis: true },
    { title: t('drillHours'), dataIndex: 'hours', align: 'right' },
    {
      title: t('participants'),
      dataIndex: 'participants',
      render: (_, d) => `${d.participants.length}：${d.participants.map((p) => p.name).join('、')}`,
      ellipsis: true,
    },
    { title: t('notes'), dataIndex: 'notes', ellipsis: true },
  ];
  return (
    <>
      <QueryTable<RescueDrill>
        queryKey={[...RESCUE_TEAMS_KEY, 'drills', teamId]}
        fetch={async () => ({ items: await rescueTeamApi.drills(teamId) })}
        paging="client"
        columns={columns.map((c) => ({ ...c, search: false }))}
        rowKey="id"
        toolBarRender={() => [
          manage && active ? (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('newDrill')}
            </Button>
          ) : null,
        ]}
      />
      <DrillForm teamId={teamId} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}

type Values = {
  heldOn: Dayjs;
  subject: string;
  location?: string;
  hours: number;
  memberIds: number[];
  notes?: string;
};

function DrillForm({ teamId, open, onClose }: { teamId: number; open: boolean; onClose: () => void }) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const members = useQuery({
    queryKey: [...RESCUE_TEAMS_KEY, 'members', teamId, 'serving'],
    queryFn: () => rescueTeamApi.members(teamId),
    enabled: open,
  });
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      title={t('newDrill')}
      open={open}
      onClose={onClose}
      invalidate={[RESCUE_TEAMS_KEY]}
      initialValues={{ heldOn: dayjs(), memberIds: [] }}
      submit={(v) =>
        rescueTeamApi.addDrill(teamId, {
          heldOn: day(v.heldOn),
          subject: v.subject,
          location: v.location || null,
          hours: v.hours,
          memberIds: v.memberIds,
          notes: v.notes || null,
        })
      }
    >
      <Form.Item name="heldOn" label={t('heldOn')} rules={req(t('heldOn'))}>
        <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
      </Form.Item>
      <Form.Item name="subject" label={t('subject')} rules={req(t('subject'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="location" label={t('location')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('drillHours')}
        rules={[...req(t('drillHours')), zodRule(rescueDrillInputSchema.shape.hours)]}
      >
        <InputNumber min={0.1} max={24} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="memberIds" label={t('participants')} rules={req(t('participants'))}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          loading={members.isPending}
          options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('notes')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </MutationForm>
  );
}
