import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { FIRST_LOAD_BUDGET_GZIP_BYTES } from './first-load-budget.constant.mts';

/**
 * Fails the build when the JavaScript a first visit to any one page loads (its entry chunk and every chunk it
 * imports statically, not the screens loaded on demand) exceeds the budget, gzipped as it goes over the wire.
 * Each entry (the staff console, the platform console) is measured on its own: a visitor loads one of them.
 */
export function firstLoadBudget(budgetBytes = FIRST_LOAD_BUDGET_GZIP_BYTES): Plugin {
  return {
    name: 'tenantpay-first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [entry, bytes] of firstLoadGzipBytesByEntry(bundle)) {
        const summary = `${entry} first load: ${(bytes / 1024).toFixed(1)} kB of gzipped JS (budget ${budgetBytes / 1024} kB)`;
        if (bytes > budgetBytes) this.error(`${summary}: over budget`);
        this.info(summary);
      }
    },
  };
}

/** Each entry chunk's name and the gzipped size of what a first visit to it loads. */
export function firstLoadGzipBytesByEntry(bundle: OutputBundle): Map<string, number> {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const gzipped = new Map<string, number>();
  const sizeOf = (fileName: string): number => {
    let size = gzipped.get(fileName);
    if (size === undefined) {
      size = gzipSync(byName.get(fileName)?.code ?? '').length;
      gzipped.set(fileName, size);
    }
    return size;
  };
  const totals = new Map<string, number>();
  for (const entry of chunks.filter((chunk) => chunk.isEntry)) {
    const loaded = new Set<string>();
    const visit = (fileName: string): void => {
      const chunk = byName.get(fileName);
      if (chunk === undefined || loaded.has(fileName)) return;
      loaded.add(fileName);
      chunk.imports.forEach(visit);
    };
    visit(entry.fileName);
    totals.set(
      entry.name,
      [...loaded].reduce((total, fileName) => total + sizeOf(fileName), 0),
    );
  }
  return totals;
}
