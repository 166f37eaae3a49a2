import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Input, List, Pagination, Segmented, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatFen } from '@boai/contracts';
import { isApiError } from '../../lib/api.ts';
import { publicDisclosureApi } from './api.ts';
import { FundsSummary } from './FundsSummary.tsx';
import { LineList } from './LineList.tsx';
import { PortalFrame } from './PortalFrame.tsx';

const yuan = (fen: number) => formatFen(fen, { symbol: true });

/** A society's public disclosure: its totals, its batches by day, a search, and its honour roll (功德榜). */
export default function OrgDisclosure() {
  const orgId = Number(useParams().orgId);
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['public-disclosure', 'org', orgId, page],
    queryFn: () => publicDisclosureApi.org(orgId, page),
    retry: false,
  });
  const d = query.data;
  return (
    <PortalFrame title={d?.orgName ?? '信息公开'} back="/p/disclosure">
      {query.isLoading && <Spin style={{ display: 'block', margin: 40 }} />}
      {query.error && (
        <Alert
          type="warning"
          showIcon
          message={
            isApiError(query.error) && query.error.status === 404 ? '未找到该红十字会' : query.error.message
          }
        />
      )}
      {d && (
        <>
          <FundsSummary funds={d.funds} />
          <Tabs
            defaultActiveKey="batches"
            items={[
              {
                key: 'batches',
                label: '每日公示',
                children: (
                  <>
                    <List
                      dataSource={d.batches.items}
                      locale={{ emptyText: '尚未发布公示' }}
                      style={{ background: '#fff', borderRadius: 8 }}
                      renderItem={(b) => (
                        <List.Item style={{ padding: '12px 16px' }}>
                          <Link
                            to={`/p/disclosure/batches/${b.id}`}
                            style={{ display: 'block', width: '100%', color: 'inherit' }}
                          >
                            <Typography.Text strong>{b.day}</Typography.Text>
                            {b.giftCount + b.disbursementCount + b.reversalCount === 0 && (
                              <Tag bordered={false} style={{ marginLeft: 8 }}>
                                本日无新增
                              </Tag>
                            )}
                            <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4 }}>
                              接收 {b.giftCount} 笔 {yuan(b.giftFen)} · 拨付 {b.disbursementCount} 笔{' '}
                              {yuan(b.disbursementFen)}
                              {b.reversalCount > 0 && ` · 冲减 ${b.reversalCount} 笔`}
                            </div>
                          </Link>
                        </List.Item>
                      )}
                    />
                    {d.batches.total > d.batches.pageSize && (
                      <Pagination
                        simple
                        current={page}
                        pageSize={d.batches.pageSize}
                        total={d.batches.total}
                        onChange={setPage}
                        style={{ textAlign: 'center', marginTop: 12 }}
                      />
                    )}
                  </>
                ),
              },
              { key: 'search', label: '查询', children: <SearchTab orgId={orgId} /> },
              { key: 'honour', label: '功德榜', children: <HonourRollTab orgId={orgId} /> },
            ]}
          />
        </>
      )}
    </PortalFrame>
  );
}

function SearchTab({ orgId }: { orgId: number }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['public-disclosure', 'search', orgId, q, page],
    queryFn: () => publicDisclosureApi.search(orgId, q, page),
    enabled: q !== '',
  });
  return (
    <>
      <Input.Search
        id="disclosure-search"
        placeholder="公示名称或 14 位票据号码"
        enterButton="查询"
        maxLength={50}
        allowClear
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
      />
      {q && (
        <div style={{ background: '#fff', borderRadius: 8, padding: '0 12px' }}>
          <LineList
            page={query.data}
            loading={query.isFetching}
            onPage={setPage}
            empty="未查到公示记录"
            showDay
          />
        </div>
      )}
    </>
  );
}

function HonourRollTab({ orgId }: { orgId: number }) {
  const [section, setSection] = useState<'named' | 'unnamed'>('named');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['public-disclosure', 'honour', orgId, section, page],
    queryFn: () => publicDisclosureApi.honourRoll(orgId, section, page),
  });
  const roll = query.data;
  return (
    <>
      <Segmented
        block
        value={section}
        onChange={(v) => {
          setSection(v as 'named' | 'unnamed');
          setPage(1);
        }}
        options={[
          { label: '具名捐赠（累计）', value: 'named' },
          { label: '爱心人士（逐笔）', value: 'unnamed' },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {section === 'named'
          ? '企业和同意公开姓名的个人，按名称累计。'
          : '未公开姓名的个人和匿名捐赠逐笔列示，不作累计，以免识别捐赠人。'}
      </Typography.Paragraph>
      <List
        loading={query.isFetching}
        dataSource={roll?.items ?? []}
        locale={{ emptyText: '暂无' }}
        style={{ background: '#fff', borderRadius: 8 }}
        renderItem={(e, i) => (
          <List.Item style={{ padding: '10px 16px' }}>
            <span>
              <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                {(page - 1) * (roll?.pageSize ?? 20) + i + 1}
              </Typography.Text>
              <Typography.Text strong>{e.publicName}</Typography.Text>
              <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                {section === 'named' ? `${e.giftCount} 笔 · 最近 ${e.lastOn}` : e.lastOn}
              </div>
            </span>
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {yuan(e.amountFen)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {roll && roll.total > roll.pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={roll.pageSize}
          total={roll.total}
          onChange={setPage}
          style={{ textAlign: 'center', marginTop: 12 }}
        />
      )}
    </>
  );
}
