import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Result, Space, Spin } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { formatFen } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { sandboxApi } from './api.ts';
import { cashierDict } from './dict.ts';
import styles from './donate.module.css';

/**
 * Only back to this site: like WeChat Pay, which only returns to the merchant's registered domain,
 * the cashier refuses to send a payer anywhere a crafted link names.
 */
function safeReturn(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, window.location.origin);
    return u.origin === window.location.origin ? u.pathname + u.search : null;
  } catch {
    return null;
  }
}

/**
 * The built-in sandbox provider's cashier (/p/sandbox-pay/:txnId), standing where WeChat Pay's or
 * Alipay's payment page would: the amount, the merchant, 确认支付 or 取消, then back to the merchant.
 */
export default function SandboxCashier() {
  const t = useT(cashierDict);
  const txnId = useParams().txnId ?? '';
  const back = safeReturn(useSearchParams()[0].get('redirect_url'));
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['sandbox-payment', txnId],
    queryFn: () => sandboxApi.get(txnId),
    retry: false,
  });
  const act = useMutation({
    mutationFn: (what: 'pay' | 'cancel') =>
      what === 'pay' ? sandboxApi.pay(txnId) : sandboxApi.cancel(txnId),
    onSuccess: (p) => {
      queryClient.setQueryData(['sandbox-payment', txnId], p);
      if (back) setTimeout(() => window.location.assign(back), 1200);
    },
  });
  const p = query.data;
  return (
    <div className={styles.cashier}>
      <div className={styles.cashierBar}>{t('title')}</div>
      <Alert type="warning" banner message={t('banner')} />
      <div className={styles.cashierBody}>
        {query.isLoading && <Spin className={styles.spin} />}
        {query.error && <Result status="404" title={t('notFound')} />}
        {p && p.status === 'pending' && (
          <>
            <div className={styles.merchant}>{t('payTo', { merchant: p.merchantName })}</div>
            <div className={styles.bigAmount}>
              <small>¥</small>
              {formatFen(p.amountFen)}
            </div>
            <div className={styles.muted} style={{ textAlign: 'center', marginBottom: 40 }}>
              {t('orderNo')}：{p.merchantOrderNo}
            </div>
            {act.error && (
              <Alert type="error" showIcon message={act.error.message} style={{ marginBottom: 12 }} />
            )}
            <Space direction="vertical" style={{ width: '100%' }} size={12}>
              <Button
                id="sandbox-pay"
                type="primary"
                block
                className={styles.payButton}
                loading={act.isPending && act.variables === 'pay'}
                onClick={() => act.mutate('pay')}
              >
                {t('pay')}
              </Button>
              <Button id="sandbox-cancel" block size="large" type="text" onClick={() => act.mutate('cancel')}>
                {t('cancel')}
              </Button>
            </Space>
          </>
        )}
        {p && p.status !== 'pending' && (
          <Result
            status={p.status === 'paid' ? 'success' : 'info'}
            title={p.status === 'paid' ? t('paid') : t('closed')}
            subTitle={`¥${formatFen(p.amountFen)} · ${p.merchantName}`}
            extra={
              back && (
                <Button type="primary" href={back} id="sandbox-back">
                  {t('back')}
                </Button>
              )
            }
          />
        )}
      </div>
    </div>
  );
}
