import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Result, Spin } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { fenToChineseCapital, formatFen } from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { useT } from '../../lib/i18n.tsx';
import portal from '../portal.module.css';
import { certificateUrl, donateApi, keptOrder } from './api.ts';
import { donateDict } from './dict.ts';
import styles from './donate.module.css';

/**
 * 捐赠结果 (/p/donate/orders/:orderNo): where the cashier sends the donor back. It polls until the
 * payment is confirmed and the receipt numbered, then shows the receipt number (verifiable), the
 * amount, thanks, and the certificate. Only this tab holds the order's view token.
 */
export default function OrderPage() {
  const t = useT(donateDict);
  const orderNo = useParams().orderNo ?? '';
  const kept = keptOrder.load(orderNo);
  const query = useQuery({
    queryKey: ['donation-order', orderNo],
    queryFn: () => donateApi.status(orderNo, kept!.token),
    enabled: !!kept,
    retry: false,
    refetchInterval: (q) => {
      const d = q.state.data;
      return d && (d.status === 'closed' || d.receiptNo) ? false : 2000;
    },
  });
  const o = query.data;
  return (
    <div className={portal.page}>
      <header className={portal.header}>
        <Logo size={30} />
        <span>{t('orderTitle')}</span>
      </header>
      <main className={styles.main}>
        {!kept || query.error ? (
          <Result status="warning" title={t('noToken')} subTitle={t('noTokenHint')} />
        ) : !o ? (
          <Spin className={styles.spin} />
        ) : o.status === 'closed' ? (
          <Result status="info" title={t('orderClosed')} subTitle={t('orderClosedHint')} />
        ) : o.status === 'created' ? (
          <Result
            icon={<Spin size="large" />}
            title={t('waiting')}
            subTitle={t('waitingHint')}
            extra={
              <Button href={kept.payUrl} id="donate-pay-again">
                {t('payAgain')}
              </Button>
            }
          />
        ) : (
          <>
            <Result
              status="success"
              title={t('thanks')}
              subTitle={t('thanksSub', { org: o.orgName })}
              style={{ padding: '24px 0 16px' }}
            />
            <section className={styles.card}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('appeal')}>{o.appealName}</Descriptions.Item>
                <Descriptions.Item label={t('org')}>{o.orgName}</Descriptions.Item>
                <Descriptions.Item label={t('amountPaid')}>
                  <span>
                    <strong>¥{formatFen(o.amountFen)}</strong>
                    <div className={styles.muted}>{fenToChineseCapital(o.amountFen)}</div>
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('publicName')}>{o.publicName}</Descriptions.Item>
                <Descriptions.Item label={t('receiptNo')}>
                  {o.receiptNo ? (
                    <Link to={`/p/receipts/${o.receiptNo}`} id="donate-receipt-link">
                      {o.receiptNo}（{t('verify')}）
                    </Link>
                  ) : (
                    <span className={styles.muted}>
                      <Spin size="small" /> {t('issuing')}
                    </span>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('orderNo')}>{o.orderNo}</Descriptions.Item>
              </Descriptions>
            </section>
            {o.receiptNo && (
              <Button
                id="donate-certificate"
                type="primary"
                danger
                block
                size="large"
                icon={<DownloadOutlined />}
                href={certificateUrl(o.orderNo, kept.token)}
                target="_blank"
              >
                {t('certificate')}
              </Button>
            )}
          </>
        )}
        <div className={styles.links}>
          <Link to="/">{t('home')}</Link>
          <Link to="/p/my-gifts">{t('myGifts')}</Link>
        </div>
      </main>
    </div>
  );
}
