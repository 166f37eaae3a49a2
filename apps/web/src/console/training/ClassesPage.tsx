import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProColumns } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CLASS_STATUS_LABELS,
  CLASS_STATUSES,
  COURSE_KIND_LABELS,
  COURSE_KINDS,
  TRAINING_SECTOR_LABELS,
  TRAINING_SECTORS,
  type ClassSummary,
  type TrainingSector,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { Page } from '../common/Page.tsx';
import { QueryTable, type SearchValues } from '../common/QueryTable.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { OrgFormItem, OrgTreeSelect } from '../orgs/index.ts';
import { TRAINING_KEY, trainingApi } from './api.ts';
import { BulkImportButton } from './BulkImport.tsx';
import { ClassDrawer } from './ClassDrawer.tsx';
import { trainingDict } from './dict.ts';

const CLASSES_KEY = [...TRAINING_KEY, 'classes'];
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

const toParams = (v: SearchValues) => ({
  orgId: typeof v.filterOrgId === 'number' ? v.filterOrgId : undefined,
  courseKind: str(v.courseKind),
  sector: str(v.sector),
  status: str(v.status),
  q: str(v.q),
  from: Array.isArray(v.dates) ? dayjs(v.dates[0] as string).format('YYYY-MM-DD') : undefined,
  to: Array.isArray(v.dates) ? dayjs(v.dates[1] as string).format('YYYY-MM-DD') : undefined,
});

