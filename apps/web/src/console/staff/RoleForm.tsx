import { Alert, Form } from 'antd';
import { ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { createRoleSchema, type Role } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { OrgFormItem } from '../orgs/index.ts';
import { ROLES_KEY, rolesApi, type RoleInput } from './api.ts';
import { staffDict } from './dict.ts';
import { PermissionPicker } from './PermissionPicker.tsx';

type Props = {
  /** The role to edit, or none to create one. */
  role: Role | null;
  open: boolean;
  onClose: () => void;
  defaultOrgId?: number;
  readOnly: boolean;
};

const shape = createRoleSchema.shape;

/** Create or edit a role in a drawer; built-in roles (and users without roles:manage) see it read-only. */
export function RoleForm({ role, open, onClose, defaultOrgId, readOnly }: Props) {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  const creating = role === null;
  return (
    <MutationForm<RoleInput>
      kind="drawer"
      width={640}
      title={creating ? t('createRole') : readOnly ? t('viewRole') : t('editRole')}
      open={open}
      onClose={onClose}
      readOnly={readOnly}
      initialValues={
        role
          ? {
              orgId: role.orgId,
              code: role.code,
              name: role.name,
              permissions: role.permissions,
              requireTotp: role.requireTotp,
            }
          : { orgId: defaultOrgId, permissions: [], requireTotp: false }
      }
      submit={(v) =>
        creating
          ? rolesApi.create({
              orgId: v.orgId,
              code: v.code.trim(),
              name: v.name,
              permissions: v.permissions,
              requireTotp: v.requireTotp,
            })
          : rolesApi.update(role.id, { name: v.name, permissions: v.permissions, requireTotp: v.requireTotp })
      }
      invalidate={[ROLES_KEY]}
      submitId="role-form-submit"
    >
      {role?.builtin && (
        <Alert type="info" showIcon message={t('builtinReadOnly')} style={{ marginBottom: 16 }} />
      )}
      <OrgFormItem label={t('roleOrg')} disabled={!creating} />
      <ProFormText
        name="code"
        label={t('roleCode')}
        disabled={!creating}
        fieldProps={{ id: 'code', maxLength: 32 }}
        rules={[{ required: true, message: tc('required', { field: t('roleCode') }) }, zodRule(shape.code)]}
      />
      <ProFormText
        name="name"
        label={t('roleName')}
        fieldProps={{ id: 'name', maxLength: 50 }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('roleName') }) },
          zodRule(shape.name),
        ]}
      />
      <ProFormSwitch
        name="requireTotp"
        label={t('requireTotp')}
        extra={t('requireTotpHint')}
        fieldProps={{ id: 'requireTotp' }}
      />
      <Form.Item name="permissions" label={t('permissions')}>
        <PermissionPicker id="permissions" />
      </Form.Item>
    </MutationForm>
  );
}
