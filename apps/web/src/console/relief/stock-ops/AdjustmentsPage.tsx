import { useState } from 'react';
import { Alert, Button, Grid, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, RollbackOutlined, UndoOutlined } from '@ant-design/icons';
import { ProFormTextArea, type ProColumns } from '@ant-design/pro-components';
import {
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_STATUS_LABELS,
  ADJUSTMENT_STATUSES,
  adjustmentStatusSchema,
  approveWriteOffSchema,
  formatFen,
  rejectWriteOffSchema,
  WRITE_OFF_REASON_LABELS,
  type Adjustment,
  type AdjustmentKind,
  type WriteOffReason,
} from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useCan, useMe } from '../../auth/index.ts';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { Page } from '../../common/Page.tsx';
import { QueryTable, type SearchValues } from '../../common/QueryTable.tsx';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { ADJUSTMENTS_KEY, STOCK_OPS_KEY, stockOpsApi, type AdjustmentFilters } from './api.ts';
import { ADJUSTMENT_COLORS } from './colors.ts';
import { stockOpsDict } from './dict.ts';
import { ReturnInForm, ReturnOutForm } from './ReturnForms.tsx';
import { WarehouseSelect } from './WarehouseSelect.tsx';
import { WriteOffForm } from './WriteOffForm.tsx';

type Decision = 'approve' | 'reject';

function DecisionForm({ a, decision, onClose }: { a: Adjustment; decision: Decision; onClose: () => void }) {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const approve = decision === 'approve';
  return (
    <MutationForm<{ note?: string }>
      title={t(approve ? 'approveWriteOffTitle' : 'rejectWriteOffTitle')}
      open
      onClose={onClose}
      submit={(v) =>
        approve
          ? stockOpsApi.approveWriteOff(a.id, v.note?.trim() || undefined)
          : stockOpsApi.rejectWriteOff(a.id, v.note?.trim() ?? '')
      }
      invalidate={[STOCK_OPS_KEY]}
      successText={t(approve ? 'approvedDone' : 'rejectedDone')}
      submitId={`write-off-${decision}-submit`}
      submitText={t(decision)}
    >
      {approve && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('approveWriteOffConfirm', {
            code: a.batchCode,
            item: a.itemName,
            qty: a.quantity,
            unit: a.unit,
            value: formatFen(a.valueFen, { symbol: true }),
          })}
        />
      )}
      <ProFormTextArea
        name="note"
        label={t('note')}
        fieldProps={{ id: `write-off-${decision}-note`, maxLength: 500, showCount: true }}
        rules={[
          ...(approve
            ? []
            : [{ required: true, whitespace: true, message: tc('required', { field: t('note') }) }]),
          zodRule((approve ? approveWriteOffSchema : rejectWriteOffSchema).shape.note),
        ]}
      />
    </MutationForm>
  );
}

