import { parseExpiry, parseRow, PortalIndex, readHeader, RowError } from './import-row';

const portals: PortalIndex = {
  byId: new Map([['0192f0c0-0000-7000-8000-000000000001', '0192f0c0-0000-7000-8000-000000000001']]),
  byName: new Map([
    ['main', ['0192f0c0-0000-7000-8000-000000000001']],
    ['twin', ['a', 'b']],
  ]),
};

const error = (fn: () => unknown): RowError => {
  try {
    fn();
  } catch (caught) {
    return caught as RowError;
  }
  throw new Error('expected a RowError');
};

describe('import rows', () => {
  it('maps header names and aliases, ignores unknown columns and names the missing ones', () => {
    expect(readHeader(['Code', 'Portal ID', 'username', 'password', 'Expires-At', 'state'])).toEqual({ columns: ['code', 'portal', 'username', 'password', 'expiry', 'ignored:state'], missing: [] });
    expect(readHeader(['code', 'user']).missing).toEqual(['username', 'password']);
  });

  it('parses a full row, normalising the code and resolving the portal by name', () => {
    expect(parseRow({ code: ' ab1c ', portal: 'MAIN', username: 'u', password: ' p ', expiry: 'never', notes: 'n', status: 'Inactive', subscription: '0192F0C0-0000-7000-8000-00000000000A' }, portals, null)).toEqual({
      code: 'AB1C', portalId: '0192f0c0-0000-7000-8000-000000000001', username: 'u', password: ' p ', status: 'inactive', notes: 'n',
      subscriptionId: '0192f0c0-0000-7000-8000-00000000000a', expiryMode: 'lifetime', expiresAt: null,
    });
  });

  it('names the field and the reason of a bad row', () => {
    expect(error(() => parseRow({ code: 'AB0C', portal: 'main', username: 'u', password: 'p' }, portals, null))).toMatchObject({ field: 'code', outcome: 'invalid' });
    expect(error(() => parseRow({ portal: 'twin', username: 'u', password: 'p' }, portals, null)).reason).toBe('2 portals are named "twin"; use the portal id');
    expect(error(() => parseRow({ username: 'u', password: 'p' }, portals, null)).field).toBe('portal');
    expect(parseRow({ username: 'u', password: 'p' }, portals, 'fallback').portalId).toBe('fallback');
    expect(error(() => parseRow({ portal: 'main', username: '', password: 'p' }, portals, null)).field).toBe('username');
    expect(error(() => parseRow({ portal: 'main', username: 'u', password: 'p', status: 'paused' }, portals, null)).field).toBe('status');
    expect(error(() => parseRow({ portal: 'main', username: 'u', password: 'p', subscription: 'sub-1' }, portals, null)).field).toBe('subscription');
  });

  it('reads expiries: empty = subscription, lifetime, a day (valid through it, UTC) or an instant with a zone', () => {
    expect(parseExpiry('')).toEqual({ expiryMode: 'default', expiresAt: null });
    expect(parseExpiry('LIFETIME')).toEqual({ expiryMode: 'lifetime', expiresAt: null });
    expect(parseExpiry('2030-02-28')).toEqual({ expiryMode: 'date', expiresAt: new Date('2030-03-01T00:00:00Z') });
    expect(parseExpiry('2030-01-01T12:00:00+02:00').expiresAt?.toISOString()).toBe('2030-01-01T10:00:00.000Z');
    expect(() => parseExpiry('2030-02-30')).toThrow('not a calendar date');
    expect(() => parseExpiry('2030-01-01T12:00:00')).toThrow(RowError);
    expect(() => parseExpiry('tomorrow')).toThrow(RowError);
  });
});
