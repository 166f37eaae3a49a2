import { useState } from 'react';
import { Alert, Button, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { DisasterEventDetail, DisasterNeed, EventReliefFlow } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { useSubmit } from '../common/useSubmit.ts';
import { EVENTS_KEY, eventApi } from './api.ts';
import { eventDict } from './dict.ts';
import { NeedForm } from './NeedForms.tsx';

type Row = {
  key: string;
  need: DisasterNeed | null;
  name: string;
  unit: string;
  needed: number;
  allocated: number;
  shipped: number;
  signed: number;
};

/**
 * Needs lines and what relief sent, matched by catalogue item. A line asked for by name only has no
 * item to match (0 sent); goods sent that were never on the list appear with a need of 0.
 */
export function needRows(needs: DisasterNeed[], flow: EventReliefFlow | undefined): Row[] {
  const sent = new Map((flow?.items ?? []).map((i) => [i.itemId, i]));
  const rows: Row[] = needs.map((n) => {
    const s = n.itemId ? sent.get(n.itemId) : undefined;
    if (n.itemId) sent.delete(n.itemId);
    return {
      key: `n${n.id}`,
      need: n,
      name: n.name,
      unit: n.unit,
      needed: n.quantity,
      allocated: s?.allocatedQty ?? 0,
      shipped: s?.shippedQty ?? 0,
      signed: s?.signedQty ?? 0,
    };
  });
  for (const s of sent.values())
    rows.push({
      key: `i${s.itemId}`,
      need: null,
      name: s.name,
      unit: s.unit,
      needed: 0,
      allocated: s.allocatedQty,
      shipped: s.shippedQty,
      signed: s.signedQty,
    });
  return rows;
}

/** 缺口: what is needed and not yet on its way (neither shipped nor allocated). */
export const gapOf = (r: Pick<Row, 'needed' | 'allocated' | 'shipped'>) =>
  Math.max(0, r.needed - r.allocated - r.shipped);

/** The needs list against what was sent, with progress bars (shipped, and signed for in green) and the gap. */
export function NeedsTable({
  event,
  flow,
  flowFailed,
}: {
  event: DisasterEventDetail;
  flow: EventReliefFlow | undefined;
  flowFailed: boolean;
}) {
  const t = useT(eventDict);
  const run = useSubmit();
  const [editing, setEditing] = useState<DisasterNeed | 'new' | null>(null);
  const editable = event.canManage && event.status === 'active';
  const pct = (n: number, of: number) => (of > 0 ? Math.min(100, Math.floor((n * 100) / of)) : 0);
  return (
    <>
      {flowFailed && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('flowUnavailable')} />
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={needRows(event.needs, flow)}
        columns={[
          {
            title: t('item'),
            dataIndex: 'name',
            render: (_, r) => (
              <Space size={4}>
                {r.name}
                {r.need && !r.need.itemId && (
                  <Tag bordered={false} color="default">
                    {t('notInCatalogue')}
                  </Tag>
                )}
              </Space>
            ),
          },
          { title: t('unit'), dataIndex: 'unit' },
          { title: t('needed'), dataIndex: 'needed', align: 'right' },
          { title: t('allocated'), dataIndex: 'allocated', align: 'right' },
          { title: t('shipped'), dataIndex: 'shipped', align: 'right' },
          { title: t('signed'), dataIndex: 'signed', align: 'right' },
          {
            title: t('gap'),
            key: 'gap',
            align: 'right',
            render: (_, r) => {
              const gap = gapOf(r);
              return gap > 0 ? <Typography.Text type="danger">{gap}</Typography.Text> : 0;
            },
          },
          {
            title: t('progress'),
            key: 'progress',
            width: 180,
            render: (_, r) =>
              r.needed > 0 ? (
                <Progress
                  size="small"
                  percent={pct(r.shipped, r.needed)}
                  success={{ percent: pct(r.signed, r.needed) }}
                />
              ) : null,
          },
          { title: t('note'), dataIndex: ['need', 'note'], render: (_, r) => r.need?.note ?? '' },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, r: Row) =>
                    r.need && (
                      <Space>
                        <a onClick={() => setEditing(r.need)}>{t('edit')}</a>
                        <Popconfirm
                          title={t('removeNeedConfirm')}
                          onConfirm={() =>
                            run(() => eventApi.removeNeed(event.id, r.need!.id), { invalidate: [EVENTS_KEY] })
                          }
                        >
                          <a>{t('remove')}</a>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <Button
          id="need-add"
          icon={<PlusOutlined />}
          style={{ marginTop: 12 }}
          onClick={() => setEditing('new')}
        >
          {t('addNeed')}
        </Button>
      )}
      <NeedForm
        event={event}
        need={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
