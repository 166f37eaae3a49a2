import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import {
  mobileSchema,
  RESCUE_GENDER_LABELS,
  RESCUE_GENDERS,
  RESCUE_MEMBER_ROLE_LABELS,
  RESCUE_MEMBER_ROLES,
  type RescueGender,
  type RescueMember,
  type RescueMemberRole,
} from '@boai/contracts';
import { zodRule } from '../../lib/forms.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { RESCUE_TEAMS_KEY, rescueTeamApi } from './api.ts';
import { rescueTeamDict } from './dict.ts';
import { day, noFuture } from './TeamForm.tsx';

type Cert = { name: string; number: string; issuer: string; expiresOn?: Dayjs | null };
type Values = {
  name: string;
  gender: RescueGender;
  phone?: string;
  role: RescueMemberRole;
  joinedOn: Dayjs;
  leftOn?: Dayjs | null;
  skills: string[];
  certificates: Cert[];
};

/** 队员入队 / 编辑: the certificate list is edited as a whole and replaces the stored one. */
export function MemberForm({
  teamId,
  member,
  open,
  onClose,
}: {
  teamId: number;
  member: RescueMember | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT(rescueTeamDict);
  const tc = useT(commonDict);
  const label = useLabel();
  const req = (field: string) => [{ required: true, message: tc('required', { field }) }];
  return (
    <MutationForm<Values>
      kind="drawer"
      width={680}
      title={member ? `${t('editMember')} · ${member.name}` : t('newMember')}
      open={open}
      onClose={onClose}
      submitId="rescue-member-save"
      invalidate={[RESCUE_TEAMS_KEY]}
      initialValues={
        member
          ? {
              ...member,
              phone: undefined,
              joinedOn: dayjs(member.joinedOn),
              leftOn: member.leftOn ? dayjs(member.leftOn) : null,
              certificates: member.certificates.map((c) => ({
                ...c,
                expiresOn: c.expiresOn ? dayjs(c.expiresOn) : null,
              })),
            }
          : { gender: 'male', role: 'member', joinedOn: dayjs(), skills: [], certificates: [] }
      }
      submit={(v) => {
        const body = {
          name: v.name,
          gender: v.gender,
          role: v.role,
          joinedOn: day(v.joinedOn),
          skills: v.skills ?? [],
          certificates: (v.certificates ?? []).map((c) => ({
            name: c.name,
            number: c.number,
            issuer: c.issuer,
            expiresOn: c.expiresOn ? day(c.expiresOn) : null,
          })),
        };
        return member
          ? rescueTeamApi.updateMember(teamId, member.id, {
              ...body,
              leftOn: v.leftOn ? day(v.leftOn) : null,
              ...(v.phone ? { phone: v.phone } : {}),
            })
          : rescueTeamApi.addMember(teamId, { ...body, phone: v.phone ?? '' });
      }}
    >
      <Form.Item name="name" label={t('memberName')} rules={req(t('memberName'))}>
        <Input maxLength={30} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="gender" label={t('gender')} rules={req(t('gender'))}>
          <Select
            style={{ width: 120 }}
            options={RESCUE_GENDERS.map((g) => ({ value: g, label: label(RESCUE_GENDER_LABELS[g]) }))}
          />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={req(t('role'))}>
          <Select
            style={{ width: 140 }}
            options={RESCUE_MEMBER_ROLES.map((r) => ({
              value: r,
              label: label(RESCUE_MEMBER_ROLE_LABELS[r]),
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="phone"
        label={t('phone')}
        extra={member ? `${member.phoneMasked} · ${t('phoneKeep')}` : undefined}
        rules={[...(member ? [] : req(t('phone'))), zodRule(mobileSchema)]}
      >
        <Input maxLength={20} inputMode="tel" />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item name="joinedOn" label={t('joinedOn')} rules={req(t('joinedOn'))}>
          <DatePicker disabledDate={noFuture} />
        </Form.Item>
        {member && (
          <Form.Item name="leftOn" label={t('leftOn')} tooltip={t('leftHint')}>
            <DatePicker />
          </Form.Item>
        )}
      </Space>
      <Form.Item name="skills" label={t('skills')} extra={t('skillsHint')}>
        <Select mode="tags" open={false} maxCount={20} />
      </Form.Item>
      <Form.List name="certificates">
        {(fields, { add, remove }) => (
          <Form.Item label={t('certificates')}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'name']} rules={req(t('certName'))}>
                  <Input placeholder={t('certName')} maxLength={50} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'number']} rules={req(t('certNumber'))}>
                  <Input placeholder={t('certNumber')} maxLength={50} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'issuer']} rules={req(t('certIssuer'))}>
                  <Input placeholder={t('certIssuer')} maxLength={100} style={{ width: 150 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'expiresOn']}>
                  <DatePicker placeholder={t('certNoExpiry')} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('addCert')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </MutationForm>
  );
}
