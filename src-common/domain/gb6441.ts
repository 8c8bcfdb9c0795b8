// GB 6441-86 企业职工伤亡事故分类: the 20 accident categories, in the standard's order.
// Codes are stable identifiers on the wire; labels are for display.

export const ACCIDENT_CATEGORIES = [
  { code: 'object_strike', zh: '物体打击', en: 'Struck by object' },
  { code: 'vehicle', zh: '车辆伤害', en: 'Vehicle injury' },
  { code: 'machinery', zh: '机械伤害', en: 'Machinery injury' },
  { code: 'lifting', zh: '起重伤害', en: 'Lifting injury' },
  { code: 'electrocution', zh: '触电', en: 'Electrocution' },
  { code: 'drowning', zh: '淹溺', en: 'Drowning' },
  { code: 'scald_burn', zh: '灼烫', en: 'Scald / burn' },
  { code: 'fire', zh: '火灾', en: 'Fire' },
  { code: 'fall_from_height', zh: '高处坠落', en: 'Fall from height' },
  { code: 'collapse', zh: '坍塌', en: 'Collapse' },
  { code: 'roof_fall', zh: '冒顶片帮', en: 'Roof / rib fall' },
  { code: 'water_inrush', zh: '透水', en: 'Water inrush' },
  { code: 'blasting', zh: '放炮', en: 'Blasting' },
  { code: 'explosive_explosion', zh: '火药爆炸', en: 'Explosive explosion' },
  { code: 'gas_explosion', zh: '瓦斯爆炸', en: 'Firedamp explosion' },
  { code: 'boiler_explosion', zh: '锅炉爆炸', en: 'Boiler explosion' },
  { code: 'vessel_explosion', zh: '容器爆炸', en: 'Pressure vessel explosion' },
  { code: 'other_explosion', zh: '其他爆炸', en: 'Other explosion' },
  { code: 'poisoning_asphyxia', zh: '中毒和窒息', en: 'Poisoning / asphyxia' },
  { code: 'other_injury', zh: '其他伤害', en: 'Other injury' },
] as const;

export type AccidentCategory = (typeof ACCIDENT_CATEGORIES)[number]['code'];
export const ACCIDENT_CATEGORY_CODES = ACCIDENT_CATEGORIES.map((c) => c.code) as [
  AccidentCategory,
  ...Array<AccidentCategory>,
];
