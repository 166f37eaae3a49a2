import { useState } from 'react';
import { Alert } from 'antd';
import { ProFormTextArea } from '@ant-design/pro-components';
import { formatFen, voidReasonSchema, type Gift } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { isApiError } from '../../lib/api.ts';
import { zodRule } from '../../lib/forms.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { APPEALS_KEY, GIFTS_KEY, giftsApi, REPORTS_KEY } from './api.ts';
import { donationsDict } from './dict.ts';

export type VoidAction = 'reissue' | 'cancel';

/**
 * 冲红重开 or 撤销捐赠 of one gift: both void its live receipt for good, so both ask for the reason
 * (kept on the voided receipt and in the audit trail) under a warning that says what cannot be undone.
 */
export function VoidGiftForm({
  gift,
  action,
  onClose,
  onDone,
}: {
  gift: Gift;
  action: VoidAction;
  onClose: () => void;
  /** Gets the gift as it is now: with its new receipt number, or cancelled. */
  onDone: (gift: Gift) => void;
}) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const reissue = action === 'reissue';
  const amount = formatFen(gift.amountFen, { symbol: true });
  // A refusal such as GIFT_FUNDS_COMMITTED stays in the form, not only in a toast: it says what to do first.
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <MutationForm<{ reason?: string }>
      title={reissue ? t('reissue') : t('cancelGift')}
      open
      onClose={onClose}
      submit={async (v) => {
        const reason = v.reason?.trim() ?? '';
        setRefusal(null);
        try {
          return await (reissue ? giftsApi.reissue(gift.id, reason) : giftsApi.cancel(gift.id, reason));
        } catch (error) {
          if (isApiError(error) && error.status === 409) setRefusal(error.message);
          throw error;
        }
      }}
      // A cancelled gift leaves the appeals' raised totals and the reports.
      invalidate={[GIFTS_KEY, APPEALS_KEY, REPORTS_KEY]}
      successText={reissue ? t('reissueDone') : t('giftCancelledDone')}
      onSuccess={(result) => onDone(result as Gift)}
      submitId={reissue ? 'gift-reissue-submit' : 'gift-cancel-submit'}
      submitText={reissue ? t('reissueSubmit') : t('cancelSubmit')}
    >
      <Alert
        type={reissue ? 'warning' : 'error'}
        showIcon
        style={{ marginBottom: 16 }}
        message={
          reissue
            ? t('reissueWarning', { receiptNo: gift.receiptNo })
            : t('cancelWarning', { amount, donor: gift.donorName, receiptNo: gift.receiptNo })
        }
      />
      {refusal && (
        <Alert id="gift-void-refusal" type="error" showIcon style={{ marginBottom: 16 }} message={refusal} />
      )}
      <ProFormTextArea
        name="reason"
        label={t('voidReason')}
        placeholder={reissue ? t('reissueReasonHint') : t('cancelReasonHint')}
        fieldProps={{
          id: reissue ? 'gift-reissue-reason' : 'gift-cancel-reason',
          maxLength: 200,
          showCount: true,
          autoSize: { minRows: 2, maxRows: 5 },
        }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('voidReason') }) },
          zodRule(voidReasonSchema.shape.reason),
        ]}
      />
    </MutationForm>
  );
}
