import { useState } from 'react';
import { Alert, Button, Descriptions, Divider, Drawer, Space, Spin, Tag, Tooltip } from 'antd';
import { ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import {
  approveStocktakeSchema,
  formatFen,
  rejectStocktakeSchema,
  STOCKTAKE_STATUS_LABELS,
  type StocktakeDetail,
} from '@boai/contracts';
import { zodRule } from '../../../lib/forms.ts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { useCan, useMe } from '../../auth/index.ts';
import { commonDict } from '../../common/dict.ts';
import { MutationForm } from '../../common/MutationForm.tsx';
import { useSubmit } from '../../common/useSubmit.ts';
import { STOCK_OPS_KEY, STOCKTAKES_KEY, stockOpsApi } from './api.ts';
import { STOCKTAKE_COLORS } from './colors.ts';
import { CountEntry } from './CountEntry.tsx';
import { stockOpsDict } from './dict.ts';
import { StocktakeLines } from './StocktakeLines.tsx';

type Decision = 'approve' | 'reject';

function DecisionForm({
  st,
  decision,
  onClose,
}: {
  st: StocktakeDetail;
  decision: Decision;
  onClose: () => void;
}) {
  const t = useT(stockOpsDict);
  const tc = useT(commonDict);
  const approve = decision === 'approve';
  return (
    <MutationForm<{ comment?: string }>
      title={t(approve ? 'approveCountTitle' : 'rejectCountTitle')}
      open
      onClose={onClose}
      submit={(v) =>
        approve
          ? stockOpsApi.approveStocktake(st.id, v.comment?.trim() || undefined)
          : stockOpsApi.rejectStocktake(st.id, v.comment?.trim() ?? '')
      }
      invalidate={[STOCK_OPS_KEY]}
      successText={t(approve ? 'approvedDone' : 'rejectedDone')}
      submitId={`stocktake-${decision}-submit`}
      submitText={t(decision)}
    >
      <Alert
        type={approve ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        message={
          approve
            ? t('approveCountConfirm', { n: st.varianceCount, gain: st.gainQty, loss: st.lossQty })
            : t('rejectCountConfirm')
        }
      />
      <ProFormTextArea
        name="comment"
        label={t('comment')}
        fieldProps={{ id: `stocktake-${decision}-comment`, maxLength: 500, showCount: true }}
        rules={[
          ...(approve
            ? []
            : [{ required: true, whitespace: true, message: tc('required', { field: t('comment') }) }]),
          zodRule((approve ? approveStocktakeSchema : rejectStocktakeSchema).shape.comment),
        ]}
      />
    </MutationForm>
  );
}

/** One count: its state, the ways to enter counts while counting, the lines, and the decision. */
export function StocktakeDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT(stockOpsDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const submit = useSubmit();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const { data: st } = useQuery({
    queryKey: [...STOCKTAKES_KEY, 'detail', id],
    queryFn: () => stockOpsApi.stocktake(id),
  });
  const counting = st?.status === 'counting' && can('relief:manage');
  const own = st?.startedBy === me?.username;
  const mayDecide = can('relief:approve') && (st?.status === 'submitted' || st?.status === 'counting');

  const decisionButtons = st && mayDecide && (
    <Space>
      {(['approve', 'reject'] as const)
        .filter((d) => d === 'reject' || st.status === 'submitted')
        .map((d) => (
          <Tooltip key={d} title={own ? t('ownRequest') : undefined}>
            <Button
              id={`stocktake-${d}`}
              type={d === 'approve' ? 'primary' : 'default'}
              danger={d === 'reject'}
              disabled={own}
              onClick={() => setDeciding(d)}
            >
              {t(d)}
            </Button>
          </Tooltip>
        ))}
    </Space>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      width={Math.min(1100, window.innerWidth)}
      title={st ? `${st.warehouseName} · ${t('countNo', { id })}` : t('countNo', { id })}
      extra={
        <Space>
          {counting && (
            <Button
              id="stocktake-submit"
              type="primary"
              onClick={() =>
                void submit(() => stockOpsApi.submitStocktake(id), {
                  invalidate: [STOCK_OPS_KEY],
                  success: t('submitted'),
                })
              }
            >
              {t('submitCount')}
            </Button>
          )}
          {decisionButtons}
        </Space>
      }
    >
      {!st ? (
        <Spin />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('status')}>
              <Tag color={STOCKTAKE_COLORS[st.status]}>{label(STOCKTAKE_STATUS_LABELS[st.status])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('org')}>{st.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('startedBy')}>
              {st.startedBy} · {formatTime(st.startedAt, 'YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
            <Descriptions.Item label={t('progress')}>
              {t('progressN', { counted: st.countedCount, lines: st.lineCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('variances')}>
              {t('variancesN', { n: st.varianceCount, gain: st.gainQty, loss: st.lossQty })}
            </Descriptions.Item>
            <Descriptions.Item label={t('varianceValue')}>
              {formatFen(st.varianceValueFen, { symbol: true })}
            </Descriptions.Item>
            {st.decidedBy && (
              <Descriptions.Item label={t('decidedBy')}>
                {st.decidedBy} · {formatTime(st.decidedAt, 'YYYY-MM-DD HH:mm')}
              </Descriptions.Item>
            )}
            {st.comment && <Descriptions.Item label={t('comment')}>{st.comment}</Descriptions.Item>}
          </Descriptions>
          {counting && (
            <>
              <Divider />
              <CountEntry id={id} />
            </>
          )}
          <Divider />
          <StocktakeLines key={`${st.id}-${st.status}`} st={st} editable={counting} />
          {deciding && <DecisionForm st={st} decision={deciding} onClose={() => setDeciding(null)} />}
        </>
      )}
    </Drawer>
  );
}
