import { PRIORITY_LIMIT, type Queue } from 'bullmq';
import { TIER_PLANS } from '../tiers/tier-plans.constant';
import type { Tier } from '../tiers/tier.enum';
import { FAIR_SHARE_PRIORITY_SCRIPT } from './fair-share-priority.script';
import { FAIR_SHARE_PRIORITY_COMMAND, fairShareTagsKey } from './tenant-job-keys.constant';

const HIGHEST_WEIGHT = Math.max(...Object.values(TIER_PLANS).map((plan) => plan.jobShareWeight));

/** The queue connections the script is defined on (BullMQ keeps one client per queue). */
const clientsWithCommand = new WeakSet<object>();

/**
 * The BullMQ priority that gives the tenant's next job its fair share of the queue (see
 * FAIR_SHARE_PRIORITY_SCRIPT). One round trip on the queue's own connection, so the keys it reads are the ones
 * BullMQ writes, through BullMQ's own script hook (`defineCommand`/`runCommand`: EVALSHA, loading the script
 * where a node lacks it, as BullMQ's scripts do on a Redis Cluster).
 */
export async function fairSharePriority(queue: Queue, tenantId: string, tier: Tier): Promise<number> {
  const cost = Math.ceil(HIGHEST_WEIGHT / TIER_PLANS[tier].jobShareWeight);
  const client = await queue.client;
  if (!clientsWithCommand.has(client)) {
    client.defineCommand(FAIR_SHARE_PRIORITY_COMMAND, { numberOfKeys: 2, lua: FAIR_SHARE_PRIORITY_SCRIPT });
    clientsWithCommand.add(client);
  }
  const priority: unknown = await client.runCommand(FAIR_SHARE_PRIORITY_COMMAND, [
    queue.keys['prioritized'] ?? '',
    fairShareTagsKey(queue.qualifiedName),
    tenantId,
    cost,
    PRIORITY_LIMIT,
  ]);
  return Number(priority);
}
