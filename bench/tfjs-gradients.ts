// tfjs-core's Node bundle has no gradients (the @tensorflow/tfjs umbrella, not installed, adds them), and
// the per-file ESM build that has them uses extensionless imports Node cannot resolve. A resolve hook
// adds the extension and a load hook marks those files as ESM; the gradients then register into the
// process-wide registry that the CJS bundle's engine reads.
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const HOOKS = `
const DIST = '/@tensorflow/tfjs-core/dist/';
export async function resolve(specifier, context, next) {
  if (context.parentURL && context.parentURL.includes(DIST) && specifier.startsWith('.') && !specifier.endsWith('.js')) {
    return next(specifier + '.js', context);
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url.includes(DIST)) return next(url, { ...context, format: 'module' });
  return next(url, context);
}
`;

export async function registerTfjsGradients(): Promise<void> {
  register('data:text/javascript,' + encodeURIComponent(HOOKS));
  const file = createRequire(import.meta.url).resolve('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  // Node's own import(), not the Vite runner's (which is closed once the entry has loaded).
  const nativeImport = new Function('u', 'return import(u)') as (u: string) => Promise<unknown>;
  await nativeImport(pathToFileURL(file).href);
}
