import type { Document } from 'bson';

/** A view as mongod keeps it in `system.views`: the collection (or view) it reads and the stages on top. */
export interface ViewDefinition {
  readonly viewOn: string;
  readonly pipeline: readonly Document[];
}

/** The views of every database, by name. Collections and views share one namespace (the engine checks). */
export class ViewCatalog {
  private readonly databases = new Map<string, Map<string, ViewDefinition>>();

  get(databaseName: string, name: string): ViewDefinition | undefined {
    return this.databases.get(databaseName)?.get(name);
  }

  define(databaseName: string, name: string, definition: ViewDefinition): void {
    let views = this.databases.get(databaseName);
    if (views === undefined) {
      views = new Map();
      this.databases.set(databaseName, views);
    }
    views.set(name, definition);
  }

  drop(databaseName: string, name: string): boolean {
    const views = this.databases.get(databaseName);
    const dropped = views?.delete(name) ?? false;
    if (views?.size === 0) this.databases.delete(databaseName);
    return dropped;
  }

  dropDatabase(databaseName: string): void {
    this.databases.delete(databaseName);
  }

  viewsOf(databaseName: string): Array<[string, ViewDefinition]> {
    return [...(this.databases.get(databaseName)?.entries() ?? [])];
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }
}
