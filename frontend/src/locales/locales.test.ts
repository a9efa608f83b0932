import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import ko from './ko.json';

// Like spring-petclinic's I18nPropertiesSyncTest: a translation missing in one language fails the build.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [k, v] of flatten(value, path)) result.set(k, v);
  }
  return result;
}

const locales = { ko: flatten(ko as Tree), en: flatten(en as Tree) };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.gen.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it('ko and en have exactly the same keys', () => {
    const koKeys = [...locales.ko.keys()].sort();
    const enKeys = [...locales.en.keys()].sort();
    expect(koKeys.filter((key) => !locales.en.has(key)), 'missing in en.json').toEqual([]);
    expect(enKeys.filter((key) => !locales.ko.has(key)), 'missing in ko.json').toEqual([]);
  });

  it.each(Object.entries(locales))('%s has no empty values', (_lang, entries) => {
    const empty = [...entries].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...locales.ko].filter(([key, value]) => vars(value).join() !== vars(locales.en.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has every literal key the code translates', () => {
    const src = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(match[1] ?? '');
      // validation messages in zod schemas are keys as well
      for (const match of text.matchAll(/'(validation\.[a-zA-Z]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !locales.ko.has(key)).sort()).toEqual([]);
  });
});
