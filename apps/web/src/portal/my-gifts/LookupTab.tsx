import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { myGiftsLookupSchema, type MyGiftsLookupResult } from '@boai/contracts';
import { isApiError } from '../../lib/api.ts';
import { applyFieldErrors, zodRule } from '../../lib/forms.ts';
import { useT } from '../../lib/i18n.tsx';
import { myGiftsApi } from './api.ts';
import { myGiftsDict } from './dict.ts';
import { GiftCard } from './GiftCard.tsx';
import styles from './myGifts.module.css';

type Values = { receiptNo: string; phoneLast4: string };
const fields = myGiftsLookupSchema.shape;

/** 票据号查询: receipt number + last four digits of the phone, no account needed. */
export function LookupTab() {
  const t = useT(myGiftsDict);
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<MyGiftsLookupResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await myGiftsApi.lookup(values));
    } catch (e) {
      if (isApiError(e)) applyFieldErrors(form, e.fields);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    const r = result.receipt;
    return (
      <div>
        {r.status === 'voided' && (
          <Alert
            type="warning"
            showIcon
            className={styles.alert}
            message={`${t('receiptStatus')}：${t('receiptVoided')}`}
            description={r.replacedBy ? t('replacedBy', { number: r.replacedBy }) : undefined}
          />
        )}
        <GiftCard gift={result.gift} token={result.documentToken} />
        <p className={styles.muted}>{t('tokenHint', { minutes: 15 })}</p>
        <Button block onClick={() => setResult(null)}>
          {t('again')}
        </Button>
      </div>
    );
  }
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="my-gifts-lookup">
      <Form.Item
        name="receiptNo"
        label={t('receiptNo')}
        rules={[
          { required: true, message: t('required', { field: t('receiptNo') }) },
          zodRule(fields.receiptNo),
        ]}
      >
        <Input
          inputMode="numeric"
          maxLength={14}
          placeholder={t('receiptNoPlaceholder')}
          autoComplete="off"
        />
      </Form.Item>
      <Form.Item
        name="phoneLast4"
        label={t('phoneLast4')}
        rules={[
          { required: true, message: t('required', { field: t('phoneLast4') }) },
          zodRule(fields.phoneLast4),
        ]}
      >
        <Input
          inputMode="numeric"
          maxLength={4}
          placeholder={t('phoneLast4Placeholder')}
          autoComplete="off"
        />
      </Form.Item>
      {error && <Alert type="warning" showIcon message={error} className={styles.alert} />}
      <Button type="primary" htmlType="submit" block size="large" loading={busy}>
        {t('lookup')}
      </Button>
      <p className={styles.muted}>{t('lookupHint')}</p>
    </Form>
  );
}
