import { useState } from 'react';
import { Button, Popconfirm, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { formatFen, type Warehouse } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { useSubmit } from '../../common/useSubmit.ts';
import { useCan } from '../../auth/index.ts';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { reliefStockApi, WAREHOUSES_KEY, type WarehouseFilters } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { LocationsForm, WarehouseForm } from './WarehouseForm.tsx';

const toParams = (v: SearchValues): WarehouseFilters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  active: v.active === 'true' || v.active === 'false' ? v.active : undefined,
  q: typeof v.q === 'string' && v.q.trim() ? v.q.trim() : undefined,
});

/** 仓库: warehouses of the societies the user sees, with their 库位 and what they hold; open, edit, close. */
export default function WarehousesPage() {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const can = useCan();
  const run = useSubmit();
  const manage = can('relief:manage');
  const [editing, setEditing] = useState<Warehouse | 'new' | null>(null);
  const [adding, setAdding] = useState<Warehouse | null>(null);

  const setActive = (w: Warehouse, active: boolean) =>
    run(() => reliefStockApi.updateWarehouse(w.id, { active }), { invalidate: [WAREHOUSES_KEY] });

  const columns: ProColumns<Warehouse>[] = [
    {
      title: t('search'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('warehouseSearchHint') },
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    { title: t('code'), dataIndex: 'code', search: false },
    { title: t('name'), dataIndex: 'name', search: false },
    { title: t('org'), dataIndex: 'orgName', search: false },
    { title: t('address'), dataIndex: 'address', search: false, ellipsis: true },
    { title: t('keeper'), dataIndex: 'keeperName', search: false },
    {
      title: t('locations'),
      key: 'locations',
      search: false,
      render: (_, w) =>
        w.locations.length ? (
          <Space size={[4, 4]} wrap style={{ maxWidth: 260 }}>
            {w.locations.map((l) => (
              <Tag key={l.id} title={l.name ?? undefined}>
                {l.code}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('batchCount'), dataIndex: 'batchCount', search: false, align: 'right' },
    { title: t('onHandQty'), dataIndex: 'onHandQty', search: false, align: 'right' },
    {
      title: t('stockValue'),
      dataIndex: 'valueFen',
      search: false,
      align: 'right',
      render: (_, w) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatFen(w.valueFen, { symbol: true })}</span>
      ),
    },
    {
      title: t('status'),
      dataIndex: 'active',
      valueType: 'select',
      valueEnum: { true: { text: t('active') }, false: { text: t('inactive') } },
      render: (_, w) => (w.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      fixed: 'right',
      render: (_, w) =>
        manage
          ? [
              <a key="edit" onClick={() => setEditing(w)}>
                {t('edit')}
              </a>,
              w.active ? (
                <a key="loc" onClick={() => setAdding(w)}>
                  {t('addLocations')}
                </a>
              ) : null,
              w.active ? (
                <Popconfirm
                  key="off"
                  title={t('confirmDeactivate', { name: w.name })}
                  onConfirm={() => setActive(w, false)}
                >
                  <a>{t('deactivate')}</a>
                </Popconfirm>
              ) : (
                <a key="on" onClick={() => setActive(w, true)}>
                  {t('activate')}
                </a>
              ),
            ]
          : [],
    },
  ];

  return (
    <Page title={t('warehousesTitle')}>
      <QueryTable<Warehouse, WarehouseFilters>
        queryKey={WAREHOUSES_KEY}
        fetch={(p) => reliefStockApi.warehouses(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={() => [
          manage ? (
            <Button
              key="new"
              id="warehouse-new"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
            >
              {t('newWarehouse')}
            </Button>
          ) : null,
        ]}
      />
      <WarehouseForm
        warehouse={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <LocationsForm warehouse={adding} onClose={() => setAdding(null)} />
    </Page>
  );
}
