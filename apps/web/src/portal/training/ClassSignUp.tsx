import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, Result, Spin, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { COURSE_KIND_LABELS, type PublicClass } from '@boai/contracts';
import { Logo } from '../../brand/Logo.tsx';
import { api, isApiError } from '../../lib/api.ts';
import styles from '../portal.module.css';

type Answer = { classId: number; existing: boolean; remaining: number };

/** 救护培训报名: classes open to the public, and signing up for one with a phone number. */
export default function ClassSignUp() {
  const { id } = useParams();
  const list = useQuery({
    queryKey: ['public-classes'],
    queryFn: () => api.get<PublicClass[]>('/api/public/training/classes'),
  });
  const chosen = id ? list.data?.find((c) => String(c.id) === id) : undefined;
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Logo size={30} />
        <span>应急救护培训报名</span>
      </header>
      <main style={{ padding: 16, maxWidth: 560, width: '100%', margin: '0 auto', boxSizing: 'border-box' }}>
        {list.isLoading && <Spin style={{ display: 'block', margin: 40 }} />}
        {list.error && <Alert type="error" showIcon message={list.error.message} />}
        {id && list.data && !chosen && <Alert type="warning" showIcon message="该班级不存在或已停止报名" />}
        {chosen ? (
          <SignUpForm cls={chosen} />
        ) : (
          list.data &&
          (list.data.length ? (
            list.data.map((c) => (
              <Card
                key={c.id}
                size="small"
                style={{ marginBottom: 12 }}
                title={c.title}
                extra={<Tag color="red">{COURSE_KIND_LABELS[c.courseKind].zh}</Tag>}
              >
                <p style={{ margin: 0 }}>
                  {c.orgName} · {c.hours} 学时
                </p>
                <p style={{ margin: 0 }}>
                  {c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} 至 ${c.endsOn}`}
                  {c.venue ? ` · ${c.venue}` : ''}
                </p>
                <p style={{ margin: '4px 0 8px' }}>
                  剩余名额 {c.remaining} / {c.capacity}
                </p>
                <Link to={`/p/training/${c.id}`}>
                  <Button type="primary" block disabled={c.remaining === 0}>
                    {c.remaining ? '我要报名' : '名额已满'}
                  </Button>
                </Link>
              </Card>
            ))
          ) : (
            <Empty description="暂无开放报名的培训班" />
          ))
        )}
        <Link to="/p/certificates" style={{ display: 'block', marginTop: 16, textAlign: 'center' }}>
          救护证书核验
        </Link>
      </main>
    </div>
  );
}

function SignUpForm({ cls }: { cls: PublicClass }) {
  const [form] = Form.useForm();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a retry after a lost answer is replayed, not counted twice.
  const [key] = useState(() => crypto.randomUUID());
  if (answer)
    return (
      <div id="signup-result">
        <Result
          status="success"
          title={answer.existing ? '您已报名过该班级' : '报名成功'}
          subTitle={`${cls.title}，${cls.startsOn} 开课。请按时参加，证书到期前我们会短信提醒您复训。`}
        />
      </div>
    );
  return (
    <Card title={cls.title} size="small">
      <p>
        {cls.orgName} · {cls.courseName} · {cls.hours} 学时 · {cls.startsOn}
      </p>
      <Form
        form={form}
        layout="vertical"
        disabled={busy}
        onFinish={async (v: { name: string; mobile: string; idCard?: string; employer?: string }) => {
          setBusy(true);
          setError(null);
          try {
            const res = await fetch(`/api/public/training/classes/${cls.id}/signups`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'idempotency-key': key },
              body: JSON.stringify({
                name: v.name,
                mobile: v.mobile,
                idCard: v.idCard || null,
                employer: v.employer || null,
              }),
            });
            const body = await res.json();
            if (res.ok) setAnswer(body as Answer);
            else {
              setError(body.message);
              form.setFields(
                (body.fields ?? []).map((f: { field: string; message: string }) => ({
                  name: f.field.replace(/^body\./, ''),
                  errors: [f.message],
                })),
              );
            }
          } catch (e) {
            setError(isApiError(e) ? e.message : '无法连接服务器，请稍后重试');
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input id="signup-name" maxLength={50} />
        </Form.Item>
        <Form.Item
          name="mobile"
          label="手机号"
          rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号' }]}
        >
          <Input id="signup-mobile" inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item name="idCard" label="身份证号" extra="考核合格后凭身份证号发证，可开课时再补">
          <Input id="signup-id-card" maxLength={18} />
        </Form.Item>
        <Form.Item name="employer" label="工作单位">
          <Input maxLength={100} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button id="signup-submit" type="primary" htmlType="submit" block size="large">
          提交报名
        </Button>
      </Form>
    </Card>
  );
}
