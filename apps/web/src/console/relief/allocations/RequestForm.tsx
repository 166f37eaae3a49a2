import { Alert, Button, Form, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ProFormDependency, ProFormText } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  ALLOCATION_DESTINATION_LABELS,
  ALLOCATION_DESTINATIONS,
  ALLOCATION_MAX_LINES,
  allocationLineInputSchema,
  createAllocationSchema,
  type AllocationDestination,
  type AllocationDetail,
  type CreateAllocationInput,
  type FreeStockItem,
} from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { ALLOCATIONS_KEY, allocationsApi, RELIEF_KEY } from './api.ts';
import { allocationsDict } from './dict.ts';

type Line = { itemId?: number; quantity?: number; batchId?: number };
type Values = {
  fromWarehouseId?: number;
  destination: AllocationDestination;
  toWarehouseId?: number;
  toOrgId?: number;
  eventId?: number;
  aidBatchRef?: string;
  purpose: string;
  lines: Line[];
};

const shape = createAllocationSchema.shape;
const lineShape = allocationLineInputSchema.shape;

const toInput = (v: Values): CreateAllocationInput => ({
  fromWarehouseId: v.fromWarehouseId!,
  destination: v.destination,
  toWarehouseId: v.destination === 'warehouse' ? v.toWarehouseId : null,
  toOrgId: v.destination === 'org' || v.destination === 'aid' ? (v.toOrgId ?? null) : null,
  eventId: v.eventId ?? null,
  aidBatchRef: v.destination === 'aid' ? v.aidBatchRef?.trim() : null,
  purpose: v.purpose.trim(),
  lines: v.lines.map((l) => ({ itemId: l.itemId!, quantity: l.quantity!, batchId: l.batchId ?? null })),
});

function useStock(warehouseId?: number) {
  return useQuery({
    queryKey: [...ALLOCATIONS_KEY, 'free-stock', warehouseId],
    queryFn: () => allocationsApi.freeStock(warehouseId!),
    enabled: warehouseId !== undefined,
  });
}

/** What a line may take: the item's free stock, or the named batch's. */
const freeFor = (items: FreeStockItem[], line?: Line) => {
  const item = items.find((i) => i.itemId === line?.itemId);
  if (!item) return undefined;
  const batch = item.batches.find((b) => b.id === line?.batchId);
  return { free: batch ? batch.free : item.free, unit: item.unit };
};

