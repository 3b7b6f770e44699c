import { PRIORITY_LIMIT, type Queue } from 'bullmq';
import { TIER_PLANS } from '../tiers/tier-plans.constant';
import type { Tier } from '../tiers/tier.enum';
import { FAIR_SHARE_PRIORITY_SCRIPT } from './fair-share-priority.script';
import { fairShareTagsKey } from './tenant-job-keys.constant';

const HIGHEST_WEIGHT = Math.max(...Object.values(TIER_PLANS).map((plan) => plan.jobShareWeight));

/**
 * The BullMQ priority that gives the tenant's next job its fair share of the queue (see
 * FAIR_SHARE_PRIORITY_SCRIPT). One round trip on the queue's own connection, so the keys it reads are the
 * ones BullMQ writes. EVAL rather than EVALSHA: on a Redis Cluster a SCRIPT LOAD reaches one node only, while
 * EVAL is routed by its keys' slot, and Redis caches the compiled script either way.
 */
export async function fairSharePriority(queue: Queue, tenantId: string, tier: Tier): Promise<number> {
  const cost = Math.ceil(HIGHEST_WEIGHT / TIER_PLANS[tier].jobShareWeight);
  const client = await queue.client;
  const priority = await client.eval(
    FAIR_SHARE_PRIORITY_SCRIPT,
    2,
    queue.keys['prioritized'] ?? '',
    fairShareTagsKey(queue.qualifiedName),
    tenantId,
    cost,
    PRIORITY_LIMIT,
  );
  return Number(priority);
}
