import { useState } from 'react';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { formatFen, FUND_SOURCE_LABELS, type FundBalanceRow, type FundSource } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { OrgTreeSelect } from '../orgs/index.ts';
import { disbursementsDict } from './dict.ts';
import { fundValueOf, useFundBalances } from './funds.ts';

const SOURCE_COLORS: Record<FundSource, string> = { general: 'default', appeal: 'red', gift: 'gold' };
const yuan = (fen: number) => formatFen(fen, { symbol: true });

/** 资金余额: one society's funds — general, each appeal, each designated gift with money left. */
export function FundBalancesTable({ defaultOrgId }: { defaultOrgId?: number }) {
  const t = useT(disbursementsDict);
  const label = useLabel();
  // The user's own society until another is picked (the session may load after the page).
  const [picked, setOrgId] = useState<number>();
  const orgId = picked ?? defaultOrgId;
  const funds = useFundBalances(orgId);
  const rows = funds.data ?? [];
  const sum = (k: 'receivedFen' | 'reservedFen' | 'spentFen' | 'balanceFen') =>
    rows.reduce((s, f) => s + f[k], 0);
  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('balancesOrg')}</span>
        <OrgTreeSelect id="fund-balances-org" value={orgId} onChange={setOrgId} style={{ minWidth: 240 }} />
      </Space>
      {funds.isError && (
        <Alert type="error" showIcon message={funds.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<FundBalanceRow>
        id="fund-balances"
        rowKey={fundValueOf}
        loading={funds.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('source'),
            key: 'source',
            render: (_, f) => (
              <Tag color={SOURCE_COLORS[f.source]} bordered={false}>
                {label(FUND_SOURCE_LABELS[f.source])}
              </Tag>
            ),
          },
          {
            title: t('fund'),
            key: 'name',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <span>{f.name}</span>
                {f.giftReceiptNo && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('receiptNo')} {f.giftReceiptNo} · {f.donorPublicName}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('received'), dataIndex: 'receivedFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('reserved'), dataIndex: 'reservedFen', align: 'right', render: (v: number) => yuan(v) },
          { title: t('spent'), dataIndex: 'spentFen', align: 'right', render: (v: number) => yuan(v) },
          {
            title: t('balance'),
            dataIndex: 'balanceFen',
            align: 'right',
            render: (v: number) => <Typography.Text strong>{yuan(v)}</Typography.Text>,
          },
        ]}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>∑</Typography.Text>
              </Table.Summary.Cell>
              {(['receivedFen', 'reservedFen', 'spentFen', 'balanceFen'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 2} align="right">
                  <Typography.Text strong>{yuan(sum(k))}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('balancesHint')}
      </Typography.Paragraph>
    </Card>
  );
}
