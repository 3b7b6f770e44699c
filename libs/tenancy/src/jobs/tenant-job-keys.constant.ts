/**
 * Redis keys and script names of tenant jobs. The fair-share tags live under the queue's own qualified name
 * (BullMQ's prefix and queue name), so they sit in the queue's hash slot when the prefix carries a hash tag
 * (Redis Cluster) and one script can read the queue's prioritized set and the tags together.
 */
export const fairShareTagsKey = (queueQualifiedName: string): string => `${queueQualifiedName}:fair-share`;

/** The name the fair-share script is defined under on a queue's connection (beside BullMQ's own scripts). */
export const FAIR_SHARE_PRIORITY_COMMAND = 'tenantFairSharePriority';
