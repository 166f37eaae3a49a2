import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { DownloadOutlined, NodeIndexOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { fenToChineseCapital, formatFen, type MyGift } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { documentUrl } from './api.ts';
import { myGiftsDict } from './dict.ts';
import { GiftJourney } from './GiftJourney.tsx';
import styles from './myGifts.module.css';

/** One gift: what, when, to whom, for what; its journey; its certificate and receipt. */
export function GiftCard({ gift, token }: { gift: MyGift; token?: string }) {
  const t = useT(myGiftsDict);
  const designation = gift.appealName ?? gift.purpose;
  const hasDocuments = gift.status === 'confirmed' && gift.receiptNo !== '';
  return (
    <Card
      size="small"
      className={styles.card}
      title={
        <div className={styles.cardTitle}>
          <span className={styles.amount}>¥{formatFen(gift.amountFen)}</span>
          {gift.status === 'cancelled' && <Tag color="default">{t('cancelled')}</Tag>}
          <span className={styles.date}>{gift.receivedOn}</span>
        </div>
      }
    >
      <Descriptions column={1} size="small" className={styles.facts}>
        <Descriptions.Item label={t('society')}>{gift.orgName}</Descriptions.Item>
        <Descriptions.Item label={gift.form === 'goods' ? t('goods') : t('amount')}>
          {fenToChineseCapital(gift.amountFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('designation')}>
          {designation ? <Tag color="red">{t('designated', { name: designation })}</Tag> : t('undesignated')}
        </Descriptions.Item>
        <Descriptions.Item label={t('receiptNo')}>
          {gift.receiptNo || t('stepReceiptPending')}
        </Descriptions.Item>
        <Descriptions.Item label={t('publicName')}>
          <div>
            {gift.publicName}
            <div className={styles.muted}>{t('publicNameHint')}</div>
          </div>
        </Descriptions.Item>
      </Descriptions>
      <div className={styles.sectionTitle}>{t('journey')}</div>
      <GiftJourney gift={gift} />
      {gift.receiptNo !== '' && (
        <Link to={`/p/trace/${gift.receiptNo}`} className={styles.traceLink}>
          <NodeIndexOutlined /> {t('trace')}
        </Link>
      )}
      {hasDocuments && (
        <Space wrap className={styles.documents}>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={documentUrl(gift.id, 'certificate', token)}
            target="_blank"
          >
            {t('certificate')}
          </Button>
          <Button icon={<DownloadOutlined />} href={documentUrl(gift.id, 'receipt', token)} target="_blank">
            {t('receipt')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