/** The goods lines: item (with its free stock), quantity (checked against it as typed), optional batch. */
function Lines({ warehouseId }: { warehouseId?: number }) {
  const t = useT(allocationsDict);
  const tc = useT(commonDict);
  const { data } = useStock(warehouseId);
  const items = data?.items ?? [];
  const form = Form.useFormInstance<Values>();
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <ProFormDependency key={f.key} name={[['lines', f.name]]}>
              {(values: { lines?: Line[] }) => {
                const line = values.lines?.[f.name];
                const item = items.find((x) => x.itemId === line?.itemId);
                const limit = freeFor(items, line);
                return (
                  <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0' }}>
                    <Space align="start" wrap style={{ width: '100%' }}>
                      <Form.Item
                        name={[f.name, 'itemId']}
                        rules={[{ required: true, message: tc('select', { field: t('item') }) }]}
                        style={{ minWidth: 240 }}
                      >
                        <Select<number>
                          id={`allocation-line-${i}-item`}
                          placeholder={warehouseId ? t('item') : t('chooseSource')}
                          disabled={!warehouseId}
                          showSearch
                          optionFilterProp="label"
                          onChange={() => form.setFieldValue(['lines', f.name, 'batchId'], undefined)}
                          options={items.map((x) => ({
                            value: x.itemId,
                            label: `${x.name}${x.spec ? ` ${x.spec}` : ''}（${t('free', { free: x.free, unit: x.unit })}）`,
                            disabled: x.free <= 0,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'quantity']}
                        dependencies={[
                          ['lines', f.name, 'itemId'],
                          ['lines', f.name, 'batchId'],
                        ]}
                        extra={limit ? t('free', limit) : undefined}
                        rules={[
                          { required: true, message: tc('required', { field: t('quantity') }) },
                          zodRule(lineShape.quantity),
                          {
                            validator: async (_r, v: number | undefined) => {
                              if (limit && v && v > limit.free)
                                throw new Error(t('overFree', { free: limit.free }));
                            },
                          },
                        ]}
                      >
                        <InputNumber
                          id={`allocation-line-${i}-qty`}
                          min={1}
                          precision={0}
                          placeholder={t('quantity')}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'batchId']} style={{ minWidth: 220 }}>
                        <Select<number>
                          id={`allocation-line-${i}-batch`}
                          allowClear
                          placeholder={t('batchAuto')}
                          disabled={!item}
                          onChange={() => void form.validateFields([['lines', f.name, 'quantity']])}
                          options={(item?.batches ?? []).map((b) => ({
                            value: b.id,
                            label: `${b.code}${b.expiresOn ? ` · ${b.expiresOn}` : ''} · ${t('free', { free: b.free, unit: item!.unit })}${b.designation ? ` · ${t('designated')}：${b.designation}` : ''}`,
                            disabled: b.free <= 0,
                          }))}
                        />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                      )}
                    </Space>
                    {item?.batches.some((b) => b.designation) && (
                      <div style={{ marginBottom: 8 }}>
                        {item.batches
                          .filter((b) => b.designation)
                          .map((b) => (
                            <Tag key={b.id} color="red">
                              {b.code} {t('designated')}：{b.designation}
                            </Tag>
                          ))}
                      </div>
                    )}
                  </div>
                );
              }}
            </ProFormDependency>
          ))}
          {fields.length < ALLOCATION_MAX_LINES && (
            <Button
              id="allocation-add-line"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              disabled={!warehouseId}
            >
              {t('addLine')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}

/** Where the goods go: a warehouse, an event, a society or an aid batch — as offered from this warehouse. */
function DestinationFields({
  warehouseId,
  destination,
}: {
  warehouseId?: number;
  destination: AllocationDestination;
}) {
  const t = useT(allocationsDict);
  const tc = useT(commonDict);
  const { data } = useQuery({
    queryKey: [...ALLOCATIONS_KEY, 'destinations', warehouseId],
    queryFn: () => allocationsApi.destinations(warehouseId!),
    enabled: warehouseId !== undefined,
  });
  const orgOptions = (data?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }));
  const eventOptions = (data?.events ?? []).map((e) => ({ value: e.id, label: e.name }));
  return (
    <>
      {destination === 'warehouse' && (
        <Form.Item
          name="toWarehouseId"
          label={t('toWarehouse')}
          rules={[{ required: true, message: tc('select', { field: t('toWarehouse') }) }]}
        >
          <Select<number>
            id="allocation-to-warehouse"
            showSearch
            optionFilterProp="label"
            disabled={!warehouseId}
            options={(data?.warehouses ?? []).map((w) => ({
              value: w.id,
              label: `${w.name}（${w.orgName}）`,
            }))}
          />
        </Form.Item>
      )}
      {(destination === 'org' || destination === 'aid') && (
        <Form.Item
          name="toOrgId"
          label={destination === 'org' ? t('toOrg') : t('aidOrg')}
          rules={
            destination === 'org' ? [{ required: true, message: tc('select', { field: t('toOrg') }) }] : []
          }
        >
          <Select<number>
            id="allocation-to-org"
            showSearch
            optionFilterProp="label"
            allowClear
            options={orgOptions}
          />
        </Form.Item>
      )}
      {destination === 'aid' && (
        <ProFormText
          name="aidBatchRef"
          label={t('aidBatchRef')}
          fieldProps={{ id: 'allocation-aid-ref', maxLength: 50, autoComplete: 'off' }}
          rules={[
            { required: true, whitespace: true, message: tc('required', { field: t('aidBatchRef') }) },
            zodRule(shape.aidBatchRef),
          ]}
        />
      )}
      <Form.Item
        name="eventId"
        label={t('linkEvent')}
        rules={
          destination === 'event' ? [{ required: true, message: tc('select', { field: t('event') }) }] : []
        }
      >
        <Select<number>
          id="allocation-event"
          allowClear
          showSearch
          optionFilterProp="label"
          options={eventOptions}
        />
      </Form.Item>
    </>
  );
}

