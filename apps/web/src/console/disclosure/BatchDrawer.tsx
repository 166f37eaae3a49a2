import { Button, Descriptions, Drawer, Space, Spin } from 'antd';
import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { formatFen } from '@boai/contracts';
import { useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import { DISCLOSURE_KEY, disclosureApi } from './api.ts';
import { disclosureDict } from './dict.ts';
import { LinesTable } from './LinesTable.tsx';

/** One published batch with all its lines, its .xlsx and the link to its public page. */
export function BatchDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(disclosureDict);
  const query = useQuery({
    queryKey: [...DISCLOSURE_KEY, 'batch', id],
    queryFn: () => disclosureApi.batch(id!),
    enabled: id !== null,
  });
  const b = query.data?.batch;
  const yuan = (fen: number) => formatFen(fen, { symbol: true });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(1000, window.innerWidth)}
      title={b ? t('batchTitle', { org: b.orgName, day: b.day }) : ''}
      extra={
        id !== null && (
          <Space>
            <Button icon={<DownloadOutlined />} href={disclosureApi.exportUrl(id)}>
              {t('export')}
            </Button>
            <Button icon={<GlobalOutlined />} href={`/p/disclosure/batches/${id}`} target="_blank">
              {t('publicPage')}
            </Button>
          </Space>
        )
      }
    >
      {!b ? (
        <Spin style={{ display: 'block', margin: 40 }} />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('gifts')}>
              {t('countAmount', { count: b.giftCount, amount: yuan(b.giftFen) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('disbursements')}>
              {t('countAmount', { count: b.disbursementCount, amount: yuan(b.disbursementFen) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('reversals')}>{b.reversalCount}</Descriptions.Item>
            <Descriptions.Item label={t('how')}>
              {b.automatic ? t('automatic') : t('manual')}
            </Descriptions.Item>
            <Descriptions.Item label={t('publishedBy')}>{b.publishedBy}</Descriptions.Item>
            <Descriptions.Item label={t('publishedAt')}>{formatTime(b.publishedAt)}</Descriptions.Item>
          </Descriptions>
          <LinesTable lines={query.data?.lines ?? []} />
        </>
      )}
    </Drawer>
  );
}
