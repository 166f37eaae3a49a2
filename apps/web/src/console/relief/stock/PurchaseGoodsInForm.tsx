import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { createPurchaseGoodsInSchema, GOODS_MAX_LINES, parseYuan, type GoodsInDetail } from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n.tsx';
import { TIME_ZONE } from '../../../lib/time.ts';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { RELIEF_STOCK_KEY, reliefStockApi } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { yuanRule } from './money.ts';
import { ItemPicker, LocationPicker, useWarehouses, WarehousePicker } from './pickers.tsx';

type Line = {
  itemId?: number;
  quantity?: number | null;
  /** Yuan as typed; named as the contract's field so the server's errors for it land here. */
  unitPriceFen?: string;
  lotNo?: string;
  expiresOn?: Dayjs | null;
  locationId?: number;
};
type Values = {
  warehouseId?: number;
  supplier?: string;
  purchaseRef?: string;
  receivedOn: Dayjs;
  inspector?: string;
  note?: string;
  lines: Line[];
};
const today = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
const day = (d: Dayjs) => dayjs(d).format('YYYY-MM-DD');
const blank = (s: string | undefined) => s?.trim() || null;
const shape = createPurchaseGoodsInSchema.shape;

function PurchaseLines() {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const form = Form.useFormInstance<Values>();
  const warehouseId = Form.useWatch('warehouseId', form);
  const orgId = useWarehouses().data?.items.find((w) => w.id === warehouseId)?.orgId;
  const receivedOn = Form.useWatch('receivedOn', form);
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              data-line={name}
              style={{ marginBottom: 12 }}
              extra={
                fields.length > 1 && (
                  <Button
                    type="text"
                    danger
                    aria-label={t('removeLine')}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(name)}
                  />
                )
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={10}>
                  <Form.Item
                    name={[name, 'itemId']}
                    label={t('item')}
                    rules={[{ required: true, message: t('chooseItem') }]}
                  >
                    <ItemPicker id={`lines_${name}_itemId`} orgId={orgId} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item
                    name={[name, 'quantity']}
                    label={t('quantity')}
                    rules={[{ required: true, message: tc('required', { field: t('quantity') }) }]}
                  >
                    <InputNumber<number>
                      id={`lines_${name}_quantity`}
                      min={1}
                      precision={0}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item
                    name={[name, 'unitPriceFen']}
                    label={t('unitPrice')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: tc('required', { field: t('unitPrice') }),
                      },
                      yuanRule(t('amountFormat')),
                    ]}
                  >
                    <Input id={`lines_${name}_unitPrice`} prefix="¥" inputMode="decimal" autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[name, 'lotNo']} label={t('lot')}>
                    <Input id={`lines_${name}_lotNo`} maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item
                    name={[name, 'expiresOn']}
                    label={t('expiresOn')}
                    extra={t('expiryHint')}
                    rules={[
                      {
                        validator: async (_r, v: Dayjs | null | undefined) => {
                          if (v && receivedOn && day(v) < day(receivedOn)) throw new Error(t('lotExpired'));
                        },
                      },
                    ]}
                  >
                    <DatePicker id={`lines_${name}_expiresOn`} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={[name, 'locationId']} label={t('location')}>
                    <LocationPicker id={`lines_${name}_locationId`} warehouseId={warehouseId} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} disabled={fields.length >= GOODS_MAX_LINES} onClick={() => add({})}>
            {t('addLine')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 采购入库: goods bought from a supplier, each line one labelled batch at its price. */
export function PurchaseGoodsInForm({
  open,
  onClose,
  onReceived,
}: {
  open: boolean;
  onClose: () => void;
  onReceived: (note: GoodsInDetail) => void;
}) {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const req = (field: string) => [{ required: true, whitespace: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      kind="drawer"
      width={900}
      title={t('newPurchaseIn')}
      open={open}
      onClose={onClose}
      submitId="goods-in-purchase-submit"
      invalidate={[RELIEF_STOCK_KEY]}
      initialValues={{ receivedOn: dayjs(today()), lines: [{}] }}
      submit={(v) =>
        reliefStockApi.receivePurchase({
          warehouseId: v.warehouseId!,
          supplier: v.supplier!.trim(),
          purchaseRef: blank(v.purchaseRef),
          receivedOn: day(v.receivedOn),
          inspector: v.inspector!.trim(),
          note: blank(v.note),
          lines: v.lines.map((l) => ({
            itemId: l.itemId!,
            quantity: l.quantity!,
            unitPriceFen: parseYuan(l.unitPriceFen!),
            lotNo: blank(l.lotNo),
            expiresOn: l.expiresOn ? day(l.expiresOn) : null,
            locationId: l.locationId ?? null,
          })),
        })
      }
      onSuccess={(note) => onReceived(note as GoodsInDetail)}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="warehouseId"
            label={t('warehouse')}
            rules={[{ required: true, message: t('chooseWarehouse') }]}
          >
            <WarehousePicker id="warehouseId" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="supplier"
            label={t('supplier')}
            rules={[...req(t('supplier')), zodRule(shape.supplier)]}
          >
            <Input id="supplier" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="purchaseRef" label={t('purchaseRef')} rules={[zodRule(shape.purchaseRef)]}>
            <Input id="purchaseRef" maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="receivedOn" label={t('receivedOn')} rules={[{ required: true }]}>
            <DatePicker
              id="receivedOn"
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today()}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="inspector" label={t('inspector')} rules={req(t('inspector'))}>
            <Input id="inspector" maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="note" label={t('note')}>
            <Input id="note" maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <PurchaseLines />
    </MutationForm>
  );
}
