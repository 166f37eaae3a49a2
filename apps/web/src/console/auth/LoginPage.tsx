import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Typography } from 'antd';
import { useT } from '../../lib/i18n.tsx';
import { Logo } from '../../brand/Logo.tsx';
import { LangSwitch } from '../shell/LangSwitch.tsx';
import type { LoginStep } from './api.ts';
import { authDict } from './dict.ts';
import { PasswordStep } from './PasswordStep.tsx';
import { TotpStep } from './TotpStep.tsx';
import styles from './login.module.css';

/** 工作人员登录: password, then a TOTP code or TOTP enrolment when the server asks for it. */
export default function LoginPage() {
  const t = useT(authDict);
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [step, setStep] = useState<Exclude<LoginStep, 'done'> | 'password'>('password');
  const notice = search.get('reason');

  const onStep = (next: LoginStep) => {
    if (next !== 'done') return setStep(next);
    // A new session: nothing cached for the previous one may show.
    queryClient.clear();
    message.destroy();
    const from = (location.state as { from?: string } | null)?.from;
    void navigate(from && from.startsWith('/console') && from !== '/console/login' ? from : '/console', {
      replace: true,
    });
  };

  return (
    <div className={styles.page}>
      <header className={styles.banner}>
        <div className={styles.brand}>
          <Logo size={32} />
          <span>{t('brand')}</span>
        </div>
        <LangSwitch dark />
      </header>
      <main className={styles.main}>
        <Card className={styles.card} variant="outlined">
          <div className={styles.cardHead}>
            <Logo size={48} />
            <Typography.Title level={3} style={{ margin: '12px 0 4px' }}>
              {t('title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
          </div>
          {notice === 'expired' && step === 'password' && (
            <Alert type="warning" showIcon message={t('expired')} style={{ marginBottom: 16 }} />
          )}
          {notice === 'logout' && step === 'password' && (
            <Alert type="success" showIcon message={t('loggedOut')} style={{ marginBottom: 16 }} />
          )}
          {step === 'password' && <PasswordStep onNext={onStep} />}
          {step !== 'password' && (
            <TotpStep enrol={step === 'enrol_totp'} onNext={onStep} onBack={() => setStep('password')} />
          )}
        </Card>
      </main>
      <footer className={styles.footer}>{t('footer')}</footer>
    </div>
  );
}
