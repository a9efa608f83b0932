/**
 * Korean particles after a word that is only known at run time (issue 15 item 6): 을/를, 이/가, 은/는, 과/와, 으로/로.
 * The choice depends on whether the word's last sound ends in a consonant (받침). Hangul syllables tell it exactly;
 * digits and Latin letters by how they are read aloud in Korean (1 일, 2 이 …; L 엘, M 엠, N 엔, R 알). Anything
 * else (an empty word, a closing bracket, a symbol) gets both forms, "을(를)", which is always correct Korean.
 */

/** The particle pairs, consonant form first. */
export const PARTICLES = ['을/를', '이/가', '은/는', '과/와', '으로/로'] as const;
export type Particle = (typeof PARTICLES)[number];

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** 받침 index of ㄹ in a syllable's final-consonant table. */
const RIEUL = 8;
/** Digits read with a final consonant: 영 일 삼 육 칠 팔 (and 십, 백, 천, 만 are not needed: the last digit decides). */
const DIGIT_FINAL: Record<string, number | null> = { '0': 21, '1': RIEUL, '2': null, '3': 16, '4': null, '5': null, '6': 1, '7': RIEUL, '8': RIEUL, '9': null };
/** Latin letters read with a final consonant: L 엘, M 엠, N 엔, R 알 (the others end in a vowel: 에이, 비, 씨 …). */
const LETTER_FINAL: Record<string, number> = { l: RIEUL, m: 16, n: 4, r: RIEUL };

/** The final consonant index of the word's last sound (0: none), or undefined when it cannot be told. */
function finalConsonant(word: string): number | undefined {
  const last = [...word.trim()].at(-1);
  if (!last) return undefined;
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28;
  if (last in DIGIT_FINAL) return DIGIT_FINAL[last] ?? 0;
  const letter = last.toLowerCase();
  if (/^[a-z]$/.test(letter)) return LETTER_FINAL[letter] ?? 0;
  return undefined;
}

/** The particle that follows `word`: e.g. `particle('처방', '을/를')` is `'을'`, `particle('오더', '을/를')` is `'를'`. */
export function particle(word: string, pair: Particle): string {
  const [withConsonant, withVowel] = pair.split('/') as [string, string];
  const final = finalConsonant(word);
  if (final === undefined) return `${withConsonant}(${withVowel})`.replace('으로(로)', '(으)로');
  // 으로/로: a word ending in ㄹ takes 로 like one ending in a vowel
  if (pair === '으로/로') return final === 0 || final === RIEUL ? withVowel : withConsonant;
  return final === 0 ? withVowel : withConsonant;
}

/** The word followed by its particle: `withParticle('ORD-0001', '이/가')` is `'ORD-0001이'`. */
export function withParticle(word: string, pair: Particle): string {
  return `${word}${particle(word, pair)}`;
}

/** Whether a formatter option names a known pair. */
export function isParticle(value: unknown): value is Particle {
  return typeof value === 'string' && (PARTICLES as readonly string[]).includes(value);
}
