import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Space, Table } from 'antd';
import { ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { createReturnInSchema, createReturnOutSchema, type ReturnableAllocation } from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { useSubmit } from '../../common/useSubmit.ts';
import { STOCK_OPS_KEY, stockOpsApi } from './api.ts';
import { stockOpsDict } from './dict.ts';

type OutValues = { batchCode: string; quantity: number; counterparty: string; reason: string; note?: string };
const outShape = createReturnOutSchema.shape;

/** 退货出库: a defective batch back to its supplier or donor — free stock only. */
export function ReturnOutForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: tc('required', { field }),
  });
  return (
    <MutationForm<OutValues>
      title={t('returnOut')}
      open={open}
      onClose={onClose}
      submit={(v) =>
        stockOpsApi.returnOut({
          batchCode: v.batchCode.trim(),
          quantity: v.quantity,
          counterparty: v.counterparty.trim(),
          reason: v.reason.trim(),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        })
      }
      invalidate={[STOCK_OPS_KEY]}
      successText={t('returnOutDone')}
      submitId="return-out-submit"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('returnOutHint')} />
      <ProFormText
        name="batchCode"
        label={t('batchCode')}
        fieldProps={{ id: 'return-out-batch', placeholder: t('batchHint'), autoComplete: 'off' }}
        rules={[required(t('batchCode')), zodRule(outShape.batchCode)]}
      />
      <Form.Item
        name="quantity"
        label={t('quantity')}
        rules={[
          { required: true, message: tc('required', { field: t('quantity') }) },
          zodRule(outShape.quantity),
        ]}
      >
        <InputNumber<number> id="return-out-quantity" min={1} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <ProFormText
        name="counterparty"
        label={t('counterparty')}
        fieldProps={{ id: 'return-out-counterparty' }}
        rules={[required(t('counterparty')), zodRule(outShape.counterparty)]}
      />
      <ProFormText
        name="reason"
        label={t('reason')}
        fieldProps={{ id: 'return-out-reason' }}
        rules={[required(t('reason')), zodRule(outShape.reason)]}
      />
      <ProFormTextArea name="note" label={t('explain')} rules={[zodRule(outShape.note)]} />
    </MutationForm>
  );
}

type InValues = { quantities?: Record<number, number | null>; reason: string; note?: string };
const inShape = createReturnInSchema.shape;

/** Per pick: what may still come back, and how much comes back now. */
function PicksField({
  allocation,
  value,
  onChange,
}: {
  allocation: ReturnableAllocation;
  value?: Record<number, number | null>;
  onChange?: (v: Record<number, number | null>) => void;
}) {
  const t = useT(stockOpsDict);
  return (
    <Table
      rowKey="pickId"
      size="small"
      pagination={false}
      dataSource={allocation.picks}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('batchCode'), dataIndex: 'batchCode' },
        { title: t('item'), dataIndex: 'itemName' },
        { title: t('received'), dataIndex: 'receivedQty', align: 'right' },
        { title: t('returned'), dataIndex: 'returnedQty', align: 'right' },
        { title: t('returnable'), dataIndex: 'returnableQty', align: 'right' },
        {
          title: t('returnQty'),
          key: 'qty',
          render: (_, p) => (
            <InputNumber<number>
              id={`return-in-pick-${p.pickId}`}
              min={0}
              max={p.returnableQty}
              precision={0}
              size="small"
              disabled={p.returnableQty === 0}
              value={value?.[p.pickId] ?? null}
              onChange={(v) => onChange?.({ ...value, [p.pickId]: v })}
            />
          ),
        },
      ]}
    />
  );
}

/** 退回入库: unused goods of a signed allocation back into their original batches. */
export function ReturnInForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const run = useSubmit();
  const [allocationNo, setAllocationNo] = useState<number | null>(null);
  const [allocation, setAllocation] = useState<ReturnableAllocation | null>(null);
  const lookUp = async () => {
    if (!allocationNo) return;
    setAllocation((await run(() => stockOpsApi.returnable(allocationNo), { success: false })) ?? null);
  };
  const close = () => {
    setAllocation(null);
    setAllocationNo(null);
    onClose();
  };
  return (
    <MutationForm<InValues>
      title={t('returnIn')}
      open={open}
      onClose={close}
      width={760}
      submit={(v) => {
        const lines = Object.entries(v.quantities ?? {})
          .filter(([, q]) => q)
          .map(([pickId, quantity]) => ({ pickId: Number(pickId), quantity: quantity! }));
        if (!allocation || !lines.length) return Promise.reject(new Error(t('nothingToReturn')));
        return stockOpsApi.returnIn({
          allocationId: allocation.allocationId,
          lines,
          reason: v.reason.trim(),
          ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        });
      }}
      invalidate={[STOCK_OPS_KEY]}
      successText={t('returnInDone')}
      submitId="return-in-submit"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('returnInHint')} />
      <Form.Item label={t('allocationId')}>
        <Space.Compact>
          <InputNumber<number>
            id="return-in-allocation"
            min={1}
            precision={0}
            value={allocationNo}
            onChange={(v) => setAllocationNo(v)}
            onPressEnter={() => void lookUp()}
          />
          <Button id="return-in-lookup" onClick={() => void lookUp()}>
            {t('load')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {allocation && (
        <Form.Item name="quantities" label={t('returnQty')}>
          <PicksField allocation={allocation} />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('reason')}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('reason') }) },
          zodRule(inShape.reason),
        ]}
      >
        <Input id="return-in-reason" />
      </Form.Item>
      <ProFormTextArea name="note" label={t('explain')} rules={[zodRule(inShape.note)]} />
    </MutationForm>
  );
}
