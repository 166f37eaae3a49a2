import { useState } from 'react';
import { Button, Form, Switch, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  COURSE_KIND_LABELS,
  INSTRUCTOR_LEVEL_LABELS,
  type Course,
  type CourseKind,
  type Instructor,
  type InstructorLevel,
  type TrainingBase,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { Page } from '../common/Page.tsx';
import { useCan, useMe } from '../auth/index.ts';
import { trainingApi } from './api.ts';
import {
  BaseForm,
  CourseForm,
  CourseRuleFields,
  InstructorForm,
  QualificationFields,
  type CourseValues,
} from './CatalogForms.tsx';
import { BASES_KEY, COURSES_KEY, INSTRUCTORS_KEY } from './keys.ts';
import { trainingDict } from './dict.ts';

/** 课程、师资与基地: the registries a class is made from. Each society sees its own and those below. */
export default function CatalogPage() {
  const t = useT(trainingDict);
  const can = useCan();
  const [form, setForm] = useState<'course' | 'instructor' | 'base' | null>(null);
  const manage = can('training:manage');
  const add = (kind: 'course' | 'instructor' | 'base', text: string) =>
    manage ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm(kind)} id={`new-${kind}`}>
        {text}
      </Button>
    ) : null;
  return (
    <Page title={t('catalogTitle')}>
      <Tabs
        items={[
          {
            key: 'courses',
            label: t('courses'),
            children: <CoursesTab extra={add('course', t('newCourse'))} />,
          },
          {
            key: 'instructors',
            label: t('instructors'),
            children: <InstructorsTab extra={add('instructor', t('newInstructor'))} />,
          },
          { key: 'bases', label: t('bases'), children: <BasesTab extra={add('base', t('newBase'))} /> },
        ]}
      />
      <CourseForm open={form === 'course'} onClose={() => setForm(null)} />
      <InstructorForm open={form === 'instructor'} onClose={() => setForm(null)} />
      <BaseForm open={form === 'base'} onClose={() => setForm(null)} />
    </Page>
  );
}

function CoursesTab({ extra }: { extra: React.ReactNode }) {
  const t = useT(trainingDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const { data: me } = useMe();
  const [editing, setEditing] = useState<Course | null>(null);
  // What the user's society may teach: its own courses and those defined above it.
  const q = useQuery({
    queryKey: [...COURSES_KEY, me?.orgId],
    queryFn: () => trainingApi.courses({ usableAt: me?.orgId }),
    enabled: !!me,
  });
  return (
    <>
      <div style={{ marginBottom: 12 }}>{extra}</div>
      <Table<Course>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('name'),
            render: (_, c) => (
              <>
                {c.name} {!c.active && <Tag>{tc('inactive')}</Tag>}
              </>
            ),
          },
          { title: t('kind'), render: (_, c) => <Tag>{label(COURSE_KIND_LABELS[c.kind])}</Tag> },
          { title: t('org'), dataIndex: 'orgName' },
          { title: t('hours'), dataIndex: 'hours', align: 'right' },
          { title: t('theoryPass'), render: (_, c) => c.theoryPass ?? t('notExamined') },
          { title: t('practicalPass'), render: (_, c) => c.practicalPass ?? t('notExamined') },
          { title: t('validityMonths'), render: (_, c) => c.validityMonths ?? t('noCertificate') },
          {
            title: tc('actions'),
            // Only a course of the user's own societies can be changed (the server says so too).
            render: (_, c) =>
              can('training:manage') && c.orgId === me?.orgId ? (
                <a onClick={() => setEditing(c)}>{tc('edit')}</a>
              ) : null,
          },
        ]}
      />
      <MutationForm<Omit<CourseValues, 'orgId' | 'kind'>>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={`${tc('edit')} · ${editing?.name ?? ''}`}
        initialValues={editing ?? undefined}
        invalidate={[COURSES_KEY]}
        submit={(v) =>
          trainingApi.updateCourse(editing!.id, {
            name: v.name,
            hours: v.hours,
            theoryPass: v.theoryPass ?? null,
            practicalPass: v.practicalPass ?? null,
            validityMonths: v.validityMonths ?? null,
          })
        }
      >
        <CourseRuleFields />
      </MutationForm>
    </>
  );
}

function InstructorsTab({ extra }: { extra: React.ReactNode }) {
  const t = useT(trainingDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const can = useCan();
  const [editing, setEditing] = useState<Instructor | null>(null);
  const q = useQuery({ queryKey: INSTRUCTORS_KEY, queryFn: () => trainingApi.instructors() });
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <>
      <div style={{ marginBottom: 12 }}>{extra}</div>
      <Table<Instructor>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('traineeName'), dataIndex: 'name' },
          { title: t('org'), dataIndex: 'orgName' },
          { title: t('level'), render: (_, i) => label(INSTRUCTOR_LEVEL_LABELS[i.level]) },
          {
            title: t('qualified'),
            render: (_, i) => i.courseKinds.map((k) => <Tag key={k}>{label(COURSE_KIND_LABELS[k])}</Tag>),
          },
          { title: t('mobile'), dataIndex: 'mobileMasked' },
          { title: t('certNo'), dataIndex: 'certNo' },
          {
            title: t('certValidUntil'),
            render: (_, i) =>
              i.certValidUntil < today ? <Tag color="error">{i.certValidUntil}</Tag> : i.certValidUntil,
          },
          { title: t('teachingHours'), dataIndex: 'teachingHours', align: 'right' },
          { title: t('classCount'), dataIndex: 'classCount', align: 'right' },
          {
            title: t('status'),
            render: (_, i) => (i.active ? tc('active') : <Tag>{tc('inactive')}</Tag>),
          },
          {
            title: tc('actions'),
            render: (_, i) =>
              can('training:manage') ? <a onClick={() => setEditing(i)}>{tc('edit')}</a> : null,
          },
        ]}
      />
      <MutationForm<{
        level: InstructorLevel;
        courseKinds: CourseKind[];
        certNo?: string;
        certValidUntil: Dayjs;
        active: boolean;
      }>
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={`${tc('edit')} · ${editing?.name ?? ''}`}
        initialValues={
          editing
            ? {
                ...editing,
                certNo: editing.certNo ?? undefined,
                certValidUntil: dayjs(editing.certValidUntil),
              }
            : undefined
        }
        invalidate={[INSTRUCTORS_KEY]}
        submit={(v) =>
          trainingApi.updateInstructor(editing!.id, {
            level: v.level,
            courseKinds: v.courseKinds,
            certNo: v.certNo || null,
            certValidUntil: dayjs(v.certValidUntil).format('YYYY-MM-DD'),
            active: v.active,
          })
        }
      >
        <QualificationFields />
        <Form.Item name="active" label={t('status')} valuePropName="checked">
          <Switch checkedChildren={tc('active')} unCheckedChildren={tc('inactive')} />
        </Form.Item>
      </MutationForm>
    </>
  );
}

function BasesTab({ extra }: { extra: React.ReactNode }) {
  const t = useT(trainingDict);
  const q = useQuery({ queryKey: BASES_KEY, queryFn: () => trainingApi.bases() });
  return (
    <>
      <div style={{ marginBottom: 12 }}>{extra}</div>
      <Table<TrainingBase>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('org'), dataIndex: 'orgName' },
          { title: t('address'), dataIndex: 'address' },
          { title: t('capacity'), dataIndex: 'capacity', align: 'right' },
          {
            title: t('equipment'),
            render: (_, b) => b.equipment.map((e) => `${e.name} × ${e.quantity}`).join('、'),
          },
        ]}
      />
    </>
  );
}
