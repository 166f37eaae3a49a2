import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  DISCLOSURE_LINE_KIND_LABELS,
  formatFen,
  GIFT_FORM_LABELS,
  type DisclosureDraftLine,
  type DisclosureLineKind,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { disclosureDict } from './dict.ts';

const KIND_COLORS: Record<DisclosureLineKind, string> = {
  gift: 'red',
  disbursement: 'blue',
  reversal: 'orange',
};

/** The lines of a disclosure exactly as the public will see them (preview and published batches alike). */
export function LinesTable({ lines, loading }: { lines: DisclosureDraftLine[]; loading?: boolean }) {
  const t = useT(disclosureDict);
  const label = useLabel();
  const columns: ColumnsType<DisclosureDraftLine> = [
    { title: t('lineNo'), dataIndex: 'lineNo', width: 64 },
    {
      title: t('kind'),
      dataIndex: 'kind',
      render: (_, l) => (
        <Tag color={KIND_COLORS[l.kind]} bordered={false}>
          {label(DISCLOSURE_LINE_KIND_LABELS[l.kind])}
        </Tag>
      ),
    },
    {
      title: t('occurredOn'),
      dataIndex: 'occurredOn',
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
    },
    { title: t('publicName'), dataIndex: 'publicName' },
    { title: t('form'), dataIndex: 'form', render: (_, l) => label(GIFT_FORM_LABELS[l.form]) },
    {
      title: t('amount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (_, l) => (
        <Typography.Text
          type={l.amountFen < 0 ? 'danger' : undefined}
          style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        >
          {formatFen(l.amountFen, { symbol: true })}
        </Typography.Text>
      ),
    },
    {
      title: t('designation'),
      dataIndex: 'designation',
      render: (_, l) =>
        l.designation ?? <Typography.Text type="secondary">{t('undesignated')}</Typography.Text>,
    },
    {
      title: t('receiptNo'),
      dataIndex: 'receiptNo',
      render: (_, l) => (
        <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{l.receiptNo ?? '-'}</span>
      ),
    },
    { title: t('note'), dataIndex: 'note', render: (_, l) => l.note ?? '-' },
  ];
  return (
    <Table<DisclosureDraftLine>
      rowKey="lineNo"
      size="small"
      columns={columns}
      dataSource={lines}
      loading={loading}
      locale={{ emptyText: t('nothingNew') }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
    />
  );
}
