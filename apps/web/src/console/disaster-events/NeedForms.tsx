import { Form, Input, InputNumber, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import {
  createDisasterNeedSchema,
  type DisasterEvent,
  type DisasterNeed,
  type ReliefItem,
} from '@boai/contracts';
import { api } from '../../lib/api.ts';
import { zodRule } from '../../lib/forms.ts';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { EVENTS_KEY, eventApi } from './api.ts';
import { eventDict } from './dict.ts';

type NeedValues = { itemId?: number; name?: string; unit?: string; quantity: number; note?: string };
const field = createDisasterNeedSchema.shape;

/** Catalogue items the event's society may use (its own and those of the societies above it). */
function useUsableItems(orgId: number | undefined) {
  return useQuery({
    queryKey: ['relief-items', 'usable', orgId],
    queryFn: () =>
      api.get<{ items: ReliefItem[] }>('/api/relief/items', { usableBy: orgId, active: true, pageSize: 200 }),
    enabled: orgId !== undefined,
    retry: false,
  });
}

/**
 * 添加 / 修改需求. A new line is a catalogue item (name and unit are the catalogue's) or a free name
 * and unit; an existing line changes only its quantity and note.
 */
export function NeedForm({
  event,
  need,
  open,
  onClose,
}: {
  event: DisasterEvent;
  need: DisasterNeed | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(eventDict);
  const tc = useT(commonDict);
  const items = useUsableItems(open && !need ? event.orgId : undefined);
  return (
    <MutationForm<NeedValues>
      title={need ? `${t('editNeed')} · ${need.name}` : t('addNeed')}
      open={open}
      onClose={onClose}
      submitId="need-save"
      invalidate={[EVENTS_KEY]}
      initialValues={need ? { quantity: need.quantity, note: need.note ?? undefined } : {}}
      submit={(v) =>
        need
          ? eventApi.updateNeed(event.id, need.id, { quantity: v.quantity, note: v.note || null })
          : eventApi.addNeed(event.id, {
              ...(v.itemId ? { itemId: v.itemId } : { name: v.name, unit: v.unit }),
              quantity: v.quantity,
              note: v.note || null,
            })
      }
    >
      {!need && (
        <>
          <Form.Item name="itemId" label={t('item')} extra={t('catalogueHint')}>
            <Select
              id="need-item"
              allowClear
              showSearch
              optionFilterProp="label"
              loading={items.isLoading}
              options={(items.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${i.name}${i.spec ? `（${i.spec}）` : ''} · ${i.unit}`,
              }))}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['itemId']}>
            {({ getFieldValue }) =>
              getFieldValue('itemId') ? null : (
                <>
                  <Form.Item
                    name="name"
                    label={t('itemName')}
                    rules={[
                      { required: true, message: tc('required', { field: t('item') }) },
                      zodRule(field.name),
                    ]}
                  >
                    <Input id="need-name" maxLength={60} />
                  </Form.Item>
                  <Form.Item
                    name="unit"
                    label={t('unit')}
                    rules={[
                      { required: true, message: tc('required', { field: t('unit') }) },
                      zodRule(field.unit),
                    ]}
                  >
                    <Input id="need-unit" maxLength={10} style={{ width: 120 }} />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
        </>
      )}
      <Form.Item
        name="quantity"
        label={t('quantity')}
        rules={[
          { required: true, message: tc('required', { field: t('quantity') }) },
          zodRule(field.quantity),
        ]}
      >
        <InputNumber id="need-quantity" min={1} precision={0} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="note" label={t('note')} rules={[zodRule(field.note)]}>
        <Input maxLength={200} />
      </Form.Item>
    </MutationForm>
  );
}

/** 关联募捐项目: appeals of the event's society or below that serve no event yet. */
export function LinkAppealForm({
  event,
  open,
  onClose,
}: {
  event: DisasterEvent;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(eventDict);
  const tc = useT(commonDict);
  const options = useQuery({
    queryKey: [...EVENTS_KEY, 'linkable', event.id],
    queryFn: () => eventApi.linkable(event.id),
    enabled: open,
  });
  return (
    <MutationForm<{ appealId: number }>
      title={t('linkAppeal')}
      open={open}
      onClose={onClose}
      submitId="appeal-link"
      invalidate={[EVENTS_KEY]}
      submit={(v) => eventApi.linkAppeal(event.id, v.appealId)}
    >
      <Form.Item
        name="appealId"
        label={t('appeal')}
        rules={[{ required: true, message: tc('select', { field: t('appeal') }) }]}
      >
        <Select
          id="appeal-pick"
          showSearch
          optionFilterProp="label"
          loading={options.isLoading}
          notFoundContent={t('noLinkable')}
          options={(options.data ?? []).map((a) => ({
            value: a.id,
            label: `${a.name} · ${a.orgName}${a.open ? '' : `（${t('closedAppeal')}）`}`,
          }))}
        />
      </Form.Item>
    </MutationForm>
  );
}
