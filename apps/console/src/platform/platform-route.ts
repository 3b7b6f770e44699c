import type { ComponentType } from 'preact';

/** One screen of the platform console. */
export interface PlatformRoute {
  /** A wouter pattern under the hash (`/tenants/:id`). */
  readonly path: string;
  /** The navigation label. */
  readonly title: string;
  readonly page: ComponentType<{ readonly params: Readonly<Record<string, string | undefined>> }>;
  /** Listed in the side navigation (detail screens are reached from their list instead). */
  readonly inNavigation: boolean;
  /**
   * Reads or changes tenants' data across tenants (the API runs it in the audited platform scope): the layout
   * shows the audit banner above it, so no such screen can forget to.
   */
  readonly crossTenant: boolean;
}
