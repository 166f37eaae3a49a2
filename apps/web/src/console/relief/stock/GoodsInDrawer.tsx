import { Alert, Descriptions, Drawer, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatFen, type GoodsInLine } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { StockStatusTag } from '../../donations/GoodsStockStatusTag.tsx';
import { GOODS_IN_KEY, reliefStockApi } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { LabelsButton } from './LabelsButton.tsx';

/** 入库单: its lines as inspected, the batches they became, and their labels to print. */
export function GoodsInDrawer({
  id,
  justReceived,
  onClose,
}: {
  id: number | null;
  justReceived?: boolean;
  onClose: () => void;
}) {
  const t = useT(reliefStockDict);
  const { data: n } = useQuery({
    queryKey: [...GOODS_IN_KEY, 'detail', id],
    queryFn: () => reliefStockApi.goodsInNote(id!),
    enabled: id !== null,
  });
  const batches = n?.lines.filter((l) => l.batchId !== null).length ?? 0;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(980, window.innerWidth)}
      title={n ? `${t('noteNo')} ${n.id} · ${n.warehouseName}` : ''}
      extra={
        n && batches > 0 ? (
          <LabelsButton
            id="goods-in-labels"
            type="primary"
            url={(c) => reliefStockApi.goodsInLabelsUrl(n.id, c)}
          />
        ) : null
      }
    >
      {n && (
        <>
          {justReceived && batches > 0 && (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('received', { n: batches })}
            />
          )}
          <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered>
            <Descriptions.Item label={t('receivedOn')}>{n.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse')}>
              {n.warehouseName}（{n.orgName}）
            </Descriptions.Item>
            {n.source === 'gift' ? (
              <>
                <Descriptions.Item label={t('donor')}>{n.donorName}</Descriptions.Item>
                <Descriptions.Item label={t('receipt')}>
                  {n.giftReceiptNo} <StockStatusTag status={n.giftStockStatus} />
                </Descriptions.Item>
              </>
            ) : (
              <>
                <Descriptions.Item label={t('supplier')}>{n.supplier}</Descriptions.Item>
                <Descriptions.Item label={t('purchaseRef')}>{n.purchaseRef ?? '—'}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t('inspector')}>{n.inspector}</Descriptions.Item>
            <Descriptions.Item label={t('value')}>
              {formatFen(n.valueFen, { symbol: true })}
            </Descriptions.Item>
            <Descriptions.Item label={t('note')} span={2}>
              {n.note ?? '—'}
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                {n.createdBy} · {formatTime(n.createdAt, 'YYYY-MM-DD HH:mm')}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Table<GoodsInLine>
            style={{ marginTop: 16 }}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={n.lines}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '#', dataIndex: 'lineNo' },
              {
                title: t('item'),
                key: 'item',
                render: (_, l) => `${l.itemName}${l.spec ? `（${l.spec}）` : ''}`,
              },
              // The label code next to the item: it is what the labels just printed carry, and a long
              // specification would otherwise push it out of sight behind the table's scroll.
              {
                title: t('batchCode'),
                dataIndex: 'batchCode',
                render: (c: string | null) => (
                  <Typography.Text style={{ fontFamily: 'monospace' }}>{c ?? '—'}</Typography.Text>
                ),
              },
              { title: t('expected'), dataIndex: 'expectedQty', align: 'right' },
              { title: t('accepted'), dataIndex: 'acceptedQty', align: 'right' },
              {
                title: t('rejected'),
                key: 'rejected',
                render: (_, l) => (l.rejectedQty ? `${l.rejectedQty}（${l.rejectReason}）` : 0),
              },
              { title: t('differenceNote'), dataIndex: 'differenceNote' },
              { title: t('unit'), dataIndex: 'unit' },
              { title: t('lot'), dataIndex: 'lotNo' },
              { title: t('expiresOn'), dataIndex: 'expiresOn' },
              { title: t('location'), dataIndex: 'locationCode' },
              {
                title: t('value'),
                dataIndex: 'valueFen',
                align: 'right',
                render: (v: number) => formatFen(v, { symbol: true }),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
