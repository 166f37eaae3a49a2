import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Spin } from 'antd';
import { useParams } from 'react-router';
import { formatFen } from '@boai/contracts';
import { isApiError } from '../../lib/api.ts';
import { formatTime } from '../../lib/time.ts';
import { publicDisclosureApi } from './api.ts';
import { LineList } from './LineList.tsx';
import { PortalFrame } from './PortalFrame.tsx';

/** One day's published disclosure of a society, line by line. */
export default function BatchDisclosure() {
  const id = Number(useParams().id);
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['public-disclosure', 'batch', id, page],
    queryFn: () => publicDisclosureApi.batch(id, page),
    retry: false,
  });
  const b = query.data?.batch;
  const yuan = (fen: number) => formatFen(fen, { symbol: true });
  return (
    <PortalFrame
      title={b ? `${b.day} 公示` : '每日公示'}
      back={b ? `/p/disclosure/${b.orgId}` : '/p/disclosure'}
    >
      {query.isLoading && <Spin style={{ display: 'block', margin: 40 }} />}
      {query.error && (
        <Alert
          type="warning"
          showIcon
          message={
            isApiError(query.error) && query.error.status === 404 ? '未找到该公示' : query.error.message
          }
        />
      )}
      {b && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions column={1} size="small" title={b.orgName}>
              <Descriptions.Item label="公示日期">{b.day}</Descriptions.Item>
              <Descriptions.Item label="接收捐赠">
                {b.giftCount} 笔 · {yuan(b.giftFen)}
              </Descriptions.Item>
              <Descriptions.Item label="拨付使用">
                {b.disbursementCount} 笔 · {yuan(b.disbursementFen)}
              </Descriptions.Item>
              {b.reversalCount > 0 && (
                <Descriptions.Item label="冲减更正">{b.reversalCount} 笔</Descriptions.Item>
              )}
              <Descriptions.Item label="发布时间">
                {formatTime(b.publishedAt, 'YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <div style={{ background: '#fff', borderRadius: 8, padding: '0 12px' }}>
            <LineList
              page={query.data?.lines}
              loading={query.isFetching}
              onPage={setPage}
              empty="本日无新增"
            />
          </div>
        </>
      )}
    </PortalFrame>
  );
}
