import { useState } from 'react';
import { Button, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { stocktakeCountSchema, type StocktakeDetail, type StocktakeLine } from '@boai/contracts';
import { useT } from '../../../lib/i18n.tsx';
import { useSubmit } from '../../common/useSubmit.ts';
import { STOCK_OPS_KEY, stockOpsApi } from './api.ts';
import { stockOpsDict } from './dict.ts';

type Edit = { countedQty?: number | null; varianceReason?: string };

// Checked as typed with the contract's own rule (length, no control characters).
const reasonSchema = stocktakeCountSchema.shape.varianceReason;

/** The count sheet on screen: while counting, each line takes its counted quantity and reason in place. */
export function StocktakeLines({ st, editable }: { st: StocktakeDetail; editable: boolean }) {
  const t = useT(stockOpsDict);
  const submit = useSubmit();
  const [edits, setEdits] = useState<Map<number, Edit>>(new Map());
  const edit = (id: number, e: Edit) => setEdits((m) => new Map(m).set(id, { ...m.get(id), ...e }));
  const valueOf = (l: StocktakeLine) => {
    const e = edits.get(l.id);
    return {
      counted: e && 'countedQty' in e ? (e.countedQty ?? null) : l.countedQty,
      reason: e && 'varianceReason' in e ? (e.varianceReason ?? '') : (l.varianceReason ?? ''),
    };
  };
  const dirty = st.lines.filter((l) => edits.has(l.id) && valueOf(l).counted !== null);

  const save = async () => {
    const counts = dirty.map((l) => {
      const v = valueOf(l);
      return { lineId: l.id, countedQty: v.counted!, varianceReason: v.reason.trim() || null };
    });
    if (await submit(() => stockOpsApi.recordCounts(st.id, { counts }), { invalidate: [STOCK_OPS_KEY] }))
      setEdits(new Map());
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {editable && (
        <Button
          id="stocktake-save-counts"
          type="primary"
          disabled={!dirty.length}
          onClick={() => void save()}
        >
          {t('saveCounts', { n: dirty.length })}
        </Button>
      )}
      <Table<StocktakeLine>
        rowKey="id"
        size="small"
        dataSource={st.lines}
        pagination={{ pageSize: 50, showSizeChanger: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('location'), dataIndex: 'locationCode', render: (v: string | null) => v ?? '-' },
          { title: t('batchCode'), dataIndex: 'batchCode' },
          {
            title: t('item'),
            key: 'item',
            render: (_, l) => (
              <span>
                {l.itemName}
                {l.spec && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {l.spec}
                  </Typography.Text>
                )}
              </span>
            ),
          },
          { title: t('lotNo'), dataIndex: 'lotNo', render: (v: string | null) => v ?? '-' },
          { title: t('expiresOn'), dataIndex: 'expiresOn', render: (v: string | null) => v ?? '-' },
          {
            title: t('systemQty'),
            dataIndex: 'systemQty',
            align: 'right',
            render: (v: number, l) => `${v} ${l.unit}`,
          },
          {
            title: t('countedQty'),
            key: 'counted',
            align: 'right',
            render: (_, l) =>
              editable ? (
                <InputNumber<number>
                  id={`stocktake-line-${l.id}`}
                  min={0}
                  precision={0}
                  size="small"
                  value={valueOf(l).counted}
                  onChange={(v) => edit(l.id, { countedQty: v })}
                  style={{ width: 100 }}
                />
              ) : (
                (l.countedQty ?? '-')
              ),
          },
          {
            title: t('variance'),
            key: 'variance',
            align: 'right',
            render: (_, l) => {
              const c = valueOf(l).counted;
              if (c === null) return '-';
              const d = c - l.systemQty;
              return d === 0 ? '0' : <Tag color={d > 0 ? 'green' : 'red'}>{d > 0 ? `+${d}` : d}</Tag>;
            },
          },
          {
            title: t('varianceReason'),
            key: 'reason',
            render: (_, l) => {
              const v = valueOf(l);
              const needed = v.counted !== null && v.counted !== l.systemQty && !v.reason.trim();
              const bad = v.reason.trim() !== '' && !reasonSchema.safeParse(v.reason).success;
              return editable ? (
                <Input
                  size="small"
                  maxLength={200}
                  status={bad ? 'error' : needed ? 'warning' : undefined}
                  placeholder={needed ? t('reasonNeeded') : undefined}
                  value={v.reason}
                  onChange={(e) => edit(l.id, { varianceReason: e.target.value })}
                  style={{ minWidth: 200 }}
                />
              ) : (
                (l.varianceReason ?? '-')
              );
            },
          },
          {
            title: t('nowOnHand'),
            key: 'now',
            align: 'right',
            render: (_, l) => `${l.onHandNow} / ${l.reservedNow}`,
          },
        ]}
      />
    </Space>
  );
}
