import { Injectable } from '@nestjs/common';

/** Whether this instance is shutting down: readiness answers 503 from then on. */
@Injectable()
export class DrainState {
  private draining = false;

  get isDraining(): boolean {
    return this.draining;
  }

  begin(): void {
    this.draining = true;
  }
}
