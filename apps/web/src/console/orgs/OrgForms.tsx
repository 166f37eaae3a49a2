import { useCallback } from 'react';
import { Form, Alert } from 'antd';
import { ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import {
  createOrgSchema,
  deactivateOrgSchema,
  ORG_LEVEL_LABELS,
  type Org,
  type OrgLevel,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { compact, zodRule } from '../../lib/forms.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { ORGS_KEY, orgsApi } from './api.ts';
import { orgsDict } from './dict.ts';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';
import { levelIndex, levelsBelow, subtreeIds } from './tree.ts';

type FormProps = { org: Org; open: boolean; onClose: () => void };
type Fields = { name: string; uscc?: string; regionCode?: string };

/** Name, USCC and region code: the same three fields when creating and editing. */
function OrgFields() {
  const t = useT(orgsDict);
  const tc = useT(commonDict);
  const shape = createOrgSchema.shape;
  return (
    <>
      <ProFormText
        name="name"
        label={t('name')}
        fieldProps={{ id: 'name', maxLength: 100 }}
        rules={[{ required: true, message: tc('required', { field: t('name') }) }, zodRule(shape.name)]}
      />
      <ProFormText
        name="uscc"
        label={t('uscc')}
        placeholder={t('optional')}
        fieldProps={{ id: 'uscc', maxLength: 18 }}
        normalize={(v: string | undefined) => v?.trim().toUpperCase()}
        rules={[zodRule(shape.uscc.unwrap().unwrap())]}
      />
      <ProFormText
        name="regionCode"
        label={t('regionCode')}
        placeholder={t('optional')}
        fieldProps={{ id: 'regionCode', maxLength: 6, inputMode: 'numeric' }}
        rules={[zodRule(shape.regionCode.unwrap().unwrap())]}
      />
    </>
  );
}

export function CreateChildOrgForm({
  org,
  open,
  onClose,
  onCreated,
}: FormProps & { onCreated: (org: Org) => void }) {
  const t = useT(orgsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const levels = levelsBelow(org.level);
  return (
    <MutationForm<Fields & { level: OrgLevel }>
      title={t('createChildTitle', { name: org.name })}
      open={open}
      onClose={onClose}
      initialValues={{ level: levels[0] }}
      submit={(v) =>
        orgsApi.create({
          parentId: org.id,
          level: v.level,
          name: v.name,
          ...compact({ uscc: v.uscc, regionCode: v.regionCode }),
        })
      }
      invalidate={[ORGS_KEY]}
      successText={t('created')}
      onSuccess={(created) => onCreated(created as Org)}
      submitId="org-form-submit"
    >
      <OrgFields />
      <ProFormSelect
        name="level"
        label={t('level')}
        fieldProps={{ id: 'level' }}
        options={levels.map((l) => ({ value: l, label: label(ORG_LEVEL_LABELS[l]) }))}
        rules={[{ required: true, message: tc('select', { field: t('level') }) }]}
      />
    </MutationForm>
  );
}

export function EditOrgForm({ org, open, onClose }: FormProps) {
  const t = useT(orgsDict);
  return (
    <MutationForm<Fields>
      title={t('editTitle')}
      open={open}
      onClose={onClose}
      initialValues={{ name: org.name, uscc: org.uscc ?? undefined, regionCode: org.regionCode ?? undefined }}
      // Blank optional fields clear the value on the server (null), as the contract allows.
      submit={(v) =>
        orgsApi.update(org.id, { name: v.name, uscc: v.uscc || null, regionCode: v.regionCode || null })
      }
      invalidate={[ORGS_KEY]}
      submitId="org-form-submit"
    >
      <OrgFields />
    </MutationForm>
  );
}

export function MoveOrgForm({ org, orgs, open, onClose }: FormProps & { orgs: Org[] }) {
  const t = useT(orgsDict);
  const tc = useT(commonDict);
  // Not under itself or its own descendants, and only under a higher level: shown but not choosable.
  const own = subtreeIds(orgs, org.id);
  const isDisabled = useCallback(
    (candidate: Org) =>
      own.has(candidate.id) ||
      !candidate.active ||
      levelIndex(candidate.level) >= levelIndex(org.level) ||
      candidate.id === org.parentId,
    [own, org],
  );
  return (
    <MutationForm<{ newParentId: number }>
      title={t('moveTitle', { name: org.name })}
      open={open}
      onClose={onClose}
      submit={(v) => orgsApi.move(org.id, v.newParentId)}
      invalidate={[ORGS_KEY]}
      successText={t('moved')}
      submitId="org-form-submit"
    >
      <Alert type="info" showIcon message={t('moveHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="newParentId"
        label={t('newParent')}
        rules={[{ required: true, message: tc('select', { field: t('newParent') }) }]}
      >
        <OrgTreeSelect id="newParentId" isDisabled={isDisabled} />
      </Form.Item>
    </MutationForm>
  );
}

export function DeactivateOrgForm({
  org,
  open,
  onClose,
  onDeactivated,
}: FormProps & { onDeactivated: () => void }) {
  const t = useT(orgsDict);
  const tc = useT(commonDict);
  return (
    <MutationForm<{ reason: string }>
      title={t('deactivateTitle', { name: org.name })}
      open={open}
      onClose={onClose}
      submit={(v) => orgsApi.deactivate(org.id, v.reason)}
      invalidate={[ORGS_KEY]}
      successText={t('deactivated')}
      onSuccess={onDeactivated}
      submitText={t('deactivate')}
      submitId="org-form-submit"
    >
      <Alert type="warning" showIcon message={t('deactivateHint')} style={{ marginBottom: 16 }} />
      <ProFormTextArea
        name="reason"
        label={t('reason')}
        fieldProps={{ id: 'reason', maxLength: 200, showCount: true, rows: 3 }}
        rules={[
          { required: true, whitespace: true, message: tc('required', { field: t('reason') }) },
          zodRule(deactivateOrgSchema.shape.reason),
        ]}
      />
    </MutationForm>
  );
}
