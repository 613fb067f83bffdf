// Runs Kubb's build (the same plugins its CLI would load) on `argv[2]` into `argv[3]`.
import { safeBuild } from '@kubb/core';
import { pluginOas } from '@kubb/plugin-oas';
import { pluginTs } from '@kubb/plugin-ts';
import { pluginZod } from '@kubb/plugin-zod';

const [spec, out] = process.argv.slice(2);
if (!spec || !out) throw new Error('usage: kubb-generate <spec> <out>');

const { error, failedPlugins } = await safeBuild({
  config: {
    root: out,
    input: { path: spec },
    output: { path: '.', clean: true, barrelType: false },
    plugins: [pluginOas({ validate: false, generators: [] }), pluginTs({ output: { path: 'types' } }), pluginZod({ output: { path: 'zod' }, version: '4' })],
  },
});
const failure = error ?? [...failedPlugins][0]?.error;
if (failure) {
  console.error(failure);
  process.exit(1);
}
