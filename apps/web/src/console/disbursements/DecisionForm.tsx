import { Alert, DatePicker, Form } from 'antd';
import { ProFormTextArea } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import {
  approveDisbursementSchema,
  cancelDisbursementSchema,
  formatFen,
  rejectDisbursementSchema,
  type Disbursement,
} from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { TIME_ZONE } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { disbursementsApi, DISBURSEMENTS_KEY, type Decision } from './api.ts';
import { disbursementsDict } from './dict.ts';

type Values = { text?: string; paidOn?: Dayjs };

const today = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

/**
 * 批准 / 驳回 / 撤销 one disbursement: the confirmation says what the decision does to the money, and the
 * note (驳回) or reason (撤销) is required — it stays on the record and in the audit trail.
 */
export function DecisionForm({
  disbursement: d,
  decision,
  onClose,
}: {
  disbursement: Disbursement;
  decision: Decision;
  onClose: () => void;
}) {
  const t = useT(disbursementsDict);
  const tc = useT(commonDict);
  const amount = formatFen(d.amountFen, { symbol: true });
  const recipient = d.recipientOrgName ?? d.recipientName ?? '';
  const confirm =
    decision === 'approve'
      ? t('approveConfirm', { amount, recipient, purpose: d.purpose })
      : decision === 'reject'
        ? t('rejectConfirm', { amount })
        : d.status === 'approved'
          ? t('cancelApprovedConfirm', { amount })
          : t('cancelPendingConfirm', { amount });
  const textLabel = decision === 'cancel' ? t('reason') : t('note');
  const textRule =
    decision === 'approve'
      ? approveDisbursementSchema.shape.note
      : decision === 'reject'
        ? rejectDisbursementSchema.shape.note
        : cancelDisbursementSchema.shape.reason;
  const submit = (v: Values) => {
    const text = v.text?.trim() ?? '';
    if (decision === 'approve')
      return disbursementsApi.approve(d.id, {
        paidOn: v.paidOn ? dayjs(v.paidOn).format('YYYY-MM-DD') : undefined,
        note: text || undefined,
      });
    return decision === 'reject' ? disbursementsApi.reject(d.id, text) : disbursementsApi.cancel(d.id, text);
  };
  return (
    <MutationForm<Values>
      title={t(`${decision}Title`)}
      open
      onClose={onClose}
      initialValues={{ paidOn: dayjs(today()) }}
      submit={submit}
      invalidate={[DISBURSEMENTS_KEY]}
      successText={t(decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'cancelled')}
      submitId={`disbursement-${decision}-submit`}
      submitText={t(decision)}
    >
      <Alert
        type={decision === 'approve' ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        message={confirm}
      />
      {decision === 'approve' && (
        <Form.Item
          name="paidOn"
          label={t('paidOn')}
          rules={[{ required: true, message: tc('select', { field: t('paidOn') }) }]}
        >
          <DatePicker
            id="disbursement-paid-on"
            allowClear={false}
            disabledDate={(day) => day.format('YYYY-MM-DD') > today()}
            style={{ width: '100%' }}
          />
        </Form.Item>
      )}
      <ProFormTextArea
        name="text"
        label={textLabel}
        fieldProps={{
          id: `disbursement-${decision}-text`,
          maxLength: 200,
          showCount: true,
          autoSize: { minRows: 2, maxRows: 5 },
        }}
        rules={[
          ...(decision === 'approve'
            ? []
            : [{ required: true, whitespace: true, message: tc('required', { field: textLabel }) }]),
          zodRule(textRule),
        ]}
      />
    </MutationForm>
  );
}
