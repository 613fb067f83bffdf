import { describe, expect, it } from 'vitest';
import { CollectionStore, type Item } from '../../src/twin/core/collection-store.js';

/** Customer users, children of customers, children of accounts: the shape of a resource two levels down. */
const users = (limits = { maxItems: 10, maxBytes: 10_000 }) =>
  new CollectionStore({ key: 'id', parents: ['accountId', 'customerId'], indexes: { email: (item: Item) => item.email as string | undefined } }, limits);
const user = (id: string, customerId: string, email?: string, accountId = 'A'): Item => ({ id, accountId, customerId, ...(email ? { email } : {}) });

describe('the collection store', () => {
  it('keeps items apart by every parent id, compared without regard to case', () => {
    const store = users();
    store.insert(user('u1', 'C1'));
    store.insert(user('u2', 'C2'));
    store.insert(user('u3', 'C1', undefined, 'B'));
    expect(store.list(['a', 'c1']).map((item) => item.id)).toEqual(['u1']);
    expect(store.list(['B', 'C1']).map((item) => item.id)).toEqual(['u3']);
    expect(store.get(['A', 'C1'], 'U1')).toMatchObject({ id: 'u1' });
    expect(store.get(['A', 'C2'], 'u1')).toBeUndefined();
    expect(store.remove(['A', 'C2'], 'u1')).toBe(false);
    expect(store.count).toBe(3);
  });

  it('finds the oldest item by an index, and follows replace and remove', () => {
    const store = users();
    store.insert(user('u1', 'C1', 'x@example.com'));
    store.insert(user('u2', 'C2', 'x@example.com'));
    expect(store.findFirst('email', 'x@example.com')).toMatchObject({ id: 'u1' });
    store.replace({ ...user('u1', 'C1', 'y@example.com') });
    expect(store.findFirst('email', 'x@example.com')).toMatchObject({ id: 'u2' });
    expect(store.findFirst('email', 'y@example.com')).toMatchObject({ id: 'u1' });
    // A replaced item keeps its age and its place.
    store.replace({ ...user('u1', 'C1', 'x@example.com') });
    expect(store.findFirst('email', 'x@example.com')).toMatchObject({ id: 'u1' });
    store.remove(['A', 'C1'], 'u1');
    expect(store.findFirst('email', 'x@example.com')).toMatchObject({ id: 'u2' });
    expect(store.findFirst('email', 'y@example.com')).toBeUndefined();
    expect(store.findFirst('no-such-index', 'x@example.com')).toBeUndefined();
  });

  it('keeps creation order through replace, and starts it again on replaceAll', () => {
    const store = users();
    ['u1', 'u2', 'u3'].forEach((id) => store.insert(user(id, 'C1', 'same@example.com')));
    store.replace({ ...user('u1', 'C1', 'same@example.com'), name: 'changed' });
    expect(store.list(['A', 'C1']).map((item) => item.id)).toEqual(['u1', 'u2', 'u3']);
    expect(store.all().map((item) => item.id)).toEqual(['u1', 'u2', 'u3']);
    store.replaceAll([user('u3', 'C1', 'same@example.com'), user('u2', 'C1', 'same@example.com')]);
    expect(store.findFirst('email', 'same@example.com')).toMatchObject({ id: 'u3' });
    expect(store.count).toBe(2);
  });

  it('refuses an insert beyond the count cap and a change beyond the byte cap', () => {
    const store = users({ maxItems: 2, maxBytes: 200 });
    expect(store.insert(user('u1', 'C1'))).toEqual({ ok: true });
    expect(store.insert(user('u2', 'C1'))).toEqual({ ok: true });
    expect(store.insert(user('u3', 'C1'))).toEqual({ ok: false, reason: 'count' });
    expect(store.replace({ ...user('u1', 'C1'), name: 'x'.repeat(200) })).toEqual({ ok: false, reason: 'bytes' });
    expect(store.get(['A', 'C1'], 'u1')).toEqual(user('u1', 'C1'));
  });

  it('counts bytes of UTF-8, not UTF-16 units: 100 "é" take 200 bytes', () => {
    const item = user('u1', 'C1');
    const base = Buffer.byteLength(JSON.stringify({ ...item, name: '' }));
    const store = users({ maxItems: 10, maxBytes: base + 150 });
    expect(store.insert({ ...item, name: 'é'.repeat(100) })).toEqual({ ok: false, reason: 'bytes' });
    expect(store.insert({ ...item, name: 'e'.repeat(100) })).toEqual({ ok: true });
  });

  it('freezes what it stores, so a change is always a whole replacement', () => {
    const store = users();
    store.insert(user('u1', 'C1'));
    expect(Object.isFrozen(store.get(['A', 'C1'], 'u1'))).toBe(true);
  });
});
