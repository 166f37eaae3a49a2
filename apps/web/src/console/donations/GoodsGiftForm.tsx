import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ProFormDependency } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createGoodsGiftSchema,
  formatFen,
  GOODS_MAX_LINES,
  goodsItemInputSchema,
  parseYuan,
  VALUATION_BASES,
  VALUATION_BASIS_LABELS,
  type CreateGoodsGiftInput,
  type GiftDetail,
  type ValuationBasis,
} from '@boai/contracts';
import { zodRule } from '../../lib/forms.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { TIME_ZONE } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { APPEALS_KEY, GIFTS_KEY } from './api.ts';
import { donationsDict } from './dict.ts';
import { goodsApi } from './goodsApi.ts';
import { goodsDict } from './goodsDict.ts';
import { yuanRule } from './money.ts';
import { AppealDesignationField, DonorSelect, GiftOrgField } from './pickers.tsx';

type Line = {
  name?: string;
  spec?: string;
  unit?: string;
  quantity?: number | null;
  /** Yuan as typed; named as the contract's field so the server's errors for it land here. */
  unitValueFen?: string;
  valuationBasis?: ValuationBasis;
  batchNo?: string;
  expiresOn?: Dayjs | null;
};
type Values = {
  orgId: number;
  donorId: number;
  receivedOn: Dayjs;
  appealId?: number;
  purpose?: string;
  note?: string;
  items: Line[];
};

const today = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
const day = (d: Dayjs) => dayjs(d).format('YYYY-MM-DD');
const blank = (s: string | undefined) => s?.trim() || null;
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/** A line's value in fen while it is being typed, or null until quantity and unit value are both valid. */
function lineFen(line: Line | undefined): bigint | null {
  if (!line?.unitValueFen || !Number.isInteger(line.quantity) || (line.quantity ?? 0) <= 0) return null;
  try {
    return BigInt(parseYuan(line.unitValueFen)) * BigInt(line.quantity!);
  } catch {
    return null;
  }
}

const toInput = (v: Values): CreateGoodsGiftInput => ({
  orgId: v.orgId,
  donorId: v.donorId,
  receivedOn: day(v.receivedOn),
  appealId: v.appealId ?? null,
  purpose: blank(v.purpose),
  note: blank(v.note),
  items: v.items.map((l) => ({
    name: l.name!.trim(),
    spec: blank(l.spec),
    unit: l.unit!.trim(),
    quantity: l.quantity!,
    unitValueFen: parseYuan(l.unitValueFen!),
    valuationBasis: l.valuationBasis!,
    batchNo: blank(l.batchNo),
    expiresOn: l.expiresOn ? day(l.expiresOn) : null,
  })),
});

function LineValue({ index }: { index: number }) {
  const line = Form.useWatch<Line | undefined>(['items', index], Form.useFormInstance());
  const fen = lineFen(line);
  return (
    <Typography.Text strong data-line-value={index} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {fen === null || fen > MAX_FEN ? '—' : formatFen(Number(fen), { symbol: true })}
    </Typography.Text>
  );
}

/** 估值合计 of every line, recomputed on each keystroke, exactly (BigInt fen, never float yuan). */
function ValuationTotal() {
  const t = useT(goodsDict);
  const lines = Form.useWatch<Line[] | undefined>('items', Form.useFormInstance()) ?? [];
  const total = lines.reduce((s, l) => s + (lineFen(l) ?? 0n), 0n);
  return total > MAX_FEN ? (
    <Typography.Text type="danger">{t('totalTooLarge')}</Typography.Text>
  ) : (
    <Typography.Text id="goods-total" strong style={{ fontSize: 16 }}>
      {t('total', { amount: formatFen(Number(total), { symbol: true }), count: lines.length })}
    </Typography.Text>
  );
}

