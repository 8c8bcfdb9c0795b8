import { ACCIDENT_CATEGORIES } from '@common/domain/gb6441';
import type { AccidentCategory } from '@common/domain/gb6441';
import { TOWNSHIPS } from '@common/domain/county';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time as a duty officer reads it: 06-01 03:12:45 (local time of the workstation). */
export function formatDateTime(iso: string | null | undefined, language: string, withSeconds = false): string {
  if (!iso) return '—';
  const key = `${language}:${withSeconds}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hour12: false,
    });
    formatters.set(key, f);
  }
  return f.format(new Date(iso));
}

/** A township's name in the UI language; undefined for a code that is none of the county's. */
export function townshipName(code: string | undefined, language: string): string | undefined {
  const tw = TOWNSHIPS.find((x) => x.code === code);
  return tw && (language === 'en' ? tw.nameEn : tw.nameZh);
}

export function categoryLabel(code: AccidentCategory, language: string): string {
  const c = ACCIDENT_CATEGORIES.find((x) => x.code === code);
  if (!c) return code;
  return language === 'en' ? c.en : c.zh;
}

/** `datetime-local` input value (local wall time, minutes) for a Date. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
