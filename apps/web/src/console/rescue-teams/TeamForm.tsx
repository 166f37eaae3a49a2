import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  mobileSchema,
  RESCUE_TEAM_STATUS_LABELS,
  RESCUE_TEAM_STATUSES,
  RESCUE_TEAM_TYPE_LABELS,
  RESCUE_TEAM_TYPES,
  type RescueTeam,
  type RescueTeamStatus,
  type RescueTeamType,
} from '@boai/contracts';
import { zodRule } from '../../lib/forms.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { useMe } from '../auth/index.ts';
import { OrgFormItem } from '../orgs/index.ts';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';

type Values = {
  orgId: number;
  name: string;
  type: RescueTeamType;
  foundedOn: Dayjs;
  leaderName: string;
  contactPhone?: string;
  baseAddress: string;
  status: RescueTeamStatus;
};
export const day = (d: Dayjs) => dayjs(d).format('YYYY-MM-DD');
/** Dates of what already happened cannot be after today (the server says so too). */
export const noFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 组建 / 编辑救援队. The phone is checked as typed with the contract's rule; on edit, empty keeps it. */
export function TeamForm({
  team,
  open,
  onClose,
}: {
  team: RescueTeam | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const { data: me } = useMe();
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      kind="drawer"
      title={team ? `${t('editTeam')} · ${team.name}` : t('newTeam')}
      open={open}
      onClose={onClose}
      submitId="rescue-team-save"
      invalidate={[RESCUE_TEAMS_KEY]}
      initialValues={
        team
          ? { ...team, contactPhone: undefined, foundedOn: dayjs(team.foundedOn) }
          : { orgId: me?.orgId, type: 'relief', status: 'active' }
      }
      submit={(v) => {
        const common = {
          name: v.name,
          type: v.type,
          foundedOn: day(v.foundedOn),
          leaderName: v.leaderName,
          baseAddress: v.baseAddress,
        };
        return team
          ? rescueTeamApi.update(team.id, {
              ...common,
              status: v.status,
              ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
            })
          : rescueTeamApi.create({ ...common, orgId: v.orgId, contactPhone: v.contactPhone ?? '' });
      }}
    >
      <OrgFormItem label={t('org')} disabled={!!team} />
      <Form.Item name="name" label={t('name')} rules={req(t('name'))}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="type" label={t('type')} rules={req(t('type'))}>
        <Select
          options={RESCUE_TEAM_TYPES.map((v) => ({ value: v, label: label(RESCUE_TEAM_TYPE_LABELS[v]) }))}
        />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('foundedOn')} rules={req(t('foundedOn'))}>
        <DatePicker style={{ width: '100%' }} disabledDate={noFuture} />
      </Form.Item>
      <Form.Item name="leaderName" label={t('leaderName')} rules={req(t('leaderName'))}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t('contactPhone')}
        extra={team ? `${team.contactPhoneMasked} · ${t('phoneKeep')}` : undefined}
        rules={[...(team ? [] : req(t('contactPhone'))), zodRule(mobileSchema)]}
      >
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Form.Item name="baseAddress" label={t('baseAddress')} rules={req(t('baseAddress'))}>
        <Input maxLength={200} />
      </Form.Item>
      {team && (
        <Form.Item name="status" label={t('status')}>
          <Select
            options={RESCUE_TEAM_STATUSES.map((s) => ({
              value: s,
              label: label(RESCUE_TEAM_STATUS_LABELS[s]),
            }))}
          />
        </Form.Item>
      )}
    </MutationForm>
  );
}
