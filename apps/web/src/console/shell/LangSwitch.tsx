import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useLang, useT } from '../../lib/i18n.tsx';
import { shellDict } from './dict.ts';

/** 中文 ⇄ English; the choice is kept in localStorage `boai.lang`. */
export function LangSwitch({ dark }: { dark?: boolean }) {
  const { lang, setLang } = useLang();
  const t = useT(shellDict);
  return (
    <Button
      id="lang-switch"
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      title={t('switchTitle')}
      aria-label={t('switchTitle')}
      style={dark ? { color: '#fff' } : undefined}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {/* On a phone the globe alone, to leave the header room for the society's name. */}
      <span className={dark ? 'boai-hide-phone' : undefined}>{t('switchTo')}</span>
    </Button>
  );
}
