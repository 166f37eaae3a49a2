import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, List, Pagination, Typography } from 'antd';
import { Link } from 'react-router';
import { formatFen } from '@boai/contracts';
import { TraceSearch } from '../trace/TraceSearch.tsx';
import { publicDisclosureApi } from './api.ts';
import { PortalFrame } from './PortalFrame.tsx';

/** 信息公开: the societies that publish their daily disclosure, to pick one. */
export default function DisclosureOrgs() {
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['public-disclosure', 'orgs', page],
    queryFn: () => publicDisclosureApi.orgs(page),
  });
  const data = query.data;
  return (
    <PortalFrame title="捐赠信息公开" back="/">
      <Typography.Paragraph type="secondary" style={{ margin: '4px 4px 12px' }}>
        各级红十字会每日公示接收的捐赠和拨付使用情况（一天一公示）。选择一个红十字会查看。
      </Typography.Paragraph>
      <div style={{ background: '#fff', borderRadius: 8, padding: '12px 16px', marginBottom: 12 }}>
        <Typography.Text strong>善款去向</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px', fontSize: 12 }}>
          输入捐赠票据号码，查看这笔捐赠从接收到使用的每一步，并核验它们都已记入公开账本。
        </Typography.Paragraph>
        <TraceSearch id="disclosure-trace-number" />
      </div>
      {query.error && <Alert type="warning" showIcon message={query.error.message} />}
      <List
        loading={query.isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无公示' }}
        style={{ background: '#fff', borderRadius: 8 }}
        renderItem={(o) => (
          <List.Item style={{ padding: '12px 16px' }}>
            <Link
              to={`/p/disclosure/${o.orgId}`}
              style={{ display: 'block', width: '100%', color: 'inherit' }}
            >
              <Typography.Text strong>{o.orgName}</Typography.Text>
              <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4 }}>
                接收 {formatFen(o.receivedFen, { symbol: true })} · 拨付{' '}
                {formatFen(o.spentFen, { symbol: true })}
                {' · '}最近公示 {o.lastDay}
              </div>
            </Link>
          </List.Item>
        )}
      />
      {data && data.total > data.pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={setPage}
          style={{ textAlign: 'center', marginTop: 12 }}
        />
      )}
    </PortalFrame>
  );
}
