import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Image,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { MobileOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ALLOCATION_STATUS_LABELS,
  ALLOCATION_STEP_LABELS,
  formatFen,
  type AllocationDetail,
} from '@boai/contracts';
import { isApiError } from '../../../lib/api.ts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { formatTime } from '../../../lib/time.ts';
import { DecisionForm, ShipForm, SignForm, type Decision } from './ActionForms.tsx';
import { allocationKey, allocationsApi, RELIEF_KEY } from './api.ts';
import { allocationsDict } from './dict.ts';
import { ScanBox } from './ScanBox.tsx';
import { STATUS_COLORS } from './status.ts';

/** The actions the server says the user may take now (it decides again on each). */
function Actions({ a, onPick }: { a: AllocationDetail; onPick: (what: Decision | 'ship' | 'sign') => void }) {
  const t = useT(allocationsDict);
  return (
    <Space wrap>
      {a.can.approve && (
        <>
          <Button id="allocation-approve" type="primary" onClick={() => onPick('approve')}>
            {t('approve')}
          </Button>
          <Button id="allocation-reject" danger onClick={() => onPick('reject')}>
            {t('reject')}
          </Button>
        </>
      )}
      {(a.status === 'approved' || a.status === 'shipped') && (
        <Button icon={<PrinterOutlined />} href={allocationsApi.pickListUrl(a.id)} target="_blank">
          {t('pickList')}
        </Button>
      )}
      {(a.can.pick || a.can.ship || a.can.sign) && (
        <Button
          icon={<MobileOutlined />}
          href={`/console/scan?allocation=${a.id}&task=${a.can.sign ? 'sign' : a.can.pick ? 'pick' : 'ship'}`}
        >
          {t('scanPage')}
        </Button>
      )}
      {a.can.ship && (
        <Button id="allocation-ship" type="primary" onClick={() => onPick('ship')}>
          {t('ship')}
        </Button>
      )}
      {a.can.sign && (
        <Button id="allocation-sign" type="primary" onClick={() => onPick('sign')}>
          {t('sign')}
        </Button>
      )}
      {a.can.cancel && (
        <Button id="allocation-cancel" danger onClick={() => onPick('cancel')}>
          {t('cancel')}
        </Button>
      )}
    </Space>
  );
}

