/** SIRET: 14 digits whose Luhn checksum is valid (the INSEE rule), spaces allowed when typed. */
export function normalizeSiret(input: string): string {
  return input.replace(/\s+/g, '');
}

export function isValidSiret(input: string): boolean {
  const siret = normalizeSiret(input);
  if (!/^\d{14}$/.test(siret)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(siret[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
