/**
 * Runs tasks from the event loop's next check phase, all of them in one `setImmediate` callback, in the order
 * they were queued. The admission gate hands every request admitted in one turn over this way: one Immediate
 * per turn instead of one per request (each Immediate is an async resource, so AsyncLocalStorage's hook runs
 * for it too). A task that throws fails as it would in a callback of its own: its error leaves the callback,
 * and the tasks after it run in the next check phase.
 */
export class CheckPhaseQueue {
  private tasks: (() => void)[] = [];

  constructor(private readonly schedule: (run: () => void) => unknown = setImmediate) {}

  push(task: () => void): void {
    if (this.tasks.push(task) === 1) this.schedule(this.run);
  }

  private readonly run = (): void => {
    const tasks = this.tasks;
    this.tasks = [];
    for (let index = 0; index < tasks.length; index += 1) {
      try {
        (tasks[index] as () => void)();
      } catch (error) {
        const rest = tasks.slice(index + 1);
        if (rest.length > 0) {
          const scheduled = this.tasks.length > 0;
          this.tasks = [...rest, ...this.tasks];
          if (!scheduled) this.schedule(this.run);
        }
        throw error;
      }
    }
  };
}
