/**
 * What a platform figure is out of, in words: the base each published share names (`share_base`), and the base
 * line of a platform panel. Platform records are not offences: one offence can involve several platforms, so
 * where the count of cases with a platform recorded is larger than the offences, it counts platform records
 * (Hampshire, first nine months: the platform was disclosed in 67 cases, 67 platform records for 62 offences).
 */
import type { ShareBase } from '../data/schema.ts';

export const SHARE_BASE_WORDS: Readonly<Record<ShareBase, string>> = {
  platform_known: 'of offences where a platform was recorded',
  platform_records: 'of platform records',
  offences: 'of all offences',
  unstated: 'base not stated by the source',
};

/** The base of a panel as published: the cases where a platform was recorded, and the offences, each in words. */
export interface PanelBase {
  /** The count of cases (offences or records) where a platform was recorded, as a reader reads it, or null. */
  known: string | null;
  /** The offences, as a reader reads them, or null. */
  offences: string | null;
  /** The known count is larger than the offences, so it counts platform records, not offences. */
  knownCountsRecords: boolean;
}

/**
 * A platform panel's base line:
 * - "67 platform records (cases where a platform was disclosed) for 62 offences", where the cases outnumber the
 *   offences;
 * - "956 offences where a platform was recorded, of 1,628 offences";
 * - "956 offences where a platform was recorded; number of offences not published";
 * - "number of offences with a platform recorded not published, of 62 offences";
 * - "number of offences with a platform recorded, and of offences, not published".
 */
export function panelBaseWords(b: PanelBase): string {
  if (b.known && b.knownCountsRecords)
    return `${b.known} platform records (cases where a platform was disclosed)${b.offences ? ` for ${b.offences} offences` : ''}`;
  if (b.known)
    return `${b.known} offences where a platform was recorded${b.offences ? `, of ${b.offences} offences` : '; number of offences not published'}`;
  if (b.offences)
    return `number of offences with a platform recorded not published, of ${b.offences} offences`;
  return 'number of offences with a platform recorded, and of offences, not published';
}
