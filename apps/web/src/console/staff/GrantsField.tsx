import { Button, Col, Empty, Form, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { useRoles } from './api.ts';
import { staffDict } from './dict.ts';

/**
 * The `grants` list of a user form: each row is a role, the society it applies to, and whether it covers the
 * societies below (本级及下级) or that society only (本级). New rows start at `defaultOrgId`.
 */
export function GrantsField({ defaultOrgId }: { defaultOrgId?: number }) {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  const roles = useRoles();
  const form = Form.useFormInstance();
  const roleOptions = (roles.data ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.orgName}）` }));
  const scopeOptions = [
    { value: 'subtree', label: t('scopeSubtree') },
    { value: 'own', label: t('scopeOwn') },
  ];

  return (
    <Form.Item label={t('grants')} required={false} style={{ marginBottom: 0 }}>
      <Form.List name="grants">
        {(fields, { add, remove }) => (
          <>
            {fields.length === 0 && (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('noGrants')}
                style={{ margin: '0 0 12px' }}
              />
            )}
            {fields.map(({ key, name }) => (
              <Row key={key} gutter={8} align="top" wrap>
                <Col xs={24} sm={9}>
                  <Form.Item
                    name={[name, 'roleId']}
                    rules={[{ required: true, message: tc('select', { field: t('grantRole') }) }]}
                  >
                    <Select
                      id={`grants_${name}_roleId`}
                      placeholder={t('grantRole')}
                      options={roleOptions}
                      loading={roles.isPending}
                      showSearch
                      optionFilterProp="label"
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={8}>
                  <Form.Item
                    name={[name, 'orgId']}
                    rules={[{ required: true, message: tc('select', { field: t('grantOrg') }) }]}
                  >
                    <OrgTreeSelect id={`grants_${name}_orgId`} placeholder={t('grantOrg')} />
                  </Form.Item>
                </Col>
                <Col xs={19} sm={5}>
                  <Form.Item name={[name, 'scope']} rules={[{ required: true }]}>
                    <Select id={`grants_${name}_scope`} options={scopeOptions} />
                  </Form.Item>
                </Col>
                <Col xs={5} sm={2}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    title={t('removeGrant')}
                    aria-label={t('removeGrant')}
                    onClick={() => remove(name)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              id="add-grant"
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ marginBottom: 16 }}
              onClick={() =>
                add({
                  scope: 'subtree',
                  orgId: (form.getFieldValue('orgId') as number | undefined) ?? defaultOrgId,
                })
              }
            >
              {t('addGrant')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
