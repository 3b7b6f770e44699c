/** An operator asked to cancel the move: seen between steps, it stops the move as a failure before the switch does. */
export class MoveCanceledError extends Error {
  constructor() {
    super('The move was canceled by an operator');
    this.name = new.target.name;
  }
}
