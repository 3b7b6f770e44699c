/**
 * A tenant's running storage total (its stored bytes now, across periods) as two counters that only rise:
 * lifetime bytes grown and bytes shrunk, the total being their difference. The sync persists them with `$max`
 * in the same read as the producer marks that account for them, as it does the usage counters, so a repeated
 * or reordered sync never lowers them, and a total Redis lost is re-based on them: a retried growth the marks
 * recognise is not applied a second time on top.
 */
export interface StorageTotal {
  readonly grown: number;
  readonly shrunk: number;
}
