// ESLint (flat config): TypeScript's recommended rules and the feature boundaries of the web UI.
// A feature (src/features/<name>, mirroring a backend module) may import from src/components, src/lib, src/types
// and its own folder, never from another feature: what two features share moves to src/components or src/lib.
// Run by `npm run lint`, which the Maven build runs with the frontend tests (so `./cdss test` runs it).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Documented exceptions to the feature boundary: none today. Add { target, from, why } here if ever needed. */
const exceptions = [];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/types/api.gen.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      // a leading underscore marks a parameter that is there for its position only
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`, ...exceptions.filter((e) => e.target === feature).map((e) => `./${e.from}`)],
              message: `features/${feature} may not import another feature: move the shared piece to src/components or src/lib.`,
            })),
            {
              target: ['./src/components', './src/lib', './src/types'],
              from: './src/features',
              message: 'Shared code may not depend on a feature.',
            },
          ],
        },
      ],
    },
  },
);
