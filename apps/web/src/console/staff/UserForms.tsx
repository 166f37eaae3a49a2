import { ProFormText } from '@ant-design/pro-components';
import { createUserSchema, type User } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { NewPasswordFields } from '../auth/index.ts';
import { OrgFormItem } from '../orgs/index.ts';
import { USERS_KEY, usersApi, type GrantInput } from './api.ts';
import { staffDict } from './dict.ts';
import { GrantsField } from './GrantsField.tsx';

const shape = createUserSchema.shape;
const mobileRule = zodRule(shape.mobile.unwrap().unwrap());

type CreateValues = {
  orgId: number;
  username: string;
  displayName: string;
  mobile?: string;
  password: string;
  grants?: GrantInput[];
};

/** Name and mobile: shared by creation and editing. */
function PersonFields({ mobileExtra }: { mobileExtra?: string }) {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  return (
    <>
      <ProFormText
        name="displayName"
        label={t('displayName')}
        fieldProps={{ id: 'displayName', name: 'displayName', maxLength: 50 }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('displayName') }) },
          zodRule(shape.displayName),
        ]}
      />
      <ProFormText
        name="mobile"
        label={t('mobile')}
        extra={mobileExtra}
        fieldProps={{ id: 'mobile', name: 'mobile', maxLength: 11, inputMode: 'tel' }}
        rules={[mobileRule]}
      />
    </>
  );
}

export function CreateUserForm({
  open,
  onClose,
  defaultOrgId,
}: {
  open: boolean;
  onClose: () => void;
  defaultOrgId?: number;
}) {
  const t = useT(staffDict);
  const tc = useT(commonDict);
  return (
    <MutationForm<CreateValues>
      title={t('createUser')}
      open={open}
      onClose={onClose}
      width={680}
      initialValues={{ orgId: defaultOrgId, grants: [] }}
      submit={(v) =>
        usersApi.create({
          orgId: v.orgId,
          username: v.username.trim(),
          displayName: v.displayName,
          mobile: v.mobile || null,
          password: v.password,
          grants: v.grants ?? [],
        })
      }
      invalidate={[USERS_KEY]}
      submitId="user-form-submit"
    >
      <OrgFormItem label={t('org')} />
      <ProFormText
        name="username"
        label={t('username')}
        fieldProps={{ id: 'username', name: 'username', maxLength: 32, autoComplete: 'off' }}
        rules={[
          { required: true, message: tc('required', { field: t('username') }) },
          zodRule(shape.username),
        ]}
      />
      <PersonFields />
      <NewPasswordFields
        name="password"
        label={`${t('initialPassword')}（${t('initialPasswordHint')}）`}
        withConfirm
      />
      <GrantsField defaultOrgId={defaultOrgId} />
    </MutationForm>
  );
}

type UserFormProps = { user: User; open: boolean; onClose: () => void };

export function EditUserForm({ user, open, onClose }: UserFormProps) {
  const t = useT(staffDict);
  return (
    <MutationForm<{ displayName: string; mobile?: string }>
      title={t('editUser')}
      open={open}
      onClose={onClose}
      initialValues={{ displayName: user.displayName }}
      // The mobile number is only ever shown masked: a blank field keeps it as it is.
      submit={(v) =>
        usersApi.update(user.id, { displayName: v.displayName, ...(v.mobile ? { mobile: v.mobile } : {}) })
      }
      invalidate={[USERS_KEY]}
      submitId="user-form-submit"
    >
      <ProFormText label={t('username')} name="username" readonly initialValue={user.username} />
      <PersonFields
        mobileExtra={user.mobileMasked ? t('mobileKeep', { masked: user.mobileMasked }) : undefined}
      />
    </MutationForm>
  );
}

export function GrantsForm({ user, open, onClose }: UserFormProps) {
  const t = useT(staffDict);
  return (
    <MutationForm<{ grants?: GrantInput[] }>
      title={t('assignRolesTitle', { name: user.displayName })}
      open={open}
      onClose={onClose}
      width={680}
      initialValues={{ grants: user.grants.map(({ roleId, orgId, scope }) => ({ roleId, orgId, scope })) }}
      submit={(v) => usersApi.setGrants(user.id, v.grants ?? [])}
      invalidate={[USERS_KEY]}
      submitId="grants-form-submit"
    >
      <GrantsField defaultOrgId={user.orgId} />
    </MutationForm>
  );
}

export function ResetPasswordForm({ user, open, onClose }: UserFormProps) {
  const t = useT(staffDict);
  return (
    <MutationForm<{ newPassword: string }>
      title={t('resetPasswordTitle', { name: user.displayName })}
      open={open}
      onClose={onClose}
      submit={(v) => usersApi.resetPassword(user.id, v.newPassword)}
      invalidate={[USERS_KEY]}
      successText={t('resetDone')}
      submitId="reset-password-submit"
    >
      <NewPasswordFields name="newPassword" label={t('newPassword')} withConfirm />
    </MutationForm>
  );
}
