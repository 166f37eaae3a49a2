import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import {
  DISASTER_EVENT_STATUS_LABELS,
  DISASTER_EVENT_STATUSES,
  DISASTER_TYPE_LABELS,
  DISASTER_TYPES,
  RESPONSE_LEVEL_LABELS,
  type DisasterEvent,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { EVENTS_KEY, eventApi } from './api.ts';
import { eventDict } from './dict.ts';
import { EventDetail, LEVEL_COLORS } from './EventDetail.tsx';
import { CloseEventForm, EventForm } from './EventForms.tsx';

const toParams = (v: SearchValues) => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  type: typeof v.type === 'string' ? v.type : undefined,
  status: typeof v.status === 'string' ? v.status : undefined,
  year: typeof v.year === 'number' || (typeof v.year === 'string' && v.year) ? Number(v.year) : undefined,
  q: typeof v.q === 'string' && v.q ? v.q : undefined,
});

/**
 * 灾害事件: the list (this society's, those above and below it) with filters and export; `?id=N` opens
 * one event's page, so a link to it can be shared and the back button returns to the list.
 */
export default function EventsPage() {
  const [search, setSearch] = useSearchParams();
  const id = Number(search.get('id'));
  if (id > 0) return <EventDetail id={id} onBack={() => setSearch({})} />;
  return <EventList open={(eventId) => setSearch({ id: String(eventId) })} />;
}

function EventList({ open }: { open: (id: number) => void }) {
  const t = useT(eventDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [editing, setEditing] = useState<DisasterEvent | 'new' | null>(null);
  const [closing, setClosing] = useState<DisasterEvent | null>(null);

  const columns: ProColumns<DisasterEvent>[] = [
    { title: t('search'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('searchHint') } },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('year'),
      dataIndex: 'year',
      hideInTable: true,
      valueType: 'digit',
      fieldProps: { min: 2000, max: 2100 },
    },
    {
      title: t('name'),
      dataIndex: 'name',
      search: false,
      render: (_, e) => <a onClick={() => open(e.id)}>{e.name}</a>,
    },
    {
      title: t('type'),
      dataIndex: 'type',
      valueType: 'select',
      valueEnum: Object.fromEntries(DISASTER_TYPES.map((v) => [v, { text: label(DISASTER_TYPE_LABELS[v]) }])),
      render: (_, e) => label(DISASTER_TYPE_LABELS[e.type]),
    },
    {
      title: t('level'),
      dataIndex: 'responseLevel',
      search: false,
      render: (_, e) => (
        <Tag color={LEVEL_COLORS[e.responseLevel]}>{label(RESPONSE_LEVEL_LABELS[e.responseLevel])}</Tag>
      ),
    },
    { title: t('area'), dataIndex: 'area', search: false, ellipsis: true },
    { title: t('startsOn'), dataIndex: 'startsOn', search: false },
    { title: t('endsOn'), dataIndex: 'endsOn', search: false, render: (_, e) => e.endsOn ?? '—' },
    {
      title: t('status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        DISASTER_EVENT_STATUSES.map((s) => [s, { text: label(DISASTER_EVENT_STATUS_LABELS[s]) }]),
      ),
      render: (_, e) => (
        <Tag color={e.status === 'active' ? 'red' : 'default'}>
          {label(DISASTER_EVENT_STATUS_LABELS[e.status])}
        </Tag>
      ),
    },
    { title: t('org'), dataIndex: 'orgName', search: false },
    { title: t('needCount'), dataIndex: 'needCount', search: false, align: 'right' },
    { title: t('appealCount'), dataIndex: 'appealCount', search: false, align: 'right' },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, e) => [
        <a key="open" onClick={() => open(e.id)}>
          {t('open')}
        </a>,
        e.canManage && e.status === 'active' ? (
          <a key="edit" onClick={() => setEditing(e)}>
            {t('edit')}
          </a>
        ) : null,
        e.canManage && e.status === 'active' ? (
          <a key="close" onClick={() => setClosing(e)}>
            {t('close')}
          </a>
        ) : null,
      ],
    },
  ];

  return (
    <Page title={t('title')}>
      <QueryTable<DisasterEvent, ReturnType<typeof toParams>>
        queryKey={EVENTS_KEY}
        fetch={(p) => eventApi.list(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={eventApi.exportUrl(p)} download>
            {t('export')}
          </Button>,
          can('relief:manage') ? (
            <Button
              key="new"
              id="event-new"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
            >
              {t('newEvent')}
            </Button>
          ) : null,
        ]}
      />
      <EventForm
        event={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <CloseEventForm event={closing} onClose={() => setClosing(null)} />
    </Page>
  );
}
