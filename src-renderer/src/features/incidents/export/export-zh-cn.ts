/** 简体中文 strings of the incident export (.docx), merged under `incidentExport` (i18n/zh-cn.ts). */
export const EXPORT_ZH_CN = {
  button: '导出',
  express: '事故信息快报（.docx）',
  full: '处置报告（.docx）',
  working: '正在生成文档…',
  saved: '已保存：{{name}}',
  cancelled: '已取消保存',
  failed: '导出失败：{{message}}',
};
