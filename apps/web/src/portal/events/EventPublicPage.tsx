import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Progress, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import {
  DISASTER_EVENT_STATUS_LABELS,
  DISASTER_TYPE_LABELS,
  formatFen,
  RESPONSE_LEVEL_LABELS,
  type PublicDisasterEvent,
} from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { api, isApiError } from '../../lib/api.ts';
import styles from '../portal.module.css';

const RED = '#c8161d';
const pct = (n: number, of: number) => (of > 0 ? Math.min(100, Math.floor((n * 100) / of)) : 0);

/**
 * 灾害事件公开页 (/p/events/:id), phone-first: what the affected area needed against what was shipped
 * and signed for, and the money raised for it. Numbers only; no person is named.
 */
export default function EventPublicPage() {
  const id = Number(useParams().id);
  const query = useQuery({
    queryKey: ['public-disaster-event', id],
    queryFn: () => api.get<PublicDisasterEvent>(`/api/public/disaster-events/${id}`),
    enabled: id > 0,
    retry: false,
  });
  const e = query.data;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Logo size={30} />
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {e?.name ?? '灾害事件'}
        </span>
      </header>
      <main style={{ padding: 12, maxWidth: 720, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        {query.isLoading && <Spin style={{ display: 'block', margin: 40 }} />}
        {(query.isError || !(id > 0)) && (
          <Alert
            type="warning"
            showIcon
            message={
              !(id > 0) || (isApiError(query.error) && query.error.status === 404)
                ? '未找到该灾害事件'
                : query.error?.message
            }
          />
        )}
        {e && (
          <>
            <Card size="small" style={{ marginBottom: 12 }}>
              <Typography.Title level={4} style={{ margin: 0 }} id="public-event-name">
                {e.name}
              </Typography.Title>
              <div style={{ margin: '8px 0 0', color: '#8c8c8c', fontSize: 13, lineHeight: 1.9 }}>
                <Tag color="red" bordered={false}>
                  {DISASTER_TYPE_LABELS[e.type].zh}
                </Tag>
                <Tag color="orange" bordered={false}>
                  {RESPONSE_LEVEL_LABELS[e.responseLevel].zh}
                </Tag>
                <Tag bordered={false}>{DISASTER_EVENT_STATUS_LABELS[e.status].zh}</Tag>
                <div>受灾地区：{e.area}</div>
                <div>
                  {e.startsOn} 至 {e.endsOn ?? '今'} · {e.orgName}
                </div>
              </div>
            </Card>
            <Card size="small" title="需求与物资到位" style={{ marginBottom: 12 }}>
              {e.needs.length === 0 && <Typography.Text type="secondary">暂无需求清单</Typography.Text>}
              {e.needs.map((n) => (
                <div key={n.name} style={{ marginBottom: 12 }} className="public-event-need">
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <b>{n.name}</b>
                    <span style={{ color: '#595959', fontSize: 13 }}>
                      需求 {n.neededQty} {n.unit} · 已发运 {n.shippedQty} · 已签收 {n.signedQty}
                    </span>
                  </div>
                  <Progress
                    percent={pct(n.shippedQty, n.neededQty)}
                    success={{ percent: pct(n.signedQty, n.neededQty), strokeColor: '#52c41a' }}
                    strokeColor={RED}
                    format={() => `${pct(n.signedQty, n.neededQty)}%`}
                  />
                  {n.neededQty > n.shippedQty && (
                    <div style={{ color: RED, fontSize: 12 }}>
                      缺口 {n.neededQty - n.shippedQty} {n.unit}
                    </div>
                  )}
                </div>
              ))}
              <div style={{ color: '#8c8c8c', fontSize: 12 }}>绿色为已签收，红色为已发运在途。</div>
            </Card>
            <Card size="small" title="募集情况">
              <div style={{ fontSize: 24, color: RED, fontWeight: 600 }} id="public-event-raised">
                {formatFen(e.raisedFen, { symbol: true })}
              </div>
              <div style={{ color: '#8c8c8c', fontSize: 13 }}>
                善款 {e.giftCount} 笔
                {e.goodsValueFen > 0 && ` · 捐赠物资估值 ${formatFen(e.goodsValueFen, { symbol: true })}`}
              </div>
              {e.appeals.map((a) => (
                <div key={a.id} style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
                  <Link to={`/p/appeals/${a.id}`}>{a.name}</Link>
                  <span>{formatFen(a.raisedFen, { symbol: true })}</span>
                </div>
              ))}
            </Card>
          </>
        )}
      </main>
      <footer className={styles.footer}>
        数据来自红十字会物资调拨与捐赠记录，实时更新。物资以签收为到位；善款为已确认的捐款。
      </footer>
    </div>
  );
}
