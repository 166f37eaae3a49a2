import { useState } from 'react';
import { Button, Card, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  formatFen,
  GIFT_STOCK_STATUS_LABELS,
  type DisasterAppeal,
  type DisasterEventDetail,
  type DisasterGoodsGift,
  type EventReliefFlow,
  type GiftStockStatus,
  type RescueDeployment,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { useCan } from '../auth/index.ts';
import { useSubmit } from '../common/useSubmit.ts';
import { EVENTS_KEY, eventApi } from './api.ts';
import { allocationStatusDict, eventDict } from './dict.ts';
import { LinkAppealForm } from './NeedForms.tsx';

const yuan = (fen: number) => formatFen(fen, { symbol: true });
const STATUS_COLORS: Record<string, string> = {
  requested: 'orange',
  approved: 'blue',
  shipped: 'geekblue',
  signed: 'green',
  rejected: 'red',
  cancelled: 'default',
};

/** The appeals raised for the event with what each raised; linking and unlinking while it is active. */
export function AppealsSection({ event }: { event: DisasterEventDetail }) {
  const t = useT(eventDict);
  const run = useSubmit();
  const [linking, setLinking] = useState(false);
  const editable = event.canManage && event.status === 'active';
  return (
    <>
      <Table<DisasterAppeal>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={event.appeals}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} /> }}
        columns={[
          { title: t('appeal'), dataIndex: 'name' },
          { title: t('org'), dataIndex: 'orgName' },
          {
            title: t('status'),
            dataIndex: 'open',
            render: (_, a) => (
              <Tag bordered={false} color={a.open ? 'red' : 'default'}>
                {a.open ? t('openAppeal') : t('closedAppeal')}
              </Tag>
            ),
          },
          {
            title: t('target'),
            dataIndex: 'targetFen',
            align: 'right',
            render: (_, a) => (a.targetFen ? yuan(a.targetFen) : '—'),
          },
          { title: t('raised'), dataIndex: 'raisedFen', align: 'right', render: (_, a) => yuan(a.raisedFen) },
          { title: t('gifts'), dataIndex: 'giftCount', align: 'right' },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'unlink',
                  render: (_: unknown, a: DisasterAppeal) => (
                    <Popconfirm
                      title={t('unlinkConfirm')}
                      onConfirm={() =>
                        run(() => eventApi.unlinkAppeal(event.id, a.id), { invalidate: [EVENTS_KEY] })
                      }
                    >
                      <a>{t('unlink')}</a>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <div style={{ marginTop: 12, display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text strong>{t('raisedTotal', { amount: yuan(event.raisedFen) })}</Typography.Text>
        {editable && (
          <Button id="appeal-link-open" icon={<LinkOutlined />} onClick={() => setLinking(true)}>
            {t('linkAppeal')}
          </Button>
        )}
      </div>
      <LinkAppealForm event={event} open={linking} onClose={() => setLinking(false)} />
    </>
  );
}

/** Gifts of goods made to the event's appeals (the donor as the public sees them) and how far they are in stock. */
export function GoodsSection({ event }: { event: DisasterEventDetail }) {
  const t = useT(eventDict);
  const label = useLabel();
  return (
    <>
      <Table<DisasterGoodsGift>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        dataSource={event.goodsGifts}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} /> }}
        columns={[
          { title: t('receivedOn'), dataIndex: 'receivedOn' },
          { title: t('donor'), dataIndex: 'donorName' },
          { title: t('goods'), dataIndex: 'items' },
          { title: t('appeal'), dataIndex: 'appealName' },
          { title: t('value'), dataIndex: 'valueFen', align: 'right', render: (_, g) => yuan(g.valueFen) },
          {
            title: t('stockStatus'),
            dataIndex: 'stockStatus',
            render: (_, g) =>
              g.stockStatus ? label(GIFT_STOCK_STATUS_LABELS[g.stockStatus as GiftStockStatus]) : '',
          },
        ]}
      />
      {event.goodsGifts.length > 0 && (
        <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
          {t('goodsTotal', { amount: yuan(event.goodsValueFen) })}
        </Typography.Text>
      )}
    </>
  );
}

