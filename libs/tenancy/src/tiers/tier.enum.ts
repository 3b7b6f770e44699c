export enum Tier {
  Starter = 'STARTER',
  Professional = 'PROFESSIONAL',
  Enterprise = 'ENTERPRISE',
}
