import { useMemo, useState } from 'react';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import {
  formatFen,
  RELIEF_ITEM_CATEGORIES,
  RELIEF_ITEM_CATEGORY_LABELS,
  reliefItemCategorySchema,
  type ReliefItem,
} from '@boai/contracts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { useSubmit } from '../../common/useSubmit.ts';
import { useCan } from '../../auth/index.ts';
import { OrgTreeSelect, useOrgs } from '../../orgs/index.ts';
import { ITEMS_KEY, reliefStockApi, type ItemFilters } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { ItemForm } from './ItemForm.tsx';

const toParams = (v: SearchValues): ItemFilters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  usableBy: typeof v.usableBy === 'number' ? v.usableBy : undefined,
  category: reliefItemCategorySchema.safeParse(v.category).data,
  kind: v.kind === 'item' || v.kind === 'kit' ? v.kind : undefined,
  active: v.active === 'true' || v.active === 'false' ? v.active : undefined,
  q: typeof v.q === 'string' && v.q.trim() ? v.q.trim() : undefined,
});

/**
 * 物资目录: the items and kits of the user's society, of those above it (usable, read only here) and of
 * those below it; filters, edit, deactivate, export.
 */
export default function ItemsPage() {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const run = useSubmit();
  const orgs = useOrgs(true);
  // Only a society the user manages can change its own items; an ancestor's are shown read only.
  const own = useMemo(() => new Set((orgs.data ?? []).map((o) => o.id)), [orgs.data]);
  const manage = can('relief:manage');
  const [editing, setEditing] = useState<ReliefItem | 'new' | null>(null);

  const setActive = (i: ReliefItem, active: boolean) =>
    run(() => reliefStockApi.updateItem(i.id, { active }), { invalidate: [ITEMS_KEY] });

  const columns: ProColumns<ReliefItem>[] = [
    {
      title: t('search'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('itemSearchHint') },
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('usable'),
      dataIndex: 'usableBy',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="usableBy" allowClear />,
    },
    {
      title: t('code'),
      dataIndex: 'code',
      search: false,
      render: (_, i) => <Typography.Text style={{ fontFamily: 'monospace' }}>{i.code}</Typography.Text>,
    },
    {
      title: t('name'),
      dataIndex: 'name',
      search: false,
      render: (_, i) => (
        <Space size={4}>
          {i.name}
          {i.isKit && <Tag color="purple">{t('kindKit')}</Tag>}
        </Space>
      ),
    },
    { title: t('spec'), dataIndex: 'spec', search: false, ellipsis: true },
    { title: t('unit'), dataIndex: 'unit', search: false },
    {
      title: t('category'),
      dataIndex: 'category',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        RELIEF_ITEM_CATEGORIES.map((c) => [c, { text: label(RELIEF_ITEM_CATEGORY_LABELS[c]) }]),
      ),
      render: (_, i) => label(RELIEF_ITEM_CATEGORY_LABELS[i.category]),
    },
    {
      title: t('kind'),
      dataIndex: 'kind',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { item: { text: t('kindItem') }, kit: { text: t('kindKit') } },
    },
    {
      title: t('components'),
      key: 'components',
      search: false,
      ellipsis: true,
      width: 220,
      render: (_, i) =>
        i.components.length ? i.components.map((c) => `${c.name}×${c.quantity}`).join('、') : '—',
    },
    {
      title: t('valuation'),
      key: 'valuation',
      search: false,
      render: (_, i) =>
        i.valuation === 'standard' && i.standardValueFen !== null
          ? `${t('standardShort')} ${formatFen(i.standardValueFen, { symbol: true })}`
          : t('statedShort'),
    },
    { title: t('shelfLife'), dataIndex: 'shelfLifeMonths', search: false },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('status'),
      dataIndex: 'active',
      valueType: 'select',
      valueEnum: { true: { text: t('active') }, false: { text: t('inactive') } },
      render: (_, i) => (i.active ? <Tag color="green">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      fixed: 'right',
      render: (_, i) =>
        manage && own.has(i.orgId)
          ? [
              <a key="edit" data-action="item-edit" onClick={() => setEditing(i)}>
                {t('edit')}
              </a>,
              i.active ? (
                <Popconfirm
                  key="off"
                  title={t('confirmDeactivate', { name: i.name })}
                  onConfirm={() => setActive(i, false)}
                >
                  <a>{t('deactivate')}</a>
                </Popconfirm>
              ) : (
                <a key="on" onClick={() => setActive(i, true)}>
                  {t('activate')}
                </a>
              ),
            ]
          : [
              <Typography.Text key="ro" type="secondary" title={t('ownerOnlyHint')}>
                {t('ownerOnly')}
              </Typography.Text>,
            ],
    },
  ];

  return (
    <Page title={t('itemsTitle')}>
      <QueryTable<ReliefItem, ItemFilters>
        queryKey={ITEMS_KEY}
        fetch={(p) => reliefStockApi.items(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
        toolBarRender={(p) => [
          <Button key="x" icon={<DownloadOutlined />} href={reliefStockApi.itemsExportUrl(p)} download>
            {t('export')}
          </Button>,
          manage ? (
            <Button
              key="new"
              id="relief-item-new"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
            >
              {t('newItem')}
            </Button>
          ) : null,
        ]}
      />
      <ItemForm
        item={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Page>
  );
}
