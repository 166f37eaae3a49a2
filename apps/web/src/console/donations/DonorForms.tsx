import { Alert, App } from 'antd';
import { ProFormDependency, ProFormRadio, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import {
  createDonorSchema,
  DONOR_KIND_LABELS,
  idCardSchema,
  mobileSchema,
  updateDonorSchema,
  usccSchema,
  type CreateDonorInput,
  type Donor,
  type DonorKind,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { OrgFormItem } from '../orgs/index.ts';
import { DONORS_KEY, donorsApi, type DonorUpdate, type RegisterDonorResult } from './api.ts';
import { donationsDict } from './dict.ts';

const [personShape, enterpriseShape] = [
  createDonorSchema.options[0].shape,
  createDonorSchema.options[1].shape,
];
const mobileRule = zodRule(mobileSchema);
const upper = (v: string | undefined) => v?.trim().toUpperCase();

type CreateValues = {
  orgId: number;
  kind: DonorKind;
  name?: string;
  idCard?: string;
  uscc?: string;
  contact?: string;
  mobile?: string;
  nameConsent?: boolean;
};

/** Only the chosen kind's fields are sent: the form keeps values of fields hidden after switching kind. */
function toInput(v: CreateValues): CreateDonorInput {
  const mobile = v.mobile || null;
  switch (v.kind) {
    case 'person':
      return {
        kind: 'person',
        orgId: v.orgId,
        name: v.name ?? '',
        idCard: v.idCard || null,
        mobile,
        nameConsent: v.nameConsent ?? false,
      };
    case 'enterprise':
      return {
        kind: 'enterprise',
        orgId: v.orgId,
        name: v.name ?? '',
        uscc: v.uscc || null,
        contact: v.contact || null,
        mobile,
      };
    case 'anonymous':
      return { kind: 'anonymous', orgId: v.orgId, mobile };
  }
}

function NameField({ kind }: { kind: 'person' | 'enterprise' }) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const label = kind === 'person' ? t('personName') : t('enterpriseName');
  const schema = kind === 'person' ? personShape.name : enterpriseShape.name;
  return (
    <ProFormText
      name="name"
      label={label}
      fieldProps={{ id: 'name', name: 'name', maxLength: kind === 'person' ? 50 : 100, autoComplete: 'off' }}
      rules={[
        { required: true, whitespace: true, message: tc('required', { field: label }) },
        zodRule(schema),
      ]}
    />
  );
}

function MobileField({ extra }: { extra?: string }) {
  const t = useT(donationsDict);
  return (
    <ProFormText
      name="mobile"
      label={t('mobileNumber')}
      placeholder={t('optional')}
      extra={extra}
      // Numbers pasted as "+86 138-1234-5678" are accepted and stored as the bare 11 digits.
      fieldProps={{ id: 'mobile', name: 'mobile', maxLength: 20, inputMode: 'tel', autoComplete: 'off' }}
      rules={[mobileRule]}
    />
  );
}

function ContactField() {
  const t = useT(donationsDict);
  return (
    <ProFormText
      name="contact"
      label={t('contact')}
      placeholder={t('optional')}
      fieldProps={{ id: 'contact', name: 'contact', maxLength: 50, autoComplete: 'off' }}
      rules={[zodRule(enterpriseShape.contact.unwrap().unwrap())]}
    />
  );
}

function NameConsentField() {
  const t = useT(donationsDict);
  return (
    <ProFormSwitch
      name="nameConsent"
      label={t('nameConsent')}
      extra={t('nameConsentHelp')}
      fieldProps={{ id: 'nameConsent' }}
    />
  );
}

/** The fields a kind of donor has: a person's 身份证, an enterprise's 信用代码 and contact, nothing for 爱心人士. */
function KindFields({ kind }: { kind: DonorKind }) {
  const t = useT(donationsDict);
  if (kind === 'anonymous')
    return (
      <>
        <Alert type="info" showIcon message={t('anonymousNote')} style={{ marginBottom: 16 }} />
        <MobileField />
      </>
    );
  if (kind === 'enterprise')
    return (
      <>
        <NameField kind="enterprise" />
        <ProFormText
          name="uscc"
          label={t('uscc')}
          placeholder={t('optional')}
          normalize={upper}
          fieldProps={{ id: 'uscc', name: 'uscc', maxLength: 18, autoComplete: 'off' }}
          rules={[zodRule(usccSchema)]}
        />
        <ContactField />
        <MobileField />
      </>
    );
  return (
    <>
      <NameField kind="person" />
      <ProFormText
        name="idCard"
        label={t('idCardNumber')}
        placeholder={t('optional')}
        normalize={upper}
        fieldProps={{ id: 'idCard', name: 'idCard', maxLength: 18, autoComplete: 'off' }}
        rules={[zodRule(idCardSchema)]}
      />
      <MobileField />
      <NameConsentField />
    </>
  );
}

export function CreateDonorForm({
  open,
  onClose,
  defaultOrgId,
}: {
  open: boolean;
  onClose: () => void;
  defaultOrgId?: number;
}) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const { message } = App.useApp();
  const kinds: { value: DonorKind; label: string }[] = [
    { value: 'person', label: t('kindPerson') },
    { value: 'enterprise', label: t('kindEnterprise') },
    { value: 'anonymous', label: t('kindAnonymous') },
  ];
  return (
    <MutationForm<CreateValues>
      title={t('createDonor')}
      open={open}
      onClose={onClose}
      initialValues={{ orgId: defaultOrgId, kind: 'person', nameConsent: false }}
      submit={(v) => donorsApi.create(toInput(v))}
      invalidate={[DONORS_KEY]}
      successText={t('registered')}
      onSuccess={(result) => {
        const { donor, existing } = result as RegisterDonorResult;
        if (!existing) return;
        // Nothing new was registered: the form's 已登记 gives way to what actually happened.
        message.destroy();
        void message.info(t('foundExisting', { name: donor.name }), 5);
      }}
      submitId="donor-form-submit"
    >
      <OrgFormItem label={t('org')} />
      <ProFormRadio.Group
        name="kind"
        label={t('kind')}
        radioType="button"
        options={kinds}
        fieldProps={{ id: 'kind', buttonStyle: 'solid' }}
        rules={[{ required: true, message: tc('select', { field: t('kind') }) }]}
      />
      <ProFormDependency name={['kind']}>
        {({ kind }: { kind?: DonorKind }) => <KindFields kind={kind ?? 'person'} />}
      </ProFormDependency>
    </MutationForm>
  );
}

