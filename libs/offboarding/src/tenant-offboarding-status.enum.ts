/**
 * Where a tenant's offboarding is: requested → exporting → exported (downloadable; data kept for the retention
 * period) → deleting → offboarded (data deleted, archive still downloadable until its own retention ends and the
worker deletes the file: `archiveDeletedAt` is then set and a download answers 410).
 */
export enum TenantOffboardingStatus {
  ExportRequested = 'export_requested',
  Exporting = 'exporting',
  Exported = 'exported',
  Deleting = 'deleting',
  Offboarded = 'offboarded',
}
