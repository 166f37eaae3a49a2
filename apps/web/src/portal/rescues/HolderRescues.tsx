import { useQuery } from '@tanstack/react-query';
import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { RESCUE_ACTION_LABELS, RESCUE_OUTCOME_LABELS, type PublicRescue } from '@boai/contracts';
import { api } from '../../lib/api.ts';

/**
 * Under a matched certificate check: the holder's verified rescues (commendations first in mind), and
 * the way for the holder to report one.
 */
export function HolderRescues({ number, name }: { number: string; name: string }) {
  const query = useQuery({
    queryKey: ['public-rescues', number, name],
    queryFn: () => api.get<PublicRescue[]>(`/api/public/certificates/${number}/rescues`, { name }),
    retry: false,
  });
  const report = `/p/rescues/report?number=${encodeURIComponent(number)}&name=${encodeURIComponent(name)}`;
  return (
    <div id="holder-rescues" style={{ marginTop: 16 }}>
      {!!query.data?.length && (
        <Card size="small" title={`施救案例（已核实 ${query.data.length} 起）`}>
          {query.data.map((r, i) => (
            <div
              key={i}
              className="holder-rescue"
              style={{ padding: '6px 0', borderTop: i ? '1px solid #f0f0f0' : 0 }}
            >
              <div>
                {r.occurredOn} · {r.actions.map((a) => RESCUE_ACTION_LABELS[a].zh).join('、')}
                {r.aedUsed && ' · 使用 AED'}
              </div>
              <div style={{ color: '#595959' }}>结果：{RESCUE_OUTCOME_LABELS[r.outcome].zh}</div>
              {r.commendation && (
                <Tag color="red" style={{ marginTop: 4 }}>
                  {r.commendation}
                </Tag>
              )}
            </div>
          ))}
        </Card>
      )}
      <Link id="report-rescue" to={report} style={{ display: 'block', marginTop: 12, textAlign: 'center' }}>
        我是持证人，报告一次施救
      </Link>
    </div>
  );
}
