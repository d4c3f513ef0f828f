import { formatInTimeZone, PluginLogger } from '../../../core/plugins/sdk';
import { invalidExpiry } from './xui-admin.wire';

/** The largest gap between two time zones' clocks (UTC−12 to UTC+14), in seconds. */
const MAX_ZONE_GAP_SEC = 26 * 3600;
/** Zone offsets are whole quarter hours. */
const ZONE_STEP_SEC = 15 * 60;

/** An expiry as written: the instant meant, the skew it was written with, and the wall-clock text sent. */
export interface ExpiryWrite {
  epochSec: number;
  skewSec: number;
  text: string;
}

/**
 * XUI's admin API reads `exp_date` as wall-clock time in the API account's time zone (panels.md
 * §1C) and answers the stored expiry as a unix timestamp. The plugin writes in the configured
 * `timeZone`; when the panel reads in another one, every expiry lands hours off, and every
 * full-state edit (which resends the expiry) moves it again. The clock learns the panel's skew
 * from its answers and writes with it from then on.
 */
export class XuiExpiryClock {
  /** Seconds by which the panel stores what the configured zone's wall time means. */
  private skewSec = 0;

  constructor(
    private readonly timeZone: string,
    private readonly logger: PluginLogger,
  ) {}

  /** The `exp_date` to send for an expiry (unix seconds). */
  write(epochSec: number): ExpiryWrite {
    const skewSec = this.skewSec;
    return { epochSec, skewSec, text: formatInTimeZone(new Date((epochSec - skewSec) * 1000).toISOString(), this.timeZone) };
  }

  /**
   * Compares the expiry the panel stored with a write. A time-zone-shaped gap (whole quarter hours,
   * at most a day) is learned, and true says the expiry must be written again; any other gap is
   * the panel's own doing and is left alone. Writes answered at once agree on the same skew.
   */
  learn(written: ExpiryWrite, storedSec: number | null): boolean {
    if (storedSec === null) return false;
    const gap = storedSec - written.epochSec;
    if (gap === 0 || gap % ZONE_STEP_SEC !== 0 || Math.abs(gap) > MAX_ZONE_GAP_SEC) return false;
    this.skewSec = written.skewSec + gap;
    this.logger.warn("The panel reads expiry dates in another time zone than the configured one; the hub corrects for it. Set the panel's timeZone to the API account's time zone", {
      configuredTimeZone: this.timeZone,
      offByHours: gap / 3600,
    });
    return true;
  }

  /** After the write again: a skew that did not make the expiry land was not the panel's time zone, and is dropped. */
  confirm(first: ExpiryWrite, again: ExpiryWrite, storedSec: number | null): void {
    if (storedSec === null || storedSec === again.epochSec) return;
    this.skewSec = first.skewSec;
    this.logger.warn('The panel stores another expiry than the one written, and not by a time-zone offset', { writtenAt: again.epochSec, stored: storedSec });
  }
}

/**
 * A line row's `exp_date` as unix seconds; null when it never expires. A value that is no
 * timestamp is refused: an edit resending it as it is (omitted) would make the line unlimited.
 */
export function storedExpiry(value: string | number | null | undefined): number | null {
  const text = value === null || value === undefined ? '' : String(value);
  if (text === '' || text === '0') return null;
  return /^\d+$/.test(text) ? Number(text) : invalidExpiry(text);
}
