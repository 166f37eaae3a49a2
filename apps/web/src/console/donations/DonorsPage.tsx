import { useState } from 'react';
import { Button, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { DONOR_KIND_LABELS, DONOR_KINDS, donorKindSchema, type Donor, type DonorKind } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { DONORS_KEY, donorsApi, type DonorQuery } from './api.ts';
import { donationsDict } from './dict.ts';
import { CreateDonorForm, EditDonorForm } from './DonorForms.tsx';
import { DonorDetail } from './DonorDetail.tsx';

type Filters = Omit<DonorQuery, 'page' | 'pageSize'>;

const KIND_COLORS: Record<DonorKind, string> = { person: 'blue', enterprise: 'gold', anonymous: 'default' };

// The search form's fields are named apart from the create form's (`orgId`, `kind`), so element ids never clash.
const toParams = (v: SearchValues): Filters => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  kind: donorKindSchema.safeParse(v.filterKind).data,
  q: typeof v.keyword === 'string' && v.keyword.trim() ? v.keyword.trim() : undefined,
});

/** 捐赠人: the donors registered at the societies the user may see, paged on the server. */
export default function DonorsPage() {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const manage = can('donations:manage');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Donor | null>(null);
  const [viewing, setViewing] = useState<Donor | null>(null);
  const orNone = (v: string | null) => v ?? '-';

  const columns: ProColumns<Donor>[] = [
    {
      title: t('keyword'),
      dataIndex: 'keyword',
      hideInTable: true,
      tooltip: t('keywordHint'),
      fieldProps: { placeholder: t('keywordHint'), id: 'donor-keyword' },
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: t('kind'),
      dataIndex: 'filterKind',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(DONOR_KINDS.map((k) => [k, { text: label(DONOR_KIND_LABELS[k]) }])),
      fieldProps: { id: 'filterKind' },
    },
    {
      title: t('kind'),
      dataIndex: 'kind',
      search: false,
      render: (_, d) => (
        <Tag color={KIND_COLORS[d.kind]} bordered={false}>
          {label(DONOR_KIND_LABELS[d.kind])}
        </Tag>
      ),
    },
    {
      title: t('name'),
      dataIndex: 'name',
      search: false,
      render: (_, d) => (
        <Typography.Link id={`donor-open-${d.id}`} onClick={() => setViewing(d)}>
          {d.name}
        </Typography.Link>
      ),
    },
    {
      title: t('publicName'),
      dataIndex: 'publicName',
      tooltip: t('publicNameHint'),
      search: false,
      render: (_, d) => <Typography.Text type="secondary">{d.publicName}</Typography.Text>,
    },
    {
      title: t('idCard'),
      dataIndex: 'idCardMasked',
      search: false,
      render: (_, d) => orNone(d.idCardMasked),
    },
    {
      title: t('mobile'),
      dataIndex: 'mobileMasked',
      search: false,
      render: (_, d) => orNone(d.mobileMasked),
    },
    { title: t('uscc'), dataIndex: 'uscc', search: false, render: (_, d) => orNone(d.uscc) },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('createdAt'),
      dataIndex: 'createdAt',
      search: false,
      render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(d.createdAt)}</span>,
    },
    ...(manage
      ? [
          {
            title: tc('actions'),
            valueType: 'option',
            key: 'actions',
            fixed: 'right',
            render: (_, d) => (
              <Typography.Link data-action="edit" onClick={() => setEditing(d)}>
                {tc('edit')}
              </Typography.Link>
            ),
          } satisfies ProColumns<Donor>,
        ]
      : []),
  ];

  return (
    <Page title={t('donorsTitle')}>
      <QueryTable<Donor, Filters>
        queryKey={DONORS_KEY}
        fetch={(p) => donorsApi.list(p)}
        toParams={toParams}
        rowKey="id"
        columns={columns}
        toolBarRender={() =>
          manage
            ? [
                <Button
                  key="create"
                  id="donor-create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                >
                  {t('createDonor')}
                </Button>,
              ]
            : []
        }
      />
      <CreateDonorForm open={creating} onClose={() => setCreating(false)} defaultOrgId={me?.orgId} />
      {editing && <EditDonorForm donor={editing} open onClose={() => setEditing(null)} />}
      {viewing && <DonorDetail donor={viewing} onClose={() => setViewing(null)} />}
    </Page>
  );
}
