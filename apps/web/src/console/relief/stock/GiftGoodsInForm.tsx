import { useEffect } from 'react';
import {
  Alert,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  formatFen,
  giftGoodsInLineSchema,
  type AwaitingGift,
  type CreateGiftGoodsInInput,
  type GoodsInDetail,
} from '@boai/contracts';
import { isApiError } from '../../../lib/api.ts';
import { zodRule } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n.tsx';
import { TIME_ZONE } from '../../../lib/time.ts';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { GIFTS_KEY } from '../../donations/api.ts';
import { OrgTreeSelect } from '../../orgs/index.ts';
import { GOODS_IN_KEY, RELIEF_STOCK_KEY, reliefStockApi } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { ItemPicker, LocationPicker, useUsableItems, WarehousePicker } from './pickers.tsx';

type Line = {
  include: boolean;
  giftItemId: number;
  itemId?: number;
  acceptedQty?: number | null;
  rejectedQty?: number | null;
  rejectReason?: string;
  differenceNote?: string;
  lotNo?: string;
  expiresOn?: Dayjs | null;
  locationId?: number;
};
type Values = {
  giftId?: number;
  warehouseId?: number;
  receivedOn: Dayjs;
  inspector?: string;
  note?: string;
  designatedOrgId?: number;
  lines: Line[];
};

const today = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
const day = (d: Dayjs) => dayjs(d).format('YYYY-MM-DD');
const blank = (s: string | undefined) => s?.trim() || null;
const AWAITING_KEY = [...GOODS_IN_KEY, 'awaiting'] as const;

/** The form's lines for a gift: one per gift line still expected, all of it accepted until told otherwise. */
const linesOf = (gift: AwaitingGift | undefined): Line[] =>
  (gift?.lines ?? [])
    .filter((l) => l.remainingQty > 0)
    .map((l) => ({
      include: true,
      giftItemId: l.giftItemId,
      acceptedQty: l.remainingQty,
      rejectedQty: 0,
    }));

function GiftLines({ gift, warehouseId }: { gift: AwaitingGift; warehouseId?: number }) {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const form = Form.useFormInstance<Values>();
  const lines = Form.useWatch('lines', form) ?? [];
  const byId = new Map(gift.lines.map((l) => [l.giftItemId, l]));
  const shape = giftGoodsInLineSchema.shape;
  return (
    <Form.List name="lines">
      {(fields) =>
        fields.map(({ key, name }) => {
          const value = lines[name];
          const giftLine = value ? byId.get(value.giftItemId) : undefined;
          if (!giftLine) return null;
          const on = value?.include !== false;
          const counted = (value?.acceptedQty ?? 0) + (value?.rejectedQty ?? 0);
          return (
            <Card
              key={key}
              size="small"
              data-line={name}
              style={{ marginBottom: 12, opacity: on ? 1 : 0.55 }}
              title={
                <span>
                  {giftLine.lineNo}. {giftLine.name}
                  {giftLine.spec ? `（${giftLine.spec}）` : ''}{' '}
                  <Typography.Text type="secondary">
                    {t('remaining', { n: giftLine.remainingQty, unit: giftLine.unit })} ·{' '}
                    {formatFen(giftLine.unitValueFen, { symbol: true })}/{giftLine.unit}
                  </Typography.Text>
                </span>
              }
              extra={
                <Form.Item name={[name, 'include']} valuePropName="checked" noStyle>
                  <Checkbox id={`lines_${name}_include`}>{t('include')}</Checkbox>
                </Form.Item>
              }
            >
              {on && (
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item
                      name={[name, 'itemId']}
                      label={t('catalogueItem')}
                      rules={[{ required: true, message: t('chooseItem') }]}
                    >
                      <ItemPicker id={`lines_${name}_itemId`} orgId={gift.gift.orgId} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item
                      name={[name, 'acceptedQty']}
                      label={t('accepted')}
                      rules={[{ required: true, message: tc('required', { field: t('accepted') }) }]}
                    >
                      <InputNumber<number>
                        id={`lines_${name}_acceptedQty`}
                        min={0}
                        max={giftLine.remainingQty}
                        precision={0}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[name, 'rejectedQty']} label={t('rejected')}>
                      <InputNumber<number>
                        id={`lines_${name}_rejectedQty`}
                        min={0}
                        max={giftLine.remainingQty}
                        precision={0}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={[name, 'rejectReason']}
                      label={t('rejectReason')}
                      rules={[
                        {
                          required: (value?.rejectedQty ?? 0) > 0,
                          whitespace: true,
                          message: tc('required', { field: t('rejectReason') }),
                        },
                        zodRule(shape.rejectReason),
                      ]}
                    >
                      <Input
                        id={`lines_${name}_rejectReason`}
                        maxLength={200}
                        disabled={!value?.rejectedQty}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name={[name, 'differenceNote']}
                      label={t('differenceNote')}
                      extra={t('differenceHint')}
                      rules={[
                        {
                          required: counted !== giftLine.remainingQty,
                          whitespace: true,
                          message: tc('required', { field: t('differenceNote') }),
                        },
                        zodRule(shape.differenceNote),
                      ]}
                    >
                      <Input id={`lines_${name}_differenceNote`} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[name, 'lotNo']} label={t('lot')} extra={t('lotHint')}>
                      <Input
                        id={`lines_${name}_lotNo`}
                        maxLength={50}
                        placeholder={giftLine.batchNo ?? undefined}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name={[name, 'expiresOn']} label={t('expiresOn')} extra={t('expiryHint')}>
                      <DatePicker
                        id={`lines_${name}_expiresOn`}
                        style={{ width: '100%' }}
                        placeholder={giftLine.expiresOn ?? undefined}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[name, 'locationId']} label={t('location')}>
                      <LocationPicker
                        id={`lines_${name}_locationId`}
                        warehouseId={warehouseId}
                        orgId={gift.gift.orgId}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              )}
            </Card>
          );
        })
      }
    </Form.List>
  );
}

