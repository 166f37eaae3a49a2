import { Alert, Button, Empty, Spin, Statistic, Tabs } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatFen, type MyGiftsList } from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { useT } from '../../lib/i18n.tsx';
import portal from '../portal.module.css';
import { MY_GIFTS_KEY, myGiftsApi } from './api.ts';
import { myGiftsDict } from './dict.ts';
import { GiftCard } from './GiftCard.tsx';
import { LookupTab } from './LookupTab.tsx';
import { PhoneTab } from './PhoneTab.tsx';
import styles from './myGifts.module.css';

type SignedIn = Extract<MyGiftsList, { signedIn: true }>;

/**
 * 捐赠查询 (/p/my-gifts), phone first: find one gift by its receipt number and the phone's last four
 * digits, or sign in with the phone and an SMS code to see every gift from that phone, each with its
 * journey and its certificate.
 */
export default function MyGiftsPage() {
  const t = useT(myGiftsDict);
  const query = useQuery({ queryKey: MY_GIFTS_KEY, queryFn: myGiftsApi.list, retry: false });
  const data = query.data;
  return (
    <div className={portal.page}>
      <header className={portal.header}>
        <Logo size={30} />
        <span>{t('title')}</span>
      </header>
      <main className={styles.main}>
        {query.isLoading && <Spin className={styles.spin} />}
        {query.error && <Alert type="error" showIcon message={query.error.message} />}
        {data?.signedIn && <MyGiftList data={data} />}
        {data && !data.signedIn && (
          <>
            <p className={styles.intro}>{t('intro')}</p>
            {data.expired && <Alert type="info" showIcon message={t('expired')} className={styles.alert} />}
            <div className={styles.panel}>
              <Tabs
                centered
                defaultActiveKey={data.expired ? 'phone' : 'lookup'}
                items={[
                  { key: 'lookup', label: t('tabLookup'), children: <LookupTab /> },
                  { key: 'phone', label: t('tabPhone'), children: <PhoneTab /> },
                ]}
              />
            </div>
          </>
        )}
        <div className={styles.links}>
          <Link to="/">{t('home')}</Link>
          <Link to="/p/receipts">{t('verify')}</Link>
        </div>
      </main>
    </div>
  );
}

function MyGiftList({ data }: { data: SignedIn }) {
  const t = useT(myGiftsDict);
  const queryClient = useQueryClient();
  const logout = async () => {
    await myGiftsApi.logout().catch(() => undefined);
    await queryClient.invalidateQueries({ queryKey: MY_GIFTS_KEY });
  };
  return (
    <>
      <div className={styles.summary}>
        <div>
          <div className={styles.muted}>
            {data.session.mobileMasked
              ? t('signedInAs', { mobile: data.session.mobileMasked })
              : t('signedIn')}
          </div>
          <Statistic
            title={t('totalGiven')}
            value={`¥${formatFen(data.totalFen)}`}
            suffix={<span className={styles.count}>{t('giftCount', { n: data.gifts.length })}</span>}
          />
        </div>
        <Button onClick={logout}>{t('logout')}</Button>
      </div>
      {data.gifts.length === 0 ? (
        <Empty description={t('noGifts')} className={styles.panel} />
      ) : (
        data.gifts.map((g) => <GiftCard key={g.id} gift={g} />)
      )}
    </>
  );
}
