import { describe, expect, it } from 'vitest';
import en from './en.json';
import glossary from './glossary.json';
import ko from './ko.json';

// One word per concept (issue 15 item 6): a text that uses a word the glossary rules out fails here, so that a new
// screen cannot bring back 처방 for an order, "log in" for sign in or 몸무게 for weight.

type Tree = { [key: string]: string | Tree };
type Lang = 'ko' | 'en';
interface Concept {
  ko: string;
  en: string;
  avoid: Record<Lang, string[]>;
  allowed: Record<Lang, string[]>;
}

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const texts: Record<Lang, [string, string][]> = { ko: flatten(ko as Tree), en: flatten(en as Tree) };
const concepts = Object.entries(glossary.concepts as Record<string, Concept>);

/** The keys whose text uses an avoided word outside the allowed compounds. */
function drift(concept: Concept, lang: Lang): string[] {
  return texts[lang].flatMap(([key, text]) => {
    let rest = lang === 'en' ? text.toLowerCase() : text;
    for (const compound of concept.allowed[lang]) rest = rest.split(lang === 'en' ? compound.toLowerCase() : compound).join(' ');
    const found = concept.avoid[lang].filter((word) => rest.includes(lang === 'en' ? word.toLowerCase() : word));
    return found.length > 0 ? [`${key}: ${found.join(', ')} in "${text}"`] : [];
  });
}

describe('glossary', () => {
  it.each(concepts)('%s: one word in Korean', (_name, concept) => {
    expect(drift(concept, 'ko')).toEqual([]);
  });

  it.each(concepts)('%s: one word in English', (_name, concept) => {
    expect(drift(concept, 'en')).toEqual([]);
  });

  it.each(concepts)('%s: the chosen word is in use in both languages', (_name, concept) => {
    expect(texts.ko.some(([, text]) => text.includes(concept.ko))).toBe(true);
    expect(texts.en.some(([, text]) => text.toLowerCase().includes(concept.en.toLowerCase()))).toBe(true);
  });

  it('catches a drifted text', () => {
    const order = glossary.concepts.order as Concept;
    texts.ko.push(['probe', '처방을 전송했습니다']);
    try {
      expect(drift(order, 'ko')).toEqual(['probe: 처방 in "처방을 전송했습니다"']);
    } finally {
      texts.ko.pop();
    }
  });
});