/** The gift chosen, where it goes, and its lines to inspect. */
function GiftFields({ awaiting }: { awaiting: AwaitingGift[] }) {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const form = Form.useFormInstance<Values>();
  const giftId = Form.useWatch('giftId', form);
  const warehouseId = Form.useWatch('warehouseId', form);
  const gift = awaiting.find((g) => g.gift.id === giftId);
  const items = useUsableItems(gift?.gift.orgId);
  // A line named like a catalogue item (家庭应急包 → 家庭应急包) starts with that item chosen.
  useEffect(() => {
    if (!gift || !items.data) return;
    const byName = new Map(items.data.items.map((i) => [i.name, i.id]));
    const current = (form.getFieldValue('lines') as Line[] | undefined) ?? [];
    const next = current.map((l) => {
      const name = gift.lines.find((g) => g.giftItemId === l.giftItemId)?.name;
      return l.itemId || !name || !byName.has(name) ? l : { ...l, itemId: byName.get(name) };
    });
    if (next.some((l, i) => l !== current[i])) form.setFieldsValue({ lines: next });
  }, [gift, items.data, form]);
  const pick = (id: number | undefined) => {
    const next = awaiting.find((g) => g.gift.id === id);
    form.setFieldsValue({ warehouseId: undefined, designatedOrgId: undefined, lines: linesOf(next) });
  };
  return (
    <>
      <Form.Item name="giftId" label={t('gift')} rules={[{ required: true, message: t('chooseGift') }]}>
        <Select<number>
          id="giftId"
          showSearch
          optionFilterProp="label"
          placeholder={t('chooseGift')}
          notFoundContent={<Empty description={t('noAwaiting')} />}
          onChange={pick}
          options={awaiting.map((g) => ({
            value: g.gift.id,
            label: `${g.gift.receiptNo || `#${g.gift.id}`} · ${g.gift.donorPublicName} · ${g.gift.receivedOn} · ${g.gift.orgName}`,
          }))}
        />
      </Form.Item>
      {gift && (
        <>
          {(gift.designatedEventName || gift.gift.purpose) && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={[
                gift.designatedEventName ? t('eventDesignation', { name: gift.designatedEventName }) : null,
                gift.gift.purpose ? t('purposeDesignation', { purpose: gift.gift.purpose }) : null,
              ]
                .filter(Boolean)
                .join('；')}
            />
          )}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="warehouseId"
                label={t('warehouse')}
                rules={[{ required: true, message: t('chooseWarehouse') }]}
              >
                <WarehousePicker id="warehouseId" orgId={gift.gift.orgId} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="designatedOrgId" label={t('designatedOrg')} extra={t('designatedOrgHint')}>
                <OrgTreeSelect id="designatedOrgId" allowClear />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="receivedOn"
                label={t('receivedOn')}
                rules={[
                  { required: true, message: tc('select', { field: t('receivedOn') }) },
                  {
                    validator: async (_r, v: Dayjs | null | undefined) => {
                      if (v && day(v) > today()) throw new Error(t('futureDate'));
                    },
                  },
                ]}
              >
                <DatePicker id="receivedOn" allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="inspector"
                label={t('inspector')}
                rules={[
                  { required: true, whitespace: true, message: tc('required', { field: t('inspector') }) },
                ]}
              >
                <Input id="inspector" maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="note" label={t('note')}>
                <Input id="note" maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('lines')}</Typography.Title>
          <GiftLines gift={gift} warehouseId={warehouseId} />
        </>
      )}
    </>
  );
}

