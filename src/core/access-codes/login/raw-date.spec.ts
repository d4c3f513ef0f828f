import { toDate } from './raw-date';

describe('dates from raw rows', () => {
  it.each([
    [1893492000000, '2030-01-01T10:00:00.000Z'],
    ['1893492000000', '2030-01-01T10:00:00.000Z'],
    ['2030-01-01 10:00:00+00', '2030-01-01T10:00:00.000Z'],
    ['2030-01-01 12:00:00.5+02', '2030-01-01T10:00:00.500Z'],
    ['2030-01-01 15:30:00+05:30', '2030-01-01T10:00:00.000Z'],
    ['2030-01-01T10:00:00.000Z', '2030-01-01T10:00:00.000Z'],
    ['2030-01-01 10:00:00', '2030-01-01T10:00:00.000Z'],
    [new Date('2030-01-01T10:00:00Z'), '2030-01-01T10:00:00.000Z'],
  ])('reads %p as %s, whatever the local time zone', (raw, iso) => {
    expect(toDate(raw).toISOString()).toBe(iso);
  });

  it('refuses what is not a date', () => {
    expect(() => toDate('soon')).toThrow('Unreadable date');
  });
});
