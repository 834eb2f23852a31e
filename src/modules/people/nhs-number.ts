/** Digits of an NHS number as written ("943 476 5919", "943-476-5919"), or undefined when not 10 digits. */
export function nhsDigits(value: string): string | undefined {
  const digits = value.replace(/[\s-]/g, '')
  return /^\d{10}$/.test(digits) ? digits : undefined
}

/** The NHS number modulus-11 check: weights 10..2 on the first nine digits; 11 - (sum mod 11) is the check digit. */
export function isValidNhsNumber(value: string): boolean {
  const digits = nhsDigits(value)
  if (!digits) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i)
  let check = 11 - (sum % 11)
  if (check === 11) check = 0
  if (check === 10) return false
  return check === Number(digits[9])
}

/** Format as 3-3-4, the way NHS numbers are shown to people. */
export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}
