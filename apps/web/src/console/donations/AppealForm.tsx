import { DatePicker, Form } from 'antd';
import { ProFormDependency, ProFormRadio, ProFormText } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { APPEAL_KIND_LABELS, APPEAL_KINDS, createAppealSchema, type AppealKind } from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { OrgFormItem } from '../orgs/index.ts';
import { APPEALS_KEY, appealsApi, type AppealInput } from './api.ts';
import { donationsDict } from './dict.ts';
import { toFen, yuanRule } from './money.ts';

const shape = createAppealSchema.shape;

type Values = {
  orgId: number;
  kind: AppealKind;
  name?: string;
  filingNo?: string;
  target?: string;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
};

const day = (v: Dayjs | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD') : null);

function toInput(v: Values): AppealInput {
  return {
    orgId: v.orgId,
    kind: v.kind,
    name: v.name?.trim() ?? '',
    // A filing number left over from choosing 公募项目 first is not sent for the other kinds.
    filingNo: v.kind === 'project' ? v.filingNo?.trim() || null : null,
    targetFen: toFen(v.target),
    startsOn: day(v.startsOn),
    endsOn: day(v.endsOn),
  };
}

/** 新建募捐项目: a 专项, a 公募项目 (with its filing number) or a 冠名基金 of one society. */
export function CreateAppealForm({
  open,
  onClose,
  defaultOrgId,
}: {
  open: boolean;
  onClose: () => void;
  defaultOrgId?: number;
}) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  return (
    <MutationForm<Values>
      title={t('createAppeal')}
      open={open}
      onClose={onClose}
      initialValues={{ orgId: defaultOrgId, kind: 'appeal' }}
      submit={(v) => appealsApi.create(toInput(v))}
      invalidate={[APPEALS_KEY]}
      successText={t('appealCreated')}
      submitId="appeal-form-submit"
    >
      <OrgFormItem label={t('appealOrg')} />
      <ProFormRadio.Group
        name="kind"
        label={t('appealKind')}
        radioType="button"
        options={APPEAL_KINDS.map((k) => ({ value: k, label: label(APPEAL_KIND_LABELS[k]) }))}
        fieldProps={{ id: 'kind', buttonStyle: 'solid' }}
        rules={[{ required: true, message: tc('select', { field: t('appealKind') }) }]}
      />
      <ProFormText
        name="name"
        label={t('appealName')}
        fieldProps={{ id: 'name', name: 'name', maxLength: 100, autoComplete: 'off' }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('appealName') }) },
          zodRule(shape.name),
        ]}
      />
      <ProFormDependency name={['kind']}>
        {({ kind }: { kind?: AppealKind }) =>
          kind === 'project' && (
            <ProFormText
              name="filingNo"
              label={t('filingNo')}
              tooltip={t('filingNoHint')}
              fieldProps={{ id: 'filingNo', name: 'filingNo', maxLength: 50, autoComplete: 'off' }}
              rules={[
                { required: true, whitespace: true, message: tc('required', { field: t('filingNo') }) },
              ]}
            />
          )
        }
      </ProFormDependency>
      <ProFormText
        name="target"
        label={t('targetYuan')}
        placeholder={t('targetHint')}
        fieldProps={{ id: 'target', name: 'target', inputMode: 'decimal', prefix: '¥', autoComplete: 'off' }}
        rules={[yuanRule(t)]}
      />
      <div style={{ display: 'flex', gap: 16 }}>
        <Form.Item name="startsOn" label={t('startsOn')} style={{ flex: 1 }}>
          <DatePicker id="startsOn" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('endsOn')}
          style={{ flex: 1 }}
          dependencies={['startsOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_r, end: Dayjs | null | undefined) => {
                const start = day(getFieldValue('startsOn') as Dayjs | null | undefined);
                const endDay = day(end);
                if (start && endDay && endDay < start) throw new Error(t('endsBeforeStart'));
              },
            }),
          ]}
        >
          <DatePicker id="endsOn" style={{ width: '100%' }} />
        </Form.Item>
      </div>
    </MutationForm>
  );
}
