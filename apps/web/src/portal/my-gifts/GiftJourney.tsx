import { Steps } from 'antd';
import { formatFen, type MyGift } from '@boai/contracts';
import { Link } from 'react-router';
import { useT } from '../../lib/i18n.tsx';
import { myGiftsDict } from './dict.ts';
import styles from './myGifts.module.css';

const USE_LABEL = { appeal: 'useAppeal', gift: 'useGift', general: 'useGeneral' } as const;

/** received → receipted → published → used for …: each step done or waiting, with its date. */
export function GiftJourney({ gift }: { gift: MyGift }) {
  const t = useT(myGiftsDict);
  const { receipt, published, use } = gift.journey;
  const cancelled = gift.status === 'cancelled';
  const used = use.items.length > 0;
  return (
    <Steps
      direction="vertical"
      size="small"
      className={styles.journey}
      items={[
        {
          status: 'finish',
          title: t('stepReceived'),
          description: `${gift.receivedOn} · ${gift.orgName}`,
        },
        {
          status: receipt ? 'finish' : 'wait',
          title: t('stepReceipted'),
          description: receipt ? `${receipt.issuedOn} · ${receipt.number}` : t('stepReceiptPending'),
        },
        {
          status: published ? 'finish' : 'wait',
          title: t('stepPublished'),
          description: published ? (
            <>
              {t('stepPublishedOn', { day: published.day })}{' '}
              <Link to={`/p/disclosure/batches/${published.batchId}`}>{t('viewBatch')}</Link>
            </>
          ) : (
            t('stepNotPublished')
          ),
        },
        {
          status: cancelled ? 'error' : used ? 'finish' : 'wait',
          title: t('stepUsed'),
          description: cancelled ? (
            t('useCancelled')
          ) : used ? (
            <div>
              <div>{t(USE_LABEL[use.source], { total: formatFen(use.totalFen) })}</div>
              <ul className={styles.uses}>
                {use.items.map((u) => (
                  <li key={u.id}>
                    <span className={styles.useDate}>{u.paidOn}</span> {u.purpose}
                    {u.recipient ? ` → ${u.recipient}` : ''}
                    <span className={styles.useAmount}>¥{formatFen(u.amountFen)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            t('useNone')
          ),
        },
      ]}
    />
  );
}