/** 培训班: the list with filters, opening a class, and each class's roster, results and certificates. */
export default function ClassesPage() {
  const t = useT(trainingDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const enumOf = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string; en: string }>) =>
    Object.fromEntries(keys.map((k) => [k, { text: label(labels[k]) }]));

  const columns: ProColumns<ClassSummary>[] = [
    { title: t('search'), dataIndex: 'q', hideInTable: true },
    // The number a bulk roster's 班级编号 column names.
    { title: t('classNo'), dataIndex: 'id', search: false, width: 80 },
    {
      title: t('org'),
      dataIndex: 'filterOrgId',
      hideInTable: true,
      renderFormItem: () => <OrgTreeSelect id="filterOrgId" allowClear />,
    },
    {
      title: t('kind'),
      dataIndex: 'courseKind',
      hideInTable: true,
      valueType: 'select',
      valueEnum: enumOf(COURSE_KINDS, COURSE_KIND_LABELS),
    },
    {
      title: t('sector'),
      dataIndex: 'sector',
      hideInTable: true,
      valueType: 'select',
      valueEnum: enumOf(TRAINING_SECTORS, TRAINING_SECTOR_LABELS),
    },
    {
      title: t('status'),
      dataIndex: 'status',
      hideInTable: true,
      valueType: 'select',
      valueEnum: enumOf(CLASS_STATUSES, CLASS_STATUS_LABELS),
    },
    { title: t('dates'), dataIndex: 'dates', hideInTable: true, valueType: 'dateRange' },
    {
      title: t('title'),
      dataIndex: 'title',
      search: false,
      render: (_, c) => (
        <a data-action="open-class" onClick={() => setOpenId(c.id)}>
          {c.title}
        </a>
      ),
    },
    { title: t('org'), dataIndex: 'orgName', search: false },
    {
      title: t('course'),
      search: false,
      render: (_, c) => <Tag>{label(COURSE_KIND_LABELS[c.courseKind])}</Tag>,
    },
    { title: t('sector'), search: false, render: (_, c) => label(TRAINING_SECTOR_LABELS[c.sector]) },
    {
      title: t('dates'),
      search: false,
      render: (_, c) => (c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} ~ ${c.endsOn}`),
    },
    {
      title: t('enrolled'),
      search: false,
      align: 'right',
      render: (_, c) => `${c.enrolled} / ${c.capacity}`,
    },
    { title: t('passed'), dataIndex: 'passed', search: false, align: 'right' },
    { title: t('certified'), dataIndex: 'certified', search: false, align: 'right' },
    {
      title: t('status'),
      search: false,
      render: (_, c) => (
        <Tag color={c.status === 'completed' ? 'green' : 'blue'}>{label(CLASS_STATUS_LABELS[c.status])}</Tag>
      ),
    },
    {
      title: tc('actions'),
      valueType: 'option',
      render: (_, c) => <a onClick={() => setOpenId(c.id)}>{t('open')}</a>,
    },
  ];

  return (
    <Page
      title={t('classesTitle')}
      extra={
        can('training:manage')
          ? [
              <Button
                key="new"
                id="new-class"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
              >
                {t('newClass')}
              </Button>,
              <BulkImportButton key="bulk" />,
            ]
          : undefined
      }
    >
      <QueryTable<ClassSummary, ReturnType<typeof toParams>>
        queryKey={CLASSES_KEY}
        fetch={(p) => trainingApi.classes(p)}
        toParams={toParams}
        columns={columns}
        rowKey="id"
      />
      <CreateClassForm open={creating} onClose={() => setCreating(false)} onCreated={(id) => setOpenId(id)} />
      {openId !== null && (
        <ClassDrawer id={openId} onClose={() => setOpenId(null)} invalidate={CLASSES_KEY} />
      )}
    </Page>
  );
}

type ClassValues = {
  orgId: number;
  courseId: number;
  baseId?: number;
  title: string;
  sector: TrainingSector;
  dates: [Dayjs, Dayjs];
  capacity: number;
  instructorIds: number[];
  publicSignup: boolean;
  venue?: string;
};

/** Course, base and instructors offered are those the chosen society may use (its own and those above). */
function CreateClassForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const t = useT(trainingDict);
  const { data: me } = useMe();
  return (
    <MutationForm<ClassValues>
      kind="drawer"
      width={640}
      title={t('newClass')}
      open={open}
      onClose={onClose}
      submitId="create-class-submit"
      initialValues={{
        orgId: me?.orgId,
        sector: 'community',
        capacity: 40,
        publicSignup: false,
        instructorIds: [],
      }}
      invalidate={[CLASSES_KEY]}
      onSuccess={(r) => onCreated((r as { id: number }).id)}
      submit={(v) =>
        trainingApi.createClass({
          orgId: v.orgId,
          courseId: v.courseId,
          baseId: v.baseId ?? null,
          title: v.title,
          sector: v.sector,
          startsOn: dayjs(v.dates[0]).format('YYYY-MM-DD'),
          endsOn: dayjs(v.dates[1]).format('YYYY-MM-DD'),
          capacity: v.capacity,
          instructorIds: v.instructorIds ?? [],
          publicSignup: v.publicSignup,
          venue: v.venue || null,
        })
      }
    >
      <OrgFormItem label={t('org')} />
      <ClassFields />
    </MutationForm>
  );
}

function ClassFields() {
  const t = useT(trainingDict);
  const label = useLabel();
  const orgId = Form.useWatch<number | undefined>('orgId');
  const courseId = Form.useWatch<number | undefined>('courseId');
  const courses = useQuery({
    queryKey: [...TRAINING_KEY, 'courses', orgId],
    queryFn: () => trainingApi.courses({ usableAt: orgId }),
    enabled: !!orgId,
  });
  const course = courses.data?.find((c) => c.id === courseId);
  const instructors = useQuery({
    queryKey: [...TRAINING_KEY, 'instructors', orgId],
    queryFn: () => trainingApi.instructors({ usableAt: orgId }),
    enabled: !!orgId,
  });
  const bases = useQuery({
    queryKey: [...TRAINING_KEY, 'bases', orgId],
    queryFn: () => trainingApi.bases({ usableAt: orgId }),
    enabled: !!orgId,
  });
  return (
    <>
      <Form.Item name="courseId" label={t('course')} rules={[{ required: true }]}>
        <Select
          id="courseId"
          options={(courses.data ?? [])
            .filter((c) => c.active)
            .map((c) => ({
              value: c.id,
              label: `${c.name}（${label(COURSE_KIND_LABELS[c.kind])} · ${c.hours} 学时 · ${c.orgName}）`,
            }))}
        />
      </Form.Item>
      <Form.Item name="title" label={t('title')} rules={[{ required: true }]}>
        <Input id="title" maxLength={100} />
      </Form.Item>
      <Form.Item name="sector" label={t('sector')} rules={[{ required: true }]}>
        <Select
          options={TRAINING_SECTORS.map((s) => ({ value: s, label: label(TRAINING_SECTOR_LABELS[s]) }))}
        />
      </Form.Item>
      <Form.Item name="dates" label={t('dates')} rules={[{ required: true }]}>
        <DatePicker.RangePicker id="dates" />
      </Form.Item>
      <Form.Item name="capacity" label={t('capacity')} rules={[{ required: true }]}>
        <InputNumber id="capacity" min={1} max={2000} precision={0} />
      </Form.Item>
      <Form.Item name="baseId" label={t('base')}>
        <Select
          allowClear
          options={(bases.data ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.capacity} 人）` }))}
        />
      </Form.Item>
      <Form.Item name="instructorIds" label={t('instructorIds')}>
        <Select
          id="instructorIds"
          mode="multiple"
          // Those not qualified for the chosen course are shown but cannot be picked; the server refuses them too.
          options={(instructors.data ?? []).map((i) => ({
            value: i.id,
            label: `${i.name}（${i.orgName}）`,
            disabled: !!course && !i.courseKinds.includes(course.kind),
          }))}
        />
      </Form.Item>
      <Form.Item name="venue" label={t('venue')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="publicSignup" label={t('publicSignup')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}
