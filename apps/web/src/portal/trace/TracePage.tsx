import { useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Collapse, Descriptions, Spin, Steps, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import {
  formatFen,
  LEDGER_KIND_LABELS,
  tlog,
  type LedgerKind,
  type LedgerTrace,
  type LedgerTraceStepName,
} from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { isApiError } from '../../lib/api.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { formatTime } from '../../lib/time.ts';
import portal from '../portal.module.css';
import { traceApi } from './api.ts';
import { traceDict } from './dict.ts';
import { TraceSearch } from './TraceSearch.tsx';
import styles from './trace.module.css';

// A plain day stays as it is (parsing it as a time could move it across midnight); a time is shown as its Beijing day.
const dayOf = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatTime(value, 'YYYY-MM-DD');

type Check = tlog.StepCheck['status'];

const STEP_LABEL: Record<LedgerTraceStepName, keyof typeof traceDict> = {
  received: 'stepReceived',
  receipted: 'stepReceipted',
  published: 'stepPublished',
  allocated: 'stepAllocated',
  stocked: 'stepStocked',
  shipped: 'stepShipped',
  signed: 'stepSigned',
  used: 'stepUsed',
  voided: 'stepVoided',
};

const STATUS_TAG: Record<Check, { color: string; icon: ReactNode }> = {
  verified: { color: 'success', icon: <CheckCircleFilled /> },
  failed: { color: 'error', icon: <CloseCircleFilled /> },
  pending: { color: 'default', icon: <ClockCircleOutlined /> },
};

function CheckTag({ status }: { status: Check }) {
  const t = useT(traceDict);
  return (
    <Tag color={STATUS_TAG[status].color} icon={STATUS_TAG[status].icon} data-check={status}>
      {t(status)}
    </Tag>
  );
}

/**
 * 善款去向 (/p/trace/:receiptNumber), where a receipt's QR code and the donor's pages lead: the
 * gift's journey as the public ledger records it, each step checked in this browser against the
 * society's signed checkpoint with keys from the published log list.
 */
export default function TracePage() {
  const t = useT(traceDict);
  const { receiptNumber = '' } = useParams();
  const valid = /^\d{14}$/.test(receiptNumber);
  const trace = useQuery({
    queryKey: ['ledger-trace', receiptNumber],
    queryFn: () => traceApi.trace(receiptNumber),
    enabled: valid,
    retry: false,
    // A step a moment old is not in a checkpoint yet; the checkpointer catches up within a second or so.
    refetchInterval: (q) => (q.state.data?.steps.some((s) => s.proof === null) ? 3000 : false),
  });
  const logs = useQuery({
    queryKey: ['ledger-logs'],
    queryFn: traceApi.logs,
    enabled: valid,
    staleTime: 60_000,
  });
  const check = useMemo(
    () => (trace.data && logs.data ? tlog.verifyTrace(trace.data, logs.data.items) : null),
    [trace.data, logs.data],
  );
  const error = trace.error ?? logs.error;

  return (
    <div className={portal.page}>
      <header className={portal.header}>
        <Logo size={30} />
        <span>{t('title')}</span>
      </header>
      <main className={styles.main}>
        {!receiptNumber && <p className={styles.intro}>{t('intro')}</p>}
        <div style={{ marginBottom: 12 }}>
          <TraceSearch initial={receiptNumber || undefined} />
        </div>
        {receiptNumber && !valid && <Alert type="warning" showIcon message={t('badNumber')} />}
        {(trace.isLoading || logs.isLoading) && valid && <Spin style={{ display: 'block', margin: 40 }} />}
        {error && (
          <Alert
            type="warning"
            showIcon
            message={isApiError(error) && error.status === 404 ? t('notFound') : error.message}
          />
        )}
        {trace.data && check && logs.data && (
          <TraceView
            trace={trace.data}
            check={check}
            keys={logs.data.items.find((l) => l.orgId === trace.data.receipt.orgId)?.keys ?? []}
          />
        )}
        <div className={styles.links}>
          <Link to="/">{t('home')}</Link>
          {valid && <Link to={`/p/receipts/${receiptNumber}`}>{t('receiptCheck')}</Link>}
        </div>
      </main>
    </div>
  );
}

function TraceView({ trace, check, keys }: { trace: LedgerTrace; check: tlog.TraceCheck; keys: string[] }) {
  const t = useT(traceDict);
  const label = useLabel();
  const r = trace.receipt;
  const failedCount = check.steps.filter((s) => s.status === 'failed').length;
  const overall = {
    verified: { type: 'success' as const, text: t('overallVerified', { n: check.steps.length }) },
    failed: { type: 'error' as const, text: t('overallFailed', { n: failedCount }) },
    pending: { type: 'info' as const, text: t('overallPending') },
  }[check.overall];
  return (
    <>
      <div className={styles.panel}>
        <div className={styles.stepHead}>
          <span className={styles.amount}>¥{formatFen(r.amountFen)}</span>
          {r.status === 'voided' ? (
            <Tag color="error">{t('voided')}</Tag>
          ) : (
            <Tag color="success">{t('valid')}</Tag>
          )}
        </div>
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('receiptNo')}>{r.number}</Descriptions.Item>
          <Descriptions.Item label={t('society')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('date')}>{dayOf(r.date)}</Descriptions.Item>
          {r.appealName && <Descriptions.Item label={t('appeal')}>{r.appealName}</Descriptions.Item>}
        </Descriptions>
      </div>

      <Alert
        id="trace-overall"
        data-check={check.overall}
        type={overall.type}
        showIcon
        message={<strong>{t(check.overall)}</strong>}
        description={overall.text}
        style={{ marginBottom: 12 }}
      />

      <div className={styles.panel}>
        {trace.steps.length === 0 ? (
          <Typography.Text type="secondary">{t('noSteps')}</Typography.Text>
        ) : (
          <Steps
            direction="vertical"
            size="small"
            items={trace.steps.map((step, i) => {
              const c = check.steps[i]!;
              return {
                status: c.status === 'verified' ? 'finish' : c.status === 'failed' ? 'error' : 'wait',
                title: (
                  <span
                    className={styles.stepHead}
                    data-testid="trace-step"
                    data-step={step.step}
                    data-check={c.status}
                  >
                    {t(STEP_LABEL[step.step])}
                    <CheckTag status={c.status} />
                  </span>
                ),
                description: (
                  <div>
                    <div className={styles.muted}>{formatTime(step.at, 'YYYY-MM-DD HH:mm')}</div>
                    {step.detail && <div className={styles.detail}>{step.detail}</div>}
                    {c.status === 'failed' && (
                      <Alert type="error" showIcon message={c.message} style={{ margin: '4px 0' }} />
                    )}
                    {c.status === 'verified' && (
                      <div className={styles.muted}>
                        {t('checkpointOf', { size: c.size })}
                        {c.cosignedBy.length > 0 && ` · ${t('witnessed')}`}
                      </div>
                    )}
                    <Collapse
                      ghost
                      size="small"
                      items={[
                        {
                          key: 'entry',
                          label: t('showEntry', { index: step.entry.index }),
                          children: (
                            <Descriptions column={1} size="small" layout="vertical">
                              <Descriptions.Item label={t('kind')}>
                                {step.entry.kind in LEDGER_KIND_LABELS
                                  ? label(LEDGER_KIND_LABELS[step.entry.kind as LedgerKind])
                                  : step.entry.kind}{' '}
                                <span className={styles.mono}>({step.entry.kind})</span>
                              </Descriptions.Item>
                              <Descriptions.Item label={t('index')}>
                                <span className={styles.mono}>{step.entry.index}</span>
                              </Descriptions.Item>
                              <Descriptions.Item label={t('leafHash')}>
                                <span className={styles.mono}>{step.entry.leafHash}</span>
                              </Descriptions.Item>
                              <Descriptions.Item label={t('content')}>
                                <pre className={styles.json}>{step.entry.entry}</pre>
                              </Descriptions.Item>
                            </Descriptions>
                          ),
                        },
                      ]}
                    />
                  </div>
                ),
              };
            })}
          />
        )}
      </div>

      <div className={styles.panel}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('howTitle')}
        </Typography.Title>
        <ol className={styles.how}>
          <li>{t('how1')}</li>
          <li>{t('how2')}</li>
          <li>{t('how3')}</li>
        </ol>
        {keys.length > 0 && (
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'keys',
                label: t('keys'),
                children: keys.map((k) => (
                  <div key={k} className={styles.mono}>
                    {k}
                  </div>
                )),
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
