import type { EXPORT_ZH_CN } from './export-zh-cn';

/** English strings of the incident export (.docx), merged under `incidentExport` (i18n/en.ts). */
export const EXPORT_EN: { [K in keyof typeof EXPORT_ZH_CN]: string } = {
  button: 'Export',
  express: 'Accident express report (.docx)',
  full: 'Handling report (.docx)',
  working: 'Building the document…',
  saved: 'Saved: {{name}}',
  cancelled: 'Saving cancelled',
  failed: 'Export failed: {{message}}',
};
