import { Feature } from './feature.enum';
import { type TenantLimits, UNLIMITED } from './limit';
import { Tier } from './tier.enum';

export interface TierPlan {
  readonly limits: TenantLimits;
  readonly features: readonly Feature[];
  /**
   * The tenant's weight in the fair share of a job queue (see fair-share-priority.script.ts): while tenants
   * all have jobs waiting, each one's jobs start in proportion to its weight.
   */
  readonly jobShareWeight: number;
}

/** What each tier includes (SPEC §3). The only place tier differences are written down. */
export const TIER_PLANS: Readonly<Record<Tier, TierPlan>> = {
  [Tier.Starter]: {
    limits: { maxUsers: 10, transactionsPerMonth: 1_000, apiRequestsPerMinute: 60 },
    features: [Feature.BasicPayments],
    jobShareWeight: 1,
  },
  [Tier.Professional]: {
    limits: { maxUsers: 100, transactionsPerMonth: 50_000, apiRequestsPerMinute: 300 },
    features: [Feature.BasicPayments, Feature.BulkPayments, Feature.Analytics],
    jobShareWeight: 2,
  },
  [Tier.Enterprise]: {
    limits: { maxUsers: UNLIMITED, transactionsPerMonth: UNLIMITED, apiRequestsPerMinute: 1_000 },
    features: [
      Feature.BasicPayments,
      Feature.BulkPayments,
      Feature.Analytics,
      Feature.CustomWorkflows,
      Feature.WhiteLabel,
      Feature.ApiKeys,
      Feature.MandatoryMfa,
    ],
    jobShareWeight: 4,
  },
};
