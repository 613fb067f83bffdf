import { describe, expect, it } from 'vitest';
import { atPointer, resolveRef } from '../src/refs.js';

const document = { a: { $ref: '#/b' }, b: { $ref: '#/c/d~1e' }, c: { 'd/e': { type: 'string' }, '{x}': 1 }, loop: { $ref: '#/loop' } };

describe('resolveRef', () => {
  it.each([
    ['a chain of references', document.a, { type: 'string' }],
    ['an object that is no reference', { type: 'number' }, { type: 'number' }],
    ['a reference that leads nowhere', { $ref: '#/missing' }, undefined],
    ['a reference to itself', document.loop, undefined],
    ['a reference to another file', { $ref: 'other.json#/a' }, undefined],
    ['no object at all', 'text', undefined],
  ])('%s', (_, node, want) => {
    expect(resolveRef(document, node)).toEqual(want);
  });
});

describe('atPointer', () => {
  it.each([
    ['#', document],
    ['#/c/d~1e', { type: 'string' }],
    ['#/c/%7Bx%7D', 1],
    ['#/c/nothing', undefined],
    ['elsewhere.json#/a', undefined],
  ])('%s', (pointer, want) => {
    expect(atPointer(document, pointer)).toEqual(want);
  });
});
