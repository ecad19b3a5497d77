/**
 * Every visible string lives in renderer/i18n/<language>.json (same keys in each). `t` looks a key
 * up in the chosen language, falls back to English, and fills `{name}` placeholders.
 */
import az from '../i18n/az.json';
import en from '../i18n/en.json';
import kk from '../i18n/kk.json';
import ru from '../i18n/ru.json';
import { effectiveLanguage, useSettings, type Language } from './settings';

type Messages = Record<string, string>;
export const MESSAGES: Record<Language, Messages> = { en, ru, az, kk };

/** BCP 47 tags for Intl number and date formatting. */
export const LOCALES: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU', az: 'az-Latn-AZ', kk: 'kk-KZ' };

export type Vars = Record<string, string | number>;

export function translate(language: Language, key: string, vars?: Vars): string {
  const template = MESSAGES[language][key] ?? MESSAGES.en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate = (key: string, vars?: Vars) => string;

export function useLanguage(): Language {
  const language = useSettings((s) => s.language);
  return effectiveLanguage({ language });
}

export function useT(): Translate {
  const language = useLanguage();
  return (key, vars) => translate(language, key, vars);
}
