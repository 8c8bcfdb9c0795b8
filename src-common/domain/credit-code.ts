// 统一社会信用代码 check character, GB 32100-2015: 18 characters from a 31-character alphabet
// (no I, O, Z, S, V); the 18th is computed from the first 17 with the weights 3^i mod 31.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET.charAt(check);
}

export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}
