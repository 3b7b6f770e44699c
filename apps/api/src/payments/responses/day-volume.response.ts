import { VolumeFiguresResponse } from './volume-figures.response';

/** Payments of one UTC day in one currency. */
export class DayVolumeResponse extends VolumeFiguresResponse {
  /** @example "2026-12-01" */
  readonly day!: string;
}
