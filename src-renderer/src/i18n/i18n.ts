import i18next from 'i18next';
import { z } from 'zod';
import { en as zodEn, zhCN as zodZhCN } from 'zod/locales';
import { initReactI18next } from 'react-i18next';
import type { Language } from '@common/bridge';
import { EN } from './en';
import { ZH_CN } from './zh-cn';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: ZH_CN }, en: { translation: EN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

/** Also switches zod's messages, so form errors from the shared schemas read in the UI language. */
export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  z.config(language === 'en' ? zodEn() : zodZhCN());
  document.documentElement.lang = language;
}