type EditValues = { name?: string; mobile?: string; contact?: string; nameConsent?: boolean };

export function EditDonorForm({
  donor,
  open,
  onClose,
}: {
  donor: Donor;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const { kind } = donor;
  const nameLabel = kind === 'person' ? t('personName') : t('enterpriseName');
  const toUpdate = (v: EditValues): DonorUpdate => ({
    ...(kind !== 'anonymous' ? { name: v.name } : {}),
    // The mobile number is only ever shown masked: a blank field keeps it as it is.
    ...(v.mobile ? { mobile: v.mobile } : {}),
    ...(kind === 'enterprise' ? { contact: v.contact || null } : {}),
    ...(kind === 'person' ? { nameConsent: v.nameConsent ?? false } : {}),
  });
  return (
    <MutationForm<EditValues>
      title={t('editDonor')}
      open={open}
      onClose={onClose}
      initialValues={{
        name: donor.name,
        contact: donor.contact ?? undefined,
        nameConsent: donor.nameConsent,
      }}
      submit={(v) => donorsApi.update(donor.id, toUpdate(v))}
      invalidate={[DONORS_KEY]}
      submitId="donor-form-submit"
    >
      <ProFormText
        label={t('kind')}
        name="kindLabel"
        readonly
        initialValue={label(DONOR_KIND_LABELS[kind])}
      />
      {(donor.idCardMasked ?? donor.uscc) && (
        <ProFormText
          label={kind === 'person' ? t('idCard') : t('uscc')}
          name="identity"
          readonly
          initialValue={donor.idCardMasked ?? donor.uscc}
          extra={t('identityFixed')}
        />
      )}
      {kind !== 'anonymous' && (
        <ProFormText
          name="name"
          label={nameLabel}
          fieldProps={{ id: 'name', name: 'name', maxLength: kind === 'person' ? 50 : 100 }}
          rules={[
            { required: true, whitespace: true, message: tc('required', { field: nameLabel }) },
            zodRule(updateDonorSchema.shape.name.unwrap()),
          ]}
        />
      )}
      {kind === 'enterprise' && <ContactField />}
      <MobileField extra={donor.mobileMasked ? t('mobileKeep', { masked: donor.mobileMasked }) : undefined} />
      {kind === 'person' && <NameConsentField />}
    </MutationForm>
  );
}
