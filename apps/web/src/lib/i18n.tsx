import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { z } from 'zod';

export type Lang = 'zh' | 'en';
/** One message in both languages, side by side. `{name}` placeholders are filled by `t(key, { name })`. */
export type Message = { zh: string; en: string };
export type Dict = Record<string, Message>;
export type Translate<D extends Dict> = (
  key: keyof D & string,
  vars?: Record<string, string | number>,
) => string;

const STORAGE_KEY = 'boai.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

// The language outside React (the API client's Accept-Language header) reads this.
let currentLang: Lang = initialLang();
export const getLang = (): Lang => currentLang;
export const acceptLanguage = (): string => (currentLang === 'en' ? 'en' : 'zh-CN');

function applyLang(lang: Lang) {
  currentLang = lang;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  z.config(lang === 'en' ? z.locales.en() : z.locales.zhCN());
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
}
applyLang(currentLang);

type LangContextValue = { lang: Lang; setLang: (lang: Lang) => void };
const LangContext = createContext<LangContextValue>({ lang: currentLang, setLang: () => {} });

export function LangProvider({
  children,
  onChange,
}: {
  children: ReactNode;
  onChange?: (lang: Lang) => void;
}) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback(
    (next: Lang) => {
      applyLang(next);
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      setLangState(next);
      onChange?.(next);
    },
    [onChange],
  );
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);

export function format(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Picks the current language's text of a `{ zh, en }` label (catalogue labels from the contracts use the same shape). */
export function useLabel() {
  const { lang } = useLang();
  return useCallback((m: Message) => m[lang], [lang]);
}

/** `const t = useT(ordersDict); t('title')` — a module's own dictionary. */
export function useT<D extends Dict>(dict: D): Translate<D> {
  const { lang } = useLang();
  return useCallback<Translate<D>>(
    (key, vars) => {
      const m = dict[key];
      return m ? format(m[lang], vars) : key;
    },
    [dict, lang],
  );
}

/** Declares a dictionary while keeping its literal keys for `t()` autocompletion and checking. */
export const defineDict = <const D extends Dict>(d: D): D => d;
