/**
 * Where a tenant's offboarding is: requested → exporting → exported (downloadable; data kept for the retention
 * period) → deleting → offboarded (data deleted, archive still downloadable while its file is kept).
 */
export enum TenantOffboardingStatus {
  ExportRequested = 'export_requested',
  Exporting = 'exporting',
  Exported = 'exported',
  Deleting = 'deleting',
  Offboarded = 'offboarded',
}
