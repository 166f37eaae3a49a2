import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Progress, Result, Spin, Switch, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import {
  APPEAL_KIND_LABELS,
  createDonationOrderSchema,
  formatFen,
  parseYuan,
  scanAmountSchema,
  type PublicAppeal,
} from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { isApiError } from '../../lib/api.ts';
import { applyFieldErrors, zodRule } from '../../lib/forms.ts';
import { useLabel, useT } from '../../lib/i18n.tsx';
import portal from '../portal.module.css';
import { AmountPicker } from './AmountPicker.tsx';
import { donateApi, keptOrder } from './api.ts';
import { donateDict } from './dict.ts';
import styles from './donate.module.css';

type Values = {
  amountYuan?: string;
  anonymous: boolean;
  name?: string;
  nameConsent: boolean;
  mobile?: string;
};

/** Yuan text → fen, or null when it is not a valid amount. */
function toFen(yuan: string | undefined): number | null {
  if (!yuan) return null;
  try {
    const fen = parseYuan(yuan);
    return scanAmountSchema.safeParse(fen).success ? fen : null;
  } catch {
    return null;
  }
}

/**
 * 扫码捐赠 (/p/donate/:appealId): where an appeal's QR code leads. The appeal and its progress, an
 * amount in one tap, a name (or anonymous), consent to be named publicly, an optional phone — then
 * off to the payment provider's cashier. Checked as the donor types with the same contract as the server.
 */
export default function DonatePage() {
  const t = useT(donateDict);
  const appealId = Number(useParams().appealId);
  const query = useQuery({
    queryKey: ['public-appeal', appealId],
    queryFn: () => donateApi.appeal(appealId),
    enabled: Number.isInteger(appealId) && appealId > 0,
    retry: false,
  });
  return (
    <div className={portal.page}>
      <header className={portal.header}>
        <Logo size={30} />
        <span>{t('title')}</span>
      </header>
      <main className={styles.main}>
        {query.isLoading && <Spin className={styles.spin} />}
        {(query.error || !(appealId > 0)) && (
          <Result status="404" title={t('notFound')} extra={<Link to="/">{t('home')}</Link>} />
        )}
        {query.data && <AppealCard appeal={query.data} />}
        {query.data &&
          (query.data.open ? (
            <DonateForm appeal={query.data} />
          ) : (
            <Result status="info" title={t('closed')} subTitle={t('closedHint')} />
          ))}
        <div className={styles.links}>
          <Link to="/">{t('home')}</Link>
          <Link to="/p/my-gifts">{t('myGifts')}</Link>
        </div>
      </main>
    </div>
  );
}

function AppealCard({ appeal: a }: { appeal: PublicAppeal }) {
  const t = useT(donateDict);
  const label = useLabel();
  const percent = a.targetFen ? Math.floor((a.receivedFen * 100) / a.targetFen) : null;
  return (
    <section className={styles.card}>
      <Tag color="red" bordered={false}>
        {label(APPEAL_KIND_LABELS[a.kind])}
      </Tag>
      <h1 className={styles.appealName}>{a.name}</h1>
      <div className={styles.muted}>{a.orgName}</div>
      {a.filingNo && (
        <div className={styles.muted}>
          {t('filingNo')}：{a.filingNo}
        </div>
      )}
      {percent !== null && (
        <Progress
          percent={Math.min(percent, 100)}
          format={() => `${percent}%`}
          strokeColor="#c8161d"
          style={{ margin: '8px 0 0' }}
        />
      )}
      <div className={styles.raised}>
        <span>
          {t('received')}
          <strong>¥{formatFen(a.receivedFen)}</strong>
        </span>
        <span>
          {a.targetFen ? t('target', { amount: `¥${formatFen(a.targetFen)}` }) : ''}
          {a.targetFen ? ' · ' : ''}
          {t('giftCount', { n: a.giftCount })}
        </span>
      </div>
    </section>
  );
}

function DonateForm({ appeal }: { appeal: PublicAppeal }) {
  const t = useT(donateDict);
  const [form] = Form.useForm<Values>();
  const anonymous = Form.useWatch('anonymous', form);
  const amountYuan = Form.useWatch('amountYuan', form);
  const fen = toFen(amountYuan);
  const shape = createDonationOrderSchema.shape;

  const submit = useMutation({
    mutationFn: (v: Values) =>
      donateApi.create({
        appealId: appeal.id,
        amountFen: toFen(v.amountYuan)!,
        anonymous: v.anonymous,
        name: v.anonymous ? null : (v.name ?? null),
        nameConsent: !v.anonymous && v.nameConsent,
        mobile: v.mobile || null,
      }),
    onSuccess: (created) => {
      keptOrder.save(created.orderNo, { token: created.viewToken, payUrl: created.payUrl });
      window.location.assign(created.payUrl);
    },
    onError: (e) => {
      if (isApiError(e)) applyFieldErrors(form, e.fields);
    },
  });

  return (
    <section className={styles.card}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ amountYuan: '50', anonymous: false, nameConsent: false }}
        onFinish={(v) => submit.mutate(v)}
      >
        <Form.Item
          label={t('amount')}
          name="amountYuan"
          rules={[
            { required: true, message: t('amountRequired') },
            {
              validator: async (_, v: string | undefined) => {
                if (!v) return;
                let parsed: number;
                try {
                  parsed = parseYuan(v);
                } catch {
                  throw new Error(t('amountInvalid'));
                }
                if (!scanAmountSchema.safeParse(parsed).success) throw new Error(t('amountRange'));
              },
            },
          ]}
        >
          <AmountPicker />
        </Form.Item>
        <Form.Item name="anonymous" valuePropName="checked" label={t('anonymous')} extra={t('anonymousHint')}>
          <Switch id="donate-anonymous" />
        </Form.Item>
        {!anonymous && (
          <>
            <Form.Item
              label={t('name')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('nameRequired') }, zodRule(shape.name)]}
            >
              <Input id="donate-name" size="large" maxLength={50} placeholder={t('namePlaceholder')} />
            </Form.Item>
            <Form.Item name="nameConsent" valuePropName="checked" extra={t('nameConsentHint')}>
              <Checkbox id="donate-consent">{t('nameConsent')}</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item label={t('mobile')} name="mobile" rules={[zodRule(shape.mobile)]} extra={t('mobileHint')}>
          <Input id="donate-mobile" size="large" inputMode="tel" maxLength={20} autoComplete="tel" />
        </Form.Item>
        {submit.error && !(isApiError(submit.error) && submit.error.fields.length) && (
          <Alert type="error" showIcon message={submit.error.message} style={{ marginBottom: 12 }} />
        )}
        <Button
          id="donate-submit"
          type="primary"
          htmlType="submit"
          block
          danger
          className={styles.submit}
          loading={submit.isPending || submit.isSuccess}
        >
          {fen ? t('submit', { amount: `¥${formatFen(fen)}` }) : t('submitPlain')}
        </Button>
        <p className={styles.muted} style={{ marginTop: 8, textAlign: 'center' }}>
          {t('receiptNote')}
        </p>
      </Form>
    </section>
  );
}
