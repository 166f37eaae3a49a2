import { useCallback } from 'react';
import { RouterProvider } from 'react-router/dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { LangProvider, useLang } from './lib/i18n.tsx';
import { queryClient } from './lib/queryClient.ts';
import { theme } from './brand/theme.ts';
import { router } from './router.tsx';

function Themed() {
  const { lang } = useLang();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={theme}
      // Keep "登录" as written: automated tests and screen readers look for the word, not "登 录".
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  // Server messages and labels come in the chosen language: fetch them again after a switch.
  const onLangChange = useCallback(() => void queryClient.invalidateQueries(), []);
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider onChange={onLangChange}>
        <Themed />
      </LangProvider>
    </QueryClientProvider>
  );
}
