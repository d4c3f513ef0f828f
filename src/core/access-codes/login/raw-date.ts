/**
 * A date column read by raw SQL, in whichever form the driver hands it over: a Date, epoch
 * milliseconds (SQLite, as MikroORM stores datetimes there), or PostgreSQL's text form
 * (`2031-06-30 00:00:00+00`, `…+05:30`) when the pool's parsers leave timestamps as strings.
 */
export function toDate(value: string | number | Date): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || /^\d+$/.test(value)) return new Date(Number(value));
  let text = value.trim().replace(' ', 'T');
  if (/[+-]\d\d$/.test(text)) text += ':00';
  else if (!/([zZ]|[+-]\d\d:?\d\d)$/.test(text)) text += 'Z';
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable date value from the database: ${value}`);
  return date;
}
