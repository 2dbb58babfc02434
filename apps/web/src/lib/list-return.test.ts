import { afterEach, describe, expect, it } from 'vitest';
import { forgetLocations, rememberedLocation, rememberLocation } from './list-return';

describe('remembered list addresses', () => {
  afterEach(() => forgetLocations());

  it('keeps the last address seen at a path, with its filters', () => {
    rememberLocation('/cases', { href: '/cases', publicHref: '/app/cases' });
    rememberLocation('/cases', { href: '/cases?status=open', publicHref: '/app/cases?status=open' });
    expect(rememberedLocation('/cases')).toEqual({ href: '/cases?status=open', publicHref: '/app/cases?status=open' });
    expect(rememberedLocation('/concerns')).toBeUndefined();
  });

  it('holds at most 50 paths, dropping the least recently visited', () => {
    rememberLocation('/cases', { href: '/cases?status=open', publicHref: '/app/cases?status=open' });
    for (let index = 0; index < 49; index += 1) rememberLocation(`/cases/${index}`, { href: `/cases/${index}`, publicHref: `/app/cases/${index}` });
    // Visiting the list again makes it the most recent: the next path pushes out /cases/0 instead.
    rememberLocation('/cases', { href: '/cases?status=closed', publicHref: '/app/cases?status=closed' });
    rememberLocation('/concerns', { href: '/concerns', publicHref: '/app/concerns' });
    expect(rememberedLocation('/cases')?.href).toBe('/cases?status=closed');
    expect(rememberedLocation('/cases/0')).toBeUndefined();
    expect(rememberedLocation('/cases/1')?.href).toBe('/cases/1');
  });

  it('forgets everything', () => {
    rememberLocation('/users', { href: '/users?q=kari', publicHref: '/app/users?q=kari' });
    forgetLocations();
    expect(rememberedLocation('/users')).toBeUndefined();
  });
});
