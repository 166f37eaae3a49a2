import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Radio, Result, Select, Switch } from 'antd';
import { Link, useSearchParams } from 'react-router';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  RESCUE_ACTION_LABELS,
  RESCUE_ACTIONS,
  RESCUE_OUTCOME_LABELS,
  RESCUE_OUTCOMES,
  SEX_LABELS,
  SEXES,
  type ReportRescueInput,
} from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { api, isApiError } from '../../lib/api.ts';
import { applyFieldErrors } from '../../lib/forms.ts';
import styles from '../portal.module.css';

/** Now on a Beijing clock as 'YYYY-MM-DDTHH:mm', the datetime input's format and its upper bound. */
const beijingNow = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16);

type Values = Omit<ReportRescueInput, 'mobile'> & { mobile?: string };

/**
 * 报告施救案例: a certificate holder tells their society about a rescue, from a phone. They name
 * themselves by certificate number and name, like the public check. About the person helped, the form
 * asks only an age band and sex — nothing that could identify them.
 */
export default function RescueReport() {
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Logo size={30} />
        <span>报告施救案例</span>
      </header>
      <main style={{ padding: 16, maxWidth: 560, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        {done ? (
          <div id="rescue-result">
            <Result
              status="success"
              title="感谢您的挺身而出"
              subTitle="案例已提交，发证的红十字会核实后会显示在您的证书核验页上。如留了电话，工作人员可能与您联系。"
            />
            <Link to="/p/certificates" style={{ display: 'block', textAlign: 'center' }}>
              返回证书核验
            </Link>
          </div>
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            disabled={busy}
            initialValues={{
              certificateNumber: search.get('number') ?? '',
              name: search.get('name') ?? '',
              actions: [],
              aedUsed: false,
              casualtyAgeBand: 'unknown',
              casualtySex: 'unknown',
              outcome: 'unknown',
            }}
            onFinish={async (v) => {
              setBusy(true);
              setError(null);
              try {
                await api.post('/api/public/rescues', {
                  ...v,
                  certificateNumber: v.certificateNumber.trim().toUpperCase(),
                  mobile: v.mobile || null,
                });
                setDone(true);
              } catch (e) {
                setError(isApiError(e) ? e.message : '无法连接服务器，请稍后重试');
                if (isApiError(e)) applyFieldErrors(form, e.fields);
              } finally {
                setBusy(false);
              }
            }}
          >
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              message="请勿填写被救者的姓名、电话等个人信息，只需选择年龄段和性别。"
            />
            <Form.Item
              name="certificateNumber"
              label="您的救护证书编号"
              rules={[{ required: true, pattern: /^[Jj][Hh]\d{14}$/, message: '证书编号为 JH 加 14 位数字' }]}
            >
              <Input
                id="rescue-cert"
                maxLength={16}
                autoCapitalize="characters"
                placeholder="JH 开头的 16 位编号"
              />
            </Form.Item>
            <Form.Item
              name="name"
              label="您的姓名（与证书一致）"
              rules={[{ required: true, message: '请输入姓名' }]}
            >
              <Input id="rescue-name" maxLength={50} />
            </Form.Item>
            <Form.Item
              name="mobile"
              label="您的手机号（选填，便于核实）"
              rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}
            >
              <Input id="rescue-mobile" inputMode="tel" maxLength={11} />
            </Form.Item>
            <Form.Item
              name="occurredAt"
              label="施救时间"
              rules={[{ required: true, message: '请选择施救时间' }]}
            >
              <Input id="rescue-when" type="datetime-local" max={beijingNow()} />
            </Form.Item>
            <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
              <Input id="rescue-place" maxLength={200} placeholder="如：某某路地铁站站厅" />
            </Form.Item>
            <Form.Item
              name="actions"
              label="您采取了哪些措施"
              rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项' }]}
            >
              <Checkbox.Group
                className="rescue-actions"
                style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 8 }}
                options={RESCUE_ACTIONS.map((a) => ({ value: a, label: RESCUE_ACTION_LABELS[a].zh }))}
              />
            </Form.Item>
            <Form.Item name="aedUsed" label="是否使用了 AED" valuePropName="checked">
              <Switch id="rescue-aed" checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
            <Form.Item
              name="description"
              label="经过"
              rules={[{ required: true, message: '请简要描述经过' }]}
            >
              <Input.TextArea id="rescue-description" rows={4} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="outcome" label="结果" rules={[{ required: true }]}>
              <Select
                id="rescue-outcome"
                options={RESCUE_OUTCOMES.map((o) => ({ value: o, label: RESCUE_OUTCOME_LABELS[o].zh }))}
              />
            </Form.Item>
            <Form.Item name="casualtyAgeBand" label="被救者年龄段" rules={[{ required: true }]}>
              <Select
                id="rescue-age"
                options={AGE_BANDS.map((b) => ({ value: b, label: AGE_BAND_LABELS[b].zh }))}
              />
            </Form.Item>
            <Form.Item name="casualtySex" label="被救者性别" rules={[{ required: true }]}>
              <Radio.Group
                id="rescue-sex"
                options={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s].zh }))}
              />
            </Form.Item>
            {error && (
              <Alert id="rescue-error" type="error" showIcon message={error} style={{ marginBottom: 12 }} />
            )}
            <Button id="rescue-submit" type="primary" htmlType="submit" block size="large">
              提交
            </Button>
          </Form>
        )}
      </main>
    </div>
  );
}
