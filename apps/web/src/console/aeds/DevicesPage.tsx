import { useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Tag, Timeline } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  AED_INSPECTION_RESULT_LABELS,
  AED_STATUS_LABELS,
  AED_STATUSES,
  AED_VENUE_LABELS,
  AED_VENUE_TYPES,
  type Aed,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { DeviceForm, InspectionForm } from './AedForms.tsx';
import { AEDS_KEY, aedApi } from './api.ts';
import { aedDict } from './dict.ts';

const STATUS_COLORS = { in_service: 'green', out_of_service: 'default', repair: 'orange' } as const;

const toParams = (v: SearchValues) => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  venueType: typeof v.venueType === 'string' ? v.venueType : undefined,
  status: typeof v.status === 'string' ? v.status : undefined,
  due: typeof v.due === 'string' ? v.due : undefined,
  q: typeof v.q === 'string' && v.q ? v.q : undefined,
});

/** AED 台账: filters by society subtree, venue, status and due; detail with inspections; edit; export. */
export default function DevicesPage() {
  const t = useT(aedDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const manage = can('training:manage');
  const [editing, setEditing] = useState<Aed | 'new' | null>(null);
  const [inspecting, setInspecting] = useState<Aed | null>(null);
  const [shown, setShown] = useState<number | null>(null);

  const columns: ProColumns<Aed>[] = [
    { title: t('search'), dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: t('searchHint') } },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    { title: t('serial'), dataIndex: 'serial', search: false },
    {
      title: t('venueType'),
      dataIndex: 'venueType',
      valueType: 'select',
      valueEnum: Object.fromEntries(AED_VENUE_TYPES.map((v) => [v, { text: label(AED_VENUE_LABELS[v]) }])),
      render: (_, d) => label(AED_VENUE_LABELS[d.venueType]),
    },
    { title: t('venueName'), dataIndex: 'venueName', search: false },
    { title: t('address'), dataIndex: 'address', search: false, ellipsis: true },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(AED_STATUSES.map((s) => [s, { text: label(AED_STATUS_LABELS[s]) }])),
      render: (_, d) => <Tag color={STATUS_COLORS[d.status]}>{label(AED_STATUS_LABELS[d.status])}</Tag>,
    },
    {
      title: t('due'),
      dataIndex: 'due',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { overdue: { text: t('dueOverdue') }, due: { text: t('dueSoon') } },
    },
    {
      title: t('nextDueOn'),
      dataIndex: 'nextDueOn',
      search: false,
      render: (_, d) => (d.overdue ? <Tag color="red">{d.nextDueOn}</Tag> : d.nextDueOn),
    },
    { title: t('lastInspectedOn'), dataIndex: 'lastInspectedOn', search: false },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, d) => [
        <a key="show" onClick={() => setShown(d.id)}>
          {t('detail')}
        </a>,
        manage ? (
          <a key="edit" onClick={() => setEditing(d)}>
            {t('edit')}
          </a>
        ) : null,
        manage ? (
          <a key="inspect" onClick={() => setInspecting(d)}>
            {t('inspect')}
          </a>
        ) : null,
      ],
    },
  ];

  return (
    <Page title={t('devicesTitle')}>
      <QueryTable<Aed, ReturnType<typeof toParams>>
        queryKey={AEDS_KEY}
        fetch={(p) => aedApi.list(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={aedApi.exportUrl(p)} download>
            {t('export')}
          </Button>,
          manage ? (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('newDevice')}
            </Button>
          ) : null,
        ]}
      />
      <DeviceForm
        device={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <InspectionForm device={inspecting} onClose={() => setInspecting(null)} />
      <DeviceDrawer id={shown} onClose={() => setShown(null)} />
    </Page>
  );
}

function DeviceDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(aedDict);
  const label = useLabel();
  const { data: d } = useQuery({
    queryKey: [...AEDS_KEY, 'detail', id],
    queryFn: () => aedApi.detail(id!),
    enabled: id !== null,
  });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(640, window.innerWidth)}
      title={d?.venueName}
    >
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('serial')}>{d.serial}</Descriptions.Item>
            <Descriptions.Item label={t('model')}>{d.model}</Descriptions.Item>
            <Descriptions.Item label={t('venueType')}>
              {label(AED_VENUE_LABELS[d.venueType])}
            </Descriptions.Item>
            <Descriptions.Item label={t('address')}>{d.address}</Descriptions.Item>
            <Descriptions.Item label="WGS-84">
              {d.lat.toFixed(6)}, {d.lng.toFixed(6)}
            </Descriptions.Item>
            <Descriptions.Item label={t('org')}>{d.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('ownerUnit')}>{d.ownerUnit}</Descriptions.Item>
            <Descriptions.Item label={t('responsibleName')}>
              {d.responsibleName} {d.responsibleMobileMasked}
            </Descriptions.Item>
            <Descriptions.Item label={t('installedOn')}>{d.installedOn}</Descriptions.Item>
            <Descriptions.Item label={t('batteryExpiresOn')}>{d.batteryExpiresOn}</Descriptions.Item>
            <Descriptions.Item label={t('padsExpiresOn')}>{d.padsExpiresOn}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>{label(AED_STATUS_LABELS[d.status])}</Descriptions.Item>
          </Descriptions>
          <h3 style={{ marginTop: 24 }}>{t('inspections')}</h3>
          {d.inspections.length ? (
            <Timeline
              items={d.inspections.map((i) => ({
                color: i.result === 'normal' ? 'green' : 'red',
                children: (
                  <>
                    <b>{i.inspectedOn}</b> {i.inspector} · {label(AED_INSPECTION_RESULT_LABELS[i.result])}
                    {i.notes ? <div>{i.notes}</div> : null}
                  </>
                ),
              }))}
            />
          ) : (
            <Empty description={t('noInspections')} />
          )}
        </>
      )}
    </Drawer>
  );
}
