import { Alert, Form, Select, Typography } from 'antd';
import { ProFormDependency, ProFormText } from '@ant-design/pro-components';
import {
  createDisbursementSchema,
  formatFen,
  parseYuan,
  type CreateDisbursementInput,
  type FundBalanceRow,
} from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { yuanRule } from '../donations/money.ts';
import { donationsDict } from '../donations/dict.ts';
import { OrgTreeSelect } from '../orgs/index.ts';
import { disbursementsApi, DISBURSEMENTS_KEY } from './api.ts';
import { disbursementsDict } from './dict.ts';
import { fundValueOf, sourceOf, useFundBalances, type FundValue } from './funds.ts';

type Values = {
  orgId: number;
  fund: FundValue;
  amount: string;
  purpose: string;
  recipientOrgId?: number;
  recipientName?: string;
  aidBatchRef?: string;
};

const shape = createDisbursementSchema.shape;

const toInput = (v: Values): CreateDisbursementInput => ({
  orgId: v.orgId,
  ...sourceOf(v.fund),
  amountFen: parseYuan(v.amount),
  purpose: v.purpose.trim(),
  recipientOrgId: v.recipientOrgId ?? null,
  recipientName: v.recipientName?.trim() || null,
  aidBatchRef: v.aidBatchRef?.trim() || null,
});

/** The society field: another society has other funds, so the fund and amount start over. */
function OrgField({ value, onChange }: { value?: number; onChange?: (value: number | undefined) => void }) {
  const form = Form.useFormInstance();
  return (
    <OrgTreeSelect
      id="disbursement-org"
      value={value}
      onChange={(v) => {
        if (v !== value) form.setFieldsValue({ fund: undefined, purpose: undefined });
        onChange?.(v);
      }}
    />
  );
}

/** The fund picker: every fund of the society with its balance; a designated gift brings its purpose with it. */
function FundField({
  orgId,
  funds,
  value,
  onChange,
}: {
  orgId?: number;
  funds: FundBalanceRow[];
  value?: FundValue;
  onChange?: (value: FundValue) => void;
}) {
  const t = useT(disbursementsDict);
  const form = Form.useFormInstance();
  return (
    <Select<FundValue>
      id="disbursement-fund"
      value={value}
      disabled={orgId === undefined}
      placeholder={orgId === undefined ? t('chooseOrgFirst') : undefined}
      onChange={(v) => {
        const fund = funds.find((f) => fundValueOf(f) === v);
        // The donor's purpose binds a designated gift; other funds leave the purpose to the requester.
        if (fund?.source === 'gift') form.setFieldsValue({ purpose: fund.name });
        else if (value?.startsWith('g:')) form.setFieldsValue({ purpose: undefined });
        onChange?.(v);
        if (form.getFieldValue('amount')) void form.validateFields(['amount']);
      }}
      options={funds.map((f) => ({
        value: fundValueOf(f),
        label: t('balanceOption', {
          name: f.giftReceiptNo ? `${f.name} · ${f.giftReceiptNo}` : f.name,
          balance: formatFen(f.balanceFen, { symbol: true }),
        }),
        disabled: f.balanceFen <= 0,
      }))}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

/** 申请拨付: the amount is reserved from the chosen fund at once and waits for another person's approval. */
export function RequestForm({
  open,
  onClose,
  defaultOrgId,
}: {
  open: boolean;
  onClose: () => void;
  defaultOrgId?: number;
}) {
  const t = useT(disbursementsDict);
  const td = useT(donationsDict);
  const tc = useT(commonDict);
  return (
    <MutationForm<Values>
      kind="drawer"
      title={t('createRequest')}
      open={open}
      onClose={onClose}
      width={560}
      initialValues={{ orgId: defaultOrgId, fund: 'general' }}
      submit={(v) => disbursementsApi.request(toInput(v))}
      invalidate={[DISBURSEMENTS_KEY]}
      successText={t('requested')}
      submitId="disbursement-request-submit"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('fourEyes')} />
      <Form.Item
        name="orgId"
        label={t('org')}
        rules={[{ required: true, message: tc('select', { field: t('org') }) }]}
      >
        <OrgField />
      </Form.Item>
      <ProFormDependency name={['orgId', 'fund']}>
        {({ orgId, fund }: { orgId?: number; fund?: FundValue }) => (
          <FundAndAmount orgId={orgId} fund={fund} />
        )}
      </ProFormDependency>
      <ProFormDependency name={['fund']}>
        {({ fund }: { fund?: FundValue }) => (
          <ProFormText
            name="purpose"
            label={t('purpose')}
            disabled={fund?.startsWith('g:')}
            extra={fund?.startsWith('g:') ? t('designatedPurpose') : undefined}
            fieldProps={{ id: 'disbursement-purpose', maxLength: 200, autoComplete: 'off' }}
            rules={[
              { required: true, whitespace: true, message: tc('required', { field: t('purpose') }) },
              zodRule(shape.purpose),
            ]}
          />
        )}
      </ProFormDependency>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('recipientHint')}
      </Typography.Paragraph>
      <Form.Item name="recipientOrgId" label={t('recipientOrg')}>
        <OrgTreeSelect id="disbursement-recipient-org" allowClear />
      </Form.Item>
      <ProFormText
        name="recipientName"
        label={t('recipientName')}
        dependencies={['recipientOrgId']}
        fieldProps={{ id: 'disbursement-recipient-name', maxLength: 100, autoComplete: 'off' }}
        rules={[
          zodRule(shape.recipientName.unwrap().unwrap()),
          ({ getFieldValue }) => ({
            validator: async (_r, v: string | undefined) => {
              if (!getFieldValue('recipientOrgId') && !v?.trim()) throw new Error(t('recipientRequired'));
            },
          }),
        ]}
      />
      <ProFormText
        name="aidBatchRef"
        label={t('aidBatchRef')}
        placeholder={td('optional')}
        fieldProps={{ id: 'disbursement-aid-batch', maxLength: 50, autoComplete: 'off' }}
        rules={[zodRule(shape.aidBatchRef.unwrap().unwrap())]}
      />
    </MutationForm>
  );
}

/** The fund with its balance, and the amount checked against that balance as it is typed. */
function FundAndAmount({ orgId, fund }: { orgId?: number; fund?: FundValue }) {
  const t = useT(disbursementsDict);
  const td = useT(donationsDict);
  const tc = useT(commonDict);
  const funds = useFundBalances(orgId).data ?? [];
  const chosen = funds.find((f) => fundValueOf(f) === fund);
  const balance = chosen ? formatFen(chosen.balanceFen, { symbol: true }) : null;
  return (
    <>
      <Form.Item
        name="fund"
        label={t('source')}
        extra={balance ? t('balanceNow', { balance }) : undefined}
        rules={[{ required: true, message: tc('select', { field: t('source') }) }]}
      >
        <FundField orgId={orgId} funds={funds} />
      </Form.Item>
      <ProFormText
        name="amount"
        label={t('amountYuan')}
        fieldProps={{ id: 'disbursement-amount', inputMode: 'decimal', prefix: '¥', autoComplete: 'off' }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('amountYuan') }) },
          yuanRule(td),
          {
            validator: async (_r, v: string | undefined) => {
              if (!chosen || !v?.trim()) return;
              let fen: number;
              try {
                fen = parseYuan(v);
              } catch {
                return; // yuanRule reports the format
              }
              if (fen > chosen.balanceFen) throw new Error(t('overBalance', { balance: balance! }));
            },
          },
        ]}
      />
    </>
  );
}
