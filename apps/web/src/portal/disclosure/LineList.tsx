import { List, Pagination, Tag, Typography } from 'antd';
import { formatFen, type DisclosureLine, type PublicLinePage } from '@boai/contracts';

const KIND: Record<DisclosureLine['kind'], { text: string; color: string }> = {
  gift: { text: '捐赠', color: 'red' },
  disbursement: { text: '拨付', color: 'blue' },
  reversal: { text: '冲减', color: 'orange' },
};

/** Published lines as a phone list: who, how much, for what, and the receipt number to check. */
export function LineList({
  page,
  loading,
  onPage,
  empty = '暂无公示内容',
  showDay = false,
  omitDesignation,
}: {
  page: PublicLinePage | undefined;
  loading: boolean;
  onPage: (page: number) => void;
  empty?: string;
  showDay?: boolean;
  /** On an appeal's own page most lines are designated to it by name: saying so on each is noise. */
  omitDesignation?: string;
}) {
  return (
    <>
      <List<DisclosureLine>
        loading={loading}
        dataSource={page?.items ?? []}
        locale={{ emptyText: empty }}
        renderItem={(l) => (
          <List.Item style={{ display: 'block', padding: '10px 4px' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span style={{ minWidth: 0 }}>
                <Tag color={KIND[l.kind].color} bordered={false}>
                  {KIND[l.kind].text}
                </Tag>
                <Typography.Text strong>{l.publicName}</Typography.Text>
                {l.form === 'goods' && (
                  <Tag bordered={false} style={{ marginLeft: 6 }}>
                    物资
                  </Tag>
                )}
              </span>
              <Typography.Text
                strong
                type={l.amountFen < 0 ? 'danger' : undefined}
                style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
              >
                {formatFen(l.amountFen, { symbol: true })}
              </Typography.Text>
            </div>
            <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4, lineHeight: 1.7 }}>
              {l.occurredOn}
              {showDay && l.day !== l.occurredOn ? `（${l.day} 公示）` : ''}
              {l.designation !== omitDesignation && ` · ${l.designation ?? '非定向'}`}
              {l.receiptNo && (
                <>
                  {' · 票据 '}
                  <a href={`/p/receipts/${l.receiptNo}`} style={{ fontFamily: 'monospace' }}>
                    {l.receiptNo}
                  </a>
                </>
              )}
              {l.note && <div>{l.note}</div>}
            </div>
          </List.Item>
        )}
      />
      {page && page.total > page.pageSize && (
        <Pagination
          simple
          current={page.page}
          pageSize={page.pageSize}
          total={page.total}
          onChange={onPage}
          style={{ textAlign: 'center', marginTop: 12 }}
        />
      )}
    </>
  );
}
