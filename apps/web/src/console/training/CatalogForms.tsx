import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  COURSE_KIND_DEFAULTS,
  COURSE_KIND_LABELS,
  COURSE_KINDS,
  INSTRUCTOR_LEVEL_LABELS,
  INSTRUCTOR_LEVELS,
  type CourseKind,
  type InstructorLevel,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { useMe } from '../auth/index.ts';
import { OrgFormItem } from '../orgs/index.ts';
import { trainingApi } from './api.ts';
import { trainingDict } from './dict.ts';
import { BASES_KEY, COURSES_KEY, INSTRUCTORS_KEY } from './keys.ts';

export type CourseValues = {
  orgId: number;
  kind: CourseKind;
  name: string;
  hours: number;
  theoryPass: number | null;
  practicalPass: number | null;
  validityMonths: number | null;
};

export function CourseForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(trainingDict);
  const label = useLabel();
  const { data: me } = useMe();
  return (
    <MutationForm<CourseValues>
      title={t('newCourse')}
      open={open}
      onClose={onClose}
      initialValues={{ orgId: me?.orgId, kind: 'first_aider', ...COURSE_KIND_DEFAULTS.first_aider }}
      invalidate={[COURSES_KEY]}
      submit={(v) =>
        trainingApi.createCourse({
          ...v,
          theoryPass: v.theoryPass ?? null,
          practicalPass: v.practicalPass ?? null,
          validityMonths: v.validityMonths ?? null,
        })
      }
    >
      <OrgFormItem label={t('org')} />
      <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
        <KindSelect options={COURSE_KINDS.map((k) => ({ value: k, label: label(COURSE_KIND_LABELS[k]) }))} />
      </Form.Item>
      <CourseRuleFields />
    </MutationForm>
  );
}

/** Name, hours, pass marks and term: what a course's rules are, on creation and when changed. */
export function CourseRuleFields() {
  const t = useT(trainingDict);
  return (
    <>
      <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="hours" label={t('hours')} rules={[{ required: true }]}>
        <InputNumber min={1} max={200} precision={0} />
      </Form.Item>
      <Form.Item name="theoryPass" label={t('theoryPass')} extra={t('blankNotExamined')}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <Form.Item name="practicalPass" label={t('practicalPass')} extra={t('blankNotExamined')}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <Form.Item name="validityMonths" label={t('validityMonths')} extra={t('blankNoCertificate')}>
        <InputNumber min={1} max={120} precision={0} />
      </Form.Item>
    </>
  );
}

/** A kind brings its usual rules into the form; the office adjusts them if theirs differ. */
export function KindSelect(props: {
  value?: CourseKind;
  onChange?: (k: CourseKind) => void;
  options: { value: CourseKind; label: string }[];
}) {
  const form = Form.useFormInstance();
  return (
    <Select
      id="kind"
      value={props.value}
      options={props.options}
      onChange={(k: CourseKind) => {
        props.onChange?.(k);
        form.setFieldsValue(COURSE_KIND_DEFAULTS[k]);
      }}
    />
  );
}

type InstructorValues = {
  orgId: number;
  name: string;
  mobile?: string;
  level: InstructorLevel;
  courseKinds: CourseKind[];
  certNo?: string;
  certValidUntil: Dayjs;
};

export function InstructorForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(trainingDict);
  const { data: me } = useMe();
  return (
    <MutationForm<InstructorValues>
      title={t('newInstructor')}
      open={open}
      onClose={onClose}
      initialValues={{ orgId: me?.orgId, level: 'junior', courseKinds: ['awareness'] }}
      invalidate={[INSTRUCTORS_KEY]}
      submit={(v) =>
        trainingApi.createInstructor({
          ...v,
          mobile: v.mobile || null,
          certNo: v.certNo || null,
          certValidUntil: dayjs(v.certValidUntil).format('YYYY-MM-DD'),
        })
      }
    >
      <OrgFormItem label={t('org')} />
      <Form.Item name="name" label={t('traineeName')} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="mobile" label={t('mobile')}>
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <QualificationFields />
    </MutationForm>
  );
}

/** Level, qualified course kinds and the 师资证 (renewing it = a new 有效期至). */
export function QualificationFields() {
  const t = useT(trainingDict);
  const label = useLabel();
  return (
    <>
      <Form.Item name="level" label={t('level')} rules={[{ required: true }]}>
        <Select
          options={INSTRUCTOR_LEVELS.map((l) => ({ value: l, label: label(INSTRUCTOR_LEVEL_LABELS[l]) }))}
        />
      </Form.Item>
      <Form.Item name="courseKinds" label={t('qualified')} rules={[{ required: true }]}>
        <Select
          mode="multiple"
          options={COURSE_KINDS.map((k) => ({ value: k, label: label(COURSE_KIND_LABELS[k]) }))}
        />
      </Form.Item>
      <Form.Item name="certNo" label={t('certNo')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="certValidUntil" label={t('certValidUntil')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </>
  );
}

type BaseValues = { orgId: number; name: string; address: string; capacity: number; equipment?: string };

/** "心肺复苏模拟人 10" per line → { name, quantity }; a line without a number counts one. */
const parseEquipment = (text = '') =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?)[\s×x*]+(\d+)$/.exec(l);
      return m ? { name: m[1]!.trim(), quantity: Number(m[2]) } : { name: l, quantity: 1 };
    });

export function BaseForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(trainingDict);
  const tc = useT(commonDict);
  const { data: me } = useMe();
  return (
    <MutationForm<BaseValues>
      title={t('newBase')}
      open={open}
      onClose={onClose}
      initialValues={{ orgId: me?.orgId }}
      invalidate={[BASES_KEY]}
      submit={(v) => trainingApi.createBase({ ...v, equipment: parseEquipment(v.equipment) })}
    >
      <OrgFormItem label={t('org')} />
      <Form.Item
        name="name"
        label={t('name')}
        rules={[{ required: true, message: tc('required', { field: t('name') }) }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="address" label={t('address')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="capacity" label={t('capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={5000} precision={0} />
      </Form.Item>
      <Form.Item name="equipment" label={t('equipment')} extra={t('equipmentHint')}>
        <Input.TextArea rows={4} />
      </Form.Item>
    </MutationForm>
  );
}