type Allocation = EventReliefFlow['allocations'][number];

/** Every allocation made for the event, from relief's flow. */
export function AllocationsSection({ flow }: { flow: EventReliefFlow | undefined }) {
  const t = useT(eventDict);
  const ts = useT(allocationStatusDict);
  return (
    <Table<Allocation>
      rowKey="id"
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      dataSource={flow?.allocations ?? []}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} /> }}
      columns={[
        { title: t('allocationNo'), dataIndex: 'id' },
        {
          title: t('status'),
          dataIndex: 'status',
          render: (_, a) => (
            <Tag bordered={false} color={STATUS_COLORS[a.status] ?? 'default'}>
              {a.status in allocationStatusDict
                ? ts(a.status as keyof typeof allocationStatusDict)
                : a.status}
            </Tag>
          ),
        },
        { title: t('from'), key: 'from', render: (_, a) => `${a.fromOrgName} ${a.fromWarehouseName}` },
        { title: t('to'), dataIndex: 'destinationLabel' },
        { title: t('value'), dataIndex: 'valueFen', align: 'right', render: (_, a) => yuan(a.valueFen) },
        {
          title: t('requestedAt'),
          dataIndex: 'requestedAt',
          render: (_, a) => formatTime(a.requestedAt, 'YYYY-MM-DD HH:mm'),
        },
        {
          title: t('shippedAt'),
          dataIndex: 'shippedAt',
          render: (_, a) => formatTime(a.shippedAt, 'YYYY-MM-DD HH:mm'),
        },
        {
          title: t('signedAt'),
          dataIndex: 'signedAt',
          render: (_, a) => formatTime(a.signedAt, 'YYYY-MM-DD HH:mm'),
        },
      ]}
    />
  );
}

/**
 * 救援队出动: the rescue teams sent to the event that the user may see (GET /api/rescue-teams/deployments,
 * scoped like every rescue-team list: a county sees its own teams under its city's typhoon, not a
 * sibling county's), with each deployment's members and hours and the hours in all.
 */
export function DeploymentsSection({ eventId }: { eventId: number }) {
  const t = useT(eventDict);
  const can = useCan();
  const query = useQuery({
    queryKey: [...EVENTS_KEY, 'deployments', eventId],
    queryFn: () => eventApi.deployments(eventId),
    enabled: can('relief:read'),
    retry: false,
  });
  if (!can('relief:read') || query.isError) return null;
  const rows = query.data?.items ?? [];
  // Hours have one decimal: add them in tenths so the total is exact.
  const totalHours = rows.reduce((s, d) => s + Math.round(d.totalHours * 10), 0) / 10;
  return (
    <Card id="event-deployments" size="small" title={t('deploymentsTitle')} style={{ marginTop: 16 }}>
      <Table<RescueDeployment>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} /> }}
        columns={[
          { title: t('team'), dataIndex: 'teamName' },
          { title: t('org'), dataIndex: 'orgName' },
          { title: t('started'), dataIndex: 'startedOn' },
          {
            title: t('ended'),
            dataIndex: 'endedOn',
            render: (_, d) => d.endedOn ?? <Tag color="orange">{t('stillOut')}</Tag>,
          },
          { title: t('location'), dataIndex: 'location' },
          { title: t('members'), key: 'members', align: 'right', render: (_, d) => d.members.length },
          { title: t('hours'), dataIndex: 'totalHours', align: 'right' },
        ]}
      />
      {rows.length > 0 && (
        <Typography.Text strong style={{ display: 'block', marginTop: 12 }}>
          {t('deploymentsTotal', { teams: rows.length, hours: totalHours })}
        </Typography.Text>
      )}
    </Card>
  );
}
