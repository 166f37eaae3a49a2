import { useState } from 'react';
import { Button, Progress, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { APPEAL_KIND_LABELS, formatFen, type Appeal, type AppealKind } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { APPEALS_KEY, appealsApi, type AppealQuery } from './api.ts';
import { donationsDict } from './dict.ts';
import { CreateAppealForm } from './AppealForm.tsx';
import { useAppealQrColumn } from './AppealQrButton.tsx';
import { AppealFundCell, disbursementsDict } from '../disbursements/index.ts';

const KIND_COLORS: Record<AppealKind, string> = { appeal: 'red', project: 'blue', fund: 'gold' };

const toParams = (v: SearchValues): AppealQuery => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  open: v.filterOpen === 'true' || v.filterOpen === 'false' ? v.filterOpen : undefined,
});

/** Whole percent of the target raised, in integers (it may pass 100). */
const percentOf = (received: number, target: number) => Math.floor((received * 100) / target);

/** 募捐项目: every appeal, project and named fund the user may see, with what each has raised. */
export default function AppealsPage() {
  const t = useT(donationsDict);
  const td = useT(disbursementsDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const yuan = (fen: number) => formatFen(fen, { symbol: true });

  const columns: ProColumns<Appeal>[] = [
    {
      title: t('appealOrg'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear includeInactive />,
    },
    {
      title: t('status'),
      dataIndex: 'filterOpen',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { true: { text: t('statusOpen') }, false: { text: t('statusClosed') } },
      fieldProps: { id: 'filterOpen' },
    },
    {
      title: t('appealKind'),
      dataIndex: 'kind',
      search: false,
      render: (_, a) => (
        <Tag color={KIND_COLORS[a.kind]} bordered={false}>
          {label(APPEAL_KIND_LABELS[a.kind])}
        </Tag>
      ),
    },
    { title: t('appealName'), dataIndex: 'name', search: false },
    {
      title: t('filingNo'),
      dataIndex: 'filingNo',
      search: false,
      render: (_, a) => (a.filingNo ? <Typography.Text code>{a.filingNo}</Typography.Text> : '-'),
    },
    { title: t('appealOrg'), dataIndex: 'orgName', search: false },
    {
      title: t('target'),
      dataIndex: 'targetFen',
      search: false,
      align: 'right',
      render: (_, a) =>
        a.targetFen === null ? (
          <Typography.Text type="secondary">{t('noTarget')}</Typography.Text>
        ) : (
          yuan(a.targetFen)
        ),
    },
    {
      title: t('received'),
      dataIndex: 'receivedFen',
      search: false,
      align: 'right',
      render: (_, a) => <Typography.Text strong>{yuan(a.receivedFen)}</Typography.Text>,
    },
    {
      title: t('progress'),
      key: 'progress',
      search: false,
      width: 130,
      render: (_, a) => {
        if (!a.targetFen) return '-';
        const percent = percentOf(a.receivedFen, a.targetFen);
        return (
          <Progress
            percent={Math.min(percent, 100)}
            format={() => `${percent}%`}
            size="small"
            status={percent >= 100 ? 'success' : 'normal'}
            style={{ minWidth: 110, margin: 0 }}
          />
        );
      },
    },
    {
      title: td('spent'),
      key: 'spent',
      search: false,
      align: 'right',
      render: (_, a) => <AppealFundCell appeal={a} field="spentFen" />,
    },
    {
      title: td('balance'),
      key: 'balance',
      search: false,
      align: 'right',
      render: (_, a) => <AppealFundCell appeal={a} field="balanceFen" />,
    },
    { title: t('giftCount'), dataIndex: 'giftCount', search: false, align: 'right' },
    {
      title: t('period'),
      key: 'period',
      search: false,
      // Start over end, so the period stays narrow enough for the status to fit on a laptop screen.
      render: (_, a) =>
        a.startsOn || a.endsOn ? (
          <span style={{ whiteSpace: 'nowrap', fontSize: 12, lineHeight: 1.4, display: 'inline-block' }}>
            {a.startsOn ?? '…'} ~<br />
            {a.endsOn ?? '…'}
          </span>
        ) : (
          t('periodOpenEnded')
        ),
    },
    {
      title: t('status'),
      dataIndex: 'open',
      search: false,
      render: (_, a) =>
        a.open ? (
          <Tag color="processing">{t('statusOpen')}</Tag>
        ) : (
          <Tag color="default">{t('statusClosed')}</Tag>
        ),
    },
    useAppealQrColumn(),
  ];

  return (
    <Page title={t('appealsTitle')}>
      <QueryTable<Appeal, AppealQuery>
        queryKey={APPEALS_KEY}
        fetch={(p) => appealsApi.list({ orgId: p.orgId, open: p.open })}
        toParams={toParams}
        paging="client"
        rowKey="id"
        columns={columns}
        toolBarRender={() =>
          can('donations:manage')
            ? [
                <Button
                  key="create"
                  id="appeal-create"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                >
                  {t('createAppeal')}
                </Button>,
              ]
            : []
        }
      />
      <CreateAppealForm open={creating} onClose={() => setCreating(false)} defaultOrgId={me?.orgId} />
    </Page>
  );
}
