/**
 * Phonetic keys for names that have already been through `foldName` (lower case, letters a–z and spaces).
 *
 * - `soundex`: American Soundex (letter + three digits), used only as a coarse blocking key for surnames.
 * - `nameSound`: a consonant skeleton written for this project, used as a comparison level and a blocking key.
 *   English spelling rules that do not change the sound are rewritten (ph→f, ck→k, soft c→s, v→f, z→s,
 *   th→0, silent initial k/w/g/p, h after a vowel), doubled letters are collapsed, and the vowels after the
 *   first letter are dropped (a leading vowel is kept as "a"). So Mohammed, Mohamed, Muhammad and Mohammad are
 *   all "mmt"; Ahmed and Ahmad "amt"; Smith and Smyth "sm0"; Kai and Kye "k"; Stephen and Steven "stfn".
 *   Like every English phonetic code it serves non-English names less well, so it is one level among several,
 *   never the only route to a match (reference/linkage.md §5.2).
 */

const SOUNDEX_CODES: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
}

export function soundex(name: string): string {
  const letters = name.replace(/[^a-z]/g, '')
  if (letters.length === 0) return ''
  const first = letters.charAt(0)
  let code = first.toUpperCase()
  let last = SOUNDEX_CODES[first] ?? ''
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const c = letters.charAt(i)
    const digit = SOUNDEX_CODES[c]
    if (digit === undefined) {
      if (c !== 'h' && c !== 'w') last = '' // a vowel separates two equal codes; h and w do not
      continue
    }
    if (digit !== last) code += digit
    last = digit
  }
  return code.padEnd(4, '0')
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y'])
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c)

export function nameSound(name: string): string {
  let s = name.replace(/[^a-z]/g, '')
  if (s.length === 0) return ''
  // Silent or simplified openings.
  s = s
    .replace(/^(kn|gn|pn)/, 'n')
    .replace(/^wr/, 'r')
    .replace(/^ps/, 's')
    .replace(/^wh/, 'w')
    .replace(/^x/, 's')
  s = s
    .replace(/ph/g, 'f')
    .replace(/gh(?=[^aeiouy]|$)/g, '') // Leigh, Vaughn, Hugh
    .replace(/^gh/, 'g')
    .replace(/tch/g, 'ch')
    .replace(/sch/g, 'sk')
    .replace(/^chr/, 'kr')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/dg(?=[eiy])/g, 'j')
    .replace(/sh/g, 'x')
    .replace(/ch/g, 'x')
    .replace(/th/g, '0')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'f')
    .replace(/d$/, 't')
    .replace(/dt/g, 't')
  let out = ''
  let previous = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i)
    if (c === previous) continue
    previous = c
    if (i === 0) {
      out += isVowel(c) ? 'a' : c
      continue
    }
    if (isVowel(c)) continue
    // h is silent after a vowel or a consonant; w is silent after a vowel (Shawn, Lewis keeps its w before a vowel).
    if (c === 'h') continue
    if (c === 'w' && !isVowel(s.charAt(i + 1))) continue
    out += c
  }
  return out
}
