import { describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '../../server/api/contract.js';
import { createSessionStore, EXPIRY_SKEW_MS } from '../../client/src/session/store.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

const session = (expiresInMs: number): SessionResponse => ({
  token: 'tok-1',
  expiresAt: new Date(T0 + expiresInMs).toISOString(),
  user: { id: 1, email: 'owner@example.com', role: 'owner', canManage: true },
  storeHash: 'abc123',
});

function setup() {
  let now = T0;
  const store = createSessionStore(() => now);
  return { store, advance: (ms: number) => (now += ms) };
}

describe('session store', () => {
  it('starts in the starting state without a token', () => {
    const { store } = setup();
    expect(store.getState()).toEqual({ status: 'starting' });
    expect(store.getToken()).toBeNull();
  });

  it('activates with the token and exposes user and expiry', () => {
    const { store } = setup();
    store.activate(session(60_000));
    expect(store.getToken()).toBe('tok-1');
    expect(store.getState()).toMatchObject({ status: 'active', storeHash: 'abc123', expiresAt: T0 + 60_000 });
  });

  it('ends the session once the expiry (minus skew) passes, and forgets the token', () => {
    const { store, advance } = setup();
    const listener = vi.fn();
    store.subscribe(listener);
    store.activate(session(60_000));
    advance(60_000 - EXPIRY_SKEW_MS - 1);
    expect(store.getToken()).toBe('tok-1');
    advance(1);
    expect(store.getToken()).toBeNull();
    expect(store.getState()).toEqual({ status: 'ended', reason: 'expired' });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('checkExpiry reports whether it ended the session', () => {
    const { store, advance } = setup();
    store.activate(session(60_000));
    expect(store.checkExpiry()).toBe(false);
    advance(60_000);
    expect(store.checkExpiry()).toBe(true);
    expect(store.checkExpiry()).toBe(false);
  });

  it('treats an already-expired session as ended immediately', () => {
    const { store } = setup();
    store.activate(session(-1));
    expect(store.getState()).toEqual({ status: 'ended', reason: 'expired' });
  });

  it('fails on an unreadable expiry instead of keeping a token forever', () => {
    const { store } = setup();
    store.activate({ ...session(60_000), expiresAt: 'soon' });
    expect(store.getState().status).toBe('failed');
    expect(store.getToken()).toBeNull();
  });

  it('keeps the first end reason and drops the token', () => {
    const { store } = setup();
    store.activate(session(60_000));
    store.end('rejected');
    store.end('expired');
    expect(store.getState()).toEqual({ status: 'ended', reason: 'rejected' });
    expect(store.getToken()).toBeNull();
  });

  it('unsubscribes listeners', () => {
    const { store } = setup();
    const listener = vi.fn();
    const off = store.subscribe(listener);
    off();
    store.end('no_boot');
    expect(listener).not.toHaveBeenCalled();
  });
});
