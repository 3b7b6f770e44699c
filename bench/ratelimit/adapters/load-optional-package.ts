/**
 * Loads a peer package that may not be installed. The name goes through a variable so the type checker does
 * not require the package; each adapter describes the little of its API it uses.
 */
export async function loadOptionalPackage<T>(packageName: string): Promise<T> {
  const name: string = packageName;
  return (await import(name)) as T;
}
