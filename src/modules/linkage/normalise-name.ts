/**
 * Name normalisation (reference/linkage.md §5.2–5.3). The raw value is kept by the caller for display; these
 * functions give the forms that are compared:
 *
 * 1. `foldName`: Unicode NFKC, lower case, letters that do not decompose (ł, ø, ß, æ …) spelled out, accents
 *    stripped (NFKD without combining marks), Cyrillic and Greek transliterated, apostrophes dropped
 *    (O'Brien = OBrien), every other non-letter a space, spaces collapsed.
 * 2. `normaliseGivenName`: titles and suffixes dropped; placeholders such as "Baby", "Baby of Smith", "Twin 1",
 *    "Infant", "Unknown" (and "B/O Smith") become missing; the tokens of the given and middle names are kept in
 *    order, the first being the name the comparison leans on.
 * 3. `normaliseFamilyName`: hyphens and spaces split a double-barrelled name into tokens (Smith-Jones →
 *    smith, jones); particles join the token that follows them (van der Berg → vanderberg, Mc Donald →
 *    mcdonald, de la Cruz → delacruz, St John → stjohn), as ONS `clean_surname` does; suffixes (Jr, Snr, III)
 *    are dropped; placeholders (Unknown, NK, ZZZ) become missing.
 *
 * A name that is left with no letters is missing. Names written in a script with no Latin transliteration
 * here (Arabic, Chinese …) are kept in that script, so that they still match themselves exactly.
 */

const SPELLED_OUT: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ŀ: 'l',
  ħ: 'h',
  ŧ: 't',
}

// Cyrillic (Russian, Ukrainian, Bulgarian, Serbian) and Greek, as commonly romanised in UK records.
const TRANSLITERATION: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
}

const APOSTROPHES = /['’‘`´ʼ]/g
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu
const NEEDS_MAPPING = /[^a-z0-9 ]/

/** Lower-case, accent-free, punctuation-free form of a name or address; '' when nothing is left. */
export function foldName(raw: string): string {
  let s = raw.normalize('NFKC').toLowerCase()
  if (NEEDS_MAPPING.test(s)) {
    s = s.replace(/[łøđðþßæœıŀħŧ]/g, c => SPELLED_OUT[c] ?? c)
    s = s.normalize('NFKD').replace(/\p{M}/gu, '')
    s = s.replace(/[\u0400-\u04ff\u0370-\u03ff]/g, c => TRANSLITERATION[c] ?? c)
    s = s.replace(APOSTROPHES, '')
    s = s.replace(NOT_LETTER_OR_DIGIT, ' ')
  }
  return s.trim().replace(/ {2,}/g, ' ')
}

const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mstr',
  'master',
  'dr',
  'rev',
  'revd',
  'sir',
  'dame',
  'lady',
  'lord',
  'prof',
  'mx',
])
const SUFFIXES = new Set(['jr', 'jnr', 'junior', 'snr', 'sr', 'senior', 'ii', 'iii', 'iv', '1st', '2nd', '3rd'])

/** Words that, leading a given name, mean no name has been given yet (NHS England's ignore list and others). */
const GIVEN_PLACEHOLDERS = new Set([
  'baby',
  'babyof',
  'babe',
  'bb',
  'infant',
  'newborn',
  'neonate',
  'twin',
  'twins',
  'triplet',
  'triplets',
  'quad',
  'unknown',
  'unk',
  'unkn',
  'unnamed',
  'noname',
  'nk',
  'notknown',
  'not',
  'none',
  'null',
  'nil',
  'na',
  'tba',
  'tbc',
  'tbd',
  'fnu',
  'child',
  'boy',
  'girl',
  'male',
  'female',
  'test',
  'dummy',
  'x',
  'xx',
  'xxx',
  'zz',
  'zzz',
  'anon',
  'anonymous',
  'unborn',
  'foetus',
  'fetus',
  'stillborn',
  'refused',
])
const FAMILY_PLACEHOLDERS = new Set([
  'unknown',
  'unk',
  'unkn',
  'nk',
  'not known',
  'notknown',
  'none',
  'null',
  'nil',
  'na',
  'n a',
  'tba',
  'tbc',
  'lnu',
  'x',
  'xx',
  'xxx',
  'zz',
  'zzz',
  'test',
  'dummy',
  'anon',
  'anonymous',
  'no name',
  'noname',
  'refused',
])

/** Particles that belong to the next token of a surname (ONS clean_surname, extended). */
const PARTICLES = new Set([
  'de',
  'da',
  'das',
  'dos',
  'du',
  'di',
  'del',
  'della',
  'der',
  'den',
  'des',
  'van',
  'von',
  'vander',
  'la',
  'le',
  'lo',
  'st',
  'ste',
  'saint',
  'mc',
  'mac',
  'o',
  'al',
  'el',
  'ul',
  'bin',
  'bint',
  'ibn',
  'abu',
  'san',
  'ba',
  'ter',
  'ten',
  'ap',
  'fitz',
])
/** Conjunctions inside Spanish and Portuguese double surnames ("García y López", "Silva e Santos"). */
const CONJUNCTIONS = new Set(['y', 'e', 'i', 'and'])

export type GivenName = {
  /** The given name and middle names, token by token; the first is the name the person is called by. */
  tokens: string[]
}

export type FamilyName = {
  /** The whole surname, tokens separated by one space ("smith jones"). */
  full: string
  /** Its parts, with particles joined ("smith", "jones"). */
  tokens: string[]
}

/** Words of a folded name; digits inside a word are keying slips (Arth8r) and are dropped. */
function tokens(folded: string): string[] {
  if (folded === '') return []
  return folded.split(' ').map(token => (/\d/.test(token) && /\D/.test(token) ? token.replace(/\d+/g, '') : token))
}

const isDigits = (token: string) => /^\d+$/.test(token)

/** A given name and optional middle names, or undefined when nothing usable is left. */
export function normaliseGivenName(given: string, middle = ''): GivenName | undefined {
  if (/^\s*b\s*\/\s*o\b/i.test(given)) return undefined // "B/O Smith": baby of
  let first = tokens(foldName(given))
  while (first.length > 0 && TITLES.has(first[0] as string)) first = first.slice(1)
  if (first.length > 0 && GIVEN_PLACEHOLDERS.has(first[0] as string)) first = []
  const middleTokens = tokens(foldName(middle)).filter(t => !GIVEN_PLACEHOLDERS.has(t))
  const all = [...first, ...middleTokens].filter(t => !isDigits(t) && !SUFFIXES.has(t) && !TITLES.has(t))
  if (all.length === 0) return undefined
  // A middle name alone (no given name written) is still a name the person may be called by.
  return { tokens: all }
}

/** A surname, or undefined when it is missing or a placeholder. */
export function normaliseFamilyName(family: string): FamilyName | undefined {
  const folded = foldName(family)
  if (folded === '' || FAMILY_PLACEHOLDERS.has(folded)) return undefined
  const raw = tokens(folded).filter(t => !isDigits(t) && !SUFFIXES.has(t) && !CONJUNCTIONS.has(t))
  const parts: string[] = []
  let pending = ''
  for (const token of raw) {
    if (PARTICLES.has(token)) {
      pending += token === 'saint' || token === 'ste' ? 'st' : token
      continue
    }
    parts.push(pending + token)
    pending = ''
  }
  if (pending !== '') {
    // A trailing particle ("Smith O") is a fragment; keep it only when nothing else is there ("Le").
    if (parts.length === 0) parts.push(pending)
  }
  if (parts.length === 0) return undefined
  return { full: parts.join(' '), tokens: parts }
}