function ItemLines() {
  const t = useT(goodsDict);
  const td = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const shape = goodsItemInputSchema.shape;
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: tc('required', { field }),
  });
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: async (_r, lines: Line[] | undefined) => {
            if (!lines?.length) throw new Error(tc('required', { field: t('items') }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              data-line={name}
              title={t('lineTitle', { n: name + 1 })}
              style={{ marginBottom: 12 }}
              extra={
                <>
                  <LineValue index={name} />
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      danger
                      aria-label={t('removeLine')}
                      title={t('removeLine')}
                      icon={<DeleteOutlined />}
                      onClick={() => remove(name)}
                    />
                  )}
                </>
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[name, 'name']}
                    label={t('itemName')}
                    rules={[required(t('itemName')), zodRule(shape.name)]}
                  >
                    <Input id={`items_${name}_name`} maxLength={100} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[name, 'spec']} label={t('spec')} rules={[zodRule(shape.spec)]}>
                    <Input id={`items_${name}_spec`} maxLength={100} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={8} md={6}>
                  <Form.Item
                    name={[name, 'unit']}
                    label={t('unit')}
                    rules={[required(t('unit')), zodRule(shape.unit)]}
                  >
                    <Input id={`items_${name}_unit`} maxLength={10} placeholder={t('unitHint')} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={4}>
                  <Form.Item
                    name={[name, 'quantity']}
                    label={t('quantity')}
                    rules={[
                      { required: true, message: tc('required', { field: t('quantity') }) },
                      {
                        validator: async (_r, v: unknown) => {
                          if (v !== null && v !== undefined && !shape.quantity.safeParse(v).success)
                            throw new Error(t('quantityInteger'));
                        },
                      },
                    ]}
                  >
                    <InputNumber<number>
                      id={`items_${name}_quantity`}
                      min={1}
                      precision={0}
                      inputMode="numeric"
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[name, 'unitValueFen']}
                    label={t('unitValue')}
                    rules={[required(t('unitValue')), yuanRule(td)]}
                  >
                    <Input id={`items_${name}_unitValue`} prefix="¥" inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[name, 'valuationBasis']}
                    label={t('basis')}
                    rules={[{ required: true, message: tc('select', { field: t('basis') }) }]}
                  >
                    <Select
                      id={`items_${name}_basis`}
                      options={VALUATION_BASES.map((b) => ({
                        value: b,
                        label: label(VALUATION_BASIS_LABELS[b]),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[name, 'batchNo']} label={t('batchNo')} rules={[zodRule(shape.batchNo)]}>
                    <Input id={`items_${name}_batchNo`} maxLength={50} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[name, 'expiresOn']}
                    label={t('expiresOn')}
                    dependencies={['receivedOn']}
                    rules={[
                      ({ getFieldValue }) => ({
                        validator: async (_r, v: Dayjs | null | undefined) => {
                          const received = getFieldValue('receivedOn') as Dayjs | undefined;
                          if (v && received && day(v) < day(received)) throw new Error(t('expired'));
                        },
                      }),
                    ]}
                  >
                    <DatePicker id={`items_${name}_expiresOn`} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <div
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 12,
              justifyContent: 'space-between',
              alignItems: 'center',
              marginBottom: 16,
            }}
          >
            <Button
              id="goods-add-line"
              icon={<PlusOutlined />}
              disabled={fields.length >= GOODS_MAX_LINES}
              title={fields.length >= GOODS_MAX_LINES ? t('maxLines', { n: GOODS_MAX_LINES }) : undefined}
              onClick={() => add({ valuationBasis: 'invoice' })}
            >
              {t('addLine')}
            </Button>
            <ValuationTotal />
          </div>
        </>
      )}
    </Form.List>
  );
}

/** 登记物资捐赠: who gave what, line by line with its valuation; the receipt is issued at once. */
export function CreateGoodsGiftForm({
  open,
  onClose,
  defaultOrgId,
  onRecorded,
}: {
  open: boolean;
  onClose: () => void;
  defaultOrgId?: number;
  onRecorded: (gift: GiftDetail) => void;
}) {
  const t = useT(goodsDict);
  const td = useT(donationsDict);
  const tc = useT(commonDict);
  return (
    <MutationForm<Values>
      kind="drawer"
      width={880}
      title={t('create')}
      open={open}
      onClose={onClose}
      initialValues={{
        orgId: defaultOrgId,
        receivedOn: dayjs(today()),
        items: [{ valuationBasis: 'invoice' }],
      }}
      submit={(v) => goodsApi.create(toInput(v))}
      invalidate={[GIFTS_KEY, APPEALS_KEY]}
      successText={td('registered')}
      onSuccess={(gift) => onRecorded(gift as GiftDetail)}
      submitId="goods-form-submit"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="orgId"
            label={td('receivingOrg')}
            rules={[{ required: true, message: tc('select', { field: td('receivingOrg') }) }]}
          >
            <GiftOrgField />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <ProFormDependency name={['orgId']}>
            {({ orgId }: { orgId?: number }) => (
              <Form.Item
                name="donorId"
                label={td('donor')}
                rules={[{ required: true, message: tc('select', { field: td('donor') }) }]}
              >
                <DonorSelect id="donorId" orgId={orgId} key={orgId} />
              </Form.Item>
            )}
          </ProFormDependency>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="receivedOn"
            label={t('receivedOn')}
            rules={[
              { required: true, message: tc('select', { field: t('receivedOn') }) },
              {
                validator: async (_r, v: Dayjs | null | undefined) => {
                  if (v && day(v) > today()) throw new Error(td('futureDate'));
                },
              },
            ]}
          >
            <DatePicker
              id="receivedOn"
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today()}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <AppealDesignationField />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="purpose"
            label={td('purpose')}
            rules={[zodRule(createGoodsGiftSchema.shape.purpose)]}
          >
            <Input id="purpose" maxLength={200} placeholder={td('purposeHint')} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="note" label={t('note')} rules={[zodRule(createGoodsGiftSchema.shape.note)]}>
            <Input id="note" maxLength={500} placeholder={t('noteHint')} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('items')}
      </Typography.Title>
      <ItemLines />
    </MutationForm>
  );
}
