import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Segmented, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { APPEAL_KIND_LABELS, formatFen } from '@boai/contracts';
import { isApiError } from '../../lib/api.ts';
import { publicDisclosureApi } from './api.ts';
import { FundsSummary } from './FundsSummary.tsx';
import { LineList } from './LineList.tsx';
import { PortalFrame } from './PortalFrame.tsx';

/** An appeal's public page: progress to its target, received / spent / balance as published, and its lists. */
export default function AppealDisclosurePage() {
  const appealId = Number(useParams().appealId);
  const [list, setList] = useState<'gift' | 'disbursement'>('gift');
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['public-disclosure', 'appeal', appealId, list, page],
    queryFn: () => publicDisclosureApi.appeal(appealId, list, page),
    retry: false,
  });
  const a = query.data;
  const percent = a?.targetFen ? Math.floor((a.funds.receivedFen * 100) / a.targetFen) : null;
  return (
    <PortalFrame title={a?.name ?? '募捐项目'} back={a ? `/p/disclosure/${a.orgId}` : '/p/disclosure'}>
      {query.isLoading && <Spin style={{ display: 'block', margin: 40 }} />}
      {query.error && (
        <Alert
          type="warning"
          showIcon
          message={
            isApiError(query.error) && query.error.status === 404 ? '未找到该项目' : query.error.message
          }
        />
      )}
      {a && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {a.name}
            </Typography.Title>
            <div style={{ margin: '6px 0', color: '#8c8c8c', fontSize: 13 }}>
              <Tag color="red" bordered={false}>
                {APPEAL_KIND_LABELS[a.kind].zh}
              </Tag>
              <Link to={`/p/disclosure/${a.orgId}`}>{a.orgName}</Link>
              {a.filingNo && <div>慈善中国备案编号：{a.filingNo}</div>}
              {(a.startsOn || a.endsOn) && (
                <div>
                  {a.startsOn ?? ''} 至 {a.endsOn ?? '长期'}
                </div>
              )}
            </div>
            {a.targetFen !== null && (
              <>
                <Progress
                  percent={Math.min(percent!, 100)}
                  strokeColor="#c8161d"
                  format={() => `${percent}%`}
                />
                <div style={{ color: '#8c8c8c', fontSize: 12 }}>
                  目标 {formatFen(a.targetFen, { symbol: true })}
                </div>
              </>
            )}
            {a.open ? (
              <Button
                id="appeal-donate"
                type="primary"
                size="large"
                block
                href={`/p/donate/${a.appealId}`}
                style={{ marginTop: 12, background: '#c8161d' }}
              >
                我要捐款
              </Button>
            ) : (
              <Alert type="info" message="该项目已结束募捐" style={{ marginTop: 12 }} />
            )}
          </Card>
          <FundsSummary funds={a.funds} />
          <Segmented
            block
            value={list}
            onChange={(v) => {
              setList(v as 'gift' | 'disbursement');
              setPage(1);
            }}
            options={[
              { label: '捐赠明细', value: 'gift' },
              { label: '拨付明细', value: 'disbursement' },
            ]}
            style={{ marginBottom: 12 }}
          />
          <div style={{ background: '#fff', borderRadius: 8, padding: '0 12px' }}>
            <LineList
              page={a.lines}
              loading={query.isFetching}
              onPage={setPage}
              showDay
              omitDesignation={a.name}
            />
          </div>
        </>
      )}
    </PortalFrame>
  );
}
