import { Alert, Card, Descriptions, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { GiftJourneyLine } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { journeyKey, reliefReportsApi } from './api.ts';
import { reliefReportsDict } from './dict.ts';

const qty = (n: number, unit: string) => `${n.toLocaleString('en-US')} ${unit}`;
/** A warehouse under its society's name, unless its own name already starts with it. */
const place = (org: string, warehouse: string) =>
  warehouse.startsWith(org) ? warehouse : `${org} ${warehouse}`;

function LineJourney({ line }: { line: GiftJourneyLine }) {
  const t = useT(reliefReportsDict);
  const u = line.unit;
  const items = [
    ...line.goodsIn.map((g) => ({
      color: g.rejectedQty ? 'orange' : 'green',
      children: (
        <>
          <b>{t('goodsIn')}</b>{' '}
          {t('goodsInLine', {
            date: g.receivedOn,
            warehouse: g.warehouseName,
            accepted: qty(g.acceptedQty, u),
            rejected: qty(g.rejectedQty, u),
          })}
          {g.rejectReason ? <div>{g.rejectReason}</div> : null}
          {g.differenceNote ? <div>{g.differenceNote}</div> : null}
        </>
      ),
    })),
    ...line.shipments.map((s) => ({
      color: s.signedAt ? 'blue' : 'gray',
      children: (
        <>
          <b>{t('shipments')}</b>{' '}
          {t('shipmentLine', {
            from: place(s.fromOrgName, s.fromWarehouseName),
            to: s.destinationLabel,
            qty: qty(s.quantity, u),
          })}{' '}
          {s.signedQty !== null ? (
            <Tag color="blue">{t('signedQty', { qty: qty(s.signedQty, u) })}</Tag>
          ) : (
            <Tag>{t('inTransit')}</Tag>
          )}
          <div>
            <Typography.Text type="secondary">
              {formatTime(s.shippedAt)}
              {s.signedAt ? ` → ${formatTime(s.signedAt)}` : ''}
            </Typography.Text>
          </div>
        </>
      ),
    })),
    ...line.inStock.map((h) => ({
      color: 'gray',
      children: (
        <>
          <b>{t('stockNow')}</b> {place(h.orgName, h.warehouseName)}：{qty(h.quantity, u)}
        </>
      ),
    })),
  ];
  return (
    <Card size="small" title={`${line.lineNo}. ${line.name}`} data-journey-line={line.lineNo}>
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 4, md: 4 }}
        items={[
          { key: 'q', label: t('giftQty'), children: qty(line.quantity, u) },
          { key: 'a', label: t('accepted'), children: qty(line.acceptedQty, u) },
          { key: 'r', label: t('rejected'), children: qty(line.rejectedQty, u) },
          { key: 's', label: t('shipped'), children: qty(line.shippedQty, u) },
          { key: 'g', label: t('signed'), children: qty(line.signedQty, u) },
          { key: 'i', label: t('inStock'), children: qty(line.inStockQty, u) },
          { key: 'w', label: t('writtenOff'), children: qty(line.writtenOffQty, u) },
          ...(line.otherQty ? [{ key: 'o', label: t('otherMoves'), children: qty(line.otherQty, u) }] : []),
        ]}
      />
      {items.length ? (
        <Timeline style={{ marginTop: 12 }} items={items} />
      ) : (
        <Typography.Text type="secondary">{t('notStocked')}</Typography.Text>
      )}
    </Card>
  );
}

/** 物资去向 of one gift of goods, line by line (shown in the gift's drawer and the donor report). */
export function GiftJourneySection({ giftId }: { giftId: number }) {
  const t = useT(reliefReportsDict);
  const journey = useQuery({ queryKey: journeyKey(giftId), queryFn: () => reliefReportsApi.journey(giftId) });
  return (
    <div data-section="gift-journey">
      <Typography.Title level={5}>{t('journeyTitle')}</Typography.Title>
      {journey.isError ? (
        <Alert type="error" showIcon message={journey.error.message} />
      ) : !journey.data ? (
        <Spin />
      ) : journey.data.lines.length ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('journeyHint')}
          </Typography.Text>
          {journey.data.lines.map((l) => (
            <LineJourney key={l.giftItemId} line={l} />
          ))}
        </Space>
      ) : (
        <Empty description={t('journeyEmpty')} />
      )}
    </div>
  );
}