/**
 * 捐赠物资验收入库: pick a gift awaiting receipt (or arrive from the gift's page with it chosen), the
 * warehouse of its society or below, and inspect each line still expected: the catalogue item it is
 * stocked as, what was accepted and rejected (why), a difference explained. The rules are the
 * server's; its field errors land on the line they concern.
 */
export function GiftGoodsInForm({
  open,
  giftId,
  onClose,
  onReceived,
}: {
  open: boolean;
  giftId?: number;
  onClose: () => void;
  onReceived: (note: GoodsInDetail) => void;
}) {
  const t = useT(reliefStockDict);
  const { data } = useQuery({
    queryKey: [...AWAITING_KEY],
    queryFn: () => reliefStockApi.awaitingGifts(),
    enabled: open,
  });
  const awaiting = data?.items ?? [];
  const preset = awaiting.find((g) => g.gift.id === giftId);
  return (
    <MutationForm<Values>
      kind="drawer"
      width={980}
      title={t('newGiftIn')}
      open={open && data !== undefined}
      onClose={onClose}
      submitId="goods-in-gift-submit"
      invalidate={[RELIEF_STOCK_KEY, GIFTS_KEY]}
      initialValues={{ giftId: preset?.gift.id, receivedOn: dayjs(today()), lines: linesOf(preset) }}
      submit={async (v) => {
        // Only the lines ticked are sent; the server's `lines.N` names the N-th of those.
        const sent = v.lines.map((l, i) => ({ l, i })).filter(({ l }) => l.include !== false);
        const body: CreateGiftGoodsInInput = {
          giftId: v.giftId!,
          warehouseId: v.warehouseId!,
          receivedOn: day(v.receivedOn),
          inspector: v.inspector!.trim(),
          note: blank(v.note),
          designatedOrgId: v.designatedOrgId ?? null,
          lines: sent.map(({ l }) => ({
            giftItemId: l.giftItemId,
            itemId: l.itemId!,
            acceptedQty: l.acceptedQty ?? 0,
            rejectedQty: l.rejectedQty ?? 0,
            rejectReason: blank(l.rejectReason),
            differenceNote: blank(l.differenceNote),
            lotNo: blank(l.lotNo),
            expiresOn: l.expiresOn ? day(l.expiresOn) : null,
            locationId: l.locationId ?? null,
          })),
        };
        try {
          return await reliefStockApi.receiveGift(body);
        } catch (e) {
          if (isApiError(e))
            for (const f of e.fields)
              f.field = f.field.replace(
                /^((?:body\.)?lines\.)(\d+)/,
                (_m, p: string, n: string) => `${p}${sent[Number(n)]?.i ?? n}`,
              );
          throw e;
        }
      }}
      onSuccess={(note) => onReceived(note as GoodsInDetail)}
    >
      {preset && <Typography.Paragraph type="secondary">{t('fromGiftPage')}</Typography.Paragraph>}
      <GiftFields awaiting={awaiting} />
    </MutationForm>
  );
}
