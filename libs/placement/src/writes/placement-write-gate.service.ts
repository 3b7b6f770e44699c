import { Injectable } from '@nestjs/common';
import type { PlacementWriteGate } from './placement-write-gate';

/**
 * The write gate while no move exists: every tenant is always writable. Moves replace this implementation
 * (the one file bound to PLACEMENT_WRITE_GATE).
 */
@Injectable()
export class PlacementWriteGateService implements PlacementWriteGate {
  assertWritable(_tenantId: string): Promise<void> {
    return Promise.resolve();
  }
}
