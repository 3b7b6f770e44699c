import type { ComponentType } from 'preact';
import type { StaffRole } from '../session/staff-user';

/** One screen of the console: where it lives, who may open it, and what the tier must include. */
export interface ConsoleRoute {
  /** A wouter pattern under the hash (`/payments/:id`). */
  readonly path: string;
  /** The screen's heading and navigation label. */
  readonly title: string;
  readonly page: ComponentType<{ readonly params: Readonly<Record<string, string | undefined>> }>;
  readonly roles: readonly StaffRole[];
  /** The tier feature the screen needs (libs/tenancy Feature), if any. */
  readonly feature?: string;
  /** Shown instead of the screen, and beside its navigation entry, when the tier lacks the feature. */
  readonly outsideTier?: string;
  /** Listed in the side navigation (detail screens are reached from their list instead). */
  readonly inNavigation: boolean;
}
