import { Card, Col, Row, Statistic } from 'antd';
import { formatFen, type PublicFunds } from '@boai/contracts';

const yuan = (fen: number) => formatFen(fen, { symbol: true });

/** Received, spent and balance as published, with goods valued apart from money. */
export function FundsSummary({ funds }: { funds: PublicFunds }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={[8, 12]}>
        <Col span={12}>
          <Statistic title={`已公示接收资金（${funds.giftCount} 笔）`} value={yuan(funds.receivedFen)} />
        </Col>
        <Col span={12}>
          <Statistic title={`已公示拨付（${funds.disbursementCount} 笔）`} value={yuan(funds.spentFen)} />
        </Col>
        <Col span={12}>
          <Statistic title="资金结余" value={yuan(funds.balanceFen)} valueStyle={{ color: '#c8161d' }} />
        </Col>
        <Col span={12}>
          <Statistic title="接收物资（估值）" value={yuan(funds.goodsFen)} />
        </Col>
      </Row>
    </Card>
  );
}
