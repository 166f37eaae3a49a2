import { Button, Col, Form, Input, Row, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { createWarehouseSchema, locationInputSchema, type Warehouse } from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useT } from '../../../lib/i18n.tsx';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { useMe } from '../../auth/index.ts';
import { OrgFormItem } from '../../orgs/index.ts';
import { reliefStockApi, WAREHOUSES_KEY } from './api.ts';
import { reliefStockDict } from './dict.ts';

type Location = { code?: string; name?: string };
type Values = {
  orgId: number;
  code: string;
  name: string;
  address: string;
  keeperName: string;
  locations?: Location[];
};
const shape = createWarehouseSchema.shape;
const toLocations = (ls: Location[] | undefined) =>
  (ls ?? []).map((l) => ({ code: l.code!.trim(), name: l.name?.trim() || null }));

/** Rows of 库位 (code + optional description), checked as typed with the contract's rule. */
function LocationRows() {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  return (
    <Form.List name="locations">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Space key={key} align="start" style={{ display: 'flex' }}>
              <Form.Item
                name={[name, 'code']}
                rules={[
                  { required: true, whitespace: true, message: tc('required', { field: t('locationCode') }) },
                  zodRule(locationInputSchema.shape.code),
                ]}
              >
                <Input id={`locations_${name}_code`} placeholder={t('locationCode')} maxLength={30} />
              </Form.Item>
              <Form.Item name={[name, 'name']}>
                <Input id={`locations_${name}_name`} placeholder={t('locationName')} maxLength={50} />
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
          <Button icon={<PlusOutlined />} onClick={() => add({})}>
            {t('addLocation')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 新建 / 编辑仓库. A new warehouse may list its first locations; more are added later. */
export function WarehouseForm({
  warehouse,
  open,
  onClose,
}: {
  warehouse: Warehouse | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(reliefStockDict);
  const tc = useT(commonDict);
  const { data: me } = useMe();
  const req = (field: string) => [{ required: true, whitespace: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      kind="drawer"
      width={640}
      title={warehouse ? t('editWarehouse', { name: warehouse.name }) : t('newWarehouse')}
      open={open}
      onClose={onClose}
      submitId="warehouse-save"
      invalidate={[WAREHOUSES_KEY]}
      initialValues={
        warehouse
          ? {
              orgId: warehouse.orgId,
              code: warehouse.code,
              name: warehouse.name,
              address: warehouse.address,
              keeperName: warehouse.keeperName,
            }
          : { orgId: me?.orgId, locations: [] }
      }
      submit={(v) =>
        warehouse
          ? reliefStockApi.updateWarehouse(warehouse.id, {
              name: v.name.trim(),
              address: v.address.trim(),
              keeperName: v.keeperName.trim(),
            })
          : reliefStockApi.createWarehouse({
              orgId: v.orgId,
              code: v.code.trim(),
              name: v.name.trim(),
              address: v.address.trim(),
              keeperName: v.keeperName.trim(),
              locations: toLocations(v.locations),
            })
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <OrgFormItem label={t('org')} disabled={!!warehouse} />
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="code" label={t('code')} rules={[...req(t('code')), zodRule(shape.code)]}>
            <Input id="code" maxLength={30} disabled={!!warehouse} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="name" label={t('name')} rules={[...req(t('name')), zodRule(shape.name)]}>
            <Input id="name" maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="address"
            label={t('address')}
            rules={[...req(t('address')), zodRule(shape.address)]}
          >
            <Input id="address" maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="keeperName"
            label={t('keeper')}
            rules={[...req(t('keeper')), zodRule(shape.keeperName)]}
          >
            <Input id="keeperName" maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
      {!warehouse && (
        <Form.Item label={t('locations')} extra={t('locationsHint')}>
          <LocationRows />
        </Form.Item>
      )}
    </MutationForm>
  );
}

/** 新增库位 of an existing warehouse. */
export function LocationsForm({ warehouse, onClose }: { warehouse: Warehouse | null; onClose: () => void }) {
  const t = useT(reliefStockDict);
  return (
    <MutationForm<{ locations?: Location[] }>
      title={`${t('addLocations')} · ${warehouse?.name ?? ''}`}
      open={warehouse !== null}
      onClose={onClose}
      invalidate={[WAREHOUSES_KEY]}
      initialValues={{ locations: [{}] }}
      submit={(v) => reliefStockApi.addLocations(warehouse!.id, { locations: toLocations(v.locations) })}
    >
      <LocationRows />
    </MutationForm>
  );
}