/** The adjustments of one kind group (write-offs, or both kinds of return) with their filters and actions. */
function AdjustmentTable({
  kinds,
  onDecide,
}: {
  kinds: AdjustmentKind[];
  onDecide: (a: Adjustment, d: Decision) => void;
}) {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const narrow = !(Grid.useBreakpoint().md ?? window.matchMedia('(min-width: 768px)').matches);
  const toParams = (v: SearchValues): AdjustmentFilters => ({
    group: kinds.length === 1 ? 'write_off' : 'returns',
    kind: kinds.includes(v.filterKind as AdjustmentKind) ? (v.filterKind as AdjustmentKind) : undefined,
    status: adjustmentStatusSchema.safeParse(v.filterStatus).data,
    orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
    warehouseId: typeof v.filterWarehouseId === 'number' ? v.filterWarehouseId : undefined,
  });
  const columns: ProColumns<Adjustment>[] = [
    ...(kinds.length > 1
      ? [
          {
            title: t('kind'),
            dataIndex: 'filterKind',
            hideInTable: true,
            valueType: 'select' as const,
            valueEnum: Object.fromEntries(kinds.map((k) => [k, { text: label(ADJUSTMENT_KIND_LABELS[k]) }])),
          },
        ]
      : []),
    {
      title: t('status'),
      dataIndex: 'filterStatus',
      hideInTable: true,
      valueType: 'select',
      valueEnum: Object.fromEntries(
        ADJUSTMENT_STATUSES.map((s) => [s, { text: label(ADJUSTMENT_STATUS_LABELS[s]) }]),
      ),
    },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect allowClear />,
    },
    {
      title: t('warehouse'),
      dataIndex: 'filterWarehouseId',
      hideInTable: true,
      renderFormItem: () => <WarehouseSelect allowClear />,
    },
    { title: '#', dataIndex: 'id', search: false, width: 60 },
    {
      title: t('kind'),
      dataIndex: 'kind',
      search: false,
      render: (_, a) => label(ADJUSTMENT_KIND_LABELS[a.kind]),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      search: false,
      render: (_, a) => (
        <Tag color={ADJUSTMENT_COLORS[a.status]}>{label(ADJUSTMENT_STATUS_LABELS[a.status])}</Tag>
      ),
    },
    {
      title: t('item'),
      key: 'item',
      search: false,
      render: (_, a) => (
        <span>
          {a.itemName} · {a.batchCode}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {a.orgName} · {a.warehouseName}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('quantity'),
      key: 'qty',
      search: false,
      align: 'right',
      render: (_, a) => (
        <span>
          {a.quantity} {a.unit}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatFen(a.valueFen, { symbol: true })}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('reason'),
      key: 'reason',
      search: false,
      render: (_, a) => (
        <span style={{ display: 'inline-block', maxWidth: 280 }}>
          {a.kind === 'write_off' ? label(WRITE_OFF_REASON_LABELS[a.reason as WriteOffReason]) : a.reason}
          {a.counterparty && ` → ${a.counterparty}`}
          {a.allocationId && ` · ${t('allocation')} ${a.allocationId}`}
          {a.note && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {a.note}
            </Typography.Text>
          )}
          {a.attachments.map((f) => (
            <a
              key={f.id}
              href={stockOpsApi.attachmentUrl(a.id, f.id)}
              target="_blank"
              rel="noreferrer"
              style={{ marginRight: 8 }}
            >
              {f.fileName}
            </a>
          ))}
        </span>
      ),
    },
    {
      title: t('requestedBy'),
      key: 'requested',
      search: false,
      render: (_, a) => `${a.requestedBy} · ${formatTime(a.requestedAt, 'YYYY-MM-DD HH:mm')}`,
    },
    {
      title: t('decidedBy'),
      key: 'decided',
      search: false,
      render: (_, a) =>
        a.decidedBy ? (
          <span>
            {a.decidedBy}
            {a.decisionNote && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {a.decisionNote}
              </Typography.Text>
            )}
          </span>
        ) : (
          '-'
        ),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      key: 'actions',
      fixed: 'right',
      render: (_, a) => {
        if (a.kind !== 'write_off' || a.status !== 'requested' || !can('relief:approve')) return null;
        const own = a.requestedBy === me?.username;
        return (
          <Space size={0}>
            {(['approve', 'reject'] as const).map((d) => (
              <Tooltip key={d} title={own ? t('ownRequest') : undefined}>
                <Button
                  id={`write-off-${d}-${a.id}`}
                  type="link"
                  size="small"
                  danger={d === 'reject'}
                  disabled={own}
                  onClick={() => onDecide(a, d)}
                >
                  {t(d)}
                </Button>
              </Tooltip>
            ))}
          </Space>
        );
      },
    },
  ];
  return (
    <QueryTable<Adjustment, AdjustmentFilters>
      queryKey={[...ADJUSTMENTS_KEY, kinds.join(',')]}
      fetch={(p) => stockOpsApi.adjustments(p)}
      toParams={toParams}
      rowKey="id"
      columns={columns}
      toolBarRender={(filters) => [
        <Button
          key="export"
          icon={<DownloadOutlined />}
          href={stockOpsApi.adjustmentsExportUrl(filters)}
          download
          aria-label={t('exportExcel')}
        >
          {narrow ? null : t('exportExcel')}
        </Button>,
      ]}
    />
  );
}

/** 报废与退货: write-off requests and their approval, returns to suppliers and back into stock. */
export default function AdjustmentsPage() {
  const t = useT(stockOpsDict);
  const can = useCan();
  const [form, setForm] = useState<'write_off' | 'return_out' | 'return_in' | null>(null);
  const [deciding, setDeciding] = useState<{ a: Adjustment; d: Decision } | null>(null);
  const manage = can('relief:manage');
  return (
    <Page
      title={t('adjustmentsTitle')}
      extra={
        manage
          ? [
              <Button
                key="wo"
                id="write-off-create"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm('write_off')}
              >
                {t('writeOff')}
              </Button>,
              <Button
                key="out"
                id="return-out-create"
                icon={<RollbackOutlined />}
                onClick={() => setForm('return_out')}
              >
                {t('returnOut')}
              </Button>,
              <Button
                key="in"
                id="return-in-create"
                icon={<UndoOutlined />}
                onClick={() => setForm('return_in')}
              >
                {t('returnIn')}
              </Button>,
            ]
          : []
      }
    >
      <Tabs
        items={[
          {
            key: 'write_off',
            label: t('tabWriteOffs'),
            children: <AdjustmentTable kinds={['write_off']} onDecide={(a, d) => setDeciding({ a, d })} />,
          },
          {
            key: 'returns',
            label: t('tabReturns'),
            children: (
              <AdjustmentTable
                kinds={['return_in', 'return_out']}
                onDecide={(a, d) => setDeciding({ a, d })}
              />
            ),
          },
        ]}
      />
      <WriteOffForm open={form === 'write_off'} onClose={() => setForm(null)} />
      <ReturnOutForm open={form === 'return_out'} onClose={() => setForm(null)} />
      <ReturnInForm open={form === 'return_in'} onClose={() => setForm(null)} />
      {deciding && <DecisionForm a={deciding.a} decision={deciding.d} onClose={() => setDeciding(null)} />}
    </Page>
  );
}
