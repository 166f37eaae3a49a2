import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, LeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ALLOCATION_STATUS_LABELS,
  type AllocationDetail,
  type AllocationScanTask,
  type ScanResult,
} from '@boai/contracts';
import { isApiError } from '../../../lib/api.ts';
import { useLabel, useT } from '../../../lib/i18n.tsx';
import { ShipForm, SignForm } from '../allocations/ActionForms.tsx';
import {
  allocationKey,
  ALLOCATIONS_KEY,
  allocationsApi,
  RELIEF_KEY,
  type ScanLine,
} from '../allocations/api.ts';
import { allocationsDict } from '../allocations/dict.ts';
import { ScanBox } from '../allocations/ScanBox.tsx';
import { STATUS_COLORS } from '../allocations/status.ts';

type Task = 'lookup' | AllocationScanTask;
const TASKS: Task[] = ['lookup', 'pick', 'ship', 'sign'];
const isTask = (s: string | null): s is Task => TASKS.includes(s as Task);

/** The allocations a task works on: approved ones to pick and load, shipped ones to sign for. */
function AllocationPicker({
  task,
  value,
  onChange,
}: {
  task: AllocationScanTask;
  value?: number;
  onChange: (id: number) => void;
}) {
  const t = useT(allocationsDict);
  const { data, isPending } = useQuery({
    queryKey: [...ALLOCATIONS_KEY, 'scan-choices', task],
    queryFn: () =>
      allocationsApi.list({ status: task === 'sign' ? 'shipped' : 'approved', page: 1, pageSize: 100 }),
  });
  return (
    <Select<number>
      id="scan-allocation"
      value={value}
      onChange={onChange}
      loading={isPending}
      placeholder={t('chooseAllocation')}
      notFoundContent={t('noAllocations')}
      style={{ width: '100%' }}
      options={(data?.items ?? []).map((a) => ({
        value: a.id,
        label: `${a.id} · ${a.fromWarehouseName} → ${a.destinationLabel}`,
      }))}
    />
  );
}

