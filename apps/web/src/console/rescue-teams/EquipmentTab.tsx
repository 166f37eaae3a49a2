import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import {
  RESCUE_EQUIPMENT_CONDITION_LABELS,
  RESCUE_EQUIPMENT_CONDITIONS,
  type RescueEquipment,
  type RescueEquipmentCondition,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { QueryTable } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { day, noFuture } from './TeamForm.tsx';

const CONDITION_COLORS = { good: 'green', fair: 'blue', repair: 'orange', scrapped: 'default' } as const;

/** 装备: what the team holds, its condition and when it was last checked (flagged after 90 days). */
export function EquipmentTab({ teamId }: { teamId: number }) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const manage = useCan()('relief:manage');
  const [editing, setEditing] = useState<RescueEquipment | 'new' | null>(null);
  const columns: ProColumns<RescueEquipment>[] = [
    { title: t('itemName'), dataIndex: 'name' },
    { title: t('spec'), dataIndex: 'spec' },
    { title: t('quantity'), dataIndex: 'quantity', align: 'right' },
    {
      title: t('condition'),
      dataIndex: 'condition',
      render: (_, e) => (
        <Tag color={CONDITION_COLORS[e.condition]}>
          {label(RESCUE_EQUIPMENT_CONDITION_LABELS[e.condition])}
        </Tag>
      ),
    },
    {
      title: t('lastCheckedOn'),
      dataIndex: 'lastCheckedOn',
      render: (_, e) =>
        e.checkDue ? <Tag color="orange">{e.lastCheckedOn ?? t('checkDue')}</Tag> : e.lastCheckedOn,
    },
    { title: t('notes'), dataIndex: 'notes', ellipsis: true },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, e) =>
        manage
          ? [
              <a key="edit" onClick={() => setEditing(e)}>
                {tc('edit')}
              </a>,
            ]
          : [],
    },
  ];
  return (
    <>
      <QueryTable<RescueEquipment>
        queryKey={[...RESCUE_TEAMS_KEY, 'equipment', teamId]}
        fetch={async () => ({ items: await rescueTeamApi.equipment(teamId) })}
        paging="client"
        columns={columns.map((c) => ({ ...c, search: false }))}
        rowKey="id"
        toolBarRender={() => [
          <Button key="x" icon={<DownloadOutlined />} href={rescueTeamApi.equipmentXlsxUrl(teamId)} download>
            {t('export')}
          </Button>,
          manage ? (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('newEquipment')}
            </Button>
          ) : null,
        ]}
      />
      <EquipmentForm
        teamId={teamId}
        item={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

type Values = {
  name: string;
  spec?: string;
  quantity: number;
  condition: RescueEquipmentCondition;
  lastCheckedOn?: Dayjs | null;
  notes?: string;
};

function EquipmentForm({
  teamId,
  item,
  open,
  onClose,
}: {
  teamId: number;
  item: RescueEquipment | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      title={item ? `${t('editEquipment')} · ${item.name}` : t('newEquipment')}
      open={open}
      onClose={onClose}
      invalidate={[RESCUE_TEAMS_KEY]}
      initialValues={
        item
          ? {
              ...item,
              spec: item.spec ?? undefined,
              notes: item.notes ?? undefined,
              lastCheckedOn: item.lastCheckedOn ? dayjs(item.lastCheckedOn) : null,
            }
          : { quantity: 1, condition: 'good', lastCheckedOn: dayjs() }
      }
      submit={(v) => {
        const body = {
          name: v.name,
          spec: v.spec || null,
          quantity: v.quantity,
          condition: v.condition,
          lastCheckedOn: v.lastCheckedOn ? day(v.lastCheckedOn) : null,
          notes: v.notes || null,
        };
        return item
          ? rescueTeamApi.updateEquipment(teamId, item.id, body)
          : rescueTeamApi.addEquipment(teamId, body);
      }}
    >
      <Form.Item name="name" label={t('itemName')} rules={req(t('itemName'))}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="spec" label={t('spec')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="quantity" label={t('quantity')} rules={req(t('quantity'))}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="condition" label={t('condition')} rules={req(t('condition'))}>
        <Select
          options={RESCUE_EQUIPMENT_CONDITIONS.map((c) => ({
            value: c,
            label: label(RESCUE_EQUIPMENT_CONDITION_LABELS[c]),
          }))}
        />
      </Form.Item>
      <Form.Item name="lastCheckedOn" label={t('lastCheckedOn')}>
        <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
      </Form.Item>
      <Form.Item name="notes" label={t('notes')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </MutationForm>
  );
}
