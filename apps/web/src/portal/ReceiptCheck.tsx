import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Input, Result, Spin, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { fenToChineseCapital, formatFen, type PublicReceipt } from '@boai/contracts';
import { Logo } from '../brand/Logo.tsx';
import { api, isApiError } from '../lib/api.ts';
import styles from './portal.module.css';

/**
 * A voided (冲红) receipt: said in red, so nobody takes it for a valid one, with the way to the receipt
 * issued in its place — or, when there is none, that the gift itself was cancelled.
 */
function VoidedNotice({ receipt }: { receipt: PublicReceipt }) {
  return (
    <Result
      status="error"
      title={<span style={{ color: '#cf1322', fontWeight: 600 }}>已作废（冲红）</span>}
      subTitle={
        <>
          <div>此票据已由 {receipt.orgName} 冲红作废，不能作为捐赠凭证。</div>
          {receipt.replacedBy ? (
            <div style={{ marginTop: 8 }}>
              已换开新票据：
              <Link id="receipt-replaced-by" to={`/p/receipts/${receipt.replacedBy}`}>
                {receipt.replacedBy}
              </Link>
            </div>
          ) : (
            <div style={{ marginTop: 8 }}>未换开新票据（该笔捐赠已撤销）。</div>
          )}
        </>
      }
      style={{ padding: '16px 0' }}
    />
  );
}

/**
 * 票据查验: where the QR code on a 捐赠票据 leads. Phone-first; shows what the public record shows
 * (the donor's public name, never their identity) and whether the receipt is still valid.
 */
export default function ReceiptCheck() {
  const { number } = useParams();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['public-receipt', number],
    queryFn: () => api.get<PublicReceipt>(`/api/public/receipts/${number}`),
    enabled: !!number,
    retry: false,
  });
  const r = query.data;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Logo size={30} />
        <span>捐赠票据查验</span>
      </header>
      <main style={{ padding: 16, maxWidth: 560, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        <Input.Search
          // A new number (e.g. following a voided receipt's replacement) starts the box afresh.
          key={number}
          id="receipt-number"
          placeholder="输入 14 位票据号码"
          defaultValue={number}
          enterButton="查验"
          inputMode="numeric"
          maxLength={14}
          onSearch={(v) => v.trim() && navigate(`/p/receipts/${v.trim()}`)}
          style={{ marginBottom: 16 }}
        />
        {query.isLoading && <Spin style={{ display: 'block', margin: 40 }} />}
        {query.error && (
          <Alert
            type="warning"
            showIcon
            message={
              isApiError(query.error) && query.error.status === 404
                ? '未查到该票据号码，请核对后重试'
                : query.error.message
            }
          />
        )}
        {r && (
          <>
            {r.status === 'issued' ? (
              <Result
                status="success"
                title="票据真实有效"
                subTitle={`${r.orgName} 开具`}
                style={{ padding: '16px 0' }}
              />
            ) : (
              <div id="receipt-voided">
                <VoidedNotice receipt={r} />
              </div>
            )}
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="票据号码">
                <span style={r.status === 'voided' ? { textDecoration: 'line-through' } : undefined}>
                  {r.number}
                </span>{' '}
                {r.status === 'voided' ? <Tag color="error">已作废</Tag> : <Tag color="success">有效</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="开票日期">{r.issuedOn}</Descriptions.Item>
              <Descriptions.Item label="捐赠人">{r.donorPublicName}</Descriptions.Item>
              <Descriptions.Item label="金额">
                ¥{formatFen(r.amountFen)}
                <div style={{ color: '#8c8c8c', fontSize: 12 }}>{fenToChineseCapital(r.amountFen)}</div>
              </Descriptions.Item>
              <Descriptions.Item label="用途">
                {r.designation ? <Tag color="red">定向：{r.designation}</Tag> : '非定向'}
              </Descriptions.Item>
              <Descriptions.Item label="到账日期">{r.receivedOn}</Descriptions.Item>
            </Descriptions>
            <Link id="receipt-trace" to={`/p/trace/${r.number}`} style={{ display: 'block', marginTop: 12 }}>
              <Button type="primary" ghost block>
                查看善款去向（公开账本核验）
              </Button>
            </Link>
            <p style={{ color: '#8c8c8c', fontSize: 12, marginTop: 12 }}>
              为保护捐赠人隐私，未同意公开姓名的个人捐赠人以“张*三”形式显示，匿名捐赠显示为“爱心人士”。
            </p>
          </>
        )}
        <Button type="link" href="/" style={{ paddingLeft: 0 }}>
          返回首页
        </Button>
      </main>
    </div>
  );
}
