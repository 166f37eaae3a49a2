import { DatePicker, Form } from 'antd';
import { ProFormDependency, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createGiftSchema,
  GIFT_CHANNEL_LABELS,
  MONEY_CHANNELS,
  parseYuan,
  type CreateGiftInput,
  type Gift,
  type MoneyChannel,
} from '@boai/contracts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import { zodRule } from '../../lib/forms.ts';
import { TIME_ZONE } from '../../lib/time.ts';
import { commonDict } from '../common/dict.ts';
import { MutationForm } from '../common/MutationForm.tsx';
import { APPEALS_KEY, GIFTS_KEY, giftsApi } from './api.ts';
import { donationsDict } from './dict.ts';
import { yuanRule } from './money.ts';
import { AppealDesignationField, DonorSelect, GiftOrgField } from './pickers.tsx';

type Values = {
  orgId: number;
  donorId: number;
  channel: MoneyChannel;
  amount: string;
  receivedOn: Dayjs;
  appealId?: number;
  purpose?: string;
};

/** Today in China, whatever the browser's zone: gifts cannot have arrived later than that. */
const today = () => dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');

const toInput = (v: Values): CreateGiftInput => ({
  orgId: v.orgId,
  donorId: v.donorId,
  channel: v.channel,
  amountFen: parseYuan(v.amount),
  receivedOn: dayjs(v.receivedOn).format('YYYY-MM-DD'),
  appealId: v.appealId ?? null,
  purpose: v.purpose?.trim() || null,
});

/** 登记捐款: the gift and its receipt number are recorded together; the number is shown at once. */
export function CreateGiftForm({
  open,
  onClose,
  defaultOrgId,
  onRecorded,
}: {
  open: boolean;
  onClose: () => void;
  defaultOrgId?: number;
  onRecorded: (gift: Gift) => void;
}) {
  const t = useT(donationsDict);
  const tc = useT(commonDict);
  const label = useLabel();
  return (
    <MutationForm<Values>
      title={t('createGift')}
      open={open}
      onClose={onClose}
      initialValues={{ orgId: defaultOrgId, channel: 'bank', receivedOn: dayjs(today()) }}
      submit={(v) => giftsApi.create(toInput(v))}
      invalidate={[GIFTS_KEY, APPEALS_KEY]}
      successText={t('registered')}
      onSuccess={(gift) => onRecorded(gift as Gift)}
      submitId="gift-form-submit"
    >
      <Form.Item
        name="orgId"
        label={t('receivingOrg')}
        rules={[{ required: true, message: tc('select', { field: t('receivingOrg') }) }]}
      >
        <GiftOrgField />
      </Form.Item>
      <ProFormDependency name={['orgId']}>
        {({ orgId }: { orgId?: number }) => (
          <Form.Item
            name="donorId"
            label={t('donor')}
            rules={[{ required: true, message: tc('select', { field: t('donor') }) }]}
          >
            <DonorSelect id="donorId" orgId={orgId} key={orgId} />
          </Form.Item>
        )}
      </ProFormDependency>
      <ProFormSelect
        name="channel"
        label={t('channel')}
        options={MONEY_CHANNELS.map((c) => ({ value: c, label: label(GIFT_CHANNEL_LABELS[c]) }))}
        fieldProps={{ id: 'channel', allowClear: false }}
        rules={[{ required: true, message: tc('select', { field: t('channel') }) }]}
      />
      <div style={{ display: 'flex', gap: 16 }}>
        <ProFormText
          name="amount"
          label={t('amountYuan')}
          formItemProps={{ style: { flex: 1 } }}
          fieldProps={{
            id: 'amount',
            name: 'amount',
            inputMode: 'decimal',
            prefix: '¥',
            autoComplete: 'off',
          }}
          rules={[
            { required: true, whitespace: true, message: tc('required', { field: t('amountYuan') }) },
            yuanRule(t),
          ]}
        />
        <Form.Item
          name="receivedOn"
          label={t('receivedOn')}
          style={{ flex: 1 }}
          rules={[
            { required: true, message: tc('select', { field: t('receivedOn') }) },
            {
              validator: async (_r, v: Dayjs | null | undefined) => {
                if (v && dayjs(v).format('YYYY-MM-DD') > today()) throw new Error(t('futureDate'));
              },
            },
          ]}
        >
          <DatePicker
            id="receivedOn"
            allowClear={false}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today()}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </div>
      <AppealDesignationField />
      <ProFormText
        name="purpose"
        label={t('purpose')}
        placeholder={t('purposeHint')}
        fieldProps={{ id: 'purpose', name: 'purpose', maxLength: 200, autoComplete: 'off' }}
        rules={[zodRule(createGiftSchema.shape.purpose)]}
      />
    </MutationForm>
  );
}
