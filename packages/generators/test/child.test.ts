import { describe, expect, it } from 'vitest';
import { runChild } from '../src/child.js';

describe('runChild, the one way a child process runs here', () => {
  it('gives a finished child its status and output', () => {
    const result = runChild('node', process.execPath, ['-e', 'console.log("out"); process.exit(3)']);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 3, stdout: 'out\n' });
  });

  it('kills a child still running past the guard, and says which and why', () => {
    expect(() => runChild('a hung generator', process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {}, 200)).toThrow('a hung generator: still running after 0.2 s, stopped.');
  });
});