/** 申请调拨: the stock is reserved at once, earliest expiry first, or the whole request is refused. */
export function RequestForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (a: AllocationDetail) => void;
}) {
  const t = useT(allocationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const { data: sources } = useQuery({
    queryKey: [...ALLOCATIONS_KEY, 'sources'],
    queryFn: () => allocationsApi.sources(),
    enabled: open,
  });
  return (
    <MutationForm<Values>
      kind="drawer"
      title={t('create')}
      open={open}
      onClose={onClose}
      width={720}
      initialValues={{ destination: 'warehouse', lines: [{}] }}
      submit={(v) => allocationsApi.request(toInput(v))}
      onSuccess={(a) => onCreated(a as AllocationDetail)}
      invalidate={[RELIEF_KEY]}
      successText={t('requestedOk')}
      submitId="allocation-request-submit"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('reserveNote')} />
      <Form.Item
        name="fromWarehouseId"
        label={t('source')}
        extra={t('sourceHint')}
        rules={[{ required: true, message: tc('select', { field: t('source') }) }]}
      >
        <SourceSelect sources={sources?.items ?? []} />
      </Form.Item>
      <Form.Item name="destination" label={t('destination')}>
        <Radio.Group
          id="allocation-destination"
          optionType="button"
          options={ALLOCATION_DESTINATIONS.map((d) => ({
            value: d,
            label: label(ALLOCATION_DESTINATION_LABELS[d]),
          }))}
        />
      </Form.Item>
      <ProFormDependency name={['fromWarehouseId', 'destination']}>
        {({ fromWarehouseId, destination }: Partial<Pick<Values, 'fromWarehouseId' | 'destination'>>) => (
          <DestinationFields warehouseId={fromWarehouseId} destination={destination ?? 'warehouse'} />
        )}
      </ProFormDependency>
      <ProFormText
        name="purpose"
        label={t('purpose')}
        fieldProps={{ id: 'allocation-purpose', maxLength: 200, autoComplete: 'off' }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('purpose') }) },
          zodRule(shape.purpose),
        ]}
      />
      <Typography.Title level={5}>{t('lines')}</Typography.Title>
      <ProFormDependency name={['fromWarehouseId']}>
        {({ fromWarehouseId }: Pick<Values, 'fromWarehouseId'>) => <Lines warehouseId={fromWarehouseId} />}
      </ProFormDependency>
    </MutationForm>
  );
}

/** The source warehouse; choosing another starts the goods and destination over (they depend on it). */
function SourceSelect({
  sources,
  value,
  onChange,
}: {
  sources: { id: number; name: string; orgName: string; own: boolean }[];
  value?: number;
  onChange?: (v: number) => void;
}) {
  const form = Form.useFormInstance<Values>();
  return (
    <Select<number>
      id="allocation-source"
      value={value}
      showSearch
      optionFilterProp="label"
      onChange={(v) => {
        if (v !== value)
          form.setFieldsValue({
            lines: [{}],
            toWarehouseId: undefined,
            toOrgId: undefined,
            eventId: undefined,
          });
        onChange?.(v);
      }}
      options={sources.map((s) => ({ value: s.id, label: `${s.name}（${s.orgName}）${s.own ? '' : ' ↑'}` }))}
    />
  );
}
