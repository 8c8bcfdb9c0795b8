// CAS Registry Numbers: 2–7 digits, 2 digits, 1 check digit. The check digit is the sum of the
// other digits, each multiplied by its position counted from the right (1, 2, 3, ...), mod 10.

const CAS_FORMAT = /^(\d{2,7})-(\d{2})-(\d)$/;

export function isValidCasNumber(cas: string): boolean {
  const m = CAS_FORMAT.exec(cas);
  if (!m) return false;
  const body = `${m[1] ?? ''}${m[2] ?? ''}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body.charAt(body.length - 1 - i)) * (i + 1);
  return sum % 10 === Number(m[3]);
}
