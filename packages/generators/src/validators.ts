import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Generator } from './generators.js';

/** What a generated zod schema needs to offer here. */
export interface Parser {
  safeParse(value: unknown): { success: boolean };
}

async function load(out: string, [module, name]: [string, string]): Promise<Parser> {
  const file = join(out, module.endsWith('.ts') ? module : `${module}.ts`);
  const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const parser = name.split('.').reduce<unknown>((parent, key) => (parent as Record<string, unknown> | undefined)?.[key], exports);
  if (typeof (parser as Parser | undefined)?.safeParse !== 'function') throw new Error(`${file} exports no zod schema ${name}.`);
  return parser as Parser;
}

/** The generated create and patch validators of `generator`, imported from its output folder. */
export async function loadValidators(generator: Generator, out: string): Promise<{ create: Parser; patch: Parser }> {
  if (!generator.zod) throw new Error(`${generator.name} makes no validators.`);
  return { create: await load(out, generator.zod.create), patch: await load(out, generator.zod.patch) };
}