function Detail({ a }: { a: AllocationDetail }) {
  const t = useT(allocationsDict);
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Steps
        size="small"
        direction="vertical"
        items={a.timeline.map((s) => ({
          title: label(ALLOCATION_STEP_LABELS[s.step]),
          status: s.step === 'rejected' || s.step === 'cancelled' ? 'error' : 'finish',
          description: (
            <span>
              {formatTime(s.at, 'YYYY-MM-DD HH:mm')} {s.by}
              {s.note ? ` · ${s.note}` : ''}
            </span>
          ),
        }))}
      />
      {a.awaiting && (
        <Alert
          type="info"
          showIcon
          message={t('awaiting', { org: a.awaiting.orgName, level: a.awaiting.level })}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('status')}>
          <Tag color={STATUS_COLORS[a.status]}>{label(ALLOCATION_STATUS_LABELS[a.status])}</Tag>
          {t('approvals', { given: a.approvalsGiven, needed: a.approvalsNeeded })}
        </Descriptions.Item>
        <Descriptions.Item label={t('value')}>{formatFen(a.valueFen, { symbol: true })}</Descriptions.Item>
        <Descriptions.Item label={t('from')}>
          {a.fromWarehouseName}（{a.orgName}）
        </Descriptions.Item>
        <Descriptions.Item label={t('to')}>{a.destinationLabel}</Descriptions.Item>
        <Descriptions.Item label={t('event')}>{a.eventName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('purpose')}>{a.purpose}</Descriptions.Item>
        <Descriptions.Item label={t('requestedByOrg')}>{a.requestedByOrgName}</Descriptions.Item>
        <Descriptions.Item label={t('requestedBy')}>
          {a.requestedBy} · {formatTime(a.requestedAt, 'YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
        {a.shippedAt && (
          <Descriptions.Item label={t('shipping')}>
            {[a.carrier, a.trackingNo, a.shippedBy, formatTime(a.shippedAt, 'YYYY-MM-DD HH:mm')]
              .filter(Boolean)
              .join(' · ')}
          </Descriptions.Item>
        )}
        {a.signedAt && (
          <Descriptions.Item label={t('signing')}>
            {[a.signerName, formatTime(a.signedAt, 'YYYY-MM-DD HH:mm'), a.signNote]
              .filter(Boolean)
              .join(' · ')}
          </Descriptions.Item>
        )}
        {a.closedReason && <Descriptions.Item label={t('closedReason')}>{a.closedReason}</Descriptions.Item>}
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={a.lines}
        columns={[
          { title: t('item'), render: (_, l) => `${l.itemName}${l.spec ? ` ${l.spec}` : ''}` },
          { title: t('quantity'), align: 'right', render: (_, l) => `${l.quantity} ${l.unit}` },
          { title: t('pickedCol'), align: 'right', dataIndex: 'pickedQty' },
          { title: t('receivedQty'), align: 'right', render: (_, l) => l.receivedQty ?? '-' },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('picks')}</Typography.Title>
        <Table
          id="allocation-picks"
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={a.picks}
          columns={[
            { title: t('item'), dataIndex: 'itemName' },
            {
              title: t('batchCode'),
              render: (_, p) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text code>{p.batchCode}</Typography.Text>
                  {p.designation && (
                    <Tag color="red">
                      {t('designated')}：{p.designation}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('location'), render: (_, p) => p.locationCode ?? '-' },
            { title: t('expiresOn'), render: (_, p) => p.expiresOn ?? '-' },
            { title: t('toPick'), align: 'right', render: (_, p) => `${p.quantity} ${p.unit}` },
            { title: t('pickedCol'), align: 'right', dataIndex: 'pickedQty' },
            { title: t('receivedQty'), align: 'right', render: (_, p) => p.receivedQty ?? '-' },
            { title: t('destBatch'), render: (_, p) => p.destBatchCode ?? '-' },
          ]}
        />
      </div>
      {a.can.pick && (
        <div>
          <Typography.Title level={5}>{t('pick')}</Typography.Title>
          <ScanBox
            idPrefix="allocation-pick"
            withQuantity
            send={async (items) => {
              try {
                const answer = await allocationsApi.scan(a.id, 'pick', items);
                queryClient.setQueryData(allocationKey(a.id), answer.allocation);
                await queryClient.invalidateQueries({ queryKey: RELIEF_KEY });
                return answer.results;
              } catch (e) {
                message.error(isApiError(e) ? e.message : String(e));
                return undefined;
              }
            }}
          />
        </div>
      )}
      {a.approvals.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('approvalsTitle')}</Typography.Title>
          {a.approvals.map((x) => (
            <div key={x.level}>
              {t('level', { level: x.level })} · {x.orgName} · {x.decidedBy} ·{' '}
              {x.decision === 'approved' ? t('approve') : t('reject')} ·{' '}
              {formatTime(x.decidedAt, 'YYYY-MM-DD HH:mm')}
              {x.comment ? ` · ${x.comment}` : ''}
            </div>
          ))}
        </div>
      )}
      {a.attachments.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('photo')}</Typography.Title>
          <Image.PreviewGroup>
            {a.attachments.map((x) => (
              <Image key={x.id} width={160} src={allocationsApi.photoUrl(a.id, x.id)} alt={x.fileName} />
            ))}
          </Image.PreviewGroup>
        </div>
      )}
    </Space>
  );
}

/** One allocation: its timeline, goods, picks, approvals and photos, with what the user may do next. */
export function AllocationDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useT(allocationsDict);
  const [action, setAction] = useState<Decision | 'ship' | 'sign' | null>(null);
  const query = useQuery({
    queryKey: allocationKey(id ?? 0),
    queryFn: () => allocationsApi.get(id!),
    enabled: id !== null,
  });
  const a = query.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={Math.min(920, window.innerWidth)}
      title={a ? `${t('allocation')} ${a.id}` : t('detail')}
      extra={a && <Actions a={a} onPick={setAction} />}
      destroyOnHidden
    >
      {query.isPending && id !== null && <Spin />}
      {query.isError && <Alert type="error" showIcon message={query.error.message} />}
      {a && <Detail a={a} />}
      {a && (action === 'approve' || action === 'reject' || action === 'cancel') && (
        <DecisionForm allocation={a} decision={action} onClose={() => setAction(null)} />
      )}
      {a && action === 'ship' && <ShipForm allocation={a} onClose={() => setAction(null)} />}
      {a && action === 'sign' && <SignForm allocation={a} onClose={() => setAction(null)} />}
    </Drawer>
  );
}
