import { describe, expect, it } from 'vitest';
import { matchRoute, normalizePathname } from '../../client/src/router/match.js';

const routes = [
  { id: 'overview', path: '/' },
  { id: 'orders', path: '/orders' },
  { id: 'order-settings', path: '/orders/settings' },
  { id: 'settings', path: '/settings/' },
] as const;

const idFor = (path: string): string => matchRoute(routes, path).route.id;

describe('normalizePathname', () => {
  it('strips query, hash, repeated and trailing slashes and lower-cases', () => {
    expect(normalizePathname('/Orders/?page=2#top')).toBe('/orders');
    expect(normalizePathname('//orders//42/')).toBe('/orders/42');
    expect(normalizePathname('')).toBe('/');
    expect(normalizePathname('/')).toBe('/');
    expect(normalizePathname('?x=1')).toBe('/');
  });
});

describe('matchRoute', () => {
  it('matches exact paths', () => {
    expect(idFor('/')).toBe('overview');
    expect(idFor('/orders')).toBe('orders');
    expect(idFor('/settings')).toBe('settings');
    expect(matchRoute(routes, '/orders').fallback).toBe(false);
  });

  it('lets a route own its sub-paths, preferring the longest match', () => {
    expect(idFor('/orders/42')).toBe('orders');
    expect(idFor('/orders/settings')).toBe('order-settings');
    expect(idFor('/orders/settings/carriers')).toBe('order-settings');
  });

  it('does not treat a shared prefix as a sub-path', () => {
    const match = matchRoute(routes, '/ordersarchive');
    expect(match.route.id).toBe('overview');
    expect(match.fallback).toBe(true);
  });

  it('falls back to the first route for unknown paths', () => {
    const match = matchRoute(routes, '/nope/at/all');
    expect(match).toEqual({ route: routes[0], fallback: true });
  });

  it('does not let "/" swallow other paths', () => {
    expect(matchRoute([{ id: 'home', path: '/' }], '/anything').fallback).toBe(true);
    expect(matchRoute([{ id: 'home', path: '/' }], '/').fallback).toBe(false);
  });

  it('throws without routes', () => {
    expect(() => matchRoute([], '/')).toThrow();
  });
});
