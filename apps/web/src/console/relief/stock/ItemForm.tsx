import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ProFormDependency } from '@ant-design/pro-components';
import {
  createReliefItemSchema,
  parseYuan,
  RELIEF_ITEM_CATEGORIES,
  RELIEF_ITEM_CATEGORY_LABELS,
  RELIEF_KIT_MAX_COMPONENTS,
  RELIEF_VALUATION_LABELS,
  RELIEF_VALUATIONS,
  type ReliefItem,
  type ReliefItemCategory,
  type ReliefValuation,
} from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { useMe } from '../../auth/index.ts';
import { OrgFormItem } from '../../orgs/index.ts';
import { ITEMS_KEY, reliefStockApi } from './api.ts';
import { reliefStockDict } from './dict.ts';
import { fenToYuanText, yuanRule } from './money.ts';
import { ItemPicker } from './pickers.tsx';

type Values = {
  orgId: number;
  code: string;
  name: string;
  spec?: string;
  unit: string;
  category: ReliefItemCategory;
  isKit: boolean;
  valuation: ReliefValuation;
  /** Yuan as typed; named as the contract's field so the server's errors for it land here. */
  standardValueFen?: string;
  shelfLifeMonths?: number | null;
  components?: { itemId?: number; quantity?: number }[];
};
const shape = createReliefItemSchema.shape;

function Components({ orgId }: { orgId?: number }) {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  return (
    <Form.List
      name="components"
      rules={[
        {
          validator: async (_r, v: unknown[] | undefined) => {
            if (!v?.length) throw new Error(tc('required', { field: t('components') }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map(({ key, name }) => (
            <Space key={key} align="start" style={{ display: 'flex' }} data-component={name}>
              <Form.Item
                name={[name, 'itemId']}
                rules={[{ required: true, message: t('chooseItem') }]}
                style={{ width: 320 }}
              >
                <ItemPicker id={`components_${name}_itemId`} orgId={orgId} />
              </Form.Item>
              <Form.Item
                name={[name, 'quantity']}
                rules={[{ required: true, message: tc('required', { field: t('quantity') }) }]}
              >
                <InputNumber<number> id={`components_${name}_quantity`} min={1} max={10_000} precision={0} />
              </Form.Item>
              <Button
                type="text"
                danger
                aria-label={t('removeLine')}
                icon={<DeleteOutlined />}
                onClick={() => remove(name)}
              />
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            icon={<PlusOutlined />}
            disabled={fields.length >= RELIEF_KIT_MAX_COMPONENTS}
            onClick={() => add({ quantity: 1 })}
          >
            {t('addComponent')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * 新增 / 编辑物资: an item or a kit with what it contains. A kit's components come from the catalogue
 * its society may stock; the server refuses a kit that would contain itself, under the component.
 */
export function ItemForm({
  item,
  open,
  onClose,
}: {
  item: ReliefItem | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const { data: me } = useMe();
  const req = (field: string) => [{ required: true, whitespace: true, message: tc('required', { field }) }];
  const locked = item?.inUse ?? false;
  return (
    <MutationForm<Values>
      kind="drawer"
      width={720}
      title={item ? t('editItem', { code: item.code }) : t('newItem')}
      open={open}
      onClose={onClose}
      submitId="relief-item-save"
      invalidate={[ITEMS_KEY]}
      initialValues={
        item
          ? {
              ...item,
              spec: item.spec ?? undefined,
              standardValueFen: fenToYuanText(item.standardValueFen),
              components: item.components.map((c) => ({ itemId: c.itemId, quantity: c.quantity })),
            }
          : { orgId: me?.orgId, isKit: false, valuation: 'stated', category: 'other' }
      }
      submit={(v) => {
        const common = {
          name: v.name.trim(),
          spec: v.spec?.trim() || null,
          unit: v.unit.trim(),
          category: v.category,
          valuation: v.valuation,
          standardValueFen: v.standardValueFen ? parseYuan(v.standardValueFen) : null,
          shelfLifeMonths: v.shelfLifeMonths ?? null,
        };
        const components = (v.components ?? []).map((c) => ({ itemId: c.itemId!, quantity: c.quantity! }));
        if (item) {
          const { name, spec, unit, ...rest } = common;
          return reliefStockApi.updateItem(item.id, {
            ...rest,
            ...(locked ? {} : { name, spec, unit }),
            ...(item.isKit ? { components } : {}),
          });
        }
        return reliefStockApi.createItem({
          ...common,
          orgId: v.orgId,
          code: v.code.trim(),
          isKit: v.isKit,
          components: v.isKit ? components : [],
        });
      }}
    >
      {locked && <Typography.Paragraph type="secondary">{t('inUseHint')}</Typography.Paragraph>}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <OrgFormItem label={t('org')} disabled={!!item} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="code" label={t('code')} rules={[...req(t('code')), zodRule(shape.code)]}>
            <Input id="code" maxLength={30} disabled={!!item} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('name')} rules={[...req(t('name')), zodRule(shape.name)]}>
            <Input id="name" maxLength={100} disabled={locked} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="spec" label={t('spec')} rules={[zodRule(shape.spec)]}>
            <Input id="spec" maxLength={100} disabled={locked} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="unit" label={t('unit')} rules={[...req(t('unit')), zodRule(shape.unit)]}>
            <Input id="unit" maxLength={10} placeholder={t('unitHint')} disabled={locked} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
            <Select
              id="category"
              options={RELIEF_ITEM_CATEGORIES.map((c) => ({
                value: c,
                label: label(RELIEF_ITEM_CATEGORY_LABELS[c]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="shelfLifeMonths" label={t('shelfLife')} extra={t('shelfLifeHint')}>
            <InputNumber<number>
              id="shelfLifeMonths"
              min={1}
              max={600}
              precision={0}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="valuation" label={t('valuation')} rules={[{ required: true }]}>
            <Radio.Group
              id="valuation"
              options={RELIEF_VALUATIONS.map((v) => ({ value: v, label: label(RELIEF_VALUATION_LABELS[v]) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <ProFormDependency name={['valuation']}>
            {({ valuation }: { valuation?: ReliefValuation }) => (
              <Form.Item
                name="standardValueFen"
                label={t('standardValue')}
                rules={[
                  ...(valuation === 'standard' ? req(t('standardValue')) : []),
                  yuanRule(t('amountFormat')),
                ]}
              >
                <Input id="standardValueFen" prefix="¥" inputMode="decimal" autoComplete="off" />
              </Form.Item>
            )}
          </ProFormDependency>
        </Col>
        <Col xs={24}>
          <Form.Item name="isKit" label={t('kind')}>
            <Radio.Group
              id="isKit"
              disabled={!!item}
              options={[
                { value: false, label: t('kindItem') },
                { value: true, label: t('kindKit') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <ProFormDependency name={['isKit', 'orgId']}>
        {({ isKit, orgId }: { isKit?: boolean; orgId?: number }) =>
          isKit ? (
            <>
              <Typography.Title level={5}>{t('components')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('componentsHint')}</Typography.Paragraph>
              <Components orgId={orgId} />
            </>
          ) : null
        }
      </ProFormDependency>
    </MutationForm>
  );
}
