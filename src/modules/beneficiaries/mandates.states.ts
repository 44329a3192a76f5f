import { mandateCategories, type MandateCategory, type MandateDuration } from './beneficiaries.schema.ts';

export const mandateStates = ['pending_consent', 'refused', 'active', 'expired', 'revoked', 'partly_revoked'] as const;
export type MandateState = (typeof mandateStates)[number];

/** What the state depends on: dates only. */
export type MandateDates = {
  categories: readonly MandateCategory[];
  consentGivenAt: Date | null;
  refusedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Category → ISO instant of its revocation. */
  categoryRevocations: Partial<Record<MandateCategory, string>>;
};

function revokedBy(iso: string | undefined, now: Date): boolean {
  return iso !== undefined && new Date(iso).getTime() <= now.getTime();
}

/**
 * The categories still usable at `now`: the mandate's, minus those revoked one by one. Empty when the mandate is
 * not in force (waiting, refused, expired, revoked as a whole).
 * @example activeCategories(mandate, new Date()) // ['papers', 'social']
 */
export function activeCategories(m: MandateDates, now: Date): MandateCategory[] {
  const state = mandateState(m, now);
  if (state !== 'active' && state !== 'partly_revoked') return [];
  return m.categories.filter((c) => !revokedBy(m.categoryRevocations[c], now));
}

/**
 * The state of a mandate at `now`, derived from its dates, never stored:
 * refused > waiting for consent > revoked before its end (as a whole, or every category) > expired > partly revoked
 * > active.
 * @example mandateState({ categories: ['papers'], consentGivenAt: yesterday, expiresAt: nextMonth, … }, now) // 'active'
 */
export function mandateState(m: MandateDates, now: Date): MandateState {
  if (m.refusedAt && m.refusedAt.getTime() <= now.getTime()) return 'refused';
  if (!m.consentGivenAt || m.consentGivenAt.getTime() > now.getTime()) return 'pending_consent';
  // A revocation after the end changes nothing: the mandate had already expired.
  const end = m.expiresAt?.getTime() ?? m.consentGivenAt.getTime();
  const revokedInForce = (at: number) => at <= now.getTime() && at < end;
  if (m.revokedAt && revokedInForce(m.revokedAt.getTime())) return 'revoked';
  const revokedCategories = m.categories.filter((c) => {
    const iso = m.categoryRevocations[c];
    return iso !== undefined && revokedInForce(new Date(iso).getTime());
  });
  if (m.categories.length > 0 && revokedCategories.length === m.categories.length) return 'revoked';
  if (end <= now.getTime()) return 'expired';
  return revokedCategories.length > 0 ? 'partly_revoked' : 'active';
}

/**
 * When a mandate given at `from` for `duration` ends. Calendar months (1, 6, 12), the same time of day.
 * @example mandateExpiry(new Date('2026-01-31T00:00:00Z'), 'one_month') // 2026-02-28T00:00:00Z (end of a short month)
 */
export function mandateExpiry(from: Date, duration: MandateDuration): Date {
  if (duration === 'one_day') return new Date(from.getTime() + 24 * 60 * 60 * 1000);
  const months = duration === 'one_month' ? 1 : duration === 'six_months' ? 6 : 12;
  const end = new Date(from.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return end;
}

/** Is this a known category code? */
export function isMandateCategory(value: string): value is MandateCategory {
  return mandateCategories.some((c) => c === value);
}