/** The pick list as the phone shows it: each batch, where it is, and how far it has got. */
function PickList({
  a,
  ticked,
  task,
}: {
  a: AllocationDetail;
  ticked: Set<string>;
  task: AllocationScanTask;
}) {
  return (
    <List
      id="scan-pick-list"
      size="small"
      dataSource={a.picks}
      renderItem={(p) => {
        const done = task === 'pick' ? p.pickedQty === p.quantity : ticked.has(p.batchCode);
        return (
          <List.Item>
            <Space direction="vertical" size={0} style={{ width: '100%' }}>
              <Space>
                {done && <CheckCircleFilled style={{ color: '#52c41a' }} />}
                <Typography.Text code>{p.batchCode}</Typography.Text>
                <span>{p.itemName}</span>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[p.locationCode, p.expiresOn && `有效期 ${p.expiresOn}`].filter(Boolean).join(' · ')}{' '}
                {task === 'pick' ? `${p.pickedQty}/${p.quantity}` : p.quantity} {p.unit}
              </Typography.Text>
              {p.designation && <Tag color="red">{p.designation}</Tag>}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

/**
 * 扫码作业 at phone width, outside the console's menu: look labels up, pick for an allocation, tick
 * labels off as the truck is loaded or unloaded, then ship or sign. Camera where the browser can read
 * codes, typed codes (or a hand scanner) everywhere, many pasted at once.
 */
export default function ScanPage() {
  const t = useT(allocationsDict);
  const label = useLabel();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const task: Task = isTask(params.get('task')) ? (params.get('task') as Task) : 'lookup';
  const allocationId = Number(params.get('allocation')) || undefined;
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [finishing, setFinishing] = useState(false);
  const set = (next: { task?: Task; allocation?: number }) => {
    setTicked(new Set());
    setParams(
      Object.fromEntries(
        Object.entries({ task: next.task ?? task, allocation: next.allocation }).filter(
          ([, v]) => v !== undefined,
        ),
      ) as Record<string, string>,
      { replace: true },
    );
  };
  const detail = useQuery({
    queryKey: allocationKey(allocationId ?? 0),
    queryFn: () => allocationsApi.get(allocationId!),
    enabled: task !== 'lookup' && allocationId !== undefined,
  });
  const a = detail.data;

  const send = async (lines: ScanLine[]): Promise<ScanResult[] | undefined> => {
    try {
      if (task === 'lookup') return (await allocationsApi.lookup(lines.map((l) => l.code))).results;
      const answer = await allocationsApi.scan(allocationId!, task, lines);
      queryClient.setQueryData(allocationKey(allocationId!), answer.allocation);
      if (task === 'pick') await queryClient.invalidateQueries({ queryKey: RELIEF_KEY });
      setTicked((s) => {
        const next = new Set(s);
        for (const r of answer.results) if (r.ok) next.add(r.code.trim().toUpperCase());
        return next;
      });
      return answer.results;
    } catch (e) {
      message.error(isApiError(e) ? e.message : String(e));
      return undefined;
    }
  };
  const remaining =
    a && task !== 'lookup' ? a.picks.filter((p) => !ticked.has(p.batchCode)).map((p) => p.batchCode) : [];
  const ready =
    a &&
    ((task === 'ship' && a.can.ship && remaining.length === 0) ||
      (task === 'sign' && a.can.sign && remaining.length === 0));

  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12, minHeight: '100vh', background: '#f5f5f5' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Button
          type="link"
          icon={<LeftOutlined />}
          href="/console/relief/allocations"
          style={{ paddingLeft: 0 }}
        >
          {t('title')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('scanTitle')}
        </Typography.Title>
      </Space>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<Task>
          id="scan-task"
          block
          value={task}
          onChange={(v) => set({ task: v, allocation: v === 'lookup' ? undefined : allocationId })}
          options={[
            { value: 'lookup', label: t('taskLookup') },
            { value: 'pick', label: t('taskPick') },
            { value: 'ship', label: t('taskShip') },
            { value: 'sign', label: t('taskSign') },
          ]}
        />
        {task !== 'lookup' && (
          <AllocationPicker task={task} value={allocationId} onChange={(id) => set({ allocation: id })} />
        )}
        {detail.isError && <Alert type="error" showIcon message={detail.error.message} />}
        {(task === 'lookup' || a) && (
          <Card size="small">
            <ScanBox
              key={`${task}-${allocationId ?? ''}`}
              idPrefix="scan"
              withQuantity={task === 'pick'}
              send={send}
            />
          </Card>
        )}
        {a && task !== 'lookup' && (
          <Card
            size="small"
            title={`${t('allocation')} ${a.id} · ${a.destinationLabel}`}
            // Wrapped, not cut: at phone width the destination and its event are what the picker checks.
            styles={{ title: { whiteSpace: 'normal', paddingBlock: 8 } }}
            extra={<Tag color={STATUS_COLORS[a.status]}>{label(ALLOCATION_STATUS_LABELS[a.status])}</Tag>}
          >
            {task !== 'pick' && (
              <Typography.Paragraph type={remaining.length ? 'secondary' : 'success'} id="scan-remaining">
                {remaining.length ? t('remaining', { codes: remaining.join('、') }) : t('allScanned')}
              </Typography.Paragraph>
            )}
            {ready && (
              <Button
                id="scan-finish"
                type="primary"
                block
                onClick={() => setFinishing(true)}
                style={{ marginBottom: 12 }}
              >
                {task === 'ship' ? t('confirmShip') : t('confirmSign')}
              </Button>
            )}
            <PickList a={a} ticked={ticked} task={task} />
          </Card>
        )}
      </Space>
      {a && finishing && task === 'ship' && <ShipForm allocation={a} onClose={() => setFinishing(false)} />}
      {a && finishing && task === 'sign' && <SignForm allocation={a} onClose={() => setFinishing(false)} />}
    </div>
  );
}
